//! Checks a student's source before it runs: size and nesting limits, syntax errors
//! explained for beginners, and a walk over the syntax tree that refuses imports,
//! internals (`__class__`, `gi_frame`...), removed built-ins and robot functions
//! named without `()`.

use std::collections::BTreeSet;

use rustpython_vm::compiler::ast::{self, Expr, Stmt, visitor::Visitor};
use rustpython_vm::compiler::parser::{self, LexicalErrorType, ParseErrorType};

use super::api::RobotFn;
use super::error::{Problem, ProgramError};
use super::modules::ALLOWED_MODULES;

/// Longest program accepted, in characters.
pub const MAX_SOURCE_CHARS: u32 = 20_000;
/// Deepest bracket nesting accepted (the parser recurses on it).
pub const MAX_NESTING: u32 = 60;

/// Built-ins that the sandbox removes; naming one is refused up front with a clear message.
pub const FORBIDDEN_NAMES: &[&str] = &[
    "open",
    "exec",
    "eval",
    "compile",
    "input",
    "getattr",
    "setattr",
    "delattr",
    "hasattr",
    "vars",
    "globals",
    "locals",
    "breakpoint",
    "help",
    "memoryview",
    "dir",
    "exit",
    "quit",
    "classmethod",
    "staticmethod",
    "property",
    "super",
    "bytearray",
    "bytes",
];

/// Attributes that reach interpreter internals without a leading underscore.
const FORBIDDEN_ATTRIBUTES: &[&str] = &[
    "tb_frame",
    "tb_next",
    "gi_frame",
    "gi_code",
    "gi_yieldfrom",
    "cr_frame",
    "cr_code",
    "cr_await",
    "ag_frame",
    "ag_code",
    "f_globals",
    "f_locals",
    "f_builtins",
    "f_back",
    "f_code",
    "func_globals",
    "func_code",
    "co_code",
    "co_consts",
    "mro",
    "format_map",
    "with_traceback",
];

/// Runs every check; the first problem in source order is returned.
pub fn check(source: &str) -> Result<(), ProgramError> {
    check_size(source)?;
    check_nesting(source)?;
    let parsed = parser::parse_module(source).map_err(|e| explain_syntax_error(source, &e))?;
    let mut walker = Walker::new(source, parsed.syntax());
    for stmt in &parsed.syntax().body {
        walker.visit_stmt(stmt);
    }
    match walker
        .problems
        .into_iter()
        .min_by_key(|(offset, _)| *offset)
    {
        Some((offset, problem)) => {
            let (line, column) = line_col(source, offset);
            Err(ProgramError::at(problem, line, column))
        }
        None => Ok(()),
    }
}

fn check_size(source: &str) -> Result<(), ProgramError> {
    if source.chars().count() as u32 > MAX_SOURCE_CHARS {
        return Err(ProgramError::new(
            Problem::ProgramTooLong {
                limit: MAX_SOURCE_CHARS,
            },
            None,
        ));
    }
    Ok(())
}

fn check_nesting(source: &str) -> Result<(), ProgramError> {
    let mut depth = 0u32;
    for token in scan_brackets(source) {
        match token {
            Bracket::Open(_, offset) => {
                depth += 1;
                if depth > MAX_NESTING {
                    let (line, column) = line_col(source, offset);
                    return Err(ProgramError::at(
                        Problem::TooDeeplyNested { limit: MAX_NESTING },
                        line,
                        column,
                    ));
                }
            }
            Bracket::Close(_, _) => depth = depth.saturating_sub(1),
        }
    }
    Ok(())
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(source.len());
    let before = &source[..floor_char_boundary(source, offset)];
    let line = before.matches('\n').count() as u32 + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() as u32 + 1;
    (line, column)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

enum Bracket {
    Open(char, usize),
    Close(char, usize),
}

/// Brackets outside strings and comments, with their byte offsets.
fn scan_brackets(source: &str) -> Vec<Bracket> {
    let mut out = Vec::new();
    let mut chars = source.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '#' => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '\'' | '"' => {
                let triple = source[i..].starts_with(&format!("{c}{c}{c}"));
                if triple {
                    chars.next();
                    chars.next();
                }
                let mut escaped = false;
                while let Some((j, d)) = chars.next() {
                    if escaped {
                        escaped = false;
                    } else if d == '\\' {
                        escaped = true;
                    } else if d == '\n' && !triple {
                        break;
                    } else if d == c && (!triple || source[j..].starts_with(&format!("{c}{c}{c}")))
                    {
                        if triple {
                            chars.next();
                            chars.next();
                        }
                        break;
                    }
                }
            }
            '(' | '[' | '{' => out.push(Bracket::Open(c, i)),
            ')' | ']' | '}' => out.push(Bracket::Close(c, i)),
            _ => {}
        }
    }
    out
}

