//! Python syntax highlighting for the code editor: a small hand tokenizer (keywords,
//! strings, numbers, comments, robot functions, built-ins) and the egui text layout it
//! colours. The tokenizer knows nothing of egui, so it is tested on its own.

use bevy_egui::egui::{self, Color32, FontId, text::LayoutJob};

use crate::sandbox::RobotFn;

/// What a piece of source text is, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Token {
    Keyword,
    /// `True`, `False`, `None`.
    Constant,
    /// A robot function, in English or French.
    Robot,
    /// `print`, `range`, `len`...
    Builtin,
    Name,
    Number,
    String,
    Comment,
    Operator,
    Space,
}

const KEYWORDS: [&str; 30] = [
    "and", "as", "assert", "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
    "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

const CONSTANTS: [&str; 3] = ["True", "False", "None"];

const BUILTINS: [&str; 16] = [
    "print",
    "range",
    "len",
    "int",
    "str",
    "float",
    "bool",
    "list",
    "dict",
    "abs",
    "min",
    "max",
    "sum",
    "input",
    "round",
    "enumerate",
];

/// Cuts `source` into coloured pieces, as byte ranges that cover the whole text in order.
pub(super) fn tokenize(source: &str) -> Vec<(Token, std::ops::Range<usize>)> {
    let bytes = source.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let c = source[i..].chars().next().expect("i is a char boundary");
        let token = if c == '#' {
            i = source[i..].find('\n').map_or(source.len(), |n| i + n);
            Token::Comment
        } else if let Some(end) = string_end(source, i) {
            i = end;
            Token::String
        } else if c.is_ascii_digit() {
            i += source[i..]
                .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '.' || ch == '_'))
                .unwrap_or(source.len() - i);
            Token::Number
        } else if c.is_alphabetic() || c == '_' {
            i += source[i..]
                .find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                .unwrap_or(source.len() - i);
            word_token(&source[start..i])
        } else if c.is_whitespace() {
            i += source[i..]
                .find(|ch: char| !ch.is_whitespace())
                .unwrap_or(source.len() - i);
            Token::Space
        } else {
            i += c.len_utf8();
            Token::Operator
        };
        tokens.push((token, start..i));
    }
    tokens
}

fn word_token(word: &str) -> Token {
    if KEYWORDS.contains(&word) {
        Token::Keyword
    } else if CONSTANTS.contains(&word) {
        Token::Constant
    } else if RobotFn::from_name(word).is_some() {
        Token::Robot
    } else if BUILTINS.contains(&word) {
        Token::Builtin
    } else {
        Token::Name
    }
}

