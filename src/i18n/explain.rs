//! Friendly sentences for the typed errors of the sandbox and the simulation, for the
//! robot functions and for colours. Every match is exhaustive: a new variant needs a
//! message before the crate compiles.

use fluent_bundle::FluentValue;

use super::{Lang, tr};
use crate::sandbox::{Problem, ProgramError, RobotFn};
use crate::sim::{ActionError, Color, GoalFailure};

/// How the parser starts its message for two statements on one line (`move()move()`).
const SEVERAL_STATEMENTS: &str = "Simple statements must be separated by newlines";

/// Longest student-provided text (names, keys, Python's words) quoted in a message.
const MAX_QUOTED: usize = 60;
/// Longest printed or said text quoted in a goal message.
const MAX_SHOWN: usize = 50;

/// "Ligne 3 : il manque « : »...": where (when known) and what happened, for a student.
pub fn program_error_message(lang: Lang, error: &ProgramError) -> String {
    program_error_message_for(lang, error, &RobotFn::ALL)
}

/// [`program_error_message`] for a level offering only the robot functions `allowed`:
/// the advice never names a sensor the student cannot use (in a first level, bumping
/// into a wall means counting the cells, not calling `front_is_clear()`).
pub fn program_error_message_for(lang: Lang, error: &ProgramError, allowed: &[RobotFn]) -> String {
    let text = problem_text(lang, &error.problem, allowed);
    let place = match (error.line, error.column) {
        (Some(line), Some(column)) => tr(
            lang,
            "where-line-column",
            &[("line", line.into()), ("column", column.into())],
        ),
        (Some(line), None) => tr(lang, "where-line", &[("line", line.into())]),
        (None, _) => return capitalize_first(&text),
    };
    format!("{place} {text}")
}

/// The explanation of a problem without its place, as a sentence (capital letter first).
pub fn problem_message(lang: Lang, problem: &Problem) -> String {
    capitalize_first(&problem_text(lang, problem, &RobotFn::ALL))
}

/// Why the level's goal is not met, in one or two sentences.
pub fn goal_failure_message(lang: Lang, failure: &GoalFailure) -> String {
    match failure {
        GoalFailure::NotOnGoal => tr(lang, "goal-not-on-goal", &[]),
        GoalFailure::NotOnMark { mark } => tr(
            lang,
            "goal-not-on-mark",
            &[("mark", mark.to_string().into())],
        ),
        GoalFailure::ItemsLeft { left } => tr(lang, "goal-items-left", &[("left", left.into())]),
        GoalFailure::NotCarrying { wanted, carried } => tr(
            lang,
            "goal-not-carrying",
            &[("wanted", wanted.into()), ("carried", carried.into())],
        ),
        GoalFailure::WrongItemCount {
            mark,
            wanted,
            found,
        } => tr(
            lang,
            "goal-wrong-item-count",
            &[
                ("mark", mark.to_string().into()),
                ("wanted", wanted.into()),
                ("found", found.into()),
            ],
        ),
        GoalFailure::NotPainted { mark, color } => tr(
            lang,
            "goal-not-painted",
            &[
                ("mark", mark.to_string().into()),
                ("color", color_name(lang, *color).into()),
            ],
        ),
        GoalFailure::WrongOutput { expected, printed } => output_mismatch(lang, expected, printed),
        GoalFailure::WrongSaid { expected, said } => match said.as_deref().map(str::trim) {
            // "fini" for "Fini": the capitals are the mistake, say so.
            Some(said) if said.to_lowercase() == expected.trim().to_lowercase() => tr(
                lang,
                "goal-wrong-said-case",
                &[
                    ("expected", shorten(expected.trim(), MAX_SHOWN).into()),
                    ("said", shorten(said, MAX_SHOWN).into()),
                ],
            ),
            Some(said) if !said.is_empty() => tr(
                lang,
                "goal-wrong-said",
                &[
                    ("expected", shorten(expected.trim(), MAX_SHOWN).into()),
                    ("said", shorten(said, MAX_SHOWN).into()),
                ],
            ),
            Some(_) | None => tr(
                lang,
                "goal-wrong-said-nothing",
                &[("expected", shorten(expected.trim(), MAX_SHOWN).into())],
            ),
        },
        GoalFailure::NoneOf { first } => match first.as_ref() {
            nested @ GoalFailure::NoneOf { .. } => goal_failure_message(lang, nested),
            first => tr(
                lang,
                "goal-none-of",
                &[("first", goal_failure_message(lang, first).into())],
            ),
        },
    }
}

