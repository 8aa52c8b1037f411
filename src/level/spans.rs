//! Where things are in a RON file. Serde gives us values without positions, so after a
//! successful parse this small, forgiving reader walks the same text again and records the
//! line and column of every field, list element and string character. Validation uses it
//! to point at the exact place of a problem (a map cell, an element of `allowed`...).

/// A 1-based line and column (in characters) in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Loc {
    pub line: u32,
    pub column: u32,
}

impl Loc {
    pub const START: Loc = Loc { line: 1, column: 1 };
}

/// A RON value with its position.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub loc: Loc,
    pub kind: NodeKind,
}

#[derive(Clone, Debug)]
pub(crate) enum NodeKind {
    /// `Name(...)` or `(...)`: a struct, tuple or enum variant.
    Group {
        fields: Vec<Field>,
        items: Vec<Node>,
    },
    List(Vec<Node>),
    Map(Vec<(Node, Node)>),
    /// A string with the decoded text and the position of each decoded character.
    Str {
        value: String,
        chars: Vec<Loc>,
    },
    Char(char),
    /// Identifiers, numbers, booleans.
    Atom,
}

/// `name: value` inside a group.
#[derive(Clone, Debug)]
pub(crate) struct Field {
    pub name: String,
    pub loc: Loc,
    pub value: Node,
}

impl Node {
    /// Reads a whole RON document. `None` if the text is not RON this reader understands.
    pub fn parse(text: &str) -> Option<Node> {
        let mut reader = Reader::new(text);
        reader.skip_blank();
        while reader.peek() == Some('#') {
            reader.bump();
            if reader.peek() == Some('!') {
                reader.bump();
            }
            reader.skip_blank();
            reader.value()?;
            reader.skip_blank();
        }
        reader.value()
    }

    /// The named field of a group.
    pub fn field(&self, name: &str) -> Option<&Field> {
        match &self.kind {
            NodeKind::Group { fields, .. } => fields.iter().find(|f| f.name == name),
            _ => None,
        }
    }

    /// The value of a named field.
    pub fn get(&self, name: &str) -> Option<&Node> {
        self.field(name).map(|f| &f.value)
    }

    /// Elements of a list, or positional items of a group.
    pub fn items(&self) -> &[Node] {
        match &self.kind {
            NodeKind::List(items) | NodeKind::Group { items, .. } => items,
            _ => &[],
        }
    }

    /// The `index`-th element of a list or group.
    pub fn item(&self, index: usize) -> Option<&Node> {
        self.items().get(index)
    }

    /// The entry of a map whose key is this character.
    pub fn map_key(&self, key: char) -> Option<&Node> {
        match &self.kind {
            NodeKind::Map(entries) => entries
                .iter()
                .find(|(k, _)| matches!(k.kind, NodeKind::Char(c) if c == key))
                .map(|(k, _)| k),
            _ => None,
        }
    }

    /// The first character literal equal to `ch` in this node, searching depth first.
    pub fn find_char(&self, ch: char) -> Option<Loc> {
        self.find(&|node| matches!(node.kind, NodeKind::Char(c) if c == ch))
    }

    fn find(&self, wanted: &dyn Fn(&Node) -> bool) -> Option<Loc> {
        if wanted(self) {
            return Some(self.loc);
        }
        match &self.kind {
            NodeKind::Group { fields, items } => fields
                .iter()
                .find_map(|f| f.value.find(wanted))
                .or_else(|| items.iter().find_map(|n| n.find(wanted))),
            NodeKind::List(items) => items.iter().find_map(|n| n.find(wanted)),
            NodeKind::Map(entries) => entries
                .iter()
                .find_map(|(k, v)| k.find(wanted).or_else(|| v.find(wanted))),
            _ => None,
        }
    }

    /// For a string node whose decoded text is `expected`, the position of each character.
    pub fn string_chars(&self, expected: &str) -> Option<&[Loc]> {
        match &self.kind {
            NodeKind::Str { value, chars } if value == expected => Some(chars),
            _ => None,
        }
    }
}

struct Reader {
    chars: Vec<char>,
    locs: Vec<Loc>,
    at: usize,
}

