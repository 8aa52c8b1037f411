//! The level file format: one RON file per level, read with serde.
//!
//! Optional fields may be left out, and `Some(...)` is never needed (RON's implicit-some
//! extension is on). See `levels/codebot/` for commented examples.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::diagnostic::{Diagnostic, LevelProblem};
use super::text::Text;
use crate::sandbox::RobotFn;
use crate::sim::{Color, Goal, GoalFailure, Heading, ItemKind, World};

/// The action limit of a level that does not set `max_actions`.
pub const DEFAULT_MAX_ACTIONS: u32 = 1000;
/// The largest number of variants a level may ask for.
pub const MAX_VARIANTS: u32 = 50;

/// One level, as written in its file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Unique in its pack; used in `pack-id/level-id` references and in saves.
    pub id: String,
    pub title: Text,
    pub brief: Text,
    /// The grid drawn as text; see the `map` module for the alphabet.
    pub map: String,
    /// Extra map characters, or built-in ones given another meaning.
    #[serde(default)]
    pub legend: BTreeMap<char, Vec<Feature>>,
    /// Thin walls between cells, in drawn-map coordinates.
    #[serde(default)]
    pub walls: Vec<ThinWall>,
    /// All must hold at the end of the run.
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub variants: Variants,
    /// English (or French) names of the robot functions allowed; `None` allows them all.
    /// `print` is always allowed.
    #[serde(default)]
    pub allowed: Option<Vec<String>>,
    #[serde(default = "default_max_actions")]
    pub max_actions: u32,
    #[serde(default)]
    pub stars: Stars,
    #[serde(default)]
    pub hints: Vec<Text>,
    /// A reference solution in Python.
    pub solution: String,
    /// The file the level was read from, for messages (not part of the format).
    #[serde(skip)]
    pub file: String,
}

fn default_max_actions() -> u32 {
    DEFAULT_MAX_ACTIONS
}

/// What a map character puts in its cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Feature {
    /// A solid wall cell.
    Wall,
    /// Plain floor (the same as an empty list).
    Floor,
    /// A goal cell, as drawn `G`.
    Goal,
    /// One item.
    Item(ItemKind),
    /// Several items of one kind.
    Items(ItemKind, u32),
    /// Floor painted with a colour.
    Color(Color),
    /// The robot's start, facing this way.
    Robot(Heading),
}

/// A thin wall on one side of a drawn cell: `(x: 3, y: 1, side: East)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThinWall {
    pub x: u32,
    pub y: u32,
    pub side: Heading,
}

/// How many variants the level has and how they differ.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variants {
    #[serde(default = "one")]
    pub count: u32,
    #[serde(default)]
    pub rules: Vec<Rule>,
}

fn one() -> u32 {
    1
}

impl Default for Variants {
    fn default() -> Self {
        Self {
            count: 1,
            rules: Vec::new(),
        }
    }
}

/// A random change applied to the drawn map for each variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Rule {
    /// Repeats a drawn column (0-based) between `extra.0` and `extra.1` more times.
    Stretch { column: u32, extra: (u32, u32) },
    /// Repeats a drawn row (0-based) between `extra.0` and `extra.1` more times.
    StretchRow { row: u32, extra: (u32, u32) },
    /// Keeps the features of a random number of the cells drawn with `mark`; the others
    /// become plain floor.
    Scatter { mark: char, count: (u32, u32) },
    /// Each cell drawn with `mark` holds a random number of its item.
    ItemCount { mark: char, range: (u32, u32) },
    /// The robot starts facing a random direction.
    RandomHeading,
}

/// Targets for the second star (`max_lines`: lines of code as counted by
/// [`lines_of_code`]) and the third (`max_actions`: robot actions, in every variant).
/// Built-in levels set them to what the reference solution does on its worst variant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stars {
    #[serde(default)]
    pub max_lines: Option<u32>,
    #[serde(default)]
    pub max_actions: Option<u32>,
}

impl Level {
    /// Reads a level from RON text. Reports syntax and field errors with their position;
    /// use [`Level::validate`] for the checks on the content.
    pub fn parse(file_name: &str, text: &str) -> Result<Level, Vec<Diagnostic>> {
        let mut level: Level = parse_ron(file_name, text).map_err(|d| vec![d])?;
        level.file = file_name.to_string();
        Ok(level)
    }

    /// Parses and validates: a level that comes back `Ok` is ready to be played.
    pub fn load(file_name: &str, text: &str) -> Result<Level, Vec<Diagnostic>> {
        let level = Level::parse(file_name, text)?;
        let problems = level.validate(file_name, text);
        if problems.is_empty() {
            Ok(level)
        } else {
            Err(problems)
        }
    }

