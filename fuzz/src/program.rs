//! Random but plausible student programs, built from fuzz input with `arbitrary`:
//! statements, `for`/`while` loops, `if`/`elif`/`else`, robot calls in English and
//! French, prints, `def`s and calls, lists, `try`, `math` and `random`.
//!
//! The programs stay within what the sandbox can stop from inside the interpreter
//! (events, time, actions, output, recursion): values can only grow linearly per loop
//! turn (no `x * x`, no `s + s`, no `**`), because an allocation bomb or a built-in that
//! never returns is stopped by the worker process, which the in-process fuzz target does
//! not have. Hostile programs of that kind are covered by `tests/hostile_programs.rs`.

use std::fmt::Write;

use arbitrary::Arbitrary;

/// Deepest nesting of blocks and expressions rendered; deeper parts become leaves.
const MAX_DEPTH: usize = 6;
/// Most statements in one block.
const MAX_BLOCK: usize = 12;

const INT_VARS: &[&str] = &["x", "n", "i", "compteur", "total", "pas_faits", "_"];
const STR_VARS: &[&str] = &["nom", "message"];
const LIST_VAR: &str = "liste";
const FUNCTIONS: &[&str] = &["f", "avance_de", "tourne"];
const WORDS: &[&str] = &[
    "",
    "bonjour",
    "hello",
    "Gagné !",
    "{items}",
    "x = {}",
    "ça marche",
    "red",
    "rouge",
    "\\n",
    "'",
];
const COLORS: &[&str] = &[
    "red", "green", "blue", "yellow", "rouge", "vert", "bleu", "jaune", "violet", "RED",
];

/// A robot function that acts.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Action {
    Move,
    TurnLeft,
    TurnRight,
    Pick,
    Drop,
}

impl Action {
    fn name(self, french: bool) -> &'static str {
        match (self, french) {
            (Action::Move, false) => "move",
            (Action::Move, true) => "avancer",
            (Action::TurnLeft, false) => "turn_left",
            (Action::TurnLeft, true) => "tourner_gauche",
            (Action::TurnRight, false) => "turn_right",
            (Action::TurnRight, true) => "tourner_droite",
            (Action::Pick, false) => "pick",
            (Action::Pick, true) => "ramasser",
            (Action::Drop, false) => "drop",
            (Action::Drop, true) => "deposer",
        }
    }
}

/// A robot function that answers a question with `True` or `False`.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Sensor {
    FrontIsClear,
    WallInFront,
    ItemHere,
    AtGoal,
}

impl Sensor {
    fn name(self, french: bool) -> &'static str {
        match (self, french) {
            (Sensor::FrontIsClear, false) => "front_is_clear",
            (Sensor::FrontIsClear, true) => "devant_libre",
            (Sensor::WallInFront, false) => "wall_in_front",
            (Sensor::WallInFront, true) => "mur_devant",
            (Sensor::ItemHere, false) => "item_here",
            (Sensor::ItemHere, true) => "objet_ici",
            (Sensor::AtGoal, false) => "at_goal",
            (Sensor::AtGoal, true) => "arrivee",
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum ArithOp {
    Add,
    Sub,
    FloorDiv,
    Mod,
}

/// A whole number.
#[derive(Arbitrary, Debug)]
pub enum IntExpr {
    Literal(i8),
    Var(u8),
    Arith(Box<IntExpr>, ArithOp, Box<IntExpr>),
    /// Multiplied by a small constant only: growth stays linear per loop turn.
    Times(Box<IntExpr>, u8),
    Len,
    Index(Box<IntExpr>),
    Call(u8, Vec<IntExpr>),
    RandInt(i8, i8),
    Sqrt(Box<IntExpr>),
    Abs(Box<IntExpr>),
}

/// A truth value.
#[derive(Arbitrary, Debug)]
pub enum Cond {
    True,
    False,
    Sensor(Sensor, bool),
    Not(Box<Cond>),
    And(Box<Cond>, Box<Cond>),
    Or(Box<Cond>, Box<Cond>),
    Less(IntExpr, IntExpr),
    Equal(IntExpr, IntExpr),
    ColorIs(u8, bool),
    InList(IntExpr),
}

/// Something printed or said.
#[derive(Arbitrary, Debug)]
pub enum Text {
    Word(u8),
    Var(u8),
    Int(IntExpr),
    FString(u8, IntExpr),
    Concat(u8, u8),
    ColorHere(bool),
}

#[derive(Arbitrary, Debug)]
pub enum Stmt {
    Act(Action, bool),
    Paint(u8, bool),
    Say(Text, bool),
    Print(Vec<Text>),
    SetInt(u8, IntExpr),
    AddTo(u8, IntExpr),
    SetText(u8, u8),
    NewList,
    Append(IntExpr),
    If(Cond, Block, Option<(Cond, Block)>, Option<Block>),
    While(Cond, Block),
    ForRange(u8, IntExpr, Block),
    ForList(u8, Block),
    Def(u8, u8, Block),
    Call(u8, Vec<IntExpr>),
    Return(Option<IntExpr>),
    Break,
    Continue,
    Pass,
    Try(Block, Block),
    /// A robot function called with a wrong number of arguments.
    BadCall(Action, bool),
}

/// Statements in a row: never empty, so that short inputs still make programs.
#[derive(Arbitrary, Debug)]
pub struct Block {
    pub first: Box<Stmt>,
    pub rest: Vec<Stmt>,
}

impl Block {
    fn stmts(&self) -> impl Iterator<Item = &Stmt> {
        std::iter::once(self.first.as_ref()).chain(&self.rest)
    }
}

/// A program: what it imports and its statements.
#[derive(Arbitrary, Debug)]
pub struct Program {
    pub import_math: bool,
    pub import_random: bool,
    pub body: Block,
}

fn pick<'a>(items: &[&'a str], index: u8) -> &'a str {
    items[usize::from(index) % items.len()]
}