/// The first bracket left open, or the first closing bracket with no opening one.
fn unbalanced_bracket(source: &str) -> Option<(Problem, usize)> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    for token in scan_brackets(source) {
        match token {
            Bracket::Open(c, at) => stack.push((c, at)),
            Bracket::Close(c, at) => {
                let opening = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                match stack.pop() {
                    Some((open, _)) if open == opening => {}
                    Some((open, open_at)) => {
                        return Some((Problem::UnclosedBracket { bracket: open }, open_at));
                    }
                    None => return Some((Problem::UnmatchedBracket { bracket: c }, at)),
                }
            }
        }
    }
    stack
        .first()
        .map(|(c, at)| (Problem::UnclosedBracket { bracket: *c }, *at))
}

const BLOCK_KEYWORDS: &[&str] = &[
    "if", "elif", "else", "for", "while", "def", "class", "try", "except", "finally", "with",
];

fn starts_block(line: &str) -> bool {
    let word: String = line
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    BLOCK_KEYWORDS.contains(&word.as_str())
}

/// `if x = 3:` — a single `=` in a condition: its column (in characters, 1-based).
fn assign_in_condition(line: &str) -> Option<u32> {
    let trimmed = line.trim_start();
    let is_condition = ["if ", "elif ", "while "]
        .iter()
        .any(|k| trimmed.starts_with(k));
    if !is_condition {
        return None;
    }
    let bytes = line.as_bytes();
    let at = (line.len() - trimmed.len()..bytes.len()).find(|&i| {
        bytes[i] == b'='
            && bytes.get(i + 1) != Some(&b'=')
            && !matches!(
                i.checked_sub(1).map(|j| bytes[j]),
                Some(b'=' | b'<' | b'>' | b'!')
            )
    })?;
    Some(line[..at].chars().count() as u32 + 1)
}

/// Turns a parser error into the likeliest beginner's mistake, at the right line.
pub fn explain_syntax_error(source: &str, error: &parser::ParseError) -> ProgramError {
    let offset = usize::from(error.location.start());
    let (line, column) = line_col(source, offset);
    let line_text = |n: u32| source.lines().nth(n as usize - 1).unwrap_or("");
    let error_line = line_text(line);

    // The mistakes seen most often in class come first, checked on the line itself.
    for candidate in [line.saturating_sub(1).max(1), line] {
        let text = line_text(candidate);
        if let Some(column) = assign_in_condition(text) {
            return ProgramError::at(Problem::AssignInCondition, candidate, column);
        }
    }
    if let Some((word, keyword)) = french_keyword(error_line) {
        let column = error_line.len() - error_line.trim_start().len() + 1;
        return ProgramError::at(
            Problem::UnknownName {
                name: word.to_owned(),
                suggestion: Some(keyword.to_owned()),
            },
            line,
            column as u32,
        );
    }
    match &error.error {
        ParseErrorType::Lexical(LexicalErrorType::IndentationError)
        | ParseErrorType::UnexpectedIndentation => {
            return ProgramError::at(Problem::BadIndentation, line, column);
        }
        ParseErrorType::Lexical(
            LexicalErrorType::UnclosedStringError | LexicalErrorType::StringError,
        ) => {
            return ProgramError::at(Problem::UnclosedString, line, column);
        }
        ParseErrorType::ExpectedToken { expected, .. } => {
            let expected = format!("{expected}");
            if expected.contains(':') || expected.contains("Colon") {
                return missing_colon(source, line);
            }
            if expected.to_lowercase().contains("indent") {
                return ProgramError::at(Problem::BadIndentation, line, column);
            }
        }
        _ => {}
    }
    if error.error.to_string().to_lowercase().contains("indent") {
        return ProgramError::at(Problem::BadIndentation, line, column);
    }
    if let Some((problem, at)) = unbalanced_bracket(source) {
        let (line, column) = line_col(source, at);
        return ProgramError::at(problem, line, column);
    }
    let previous = line_text(line.saturating_sub(1).max(1));
    if starts_block(error_line) && !error_line.trim_end().ends_with(':') {
        return missing_colon(source, line);
    }
    if line > 1 && starts_block(previous) && !previous.trim_end().ends_with(':') {
        return missing_colon(source, line - 1);
    }
    ProgramError::at(
        Problem::InvalidSyntax {
            detail: error.error.to_string(),
        },
        line,
        column,
    )
}

