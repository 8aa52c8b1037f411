//! The level file the editor writes: clean RON in the style of the built-in levels, with
//! the map drawn as text, a comment saying what each character of the map means, and a
//! short comment over each part, so the file stays pleasant to edit by hand. Reading a
//! file back ([`LevelDraft::from_ron`]) gives the same draft: `from_ron(write(d)) == d`.
//!
//! Values (goals, rules, features, strings) are written by `ron` itself, so they always
//! read back; only the layout is chosen here. Texts keep their accents; a line that
//! would pass [`WIDTH`] characters is broken into one entry per line.

use std::fmt::Write as _;

use serde::Serialize;

use super::draft::LevelDraft;
use crate::level::{Diagnostic, Feature, Level, Text};
use crate::sim::{Color, Heading, ItemKind};

/// Lines are kept under this many characters when a list or text can be broken.
pub const WIDTH: usize = 96;

/// A level file as written, with where its map is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub text: String,
    /// The line (1-based) of the first row of the map; each row is indented by
    /// [`MAP_INDENT`] spaces.
    pub map_line: u32,
}

/// Spaces before each row of the map in the file.
pub const MAP_INDENT: u32 = 4;

/// One RON value on one line, with the options of level files (`Some` left out).
pub(super) fn ron_value<T: Serialize>(value: &T) -> String {
    let config = ron::ser::PrettyConfig::new()
        .new_line("")
        .indentor("")
        .separator(" ")
        .compact_arrays(true)
        .compact_structs(true)
        .escape_strings(true)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let text = ron::ser::to_string_pretty(value, config)
        // Level types always serialize; keep the file writable whatever happens.
        .unwrap_or_default();
    match text.strip_prefix("#![enable(implicit_some)]") {
        Some(rest) => rest.trim_start().to_string(),
        None => text,
    }
}

/// A goal as level files write it: `CollectAll(gem)`, `RobotOn('X')`.
pub fn goal_text(goal: &crate::sim::Goal) -> String {
    ron_value(goal)
}

/// Writes `name: [a, b],` on one line when it fits, else one element per line.
fn list(out: &mut String, indent: &str, name: &str, items: &[String], open: &str, close: &str) {
    let one_line = format!("{indent}{name}: {open}{}{close},", items.join(", "));
    if one_line.chars().count() <= WIDTH && !one_line.contains('\n') {
        out.push_str(&one_line);
        out.push('\n');
        return;
    }
    let _ = writeln!(out, "{indent}{name}: {open}");
    for item in items {
        let _ = writeln!(out, "{indent}  {item},");
    }
    let _ = writeln!(out, "{indent}{close},");
}

/// `(fr: "...", en: "...")` on one line when it fits after `prefix`, else on three.
fn text(out: &mut String, indent: &str, prefix: &str, text: &Text) {
    let (fr, en) = (ron_value(&text.fr), ron_value(&text.en));
    let one_line = format!("{indent}{prefix}(fr: {fr}, en: {en}),");
    if one_line.chars().count() <= WIDTH {
        out.push_str(&one_line);
        out.push('\n');
        return;
    }
    let _ = writeln!(out, "{indent}{prefix}(");
    let _ = writeln!(out, "{indent}  fr: {fr},");
    let _ = writeln!(out, "{indent}  en: {en},");
    let _ = writeln!(out, "{indent}),");
}