/// A colour's name as students write it in `paint(...)` / `peindre(...)`: "rouge", "red".
pub fn color_name(lang: Lang, color: Color) -> String {
    let id = match color {
        Color::Red => "color-red",
        Color::Green => "color-green",
        Color::Blue => "color-blue",
        Color::Yellow => "color-yellow",
    };
    tr(lang, id, &[])
}

/// A robot function's name in the student's language: `avancer` / `move`.
pub fn function_name(lang: Lang, function: RobotFn) -> &'static str {
    match lang {
        Lang::Fr => function.french(),
        Lang::En => function.english(),
    }
}

/// One line about a robot function, starting with its name in that language:
/// "avancer() : le robot avance d'une case tout droit."
pub fn function_description(lang: Lang, function: RobotFn) -> String {
    tr(lang, function_message_id(function), &[])
}

pub(super) fn function_message_id(function: RobotFn) -> &'static str {
    match function {
        RobotFn::Move => "fn-move",
        RobotFn::TurnLeft => "fn-turn-left",
        RobotFn::TurnRight => "fn-turn-right",
        RobotFn::Pick => "fn-pick",
        RobotFn::Drop => "fn-drop",
        RobotFn::Paint => "fn-paint",
        RobotFn::Say => "fn-say",
        RobotFn::FrontIsClear => "fn-front-is-clear",
        RobotFn::WallInFront => "fn-wall-in-front",
        RobotFn::ItemHere => "fn-item-here",
        RobotFn::AtGoal => "fn-at-goal",
        RobotFn::ColorHere => "fn-color-here",
    }
}