/// Python's keywords as French students first write them (`sinon:` for `else:`).
const FRENCH_KEYWORDS: [(&str, &str); 6] = [
    ("si", "if"),
    ("sinon", "else"),
    ("sinonsi", "elif"),
    ("tant", "while"),
    ("tantque", "while"),
    ("pour", "for"),
];

/// The French word starting a line that Python could not parse, with its keyword.
fn french_keyword(line: &str) -> Option<(&str, &'static str)> {
    let start = line.trim_start();
    let end = start
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(start.len());
    let word = &start[..end];
    FRENCH_KEYWORDS
        .iter()
        .find(|(french, _)| word.eq_ignore_ascii_case(french))
        .map(|(_, keyword)| (word, *keyword))
}

fn missing_colon(source: &str, line: u32) -> ProgramError {
    let text = source.lines().nth(line as usize - 1).unwrap_or("");
    let column = text.trim_end().chars().count() as u32 + 1;
    ProgramError::at(Problem::MissingColon, line, column)
}

/// Walks the syntax tree collecting problems with their byte offsets.
struct Walker<'a> {
    problems: Vec<(usize, Problem)>,
    /// Names the program assigns or defines itself (a variable called `dir` is fine).
    own_names: BTreeSet<&'a str>,
}

impl<'a> Walker<'a> {
    fn new(_source: &'a str, module: &'a ast::ModModule) -> Self {
        let mut collector = NameCollector::default();
        for stmt in &module.body {
            collector.visit_stmt(stmt);
        }
        Walker {
            problems: Vec::new(),
            own_names: collector.names,
        }
    }

    fn report(&mut self, offset: impl Into<usize>, problem: Problem) {
        self.problems.push((offset.into(), problem));
    }
}

impl Walker<'_> {
    /// A robot sensor named without parentheses in a condition (`while devant_libre:`,
    /// `if not objet_ici:`, `if a and mur_devant:`): a function is always true.
    fn report_uncalled_sensor(&mut self, test: &Expr) {
        match test {
            Expr::Name(name) if RobotFn::from_name(name.id.as_str()).is_some() => {
                self.report(
                    name.range.start(),
                    Problem::MissingCallParens {
                        name: name.id.to_string(),
                    },
                );
            }
            Expr::UnaryOp(ast::ExprUnaryOp {
                op: ast::UnaryOp::Not,
                operand,
                ..
            }) => self.report_uncalled_sensor(operand),
            Expr::BoolOp(ast::ExprBoolOp { values, .. }) => {
                for value in values {
                    self.report_uncalled_sensor(value);
                }
            }
            _ => {}
        }
    }
}

fn is_internal_attribute(name: &str) -> bool {
    name.starts_with('_') || FORBIDDEN_ATTRIBUTES.contains(&name)
}

impl<'a> Visitor<'a> for Walker<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::Import(import) => {
                let refused = import
                    .names
                    .iter()
                    .map(|alias| alias.name.id.as_str())
                    .find(|module| !ALLOWED_MODULES.contains(module));
                if let Some(module) = refused {
                    let module = module.to_owned();
                    self.report(import.range.start(), Problem::ForbiddenImport { module });
                }
            }
            Stmt::ImportFrom(import) => {
                let module = import
                    .module
                    .as_ref()
                    .map(|m| m.id.to_string())
                    .unwrap_or_default();
                if import.level > 0 || !ALLOWED_MODULES.contains(&module.as_str()) {
                    self.report(import.range.start(), Problem::ForbiddenImport { module });
                }
            }
            // `if objet_ici:` is always true: the sensor is named, not asked.
            Stmt::If(ast::StmtIf {
                test,
                elif_else_clauses,
                ..
            }) => {
                let elifs = elif_else_clauses.iter().filter_map(|c| c.test.as_ref());
                for test in std::iter::once(test.as_ref()).chain(elifs) {
                    self.report_uncalled_sensor(test);
                }
            }
            Stmt::While(ast::StmtWhile { test, .. }) => self.report_uncalled_sensor(test),
            Stmt::Expr(ast::StmtExpr { value, range, .. }) => {
                if let Expr::Name(name) = value.as_ref() {
                    let id = name.id.as_str();
                    if RobotFn::from_name(id).is_some() || id == "print" {
                        self.report(
                            range.start(),
                            Problem::MissingCallParens {
                                name: id.to_string(),
                            },
                        );
                    }
                }
            }
            _ => {}
        }
        ast::visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Attribute(attribute) if is_internal_attribute(attribute.attr.as_str()) => {
                self.report(
                    attribute.attr.range.start(),
                    Problem::ForbiddenAttribute {
                        name: attribute.attr.to_string(),
                    },
                );
            }
            Expr::Name(name) => {
                let id = name.id.as_str();
                if id.starts_with("__") {
                    self.report(
                        name.range.start(),
                        Problem::ForbiddenAttribute {
                            name: id.to_string(),
                        },
                    );
                } else if FORBIDDEN_NAMES.contains(&id) && !self.own_names.contains(id) {
                    self.report(
                        name.range.start(),
                        Problem::ForbiddenName {
                            name: id.to_string(),
                        },
                    );
                }
            }
            Expr::StringLiteral(literal) => {
                let text = literal.value.to_str();
                if format_field_reaches_internals(text) {
                    self.report(
                        literal.range.start(),
                        Problem::ForbiddenAttribute {
                            name: text.to_string(),
                        },
                    );
                }
            }
            _ => {}
        }
        ast::visitor::walk_expr(self, expr);
    }
}

