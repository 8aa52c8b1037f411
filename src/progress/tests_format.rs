//! Tests of the file format: versions, upgrades, refusing newer files, and recognizing
//! damaged text.

use std::fs;

use super::format::{decode, encode};
use super::test_util::*;
use super::*;

/// A profile as the first Codebot saved it (format 0): no `format_version` field, no
/// `achievements`, no `reduced_motion`, no `passed_without_hints`.
const V0_FILE: &str = r#"(
    id: "zoe-ab12",
    name: "Zoé",
    avatar: 4,
    created: 1700000000,
    settings: (
        lang: Some(fr),
        text_scale: 1.25,
        high_contrast: true,
        animation_speed: 2.0,
    ),
    levels: {
        "basics/first": (
            passed: true,
            best_stars: 3,
            code: "move()\nmove()\n",
            attempts: 4,
            hints_used: 0,
            last_played: 1700000100,
        ),
        "basics/second": (
            passed: true,
            best_stars: 1,
            code: "turn_left()",
            attempts: 9,
            hints_used: 2,
            last_played: 1700000200,
        ),
        "basics/third": (
            passed: false,
            best_stars: 0,
            code: "",
            attempts: 1,
            hints_used: 0,
            last_played: 1700000300,
        ),
    },
)
"#;

fn check_upgraded(profile: &Profile) {
    assert_eq!(profile.id, "zoe-ab12");
    assert_eq!(profile.name, "Zoé");
    assert_eq!(profile.avatar, 4);
    assert_eq!(profile.created, 1_700_000_000);
    assert_eq!(
        profile.settings,
        Settings {
            lang: Some(crate::i18n::Lang::Fr),
            text_scale: 1.25,
            high_contrast: true,
            animation_speed: 2.0,
            reduced_motion: false,
        }
    );
    assert!(profile.achievements.is_empty());
    let first = profile.level("basics/first").unwrap();
    assert_eq!((first.best_stars, first.attempts), (3, 4));
    assert_eq!(first.code, "move()\nmove()\n");
    assert!(first.passed_without_hints);
    assert!(!profile.level("basics/second").unwrap().passed_without_hints);
    assert!(!profile.level("basics/third").unwrap().passed_without_hints);
    assert_eq!(profile.total_stars(), 4);
}

#[test]
fn version_0_is_upgraded_when_decoded() {
    let decoded = decode(V0_FILE.as_bytes(), "zoe-ab12").unwrap();
    assert_eq!(decoded.from_version, 0);
    check_upgraded(&decoded.profile);
    // An explicit `format_version: 0` is the same format.
    let explicit = V0_FILE.replacen("(\n", "(\n    format_version: 0,\n", 1);
    assert_eq!(decode(explicit.as_bytes(), "zoe-ab12").unwrap(), decoded);
}

#[test]
fn version_0_file_loads_and_the_next_save_writes_version_1() {
    let (dir, store) = temp_store();
    fs::create_dir_all(dir.path().join("profiles")).unwrap();
    fs::write(main_file(dir.path(), "zoe-ab12"), V0_FILE).unwrap();

    let list = store.list_profiles().unwrap();
    assert_eq!(
        (list[0].name.as_str(), list[0].health.clone()),
        ("Zoé", ProfileHealth::Ok)
    );
    let loaded = store.load_profile("zoe-ab12").unwrap();
    assert_eq!(loaded.recovery, None);
    check_upgraded(&loaded.value);

    let mut profile = loaded.value;
    profile.achievements.insert("upgraded".into());
    store.save_profile(&profile).unwrap();
    let text = fs::read_to_string(main_file(dir.path(), "zoe-ab12")).unwrap();
    assert!(
        text.contains(&format!("format_version: {FORMAT_VERSION},")),
        "{text}"
    );
    // The old file is the backup, and still loads.
    assert_eq!(
        fs::read_to_string(backup_file(dir.path(), "zoe-ab12")).unwrap(),
        V0_FILE
    );
    assert_eq!(store.load_profile("zoe-ab12").unwrap().value, profile);
}