/// The explanation of a problem, starting with a lowercase letter so that it can follow
/// "Ligne 3 :".
fn problem_text(lang: Lang, problem: &Problem, allowed: &[RobotFn]) -> String {
    let t = |id: &str, args: &[(&str, FluentValue<'_>)]| tr(lang, id, args);
    let quoted = |text: &str| FluentValue::from(shorten(text.trim(), MAX_QUOTED));
    let function = |name: &str| FluentValue::from(shorten(bare_function_name(name), MAX_QUOTED));
    match problem {
        Problem::MissingColon => t("problem-missing-colon", &[]),
        Problem::AssignInCondition => t("problem-assign-in-condition", &[]),
        Problem::BadIndentation => t("problem-bad-indentation", &[]),
        Problem::UnclosedBracket { bracket } => {
            let (kind, closing) = bracket_partner(*bracket);
            t(
                "problem-unclosed-bracket",
                &[
                    ("kind", kind.into()),
                    ("bracket", bracket.to_string().into()),
                    ("closing", closing.to_string().into()),
                ],
            )
        }
        Problem::UnmatchedBracket { bracket } => {
            let (kind, opening) = bracket_partner(*bracket);
            t(
                "problem-unmatched-bracket",
                &[
                    ("kind", kind.into()),
                    ("bracket", bracket.to_string().into()),
                    ("opening", opening.to_string().into()),
                ],
            )
        }
        Problem::UnclosedString => t("problem-unclosed-string", &[]),
        Problem::TooDeeplyNested { limit } => {
            t("problem-too-deeply-nested", &[("limit", limit.into())])
        }
        Problem::ProgramTooLong { limit } => {
            t("problem-program-too-long", &[("limit", limit.into())])
        }
        // Two calls on one line (`move()move()`): the parser's words are English.
        Problem::InvalidSyntax { detail } if detail.starts_with(SEVERAL_STATEMENTS) => {
            t("problem-several-statements", &[])
        }
        Problem::InvalidSyntax { detail } => {
            t("problem-invalid-syntax", &[("detail", quoted(detail))])
        }
        Problem::MissingCallParens { name } => {
            t("problem-missing-call-parens", &[("name", function(name))])
        }
        Problem::ForbiddenImport { module } => {
            t("problem-forbidden-import", &[("module", quoted(module))])
        }
        Problem::ForbiddenName { name } => t("problem-forbidden-name", &[("name", quoted(name))]),
        Problem::ForbiddenAttribute { name } => t(
            "problem-forbidden-attribute",
            &[("name", quoted(name.trim_start_matches('.')))],
        ),
        Problem::NotAllowedInLevel { name } => {
            t("problem-not-allowed-in-level", &[("name", function(name))])
        }
        // `paint(red)`: a colour written without its quotes.
        Problem::UnknownName { name, .. } if Color::parse(name).is_some() => {
            t("problem-unquoted-colour", &[("name", quoted(name))])
        }
        Problem::UnknownName {
            name,
            suggestion: Some(suggestion),
        } => t(
            "problem-unknown-name-suggestion",
            &[("name", quoted(name)), ("suggestion", quoted(suggestion))],
        ),
        Problem::UnknownName {
            name,
            suggestion: None,
        } => t("problem-unknown-name", &[("name", quoted(name))]),
        Problem::WrongArgumentCount {
            function: name,
            expected,
            given,
        } => match (expected, given) {
            (Some(expected), Some(given)) => t(
                "problem-wrong-argument-count",
                &[
                    ("function", function(name)),
                    ("expected", expected.into()),
                    ("given", given.into()),
                ],
            ),
            (Some(expected), None) => t(
                "problem-wrong-argument-count-expected",
                &[("function", function(name)), ("expected", expected.into())],
            ),
            (None, _) => t(
                "problem-wrong-argument-count-unknown",
                &[("function", function(name))],
            ),
        },
        Problem::TextAndNumber => t("problem-text-and-number", &[]),
        Problem::BadArgument { function: name } => {
            let id = match RobotFn::from_name(bare_function_name(name)) {
                Some(RobotFn::Paint) => "problem-bad-argument-paint",
                _ => "problem-bad-argument",
            };
            t(id, &[("function", function(name))])
        }
        Problem::DivisionByZero => t("problem-division-by-zero", &[]),
        Problem::IndexOutOfRange => t("problem-index-out-of-range", &[]),
        Problem::MissingKey { key } => t(
            "problem-missing-key",
            &[("key", quoted(without_quotes(key)))],
        ),
        Problem::NotCallable { what } => t("problem-not-callable", &[("what", quoted(what))]),
        Problem::RecursionTooDeep => t("problem-recursion-too-deep", &[]),
        Problem::ValueTooBig => t("problem-value-too-big", &[]),
        Problem::Robot { error } => match error {
            ActionError::HitWall
                if allowed.contains(&RobotFn::FrontIsClear)
                    || allowed.contains(&RobotFn::WallInFront) =>
            {
                t("robot-hit-wall", &[])
            }
            ActionError::HitWall => t("robot-hit-wall-no-sensor", &[]),
            ActionError::NothingToPick if allowed.contains(&RobotFn::ItemHere) => {
                t("robot-nothing-to-pick", &[])
            }
            ActionError::NothingToPick => t("robot-nothing-to-pick-no-sensor", &[]),
            ActionError::BagEmpty => t("robot-bag-empty", &[]),
        },
        Problem::PythonError { exception, message } if message.trim().is_empty() => t(
            "problem-python-error-no-message",
            &[("exception", quoted(exception))],
        ),
        Problem::PythonError { exception, message } => t(
            "problem-python-error",
            &[
                ("exception", quoted(exception)),
                ("message", quoted(message)),
            ],
        ),
        Problem::TooManyActions { limit } => {
            t("problem-too-many-actions", &[("limit", limit.into())])
        }
        Problem::Timeout { seconds } => {
            let (text, count) = seconds_text(lang, *seconds);
            t(
                "problem-timeout",
                &[("seconds", text.into()), ("count", count.into())],
            )
        }
        Problem::Memory { megabytes } => t("problem-memory", &[("megabytes", megabytes.into())]),
        Problem::OutputLimit { limit } => t("problem-output-limit", &[("limit", limit.into())]),
        Problem::Crashed => t("problem-crashed", &[]),
    }
}

/// What the printed output got wrong: the first line that differs, when there are several.
fn output_mismatch(lang: Lang, expected: &str, printed: &str) -> String {
    let wanted: Vec<&str> = expected.trim_end().lines().map(str::trim_end).collect();
    let got: Vec<&str> = printed.trim_end().lines().map(str::trim_end).collect();
    let line = |text: &str| FluentValue::from(shorten(text, MAX_SHOWN));
    if got.is_empty() {
        return tr(
            lang,
            "goal-wrong-output-nothing",
            &[("expected", line(&wanted.join(" / ")))],
        );
    }
    if let ([wanted], [got]) = (wanted.as_slice(), got.as_slice()) {
        return tr(
            lang,
            "goal-wrong-output",
            &[("expected", line(wanted)), ("printed", line(got))],
        );
    }
    let first_difference = (0..wanted.len().max(got.len())).find(|&i| wanted.get(i) != got.get(i));
    match first_difference.map(|i| (i + 1, wanted.get(i), got.get(i))) {
        Some((number, Some(wanted), Some(got))) => tr(
            lang,
            "goal-wrong-output-line",
            &[
                ("number", number.into()),
                ("expected", line(wanted)),
                ("printed", line(got)),
            ],
        ),
        Some((number, Some(wanted), None)) => tr(
            lang,
            "goal-wrong-output-missing-line",
            &[("number", number.into()), ("expected", line(wanted))],
        ),
        Some((number, None, Some(got))) => tr(
            lang,
            "goal-wrong-output-extra-line",
            &[("number", number.into()), ("printed", line(got))],
        ),
        // The lines are the same once trailing spaces are ignored: show both texts whole.
        Some((_, None, None)) | None => tr(
            lang,
            "goal-wrong-output",
            &[
                ("expected", line(&wanted.join(" / "))),
                ("printed", line(&got.join(" / "))),
            ],
        ),
    }
}

/// The kind of a bracket for the message ("paren", "square", "curly") and its partner.
fn bracket_partner(bracket: char) -> (&'static str, char) {
    match bracket {
        '(' => ("paren", ')'),
        ')' => ("paren", '('),
        '[' => ("square", ']'),
        ']' => ("square", '['),
        '{' => ("curly", '}'),
        '}' => ("curly", '{'),
        other => ("other", other),
    }
}

/// Timeout durations: "2,5" in French, "2.5" in English, "5" for whole seconds; with the
/// rounded value for the plural.
fn seconds_text(lang: Lang, seconds: f32) -> (String, f64) {
    let rounded = if seconds.is_finite() {
        (f64::from(seconds.max(0.0)) * 10.0).round() / 10.0
    } else {
        0.0
    };
    let text = if rounded.fract().abs() < 1e-9 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    };
    let text = match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    };
    (text, rounded)
}

