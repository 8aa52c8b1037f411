//! Turns what the interpreter raised into a typed `Problem` at the student's line.

use rustpython_vm::builtins::PyBaseExceptionRef;
use rustpython_vm::compiler::CompileError;
use rustpython_vm::{AsObject, VirtualMachine};

use super::api::RobotFn;
use super::error::{Problem, ProgramError};
use super::source_check::FORBIDDEN_NAMES;

/// A compile error that the source check let through (e.g. `break` outside a loop).
pub fn compile_error(error: &CompileError) -> ProgramError {
    let (location, detail) = match error {
        CompileError::Parse(e) => (Some(e.location), e.error.to_string()),
        CompileError::Codegen(e) => (e.location, e.error.to_string()),
    };
    let problem = Problem::InvalidSyntax { detail };
    match location {
        Some(loc) => ProgramError::at(
            problem,
            loc.line.get() as u32,
            loc.character_offset.get() as u32,
        ),
        None => ProgramError::new(problem, None),
    }
}

/// A Python exception that escaped the student's program.
pub fn exception(
    vm: &VirtualMachine,
    exc: &PyBaseExceptionRef,
    allowed: &[RobotFn],
) -> ProgramError {
    let exception = exc.class().name().to_string();
    let message = exc
        .args()
        .first()
        .and_then(|arg| arg.str(vm).ok())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let line = innermost_line(exc);
    ProgramError::new(problem_for(&exception, &message, allowed), line)
}

/// The line where the exception happened, deepest frame of the student's code.
fn innermost_line(exc: &PyBaseExceptionRef) -> Option<u32> {
    let mut tb = exc.__traceback__()?;
    loop {
        let next = tb.next.lock().clone();
        match next {
            Some(next) => tb = next,
            None => return Some(tb.lineno.get() as u32),
        }
    }
}

fn quoted(message: &str) -> Option<String> {
    let start = message.find('\'')? + 1;
    let end = start + message[start..].find('\'')?;
    Some(message[start..end].to_owned())
}

fn problem_for(exception: &str, message: &str, allowed: &[RobotFn]) -> Problem {
    match exception {
        "NameError" | "UnboundLocalError" => {
            let name = quoted(message).unwrap_or_default();
            let suggestion = suggest(&name, allowed);
            Problem::UnknownName { name, suggestion }
        }
        "TypeError" => type_error(message).unwrap_or_else(|| Problem::PythonError {
            exception: exception.to_owned(),
            message: message.to_owned(),
        }),
        "ZeroDivisionError" => Problem::DivisionByZero,
        "IndexError" => Problem::IndexOutOfRange,
        "KeyError" => Problem::MissingKey {
            key: message.to_owned(),
        },
        "RecursionError" => Problem::RecursionTooDeep,
        "MemoryError" => Problem::Memory { megabytes: 0 },
        "OverflowError" => Problem::ValueTooBig,
        _ => Problem::PythonError {
            exception: exception.to_owned(),
            message: message.chars().take(300).collect(),
        },
    }
}

fn type_error(message: &str) -> Option<Problem> {
    let mentions =
        |ty: &str| message.contains(&format!("'{ty}'")) || message.contains(&format!("\"{ty}\""));
    if (mentions("str") && (mentions("int") || mentions("float")))
        || message.starts_with("can only concatenate str")
        || message.contains("can't multiply sequence by non-int")
    {
        return Some(Problem::TextAndNumber);
    }
    if let Some(rest) = message.strip_suffix("' object is not callable") {
        let what = rest.trim_start_matches('\'').to_owned();
        return Some(Problem::NotCallable { what });
    }
    // "f() takes 1 positional argument but 2 were given", "f() missing 1 required positional argument: 'x'"
    let function = message
        .split_once("()")
        .map(|(name, _)| name.rsplit(' ').next().unwrap_or(name).to_owned())?;
    let numbers: Vec<u32> = message
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    if message.contains(" takes ") && message.contains(" given") {
        return Some(Problem::WrongArgumentCount {
            function,
            expected: numbers.first().copied(),
            given: numbers.get(1).copied(),
        });
    }
    if message.contains(" missing ") && message.contains("required") {
        return Some(Problem::WrongArgumentCount {
            function,
            expected: None,
            given: None,
        });
    }
    None
}

/// The known name closest to a misspelt one, if close enough.
fn suggest(name: &str, allowed: &[RobotFn]) -> Option<String> {
    let robot = allowed.iter().flat_map(|f| [f.english(), f.french()]);
    let python = [
        "print", "range", "len", "True", "False", "None", "while", "for", "if", "else", "def",
        "return", "str", "int",
    ];
    robot
        .chain(python)
        .filter(|candidate| !FORBIDDEN_NAMES.contains(candidate))
        .map(|candidate| (strsim::damerau_levenshtein(name, candidate), candidate))
        .filter(|(distance, candidate)| *distance > 0 && *distance <= (candidate.len() / 3).max(1))
        .min()
        .map(|(_, candidate)| candidate.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_errors_suggest_a_close_name() {
        let allowed = [RobotFn::Move];
        assert_eq!(
            problem_for("NameError", "name 'avancr' is not defined", &allowed),
            Problem::UnknownName {
                name: "avancr".into(),
                suggestion: Some("avancer".into())
            }
        );
        assert_eq!(
            problem_for("NameError", "name 'xyz' is not defined", &allowed),
            Problem::UnknownName {
                name: "xyz".into(),
                suggestion: None
            }
        );
        assert_eq!(
            problem_for("NameError", "name 'pirnt' is not defined", &allowed),
            Problem::UnknownName {
                name: "pirnt".into(),
                suggestion: Some("print".into())
            }
        );
    }

    #[test]
    fn type_errors_are_recognised() {
        assert_eq!(
            problem_for(
                "TypeError",
                "can only concatenate str (not \"int\") to str",
                &[]
            ),
            Problem::TextAndNumber
        );
        assert_eq!(
            problem_for(
                "TypeError",
                "unsupported operand type(s) for +: 'int' and 'str'",
                &[]
            ),
            Problem::TextAndNumber
        );
        assert_eq!(
            problem_for("TypeError", "'int' object is not callable", &[]),
            Problem::NotCallable { what: "int".into() }
        );
        assert_eq!(
            problem_for(
                "TypeError",
                "f() takes 1 positional argument but 2 were given",
                &[]
            ),
            Problem::WrongArgumentCount {
                function: "f".into(),
                expected: Some(1),
                given: Some(2)
            }
        );
        assert_eq!(
            problem_for(
                "TypeError",
                "f() missing 1 required positional argument: 'x'",
                &[]
            ),
            Problem::WrongArgumentCount {
                function: "f".into(),
                expected: None,
                given: None
            }
        );
    }
}
