//! Live validation of a draft: the file it writes is checked exactly as
//! `codebot validate` checks a level file, and the problems come back as the same
//! `file:line:col` [`Diagnostic`]s, placed in that file (and on the map's cells, see
//! [`LevelDraft::cell_of`]). [`LevelDraft::test`] also runs the reference solution on
//! every variant with a [`Runner`] (the sandbox's worker in the game, off the frame loop).
//!
//! [`problem_message`] says what a problem means in French or English for the editor's
//! list (the problems' own `Display` is English, for the command line).

use serde_json::Value;

use super::draft::LevelDraft;
use crate::cli::{failure_message, solution_problems};
use crate::grade::{self, Report, Runner};
use crate::i18n::{FluentValue, Lang, Messages, tr};
use crate::level::{Diagnostic, Level, LevelProblem, Stars};

/// The result of running the reference solution.
#[derive(Clone, Debug)]
pub struct SolutionTest {
    /// Every problem of the level, the solution's included.
    pub problems: Vec<Diagnostic>,
    /// The grading of the solution, when the level could be played.
    pub report: Option<Report>,
}

impl SolutionTest {
    /// The level is valid and its solution passes every variant with three stars.
    pub fn passed(&self) -> bool {
        self.problems.is_empty() && self.report.as_ref().is_some_and(|r| r.passed)
    }

    /// Star targets that the solution just meets: its lines of code and the actions of
    /// its longest variant, as the built-in levels set them.
    pub fn suggested_stars(&self) -> Option<Stars> {
        let report = self.report.as_ref().filter(|r| r.passed)?;
        Some(Stars {
            max_lines: Some(report.lines_of_code.max(1)),
            max_actions: Some(report.max_actions().max(1)),
        })
    }
}

impl LevelDraft {
    /// The problems of the level file the draft writes, without running the solution.
    pub fn problems(&self) -> Vec<Diagnostic> {
        let name = self.file_name();
        let text = self.to_ron();
        match Level::parse(&name, &text) {
            Ok(level) => level.validate(&name, &text),
            Err(errors) => errors,
        }
    }

    /// Checks the level and runs its reference solution on every variant, as
    /// `codebot validate` does; the solution's problems are explained in `lang`.
    pub fn test(&self, runner: &dyn Runner, lang: Lang) -> SolutionTest {
        let name = self.file_name();
        let text = self.to_ron();
        let level = match Level::parse(&name, &text) {
            Ok(level) => level,
            Err(problems) => {
                return SolutionTest {
                    problems,
                    report: None,
                };
            }
        };
        let mut problems = level.validate(&name, &text);
        // A level that cannot be built has its problems already; running is pointless.
        if level.worlds().is_err() || level.solution.trim().is_empty() {
            return SolutionTest {
                problems,
                report: None,
            };
        }
        let graded = grade::grade_reference(&level, runner);
        let report = graded.as_ref().ok().cloned();
        let mut found = solution_problems(&level, Some(&text), graded);
        if let Some(report) = &report {
            for diagnostic in &mut found {
                if let LevelProblem::SolutionFails { reason, .. } = &mut diagnostic.problem {
                    *reason = solution_reason(lang, report);
                }
            }
        }
        problems.extend(found);
        problems.sort_by_key(|d| (d.line, d.column));
        problems.dedup();
        SolutionTest { problems, report }
    }
}

/// Why a graded solution is not good enough, in `lang`.
fn solution_reason(lang: Lang, report: &Report) -> String {
    match report.first_failure() {
        Some(failed) => failed
            .failure
            .as_ref()
            .map(|f| failure_message(lang, failed.seed, f))
            .unwrap_or_default(),
        None => tr(
            lang,
            "editor-solution-stars",
            &[
                ("stars", report.stars.into()),
                ("lines", report.lines_of_code.into()),
                ("actions", report.max_actions().into()),
            ],
        ),
    }
}

/// The Fluent id explaining a problem: `editor-problem-<kind>`.
pub fn problem_id(problem: &LevelProblem) -> Option<String> {
    let value = serde_json::to_value(problem).ok()?;
    let kind = value.get("kind")?.as_str()?;
    Some(format!("editor-problem-{}", kind.replace('_', "-")))
}

/// What a problem means, in `lang` (the English `Display` text if no message exists).
pub fn problem_message(lang: Lang, problem: &LevelProblem) -> String {
    let Some(id) = problem_id(problem).filter(|id| Messages::get(lang).has(id)) else {
        return problem.to_string();
    };
    let Ok(Value::Object(fields)) = serde_json::to_value(problem) else {
        return problem.to_string();
    };
    let mut args: Vec<(&str, FluentValue<'_>)> = Vec::new();
    // `hints[2]` is said "hint 3".
    if let Some(Value::String(field)) = fields.get("field")
        && let Some(index) = field
            .strip_prefix("hints[")
            .and_then(|rest| rest.strip_suffix(']'))
            .and_then(|n| n.parse::<u32>().ok())
    {
        args.push(("field", FluentValue::from("hint")));
        args.push(("number", FluentValue::from(index + 1)));
    }
    let given: Vec<(&str, FluentValue<'_>)> = fields
        .iter()
        .filter(|(name, _)| name.as_str() != "kind")
        .map(|(name, value)| {
            let value = match value {
                Value::Number(n) => match n.as_u64() {
                    // Seeds are u64: beyond what a Fluent number holds exactly, text.
                    Some(n) if n < (1 << 53) => FluentValue::from(n as f64),
                    _ => FluentValue::from(n.to_string()),
                },
                Value::String(s) => FluentValue::from(s.clone()),
                Value::Null => FluentValue::from("none"),
                other => FluentValue::from(other.to_string()),
            };
            (name.as_str(), value)
        })
        .filter(|(name, _)| !args.iter().any(|(taken, _)| taken == name))
        .collect();
    args.extend(given);
    tr(lang, &id, &args)
}

/// The top-level field of a level file a diagnostic points into (`"map"`, `"goals"`...),
/// found from the positions of the fields in the file.
pub fn field_of(text: &str, diagnostic: &Diagnostic) -> Option<String> {
    let root = crate::level::Node::parse(text)?;
    let crate::level::NodeKind::Group { fields, .. } = &root.kind else {
        return None;
    };
    let at = (diagnostic.line, diagnostic.column);
    fields
        .iter()
        .filter(|f| (f.loc.line, f.loc.column) <= at)
        .max_by_key(|f| (f.loc.line, f.loc.column))
        .map(|f| f.name.clone())
}
