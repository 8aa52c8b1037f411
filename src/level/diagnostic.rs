//! Problems found in level and pack files, located at `file:line:column` so a teacher
//! can jump straight to them, and the errors returned when a level cannot be used.

use std::fmt;

use serde::Serialize;
use thiserror::Error;

/// One problem in a level or pack file. Displays as `file:line:col: message`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file as the user named it (a path, or `pack/relative/path.ron`).
    pub file: String,
    /// 1-based line in the file.
    pub line: u32,
    /// 1-based column (in characters) in that line.
    pub column: u32,
    pub problem: LevelProblem,
}

impl Diagnostic {
    pub fn new(file: impl Into<String>, line: u32, column: u32, problem: LevelProblem) -> Self {
        Self {
            file: file.into(),
            line,
            column,
            problem,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.problem
        )
    }
}

/// Everything that can be wrong with a level or a pack. Messages are in English: they are
/// meant for teachers writing levels and for automated checks.
#[derive(Clone, Debug, PartialEq, Eq, Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LevelProblem {
    // --- files ---
    #[error("cannot read the file: {message}")]
    Io { message: String },
    #[error("not a level file (.ron) nor a pack folder")]
    NotALevelOrPack,
    #[error("this folder has no pack.ron describing the pack")]
    NoPackFile,
    #[error("{message}")]
    Syntax { message: String },
    #[error("symbolic links are refused in packs: copy the file itself into the pack")]
    Symlink,
    #[error("not a regular file (a device, pipe or socket)")]
    SpecialFile,
    #[error(
        "this path could lead outside the pack (`..`, absolute path, drive letter, backslash or control character)"
    )]
    UnsafePath,
    #[error("two files of the archive have the same name (ignoring case)")]
    DuplicateEntry,
    #[error("the file name is not valid UTF-8")]
    NameNotUtf8,
    #[error("the file is not UTF-8 text")]
    NotUtf8,
    #[error("the file is larger than {max_bytes} bytes once decompressed")]
    FileTooLarge { max_bytes: u64 },
    #[error("the pack holds more than {max} files")]
    TooManyFiles { max: u32 },
    #[error("the pack is larger than {max_bytes} bytes once decompressed")]
    PackTooLarge { max_bytes: u64 },
    #[error("not a readable zip archive: {message}")]
    BadArchive { message: String },

    // --- fields ---
    #[error("id `{id}` must be non-empty and use only letters, digits, `-` and `_`")]
    BadId { id: String },
    #[error("`{field}` has no text in language `{lang}`")]
    EmptyText { field: String, lang: String },
    #[error("`{name}` is not a robot function")]
    UnknownFunction { name: String },
    #[error("the level has no goals: any program would pass")]
    NoGoals,
    #[error("a goal refers to mark '{mark}', which is not drawn on the map")]
    UnknownMark { mark: char },
    #[error("ReachGoal needs a goal cell `G` on the map")]
    NoGoalCell,
    #[error("`{field}` must be at least 1")]
    ZeroLimit { field: String },
    #[error("the star target of {stars} actions is above the level's limit of {limit} actions")]
    StarAboveLimit { stars: u32, limit: u32 },
    #[error("the level has no reference solution")]
    EmptySolution,
    #[error("the reference solution calls `{name}`, which the level does not allow")]
    SolutionUsesForbidden { name: String },
    /// Reported by whoever runs the reference solution in the sandbox (grade/CLI), placed
    /// with [`super::Level::field_diagnostic`] at the `solution` field.
    #[error("the reference solution fails{}: {reason}", seed.map(|s| format!(" on variant {s}")).unwrap_or_default())]
    SolutionFails { seed: Option<u64>, reason: String },

    // --- map ---
    #[error("the map has no robot (draw one of `>`, `<`, `^`, `v`)")]
    NoRobot,
    #[error("the map has {count} robots; there must be exactly one")]
    TooManyRobots { count: u32 },
    #[error("unknown map character '{ch}': add it to the legend")]
    UnknownChar { ch: char },
    #[error("legend entry '{mark}' mixes a wall with other features, or has several robots")]
    ConflictingFeatures { mark: char },
    #[error("variant {seed}: the map is {width}x{height}, larger than the maximum of {max}x{max}")]
    MapTooLarge {
        seed: u64,
        width: u64,
        height: u64,
        max: u32,
    },
    #[error("thin wall at x={x}, y={y} is outside the map")]
    WallOutsideMap { x: u32, y: u32 },
    #[error("variant {seed}: the robot cannot reach this goal cell")]
    GoalUnreachable { seed: u64 },
    #[error("variant {seed}: the robot cannot reach any cell marked '{mark}' that a goal needs")]
    MarkUnreachable { mark: char, seed: u64 },
    #[error("variant {seed}: the robot cannot reach this item, yet a goal needs it collected")]
    ItemUnreachable { seed: u64 },
    #[error("variant {seed}: a goal needs {wanted} items but only {available} can be reached")]
    NotEnoughItems {
        seed: u64,
        wanted: u32,
        available: u32,
    },

    // --- variants ---
    #[error("variants.count is {count}; it must be between 1 and {max}")]
    BadVariantCount { count: u32, max: u32 },
    #[error("cannot stretch {axis} {index}: the map has {size} {axis}s (numbered from 0)")]
    StretchOutsideMap { axis: String, index: u32, size: u32 },
    #[error("rule uses mark '{mark}', which is not drawn on the map")]
    RuleMarkNotOnMap { mark: char },
    #[error("ItemCount('{mark}') needs cells whose legend holds an item")]
    NoItemToCount { mark: char },
    #[error("range ({min}, {max}) is empty: the first number must not exceed the second")]
    BadRange { min: u32, max: u32 },
    #[error("variant {seed} is identical to variant {same_as}: add or widen variant rules")]
    IdenticalVariants { seed: u64, same_as: u64 },

    // --- packs ---
    #[error("level id `{id}` is already used by {first_file}")]
    DuplicateLevelId { id: String, first_file: String },
    #[error("no level file in the pack has id `{id}`")]
    UnknownLevel { id: String },
    #[error("level `{id}` is already listed in another chapter")]
    LevelInTwoChapters { id: String },
    #[error("chapter id `{id}` is used twice")]
    DuplicateChapterId { id: String },
    #[error("chapter `{id}` lists no levels")]
    EmptyChapter { id: String },
    #[error("the pack has no chapters")]
    NoChapters,
    #[error(
        "`{reference}` names no level of a built-in pack (write `pack-id/level-id`, e.g. `codebot/premiers-pas-01`)"
    )]
    UnknownBuiltinLevel { reference: String },
    #[error("two levels of the pack have id `{id}` (one of them borrowed from a built-in pack)")]
    BorrowedIdClash { id: String },
    #[error("exam.time_limit_minutes is {minutes}; it must be between 1 and {max}")]
    BadTimeLimit { minutes: u32, max: u32 },
}

/// Why a level could not be loaded or played.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LevelError {
    #[error("cannot read {path}: {message}")]
    Io { path: String, message: String },
    #[error("{}", join_lines(.0))]
    Invalid(Vec<Diagnostic>),
    #[error("no built-in or installed pack is named `{0}`")]
    UnknownPack(String),
    #[error("pack `{pack}` has no level `{level}`")]
    UnknownLevel { pack: String, level: String },
    #[error("`{0}` is neither a level file (.ron) nor `pack-id/level-id`")]
    BadSpec(String),
    #[error("level `{level}`, variant {seed}: {problem}")]
    Variant {
        level: String,
        seed: u64,
        problem: LevelProblem,
    },
}

fn join_lines(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_display_as_file_line_column_message() {
        let d = Diagnostic::new("a.ron", 3, 7, LevelProblem::UnknownChar { ch: 'Q' });
        assert_eq!(
            d.to_string(),
            "a.ron:3:7: unknown map character 'Q': add it to the legend"
        );
        let e = LevelError::Invalid(vec![d.clone(), d]);
        assert_eq!(e.to_string().lines().count(), 2);
    }
}