impl Program {
    /// The program's Python source.
    pub fn render(&self) -> String {
        let mut out = Writer {
            text: String::new(),
            math: self.import_math,
            random: self.import_random,
        };
        if self.import_math {
            out.line(0, "import math");
        }
        if self.import_random {
            out.line(0, "import random");
        }
        out.line(0, "liste = []");
        out.block(0, &self.body);
        out.text
    }
}

struct Writer {
    text: String,
    math: bool,
    random: bool,
}

impl Writer {
    fn line(&mut self, depth: usize, code: &str) {
        let _ = writeln!(self.text, "{}{code}", "    ".repeat(depth));
    }

    /// A block's statements.
    fn block(&mut self, depth: usize, body: &Block) {
        for stmt in body.stmts().take(MAX_BLOCK) {
            self.stmt(depth, stmt);
        }
    }

    fn stmt(&mut self, depth: usize, stmt: &Stmt) {
        let nested = depth < MAX_DEPTH;
        match stmt {
            Stmt::Act(action, french) => self.line(depth, &format!("{}()", action.name(*french))),
            Stmt::Paint(color, french) => {
                let name = if *french { "peindre" } else { "paint" };
                self.line(depth, &format!("{name}({:?})", pick(COLORS, *color)));
            }
            Stmt::Say(text, french) => {
                let name = if *french { "dire" } else { "say" };
                let text = self.text_expr(text, depth);
                self.line(depth, &format!("{name}({text})"));
            }
            Stmt::Print(texts) => {
                let parts: Vec<String> = texts
                    .iter()
                    .take(4)
                    .map(|t| self.text_expr(t, depth))
                    .collect();
                self.line(depth, &format!("print({})", parts.join(", ")));
            }
            Stmt::SetInt(var, value) => {
                let value = self.int(value, depth);
                self.line(depth, &format!("{} = {value}", pick(INT_VARS, *var)));
            }
            Stmt::AddTo(var, value) => {
                let value = self.int(value, depth);
                self.line(depth, &format!("{} += {value}", pick(INT_VARS, *var)));
            }
            Stmt::SetText(var, word) => {
                let line = format!("{} = {:?}", pick(STR_VARS, *var), pick(WORDS, *word));
                self.line(depth, &line);
            }
            Stmt::NewList => self.line(depth, &format!("{LIST_VAR} = []")),
            Stmt::Append(value) => {
                let value = self.int(value, depth);
                self.line(depth, &format!("{LIST_VAR}.append({value})"));
            }
            Stmt::If(cond, then, elif, otherwise) if nested => {
                let cond = self.cond(cond, depth);
                self.line(depth, &format!("if {cond}:"));
                self.block(depth + 1, then);
                if let Some((cond, body)) = elif {
                    let cond = self.cond(cond, depth);
                    self.line(depth, &format!("elif {cond}:"));
                    self.block(depth + 1, body);
                }
                if let Some(body) = otherwise {
                    self.line(depth, "else:");
                    self.block(depth + 1, body);
                }
            }
            Stmt::While(cond, body) if nested => {
                let cond = self.cond(cond, depth);
                self.line(depth, &format!("while {cond}:"));
                self.block(depth + 1, body);
            }
            Stmt::ForRange(var, count, body) if nested => {
                let count = self.int(count, depth);
                self.line(
                    depth,
                    &format!("for {} in range({count}):", pick(INT_VARS, *var)),
                );
                self.block(depth + 1, body);
            }
            Stmt::ForList(var, body) if nested => {
                self.line(
                    depth,
                    &format!("for {} in {LIST_VAR}:", pick(INT_VARS, *var)),
                );
                self.block(depth + 1, body);
            }
            Stmt::Def(name, params, body) if nested => {
                let params: Vec<&str> = (0..params % 3).map(|p| pick(INT_VARS, p + 1)).collect();
                self.line(
                    depth,
                    &format!("def {}({}):", pick(FUNCTIONS, *name), params.join(", ")),
                );
                self.block(depth + 1, body);
            }
            Stmt::Call(name, args) => {
                let call = self.call(*name, args, depth);
                self.line(depth, &call);
            }
            Stmt::Return(value) => match value {
                Some(value) => {
                    let value = self.int(value, depth);
                    self.line(depth, &format!("return {value}"));
                }
                None => self.line(depth, "return"),
            },
            Stmt::Break => self.line(depth, "break"),
            Stmt::Continue => self.line(depth, "continue"),
            Stmt::Try(body, handler) if nested => {
                self.line(depth, "try:");
                self.block(depth + 1, body);
                self.line(depth, "except Exception:");
                self.block(depth + 1, handler);
            }
            Stmt::BadCall(action, french) => {
                self.line(depth, &format!("{}(1)", action.name(*french)));
            }
            _ => self.line(depth, "pass"),
        }
    }