/// If a string literal (with an optional `f`, `r`, `b` prefix) starts at `i`, where it
/// ends. An unclosed string runs to the end of its line (or of the text, when
/// triple-quoted), as Python would complain there.
fn string_end(source: &str, i: usize) -> Option<usize> {
    let rest = &source[i..];
    let prefix = rest
        .find(['\'', '"'])
        .filter(|&n| n <= 2 && rest[..n].chars().all(|c| "fFrRbBuU".contains(c)))?;
    if prefix > 0 && source[..i].chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    let body = &rest[prefix..];
    let quote = &body[..1];
    let triple = quote.repeat(3);
    let (opening, closing) = if body.starts_with(&triple) {
        (3, triple.as_str())
    } else {
        (1, quote)
    };
    let mut j = prefix + opening;
    while j < rest.len() {
        let c = rest[j..].chars().next().expect("j is a char boundary");
        if c == '\\' {
            j += 1;
            j += rest[j..].chars().next().map_or(0, char::len_utf8);
            continue;
        }
        if rest[j..].starts_with(closing) {
            return Some(i + j + closing.len());
        }
        if c == '\n' && opening == 1 {
            return Some(i + j);
        }
        j += c.len_utf8();
    }
    Some(source.len())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The editor's colours (a dark code theme, readable on a projector too).
pub(super) mod palette {
    use super::Color32;

    pub const BACKGROUND: Color32 = Color32::from_rgb(0x1d, 0x21, 0x2b);
    pub const GUTTER: Color32 = Color32::from_rgb(0x6b, 0x72, 0x80);
    pub const TEXT: Color32 = Color32::from_rgb(0xe6, 0xe8, 0xee);
    pub const KEYWORD: Color32 = Color32::from_rgb(0xc7, 0x92, 0xea);
    pub const CONSTANT: Color32 = Color32::from_rgb(0xf7, 0x8c, 0x6c);
    pub const ROBOT: Color32 = Color32::from_rgb(0x82, 0xaa, 0xff);
    pub const BUILTIN: Color32 = Color32::from_rgb(0x89, 0xdd, 0xff);
    pub const NUMBER: Color32 = Color32::from_rgb(0xf7, 0x8c, 0x6c);
    pub const STRING: Color32 = Color32::from_rgb(0xc3, 0xe8, 0x8d);
    pub const COMMENT: Color32 = Color32::from_rgb(0x86, 0x8f, 0xa8);
    pub const OPERATOR: Color32 = Color32::from_rgb(0x89, 0xdd, 0xff);
    /// Background of the line the robot is running.
    pub const RUNNING_LINE: Color32 = Color32::from_rgba_premultiplied(0x2a, 0x4a, 0x7a, 0xb0);
    /// Background of the line where the program stopped on an error.
    pub const ERROR_LINE: Color32 = Color32::from_rgba_premultiplied(0x7a, 0x22, 0x2a, 0xc0);
    pub const ERROR: Color32 = Color32::from_rgb(0xff, 0x6b, 0x6b);
}

fn color_of(token: Token) -> Color32 {
    match token {
        Token::Keyword => palette::KEYWORD,
        Token::Constant => palette::CONSTANT,
        Token::Robot => palette::ROBOT,
        Token::Builtin => palette::BUILTIN,
        Token::Name | Token::Space => palette::TEXT,
        Token::Number => palette::NUMBER,
        Token::String => palette::STRING,
        Token::Comment => palette::COMMENT,
        Token::Operator => palette::OPERATOR,
    }
}

/// The coloured layout of `source` in the given monospace font, without wrapping.
pub(super) fn layout_job(source: &str, font: FontId) -> LayoutJob {
    let mut job = LayoutJob {
        text: source.to_owned(),
        ..Default::default()
    };
    for (token, range) in tokenize(source) {
        let format = egui::TextFormat {
            font_id: font.clone(),
            color: color_of(token),
            italics: token == Token::Comment,
            ..Default::default()
        };
        job.sections.push(egui::text::LayoutSection {
            leading_space: 0.0,
            byte_range: range.start.into()..range.end.into(),
            format,
        });
    }
    job.wrap.max_width = f32::INFINITY;
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(source: &str) -> Vec<(Token, &str)> {
        tokenize(source)
            .into_iter()
            .filter(|(t, _)| *t != Token::Space)
            .map(|(t, r)| (t, &source[r]))
            .collect()
    }

    #[test]
    fn tokens_cover_the_whole_text() {
        let source = "x = 'é' # ça\nwhile not at_goal():\n    avancer()\n\"\"\"a\nb\"\"\" 3.5";
        let tokens = tokenize(source);
        let mut end = 0;
        for (_, range) in &tokens {
            assert_eq!(range.start, end);
            end = range.end;
        }
        assert_eq!(end, source.len());
    }

    #[test]
    fn keywords_robot_functions_and_literals() {
        assert_eq!(
            kinds("while not at_goal():\n    avancer()  # go\nprint(\"hi\", 12, True)"),
            vec![
                (Token::Keyword, "while"),
                (Token::Keyword, "not"),
                (Token::Robot, "at_goal"),
                (Token::Operator, "("),
                (Token::Operator, ")"),
                (Token::Operator, ":"),
                (Token::Robot, "avancer"),
                (Token::Operator, "("),
                (Token::Operator, ")"),
                (Token::Comment, "# go"),
                (Token::Builtin, "print"),
                (Token::Operator, "("),
                (Token::String, "\"hi\""),
                (Token::Operator, ","),
                (Token::Number, "12"),
                (Token::Operator, ","),
                (Token::Constant, "True"),
                (Token::Operator, ")"),
            ]
        );
    }

    #[test]
    fn strings_with_prefixes_escapes_and_no_end() {
        assert_eq!(
            kinds("f'a{b}' r\"\\\"\""),
            vec![(Token::String, "f'a{b}'"), (Token::String, "r\"\\\"\""),]
        );
        assert_eq!(
            kinds("'open\nx"),
            vec![(Token::String, "'open"), (Token::Name, "x"),]
        );
        assert_eq!(kinds("'''a\n'b'''"), vec![(Token::String, "'''a\n'b'''")]);
        // A name ending in f before a quote is not a prefix.
        assert_eq!(kinds("elf'x'")[0], (Token::Name, "elf"));
    }

    #[test]
    fn names_that_contain_keywords_stay_names() {
        assert_eq!(
            kinds("format iffy"),
            vec![(Token::Name, "format"), (Token::Name, "iffy"),]
        );
    }
}