#[test]
fn newer_version_is_refused_and_left_untouched() {
    let (dir, store) = temp_store();
    let mut zoe = store.create_profile("Zoé", 0).unwrap();
    zoe.record_attempt("basics/a", "x", true, 1);
    store.save_profile(&zoe).unwrap();
    let main = main_file(dir.path(), &zoe.id);
    let future = fs::read_to_string(&main).unwrap().replace(
        "format_version: 1,",
        "format_version: 7,\n    hover_board: true,",
    );
    fs::write(&main, &future).unwrap();
    let backup = fs::read(backup_file(dir.path(), &zoe.id)).unwrap();

    let refused = |r: Result<(), ProgressError>| {
        matches!(
            r,
            Err(ProgressError::NewerVersion {
                found: 7,
                supported: FORMAT_VERSION,
                ..
            })
        )
    };
    // Not loaded, and the older backup is not used in its place.
    assert!(refused(store.load_profile(&zoe.id).map(drop)));
    assert!(refused(store.save_profile(&zoe)));
    assert!(refused(store.rename_profile(&zoe.id, "Zoé 2").map(drop)));
    assert_eq!(fs::read_to_string(&main).unwrap(), future);
    assert_eq!(fs::read(backup_file(dir.path(), &zoe.id)).unwrap(), backup);
    assert!(
        !files_in(dir.path(), "profiles")
            .iter()
            .any(|f| f.contains(".broken-"))
    );

    let list = store.list_profiles().unwrap();
    assert_eq!(list[0].health, ProfileHealth::NewerVersion { found: 7 });
    assert!(list[0].is_corrupt());
}

#[test]
fn encode_decode_round_trip_and_format_version() {
    let mut profile = with_progress(Profile::new("zoe-ab12", "Zoé", 1));
    profile.use_hint("basics/first");
    let text = encode(&profile).unwrap();
    assert!(text.starts_with("(\n    format_version: 1,\n"), "{text}");
    let decoded = decode(text.as_bytes(), "zoe-ab12").unwrap();
    assert_eq!(decoded.from_version, FORMAT_VERSION);
    assert_eq!(decoded.profile, profile);
}

#[test]
fn unknown_fields_and_missing_optional_fields_are_tolerated() {
    let text = "(format_version: 1, id: \"zoe-ab12\", name: \"Zoé\", avatar: 0, extra: [1, 2])";
    let profile = decode(text.as_bytes(), "zoe-ab12").unwrap().profile;
    assert_eq!(profile.settings, Settings::default());
    assert!(profile.levels.is_empty());
}

/// No prefix of a save is ever taken for a complete profile, so a file cut short always
/// sends the loader to the backup; and cuts are reported as such.
#[test]
fn every_cut_of_a_file_is_refused() {
    let mut profile = with_progress(Profile::new("zoe-ab12", "Zoé", 1));
    profile.save_code("basics/multi", "for i in range(3):\n    move()\n");
    profile.save_code("basics/quotes", "print(\"a\" + 'b') # r#\"x\"#\n\tdone\r\n");
    profile.save_code("basics/accents", "dire(\"Ça marche ! 🤖\")");
    let text = encode(&profile).unwrap();
    let end = text.trim_end().len();
    // Byte cuts too: a cut inside "é" or "🤖" is not UTF-8 any more.
    for cut in 0..end {
        match decode(&text.as_bytes()[..cut], "zoe-ab12") {
            Ok(_) => panic!("a cut at {cut} was accepted: {:?}", &text[..cut]),
            Err(FileProblem::Empty) => assert_eq!(cut, 0),
            Err(FileProblem::Truncated) => {}
            Err(other) => panic!("a cut at {cut} gave {other:?}"),
        }
    }
}

#[test]
fn wrong_shapes_are_not_ron_profiles() {
    for text in [
        "[1, 2]",
        "(format_version: \"one\")",
        "(format_version: 1, name: 5)",
        "\u{feff}\u{0}",
    ] {
        assert!(
            matches!(
                decode(text.as_bytes(), "zoe-ab12"),
                Err(FileProblem::NotRon { .. })
            ),
            "{text:?}"
        );
    }
}