    fn call(&mut self, name: u8, args: &[IntExpr], depth: usize) -> String {
        let args: Vec<String> = args.iter().take(3).map(|a| self.int(a, depth)).collect();
        format!("{}({})", pick(FUNCTIONS, name), args.join(", "))
    }

    fn int(&mut self, expr: &IntExpr, depth: usize) -> String {
        if depth > MAX_DEPTH {
            return "1".into();
        }
        let deeper = depth + 1;
        match expr {
            IntExpr::Literal(n) => n.to_string(),
            IntExpr::Var(v) => pick(INT_VARS, *v).into(),
            IntExpr::Arith(a, op, b) => {
                let op = match op {
                    ArithOp::Add => "+",
                    ArithOp::Sub => "-",
                    ArithOp::FloorDiv => "//",
                    ArithOp::Mod => "%",
                };
                format!("({} {op} {})", self.int(a, deeper), self.int(b, deeper))
            }
            IntExpr::Times(a, k) => format!("({} * {})", self.int(a, deeper), k % 10),
            IntExpr::Len => format!("len({LIST_VAR})"),
            IntExpr::Index(i) => format!("{LIST_VAR}[{}]", self.int(i, deeper)),
            IntExpr::Call(name, args) => self.call(*name, args, deeper),
            IntExpr::RandInt(a, b) if self.random => format!("random.randint({a}, {b})"),
            IntExpr::Sqrt(a) if self.math => format!("int(math.sqrt({}))", self.int(a, deeper)),
            IntExpr::Abs(a) => format!("abs({})", self.int(a, deeper)),
            _ => "0".into(),
        }
    }

    fn cond(&mut self, cond: &Cond, depth: usize) -> String {
        if depth > MAX_DEPTH {
            return "True".into();
        }
        let deeper = depth + 1;
        match cond {
            Cond::True => "True".into(),
            Cond::False => "False".into(),
            Cond::Sensor(sensor, french) => format!("{}()", sensor.name(*french)),
            Cond::Not(c) => format!("not {}", self.cond(c, deeper)),
            Cond::And(a, b) => format!("({} and {})", self.cond(a, deeper), self.cond(b, deeper)),
            Cond::Or(a, b) => format!("({} or {})", self.cond(a, deeper), self.cond(b, deeper)),
            Cond::Less(a, b) => format!("{} < {}", self.int(a, deeper), self.int(b, deeper)),
            Cond::Equal(a, b) => format!("{} == {}", self.int(a, deeper), self.int(b, deeper)),
            Cond::ColorIs(color, french) => {
                let name = if *french { "couleur_ici" } else { "color_here" };
                format!("{name}() == {:?}", pick(COLORS, *color))
            }
            Cond::InList(value) => format!("{} in {LIST_VAR}", self.int(value, deeper)),
        }
    }

    fn text_expr(&mut self, text: &Text, depth: usize) -> String {
        match text {
            Text::Word(w) => format!("{:?}", pick(WORDS, *w)),
            Text::Var(v) => pick(STR_VARS, *v).into(),
            Text::Int(value) => self.int(value, depth + 1),
            Text::FString(w, value) => {
                let value = self.int(value, depth + 1);
                format!(
                    "f\"{} {{{value}}}\"",
                    pick(WORDS, *w).replace(['{', '}'], "")
                )
            }
            Text::Concat(a, b) => format!("{:?} + {:?}", pick(WORDS, *a), pick(WORDS, *b)),
            Text::ColorHere(french) => {
                if *french {
                    "couleur_ici()".into()
                } else {
                    "color_here()".into()
                }
            }
        }
    }
}