/// `// ...` lines, words wrapped to [`WIDTH`].
fn comment(out: &mut String, indent: &str, words: &str) {
    let mut line = String::new();
    for word in words.split(' ') {
        if !line.is_empty() && indent.len() + 3 + line.len() + 1 + word.len() > WIDTH {
            let _ = writeln!(out, "{indent}// {line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    let _ = writeln!(out, "{indent}// {line}");
}

impl LevelDraft {
    /// The level file.
    pub fn to_ron(&self) -> String {
        self.write().text
    }

    /// The level file, with where its map is.
    pub fn write(&self) -> Written {
        let mut out = String::new();
        for line in self.notes.lines() {
            if line.is_empty() {
                out.push_str("//\n");
            } else {
                let _ = writeln!(out, "// {line}");
            }
        }
        out.push_str("(\n");
        let _ = writeln!(out, "  id: {},", ron_value(&self.id));
        text(&mut out, "  ", "title: ", &self.title);
        text(&mut out, "  ", "brief: ", &self.brief);

        comment(&mut out, "  ", &self.map_key());
        out.push_str("  map: \"\n");
        let map_line = out.lines().count() as u32 + 1;
        for row in self.grid.rows() {
            let escaped = ron_value(&row);
            let inner = &escaped[1..escaped.len() - 1];
            let _ = writeln!(out, "{:width$}{inner}", "", width = MAP_INDENT as usize);
        }
        out.push_str("  \",\n");

        if !self.legend.is_empty() {
            let entries: Vec<String> = self
                .legend
                .iter()
                .map(|(mark, features)| format!("{}: {}", ron_value(mark), ron_value(features)))
                .collect();
            list(&mut out, "  ", "legend", &entries, "{", "}");
        }
        if !self.walls.is_empty() {
            comment(
                &mut out,
                "  ",
                "Thin walls: column x and row y of a cell (from 0, top left), and its side.",
            );
            let walls: Vec<String> = self.walls.iter().map(ron_value).collect();
            list(&mut out, "  ", "walls", &walls, "[", "]");
        }
        comment(
            &mut out,
            "  ",
            "All the goals must hold at the end of the run.",
        );
        let goals: Vec<String> = self.goals.iter().map(ron_value).collect();
        list(&mut out, "  ", "goals", &goals, "[", "]");
        if self.variants != Default::default() {
            comment(
                &mut out,
                "  ",
                "Every run plays each variant: the rules change the map (docs/levels.md).",
            );
            out.push_str("  variants: (\n");
            let _ = writeln!(out, "    count: {},", self.variants.count);
            let rules: Vec<String> = self.variants.rules.iter().map(ron_value).collect();
            list(&mut out, "    ", "rules", &rules, "[", "]");
            out.push_str("  ),\n");
        }
        if let Some(allowed) = &self.allowed {
            comment(
                &mut out,
                "  ",
                "The robot functions students may call (print() always works).",
            );
            let names: Vec<String> = allowed.iter().map(ron_value).collect();
            list(&mut out, "  ", "allowed", &names, "[", "]");
        }
        let _ = writeln!(out, "  max_actions: {},", self.max_actions);
        let mut stars = Vec::new();
        if let Some(lines) = self.stars.max_lines {
            stars.push(format!("max_lines: {lines}"));
        }
        if let Some(actions) = self.stars.max_actions {
            stars.push(format!("max_actions: {actions}"));
        }
        if !stars.is_empty() {
            comment(
                &mut out,
                "  ",
                "Star 2: at most max_lines lines of code; star 3: at most max_actions robot actions.",
            );
            let _ = writeln!(out, "  stars: ({}),", stars.join(", "));
        }
        if !self.hints.is_empty() {
            comment(&mut out, "  ", "Hints, shown one at a time.");
            out.push_str("  hints: [\n");
            for hint in &self.hints {
                text(&mut out, "    ", "", hint);
            }
            out.push_str("  ],\n");
        }
        comment(
            &mut out,
            "  ",
            "The reference solution: it must pass every variant and earn the three stars.",
        );
        let _ = writeln!(out, "  solution: {},", ron_value(&self.solution));
        out.push_str(")\n");
        Written {
            text: out,
            map_line,
        }
    }

    /// The comment over the map: what each character drawn means.
    fn map_key(&self) -> String {
        let mut seen = Vec::new();
        for (_, _, mark) in self.grid.cells() {
            if !seen.contains(&mark) {
                seen.push(mark);
            }
        }
        seen.sort_by_key(|m| {
            super::draft::BUILTIN_MARKS
                .iter()
                .position(|b| b == m)
                .unwrap_or(usize::MAX)
        });
        let keys: Vec<String> = seen
            .into_iter()
            .map(|mark| {
                let meaning = match self.features_of(mark) {
                    Some(features) => describe(&features),
                    None => "unknown: add it to the legend".into(),
                };
                format!("{mark} {meaning}")
            })
            .collect();
        format!("The map, one character per cell: {}.", keys.join(", "))
    }

    /// Reads a level file: the level, and the comment lines heading the file as notes.
    pub fn from_ron(file_name: &str, text: &str) -> Result<LevelDraft, Vec<Diagnostic>> {
        let level = Level::parse(file_name, text)?;
        Ok(LevelDraft::from_level(&level, &heading_comment(text)))
    }

    /// The cell of the map a diagnostic of the written file points at, if any.
    pub fn cell_of(&self, written: &Written, diagnostic: &Diagnostic) -> Option<(u32, u32)> {
        let row = diagnostic.line.checked_sub(written.map_line)?;
        let column = diagnostic.column.checked_sub(MAP_INDENT + 1)?;
        self.grid.contains(column, row).then_some((column, row))
    }
}

/// The `//` lines at the top of a file, without the slashes (and one space after them).
pub fn heading_comment(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        let Some(rest) = line.strip_prefix("//") else {
            if line.is_empty() && lines.is_empty() {
                continue;
            }
            break;
        };
        lines.push(rest.strip_prefix(' ').unwrap_or(rest).trim_end());
    }
    lines.join("\n").trim_end().to_string()
}

/// What a cell with these features holds, in English (file comments are English, like
/// the rest of the format).
fn describe(features: &[Feature]) -> String {
    let heading = |h: &Heading| match h {
        Heading::North => "north",
        Heading::East => "east",
        Heading::South => "south",
        Heading::West => "west",
    };
    let color = |c: &Color| c.name();
    let item = |k: &ItemKind| k.name();
    let parts: Vec<String> = super::draft::canonical(features)
        .iter()
        .map(|f| match f {
            Feature::Wall => "wall".to_string(),
            Feature::Floor => "floor".to_string(),
            Feature::Goal => "goal cell".to_string(),
            Feature::Item(k) => item(k).to_string(),
            Feature::Items(k, n) => format!("{n} {}s", item(k)),
            Feature::Color(c) => format!("{} floor", color(c)),
            Feature::Robot(h) => format!("robot facing {}", heading(h)),
        })
        .collect();
    if parts.is_empty() {
        "floor".into()
    } else {
        parts.join(" + ")
    }
}