impl Reader {
    fn new(text: &str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let chars: Vec<char> = text.chars().collect();
        let mut locs = Vec::with_capacity(chars.len() + 1);
        let mut loc = Loc::START;
        for &c in &chars {
            locs.push(loc);
            if c == '\n' {
                loc = Loc {
                    line: loc.line + 1,
                    column: 1,
                };
            } else {
                loc.column += 1;
            }
        }
        locs.push(loc);
        Self { chars, locs, at: 0 }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.at + offset).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        Some(c)
    }

    fn loc(&self) -> Loc {
        self.locs[self.at.min(self.locs.len() - 1)]
    }

    fn expect(&mut self, c: char) -> Option<()> {
        (self.bump()? == c).then_some(())
    }

    /// Skips whitespace and comments (`//` and nested `/* */`).
    fn skip_blank(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                (Some('/'), Some('*')) => {
                    let mut depth = 0u32;
                    while let Some(c) = self.bump() {
                        if c == '/' && self.peek() == Some('*') {
                            self.bump();
                            depth += 1;
                        } else if c == '*' && self.peek() == Some('/') {
                            self.bump();
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn value(&mut self) -> Option<Node> {
        self.skip_blank();
        let loc = self.loc();
        let kind = match self.peek()? {
            '(' => self.group()?,
            '[' => NodeKind::List(self.sequence('[', ']')?),
            '{' => self.map()?,
            '"' => self.string()?,
            '\'' => NodeKind::Char(self.char_literal()?),
            'r' if matches!(self.peek_at(1), Some('"' | '#')) => {
                self.bump();
                self.raw_string()?
            }
            'b' if matches!(self.peek_at(1), Some('"' | '\'')) => {
                self.bump();
                return self.value();
            }
            c if is_atom_char(c) => {
                let atom = self.atom();
                self.skip_blank();
                let starts_like_name = atom.starts_with(|c: char| c.is_alphabetic() || c == '_');
                if starts_like_name && self.peek() == Some('(') {
                    self.group()?
                } else {
                    NodeKind::Atom
                }
            }
            _ => return None,
        };
        Some(Node { loc, kind })
    }

    fn atom(&mut self) -> String {
        let mut atom = String::new();
        while let Some(c) = self.peek().filter(|&c| is_atom_char(c)) {
            atom.push(c);
            self.bump();
        }
        atom
    }

    fn group(&mut self) -> Option<NodeKind> {
        self.expect('(')?;
        let mut fields = Vec::new();
        let mut items = Vec::new();
        loop {
            self.skip_blank();
            if self.peek()? == ')' {
                self.bump();
                break;
            }
            let start = self.at;
            let loc = self.loc();
            let mut is_field = false;
            if self.peek().is_some_and(|c| c.is_alphabetic() || c == '_') {
                let ident = self.atom();
                self.skip_blank();
                if self.peek() == Some(':') && self.peek_at(1) != Some(':') {
                    self.bump();
                    let value = self.value()?;
                    fields.push(Field {
                        name: ident,
                        loc,
                        value,
                    });
                    is_field = true;
                }
            }
            if !is_field {
                self.at = start;
                items.push(self.value()?);
            }
            self.skip_blank();
            match self.bump()? {
                ',' => {}
                ')' => break,
                _ => return None,
            }
        }
        Some(NodeKind::Group { fields, items })
    }

    fn sequence(&mut self, open: char, close: char) -> Option<Vec<Node>> {
        self.expect(open)?;
        let mut items = Vec::new();
        loop {
            self.skip_blank();
            if self.peek()? == close {
                self.bump();
                return Some(items);
            }
            items.push(self.value()?);
            self.skip_blank();
            match self.bump()? {
                ',' => {}
                c if c == close => return Some(items),
                _ => return None,
            }
        }
    }

    fn map(&mut self) -> Option<NodeKind> {
        self.expect('{')?;
        let mut entries = Vec::new();
        loop {
            self.skip_blank();
            if self.peek()? == '}' {
                self.bump();
                return Some(NodeKind::Map(entries));
            }
            let key = self.value()?;
            self.skip_blank();
            self.expect(':')?;
            let value = self.value()?;
            entries.push((key, value));
            self.skip_blank();
            match self.bump()? {
                ',' => {}
                '}' => return Some(NodeKind::Map(entries)),
                _ => return None,
            }
        }
    }

    fn string(&mut self) -> Option<NodeKind> {
        self.expect('"')?;
        let mut value = String::new();
        let mut chars = Vec::new();
        loop {
            let loc = self.loc();
            match self.bump()? {
                '"' => return Some(NodeKind::Str { value, chars }),
                '\\' => {
                    let c = self.escape()?;
                    value.push(c);
                    chars.push(loc);
                }
                c => {
                    value.push(c);
                    chars.push(loc);
                }
            }
        }
    }

    fn raw_string(&mut self) -> Option<NodeKind> {
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        self.expect('"')?;
        let mut value = String::new();
        let mut chars = Vec::new();
        loop {
            let loc = self.loc();
            let c = self.bump()?;
            if c == '"' && (0..hashes).all(|i| self.peek_at(i) == Some('#')) {
                self.at += hashes;
                return Some(NodeKind::Str { value, chars });
            }
            value.push(c);
            chars.push(loc);
        }
    }

    fn char_literal(&mut self) -> Option<char> {
        self.expect('\'')?;
        let c = match self.bump()? {
            '\\' => self.escape()?,
            c => c,
        };
        self.expect('\'')?;
        Some(c)
    }

    /// Decodes the escape after a backslash.
    fn escape(&mut self) -> Option<char> {
        Some(match self.bump()? {
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            '0' => '\0',
            'x' => {
                let hex: String = [self.bump()?, self.bump()?].iter().collect();
                char::from(u8::from_str_radix(&hex, 16).ok()?)
            }
            'u' => {
                self.expect('{')?;
                let mut hex = String::new();
                while let Some(c) = self.bump() {
                    if c == '}' {
                        break;
                    }
                    hex.push(c);
                }
                char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
            }
            c => c,
        })
    }
}

fn is_atom_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '+' | '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fields_items_and_string_characters() {
        let text = "#![enable(implicit_some)]\n// comment with map: \"x\"\n(\n  id: \"a\", /* (nested /* */) */\n  map: \"\n  #>\\n\",\n  goals: [RobotOn('D'), Any([ReachGoal])],\n  legend: {'D': [Item(gem)]},\n  v: (count: 2, rules: [Stretch(column: 1, extra: (0, 2))]),\n  s: r#\"a\"b\"#,\n)";
        let root = Node::parse(text).expect("parses");
        assert_eq!(root.field("id").unwrap().loc, Loc { line: 4, column: 3 });
        let map = root.get("map").unwrap();
        let chars = map.string_chars("\n  #>\n").unwrap();
        assert_eq!(chars[3], Loc { line: 6, column: 3 }); // '#'
        assert_eq!(chars[4], Loc { line: 6, column: 4 }); // '>'
        assert_eq!(chars[5], Loc { line: 6, column: 5 }); // the `\n` escape
        let goals = root.get("goals").unwrap();
        assert_eq!(
            goals.item(1).unwrap().loc,
            Loc {
                line: 7,
                column: 25
            }
        );
        assert_eq!(
            goals.find_char('D'),
            Some(Loc {
                line: 7,
                column: 19
            })
        );
        assert_eq!(
            root.get("legend").unwrap().map_key('D').unwrap().loc,
            Loc {
                line: 8,
                column: 12
            }
        );
        let rule = root
            .get("v")
            .unwrap()
            .get("rules")
            .unwrap()
            .item(0)
            .unwrap();
        assert_eq!(
            rule.field("column").unwrap().loc,
            Loc {
                line: 9,
                column: 33
            }
        );
        assert!(root.get("s").unwrap().string_chars("a\"b").is_some());
    }

    #[test]
    fn gives_up_quietly_on_broken_text() {
        assert!(Node::parse("(id: \"a\", map: [").is_none());
        assert!(Node::parse("").is_none());
    }
}