    /// The robot functions the level allows, in the order listed (all when unrestricted).
    pub fn allowed_functions(&self) -> Vec<RobotFn> {
        match &self.allowed {
            None => RobotFn::ALL.to_vec(),
            Some(names) => {
                let mut fns = Vec::new();
                for f in names.iter().filter_map(|n| RobotFn::from_name(n.trim())) {
                    if !fns.contains(&f) {
                        fns.push(f);
                    }
                }
                fns
            }
        }
    }

    /// Whether the level lets students call this robot function.
    pub fn allows(&self, f: RobotFn) -> bool {
        self.allowed_functions().contains(&f)
    }

    /// Checks every goal on the final world; the first one not met explains the failure.
    pub fn check_goals(
        &self,
        initial: &World,
        end: &World,
        output: &str,
    ) -> Result<(), GoalFailure> {
        self.goals
            .iter()
            .try_for_each(|goal| goal.check(initial, end, output))
    }

    /// The variant seeds of the level: `0..variants.count`.
    pub fn seeds(&self) -> std::ops::Range<u64> {
        0..u64::from(self.variants.count.clamp(1, MAX_VARIANTS))
    }
}

/// Reads RON with the options level files use, turning errors into a diagnostic.
pub(crate) fn parse_ron<T: serde::de::DeserializeOwned>(
    file_name: &str,
    text: &str,
) -> Result<T, Diagnostic> {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    // Editors on Windows may save a byte-order mark; the span reader skips it too.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    options.from_str(text).map_err(|e| {
        Diagnostic::new(
            file_name,
            e.span.start.line as u32,
            e.span.start.col as u32,
            LevelProblem::Syntax {
                message: e.code.to_string(),
            },
        )
    })
}

/// Lines of Python that count for the "short program" star: not blank, not only a comment.
pub fn lines_of_code(code: &str) -> u32 {
    code.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
// A comment.
(
  id: "t",
  title: (fr: "Titre", en: "Title"),
  brief: (fr: "But", en: "Aim"),
  map: "
    #####
    #>.G#
    #####
  ",
  goals: [ReachGoal, CollectAll(gem), CollectAll(None)],
  allowed: ["move", "avancer"],
  stars: (max_lines: 2),
  solution: "move()\nmove()\n",
)
"#;

    #[test]
    fn optional_fields_take_their_defaults() {
        let level = Level::parse("t.ron", MINIMAL).unwrap();
        assert_eq!(level.max_actions, DEFAULT_MAX_ACTIONS);
        assert_eq!(level.variants, Variants::default());
        assert_eq!(
            level.stars,
            Stars {
                max_lines: Some(2),
                max_actions: None
            }
        );
        assert_eq!(level.goals[1], Goal::CollectAll(Some(ItemKind::Gem)));
        assert_eq!(level.goals[2], Goal::CollectAll(None));
        assert_eq!(level.allowed_functions(), vec![RobotFn::Move]);
        assert!(level.allows(RobotFn::Move) && !level.allows(RobotFn::Pick));
        assert_eq!(level.file, "t.ron");
        assert_eq!(level.seeds(), 0..1);
    }

    #[test]
    fn syntax_errors_are_located() {
        let text = MINIMAL.replace("goals:", "golas:");
        let errors = Level::parse("t.ron", &text).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(matches!(errors[0].problem, LevelProblem::Syntax { .. }));
        assert_eq!((errors[0].line, errors[0].column), (12, 3));
        let text = MINIMAL
            .replace("Stretch", "x")
            .replace("stars: (max_lines: 2)", "stars: (max_line: 2)");
        let errors = Level::parse("t.ron", &text).unwrap_err();
        assert_eq!((errors[0].line, errors[0].column), (14, 11));
        let text = "(id: \"t\", variants: (rules: [Stretch(colum: 1, extra: (0, 1))]))";
        let errors = Level::parse("t.ron", text).unwrap_err();
        assert!(errors[0].to_string().contains("colum"), "{}", errors[0]);
    }

    #[test]
    fn goal_checks_and_line_counts() {
        let level = Level::parse("t.ron", MINIMAL).unwrap();
        let start = level.world(0).unwrap();
        let mut end = start.clone();
        assert!(level.check_goals(&start, &end, "").is_err());
        end.apply(&crate::sim::Action::Move).unwrap();
        end.apply(&crate::sim::Action::Move).unwrap();
        assert_eq!(level.check_goals(&start, &end, ""), Ok(()));
        assert_eq!(lines_of_code("# hi\n\nmove()\n   # x\n  move()  \n"), 2);
    }
}
