//! Why a student's program stopped early: typed, with the student's line, so the message
//! shown (in French or English, from the message files) can be chosen by variant.

use serde::{Deserialize, Serialize};

use crate::sim::ActionError;

/// The family of a verdict, as named by the CLI's JSON `error.kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Syntax,
    Runtime,
    Forbidden,
    Timeout,
    Memory,
    TooManyActions,
    OutputLimit,
    GoalNotMet,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "syntax",
            ErrorKind::Runtime => "runtime",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Memory => "memory",
            ErrorKind::TooManyActions => "too_many_actions",
            ErrorKind::OutputLimit => "output_limit",
            ErrorKind::GoalNotMet => "goal_not_met",
        }
    }
}

/// What went wrong, precisely enough to explain it to a beginner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    // --- before running: syntax ---
    /// `if x > 3` without the final `:`.
    MissingColon,
    /// `if x = 3:` where `==` was meant.
    AssignInCondition,
    /// A block that is not indented, or indented when it should not be.
    BadIndentation,
    /// `(`, `[` or `{` never closed.
    UnclosedBracket {
        bracket: char,
    },
    /// A closing bracket with no opening one.
    UnmatchedBracket {
        bracket: char,
    },
    /// A string whose quote is never closed.
    UnclosedString,
    /// Brackets or blocks nested deeper than the sandbox accepts.
    TooDeeplyNested {
        limit: u32,
    },
    /// The program is longer than the sandbox accepts.
    ProgramTooLong {
        limit: u32,
    },
    /// Any other syntax error, with the parser's own words (English).
    InvalidSyntax {
        detail: String,
    },
    /// A robot function named without `()`, so it does nothing: `move` instead of `move()`.
    MissingCallParens {
        name: String,
    },

    // --- forbidden ---
    /// `import` of any module.
    ForbiddenImport {
        module: String,
    },
    /// A built-in that the sandbox removes (`open`, `eval`, `exec`...).
    ForbiddenName {
        name: String,
    },
    /// Attribute access to internals (`__class__`, `gi_frame`...).
    ForbiddenAttribute {
        name: String,
    },
    /// A robot function that exists but is not allowed in this level.
    NotAllowedInLevel {
        name: String,
    },

    // --- while running ---
    /// NameError, with the closest known name when there is one.
    UnknownName {
        name: String,
        suggestion: Option<String>,
    },
    /// A function called with the wrong number of arguments.
    WrongArgumentCount {
        function: String,
        expected: Option<u32>,
        given: Option<u32>,
    },
    /// Mixing text and numbers (`"a" + 1`).
    TextAndNumber,
    /// An argument of the wrong kind for a robot function (`paint(3)`).
    BadArgument {
        function: String,
    },
    /// Division by zero.
    DivisionByZero,
    /// A list index beyond the end.
    IndexOutOfRange,
    /// A dictionary key that does not exist.
    MissingKey {
        key: String,
    },
    /// Calling something that is not a function (`x = 3; x()`).
    NotCallable {
        what: String,
    },
    /// Recursion deeper than the limit.
    RecursionTooDeep,
    /// `range(...)` or another built-in asked to make something huge.
    ValueTooBig,
    /// The robot refused an action: wall, nothing to pick, empty bag.
    Robot {
        error: ActionError,
    },
    /// Any other Python exception: its type and message.
    PythonError {
        exception: String,
        message: String,
    },

    // --- limits ---
    TooManyActions {
        limit: u32,
    },
    Timeout {
        seconds: f32,
    },
    Memory {
        megabytes: u32,
    },
    OutputLimit {
        limit: u32,
    },
    /// The worker process died in an unexpected way.
    Crashed,
}

/// A program error located in the student's source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgramError {
    pub problem: Problem,
    /// 1-based line in the student's program, when known.
    pub line: Option<u32>,
    /// 1-based column, for syntax errors.
    pub column: Option<u32>,
}

impl ProgramError {
    pub fn new(problem: Problem, line: Option<u32>) -> Self {
        Self {
            problem,
            line,
            column: None,
        }
    }

    pub fn at(problem: Problem, line: u32, column: u32) -> Self {
        Self {
            problem,
            line: Some(line),
            column: Some(column),
        }
    }

    /// The verdict family of this error.
    pub fn kind(&self) -> ErrorKind {
        use Problem::*;
        match &self.problem {
            MissingColon
            | AssignInCondition
            | BadIndentation
            | UnclosedBracket { .. }
            | UnmatchedBracket { .. }
            | UnclosedString
            | TooDeeplyNested { .. }
            | ProgramTooLong { .. }
            | InvalidSyntax { .. }
            | MissingCallParens { .. } => ErrorKind::Syntax,
            ForbiddenImport { .. }
            | ForbiddenName { .. }
            | ForbiddenAttribute { .. }
            | NotAllowedInLevel { .. } => ErrorKind::Forbidden,
            TooManyActions { .. } => ErrorKind::TooManyActions,
            Timeout { .. } => ErrorKind::Timeout,
            Memory { .. } => ErrorKind::Memory,
            OutputLimit { .. } => ErrorKind::OutputLimit,
            UnknownName { .. }
            | WrongArgumentCount { .. }
            | TextAndNumber
            | BadArgument { .. }
            | DivisionByZero
            | IndexOutOfRange
            | MissingKey { .. }
            | NotCallable { .. }
            | RecursionTooDeep
            | ValueTooBig
            | Robot { .. }
            | PythonError { .. }
            | Crashed => ErrorKind::Runtime,
        }
    }
}