/// `"{0.__class__}"`: a format field walking into internals.
pub fn format_field_reaches_internals(text: &str) -> bool {
    text.split('{').skip(1).any(|field| {
        let name = field.split(['}', '!', ':']).next().unwrap_or("");
        name.split(['.', '['])
            .skip(1)
            .any(|part| is_internal_attribute(part.trim_end_matches(']')))
    })
}

/// Names a program binds itself (assignments, defs, loop variables, parameters).
#[derive(Default)]
struct NameCollector<'a> {
    names: BTreeSet<&'a str>,
}

impl<'a> Visitor<'a> for NameCollector<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::FunctionDef(def) = stmt {
            self.names.insert(def.name.as_str());
            for param in def.parameters.iter_non_variadic_params() {
                self.names.insert(param.parameter.name.as_str());
            }
        }
        ast::visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Name(name) = expr
            && name.ctx.is_store()
        {
            self.names.insert(name.id.as_str());
        }
        ast::visitor::walk_expr(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(source: &str) -> (Problem, Option<u32>) {
        let e = check(source).expect_err("should be refused");
        (e.problem, e.line)
    }

    #[test]
    fn everyday_code_passes() {
        for ok in [
            "for _ in range(4):\n    move()\n",
            "_count = 0\nwhile not at_goal():\n    avancer()\n    _count += 1\nprint(_count)\n",
            "def f(x):\n    return x * 2\nprint(f(3), 'a{0}b'.format(1))\n",
            "dir = 3\nprint(dir)\n",
            "",
        ] {
            assert_eq!(check(ok), Ok(()), "{ok:?}");
        }
    }

    #[test]
    fn missing_colon_is_found_on_its_line() {
        assert_eq!(
            problem("move()\nif front_is_clear()\n    move()\n"),
            (Problem::MissingColon, Some(2))
        );
        assert_eq!(
            problem("for i in range(3)\n    move()\n"),
            (Problem::MissingColon, Some(1))
        );
        assert_eq!(problem("while True\n    move()\n").0, Problem::MissingColon);
    }

    #[test]
    fn single_equals_in_condition() {
        assert_eq!(
            problem("x = 1\nif x = 3:\n    move()\n"),
            (Problem::AssignInCondition, Some(2))
        );
    }

    /// Found by fuzzing (`fuzz/fuzz_targets/source_check.rs`): the column was a byte
    /// offset, past the end of a line with accents, and pointed at the first `=` of the
    /// line even when it belonged to `==`.
    #[test]
    fn single_equals_is_pointed_at_in_characters() {
        let e = check("élève = 1\nif élève == 1 and élève = 3:\n    move()\n").unwrap_err();
        assert_eq!(e.problem, Problem::AssignInCondition);
        assert_eq!((e.line, e.column), (Some(2), Some(25)));
        let e = check("while ééééééééé= 1:\n    move()\n").unwrap_err();
        assert_eq!(
            (e.problem, e.column),
            (Problem::AssignInCondition, Some(16))
        );
    }

    #[test]
    fn indentation_mistakes() {
        assert_eq!(
            problem("for i in range(3):\nmove()\n").0,
            Problem::BadIndentation
        );
        assert_eq!(problem("move()\n    move()\n").0, Problem::BadIndentation);
    }

    #[test]
    fn brackets_and_strings() {
        assert_eq!(
            problem("print((1 + 2)\nmove()\n"),
            (Problem::UnclosedBracket { bracket: '(' }, Some(1))
        );
        assert_eq!(
            problem("move())\n").0,
            Problem::UnmatchedBracket { bracket: ')' }
        );
        assert_eq!(problem("print('hello)\n").0, Problem::UnclosedString);
    }

    #[test]
    fn french_keywords_point_to_python_ones() {
        let unknown = |name: &str, keyword: &str| Problem::UnknownName {
            name: name.into(),
            suggestion: Some(keyword.into()),
        };
        assert_eq!(
            problem("if wall_in_front():\n    move()\nsinon:\n    move()\n"),
            (unknown("sinon", "else"), Some(3))
        );
        assert_eq!(
            problem("si item_here():\n    pick()\n"),
            (unknown("si", "if"), Some(1))
        );
        assert_eq!(
            problem("pour i in range(3):\n    move()\n").0,
            unknown("pour", "for")
        );
        assert_eq!(
            problem("tant que front_is_clear():\n    move()\n").0,
            unknown("tant", "while")
        );
        // A variable of that name is fine, and other errors are left alone.
        assert!(check("pour = 3\nprint(pour)\n").is_ok());
        assert_eq!(problem("if True\n    move()\n").0, Problem::MissingColon);
    }

    #[test]
    fn limits_on_size_and_nesting() {
        let deep = format!("x = {}1{}\n", "(".repeat(5_000), ")".repeat(5_000));
        assert!(matches!(problem(&deep).0, Problem::TooDeeplyNested { .. }));
        let long = "move()\n".repeat(5_000);
        assert!(matches!(problem(&long).0, Problem::ProgramTooLong { .. }));
    }

    #[test]
    fn imports_internals_and_removed_builtins_are_refused() {
        assert_eq!(
            problem("import os\n").0,
            Problem::ForbiddenImport {
                module: "os".into()
            }
        );
        assert_eq!(
            problem("from subprocess import run\n").0,
            Problem::ForbiddenImport {
                module: "subprocess".into()
            }
        );
        assert_eq!(
            problem("x = ().__class__.__base__.__subclasses__()\n").0,
            Problem::ForbiddenAttribute {
                name: "__class__".into()
            }
        );
        assert_eq!(
            problem("def g():\n    yield 1\nprint(g().gi_frame)\n").0,
            Problem::ForbiddenAttribute {
                name: "gi_frame".into()
            }
        );
        assert_eq!(
            problem("open('x.txt', 'w')\n").0,
            Problem::ForbiddenName {
                name: "open".into()
            }
        );
        assert_eq!(
            problem("eval('1')\n").0,
            Problem::ForbiddenName {
                name: "eval".into()
            }
        );
        assert_eq!(
            problem("__import__('os')\n").0,
            Problem::ForbiddenAttribute {
                name: "__import__".into()
            }
        );
        assert_eq!(
            problem("print('{0.__class__}'.format(1))\n").0,
            Problem::ForbiddenAttribute {
                name: "{0.__class__}".into()
            }
        );
    }

    #[test]
    fn robot_function_without_parentheses() {
        assert_eq!(
            problem("move()\nturn_left\n"),
            (
                Problem::MissingCallParens {
                    name: "turn_left".into()
                },
                Some(2)
            )
        );
    }

    #[test]
    fn sensor_without_parentheses_in_a_condition() {
        for (source, name, line) in [
            ("move()\nif objet_ici:\n    pick()\n", "objet_ici", 2),
            ("while not wall_in_front:\n    move()\n", "wall_in_front", 1),
            (
                "if at_goal():\n    pass\nelif move() or devant_libre:\n    move()\n",
                "devant_libre",
                3,
            ),
        ] {
            assert_eq!(
                problem(source),
                (Problem::MissingCallParens { name: name.into() }, Some(line)),
                "{source}"
            );
        }
        // Called, or a variable of the student's: nothing to say.
        assert!(check("libre = devant_libre()\nwhile libre:\n    libre = False\n").is_ok());
        assert!(check("if objet_ici():\n    pick()\n").is_ok());
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncdé\nf", 0), (1, 1));
        assert_eq!(line_col("ab\ncdé\nf", 3), (2, 1));
        assert_eq!(line_col("ab\ncdé\nf", 8), (3, 1));
    }
}
