//! Ids of the general messages printed by the command line and the game, with the
//! arguments each one takes. Use these constants rather than string literals: a test
//! checks that every one exists in both languages.

/// `$stars` (0 to 3): "Réussi ! Tu gagnes 2 étoiles sur 3."
pub const VERDICT_PASSED: &str = "verdict-passed";
/// No argument: "Pas encore réussi. Lis le message, corrige ton programme et réessaie !"
pub const VERDICT_FAILED: &str = "verdict-failed";
/// `$seed` (pass it as text: a u64 does not fit a Fluent number), `$actions`:
/// "Variante 42 : réussie en 12 actions".
pub const VERDICT_VARIANT_PASSED: &str = "verdict-variant-passed";
/// `$seed` (as text), `$reason` (an already translated message): "Variante 42 : ...".
pub const VERDICT_VARIANT_FAILED: &str = "verdict-variant-failed";
/// `$seed` (as text): the variant was not run because an earlier one stopped on an error.
pub const VERDICT_VARIANT_NOT_RUN: &str = "verdict-variant-not-run";
/// `$lines`, `$actions`: what the stars were judged on.
pub const VERDICT_STARS_DETAIL: &str = "verdict-stars-detail";
/// `$count`: levels checked by `codebot validate`, all valid.
pub const VERDICT_VALIDATE_OK: &str = "verdict-validate-ok";
/// `$passed`, `$total`: "3 variantes réussies sur 4."
pub const VERDICT_VARIANTS_SUMMARY: &str = "verdict-variants-summary";
/// `$path`, `$reason`: "Impossible de lire le niveau « x.ron » : ..."
pub const INPUT_UNREADABLE_LEVEL: &str = "input-unreadable-level";
/// `$reference`: "Aucun niveau ne s'appelle « x/y ». Tape « codebot list »..."
pub const INPUT_UNKNOWN_LEVEL: &str = "input-unknown-level";
/// `$path`, `$reason`: "Impossible de lire le programme « x.py » : ..."
pub const INPUT_UNREADABLE_PROGRAM: &str = "input-unreadable-program";
/// `$line`: "Ligne 3 :" (used by `program_error_message`, also handy for the game).
pub const WHERE_LINE: &str = "where-line";
/// `$line`, `$column`: "Ligne 3, colonne 7 :"
pub const WHERE_LINE_COLUMN: &str = "where-line-column";

/// Every id above.
pub const ALL: [&str; 13] = [
    VERDICT_PASSED,
    VERDICT_VARIANT_NOT_RUN,
    VERDICT_STARS_DETAIL,
    VERDICT_VALIDATE_OK,
    VERDICT_FAILED,
    VERDICT_VARIANT_PASSED,
    VERDICT_VARIANT_FAILED,
    VERDICT_VARIANTS_SUMMARY,
    INPUT_UNREADABLE_LEVEL,
    INPUT_UNKNOWN_LEVEL,
    INPUT_UNREADABLE_PROGRAM,
    WHERE_LINE,
    WHERE_LINE_COLUMN,
];