/// `move()` / ` move ` → `move`: the messages add the parentheses themselves.
fn bare_function_name(name: &str) -> &str {
    let name = name.trim();
    name.strip_suffix("()").unwrap_or(name)
}

/// `'gem'` → `gem`: the messages put their own quotes around keys.
fn without_quotes(text: &str) -> &str {
    let text = text.trim();
    ['\'', '"']
        .into_iter()
        .find_map(|quote| {
            text.strip_prefix(quote)
                .and_then(|inner| inner.strip_suffix(quote))
        })
        .unwrap_or(text)
}

/// One line of at most `max` characters: control characters (newlines, tabs) become
/// spaces and a long text is cut with "...".
fn shorten(text: &str, max: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(3)).collect();
    format!("{}...", cut.trim_end())
}

fn capitalize_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sandbox::source_check;

    #[test]
    fn two_calls_on_one_line_are_explained_in_the_students_words() {
        let error = source_check::check("move()move()\n").expect_err("refused");
        for lang in Lang::ALL {
            let message = program_error_message(lang, &error);
            assert!(!message.contains("Simple statements"), "{lang}: {message}");
        }
        assert!(program_error_message(Lang::Fr, &error).contains("même ligne"));
    }

    #[test]
    fn a_colour_without_quotes_is_told_to_take_quotes() {
        for name in ["rouge", "green"] {
            let problem = Problem::UnknownName {
                name: name.into(),
                suggestion: None,
            };
            let message = problem_message(Lang::Fr, &problem);
            assert!(
                message.contains(&format!("peindre(\"{name}\")")),
                "{message}"
            );
        }
        let other = Problem::UnknownName {
            name: "x".into(),
            suggestion: None,
        };
        assert!(!problem_message(Lang::En, &other).contains("paint("));
    }
}
