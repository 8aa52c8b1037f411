//! Checks on a parsed level, each problem placed at its line and column in the file:
//! map cells where they are drawn, fields and list elements where they are written.
//! Every problem is reported, not only the first, and every variant is checked.
//!
//! Running the reference solution needs the Python sandbox, so it is done by the caller
//! (grade/CLI), which can report a failure with [`Level::field_diagnostic`] and
//! [`LevelProblem::SolutionFails`].

use std::collections::{BTreeSet, HashSet};
use std::mem::{Discriminant, discriminant};

use super::diagnostic::{Diagnostic, LevelProblem};
use super::format::{Feature, Level, MAX_VARIANTS, Rule};
use super::map::{Drawing, features_of};
use super::spans::{Loc, Node};
use super::variants::Grid;
use crate::sandbox::RobotFn;
use crate::sim::{Goal, Pos, World};

impl Level {
    /// Semantic checks on every variant. `text` is the file the level was parsed from,
    /// used only to place the problems.
    pub fn validate(&self, file_name: &str, text: &str) -> Vec<Diagnostic> {
        let mut v = Validator::new(self, file_name, text);
        v.fields();
        v.map();
        v.rules();
        v.goals();
        v.variants();
        v.finish()
    }

    /// A diagnostic placed at a top-level field of the level file (`"solution"`, `"map"`...),
    /// for checks done outside this module, such as running the reference solution.
    pub fn field_diagnostic(
        file_name: &str,
        text: &str,
        field: &str,
        problem: LevelProblem,
    ) -> Diagnostic {
        let loc = Node::parse(text)
            .and_then(|root| root.field(field).map(|f| f.loc))
            .unwrap_or(Loc::START);
        Diagnostic::new(file_name, loc.line, loc.column, problem)
    }
}

/// Whether an id can be used in `pack-id/level-id` references and file names.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

struct Validator<'a> {
    level: &'a Level,
    file: &'a str,
    root: Option<Node>,
    drawing: Drawing,
    out: Vec<Diagnostic>,
    /// Variant problems already reported at a place, so each is reported once.
    reported: HashSet<(Loc, Discriminant<LevelProblem>)>,
}

impl<'a> Validator<'a> {
    fn new(level: &'a Level, file: &'a str, text: &str) -> Self {
        Self {
            level,
            file,
            root: Node::parse(text),
            drawing: Drawing::parse(&level.map),
            out: Vec::new(),
            reported: HashSet::new(),
        }
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        self.out.sort_by_key(|d| (d.line, d.column));
        self.out.dedup();
        self.out
    }

    fn push(&mut self, loc: Loc, problem: LevelProblem) {
        self.out
            .push(Diagnostic::new(self.file, loc.line, loc.column, problem));
    }

    /// Reports a problem found in a variant unless the same kind was reported there already.
    fn push_once(&mut self, loc: Loc, problem: LevelProblem) {
        if self.reported.insert((loc, discriminant(&problem))) {
            self.push(loc, problem);
        }
    }

    // --- locations ---

    fn node(&self, field: &str) -> Option<&Node> {
        self.root.as_ref()?.get(field)
    }

    fn field_loc(&self, field: &str) -> Loc {
        self.root
            .as_ref()
            .and_then(|r| r.field(field))
            .map_or(Loc::START, |f| f.loc)
    }

    /// The `index`-th element of a top-level list field.
    fn item_loc(&self, field: &str, index: usize) -> Loc {
        self.node(field)
            .and_then(|n| n.item(index))
            .map_or_else(|| self.field_loc(field), |n| n.loc)
    }

    /// The position of a sub-field: `("stars", "max_lines")`.
    fn sub_field_loc(&self, field: &str, sub: &str) -> Loc {
        self.node(field)
            .and_then(|n| n.field(sub))
            .map_or_else(|| self.field_loc(field), |f| f.loc)
    }

    /// Where a drawn cell is in the file.
    fn cell_loc(&self, col: usize, row: usize) -> Loc {
        let chars = self
            .node("map")
            .and_then(|n| n.string_chars(&self.level.map));
        self.drawing
            .get(col, row)
            .and_then(|d| d.source)
            .and_then(|i| chars.and_then(|c| c.get(i)).copied())
            .unwrap_or_else(|| self.field_loc("map"))
    }

    fn grid_loc(&self, grid: &Grid, pos: Pos) -> Loc {
        let (col, row) = grid.cell(pos).origin;
        self.cell_loc(col, row)
    }

    fn rule_node(&self, index: usize) -> Option<&Node> {
        self.node("variants")?.get("rules")?.item(index)
    }

    /// A field of the `index`-th variant rule, or the rule itself.
    fn rule_loc(&self, index: usize, field: &str) -> Loc {
        let rule = self.rule_node(index);
        rule.and_then(|r| r.field(field))
            .map(|f| f.loc)
            .or(rule.map(|r| r.loc))
            .unwrap_or_else(|| self.field_loc("variants"))
    }

    // --- checks ---

    fn fields(&mut self) {
        let level = self.level;
        if !is_valid_id(&level.id) {
            self.push(
                self.field_loc("id"),
                LevelProblem::BadId {
                    id: level.id.clone(),
                },
            );
        }
        for (field, text) in [("title", &level.title), ("brief", &level.brief)] {
            for lang in text.empty_languages() {
                let problem = LevelProblem::EmptyText {
                    field: field.into(),
                    lang: lang.into(),
                };
                self.push(self.field_loc(field), problem);
            }
        }
        for (i, hint) in level.hints.iter().enumerate() {
            for lang in hint.empty_languages() {
                let problem = LevelProblem::EmptyText {
                    field: format!("hints[{i}]"),
                    lang: lang.into(),
                };
                self.push(self.item_loc("hints", i), problem);
            }
        }
        for (i, name) in level.allowed.iter().flatten().enumerate() {
            if RobotFn::from_name(name.trim()).is_none() {
                self.push(
                    self.item_loc("allowed", i),
                    LevelProblem::UnknownFunction { name: name.clone() },
                );
            }
        }
        if level.max_actions == 0 {
            self.push(
                self.field_loc("max_actions"),
                LevelProblem::ZeroLimit {
                    field: "max_actions".into(),
                },
            );
        }
        if level.stars.max_lines == Some(0) {
            let problem = LevelProblem::ZeroLimit {
                field: "stars.max_lines".into(),
            };
            self.push(self.sub_field_loc("stars", "max_lines"), problem);
        }
        match level.stars.max_actions {
            Some(0) => {
                let problem = LevelProblem::ZeroLimit {
                    field: "stars.max_actions".into(),
                };
                self.push(self.sub_field_loc("stars", "max_actions"), problem);
            }
            Some(stars) if stars > level.max_actions && level.max_actions > 0 => {
                let problem = LevelProblem::StarAboveLimit {
                    stars,
                    limit: level.max_actions,
                };
                self.push(self.sub_field_loc("stars", "max_actions"), problem);
            }
            _ => {}
        }
        let count = level.variants.count;
        if count == 0 || count > MAX_VARIANTS {
            let problem = LevelProblem::BadVariantCount {
                count,
                max: MAX_VARIANTS,
            };
            self.push(self.sub_field_loc("variants", "count"), problem);
        }
        self.solution();
    }

    fn solution(&mut self) {
        let level = self.level;
        if level.solution.trim().is_empty() {
            self.push(self.field_loc("solution"), LevelProblem::EmptySolution);
            return;
        }
        let allowed = level.allowed_functions();
        let chars = self
            .node("solution")
            .and_then(|n| n.string_chars(&level.solution))
            .map(<[Loc]>::to_vec);
        for (index, name) in called_names(&level.solution) {
            if RobotFn::from_name(&name).is_some_and(|f| !allowed.contains(&f)) {
                let loc = chars.as_ref().and_then(|c| c.get(index)).copied();
                let loc = loc.unwrap_or_else(|| self.field_loc("solution"));
                self.push(loc, LevelProblem::SolutionUsesForbidden { name });
            }
        }
    }

    fn map(&mut self) {
        let cells: Vec<_> = self.drawing.cells().collect();
        for (x, y, drawn) in cells {
            if features_of(&self.level.legend, drawn.ch).is_none() {
                self.push(
                    self.cell_loc(x, y),
                    LevelProblem::UnknownChar { ch: drawn.ch },
                );
            }
        }
        for (&mark, features) in &self.level.legend {
            let walls = features.iter().filter(|f| **f == Feature::Wall).count();
            let robots = features
                .iter()
                .filter(|f| matches!(f, Feature::Robot(_)))
                .count();
            if (walls > 0 && features.len() > walls) || robots > 1 {
                let loc = self
                    .node("legend")
                    .and_then(|n| n.map_key(mark))
                    .map_or_else(|| self.field_loc("legend"), |n| n.loc);
                self.push(loc, LevelProblem::ConflictingFeatures { mark });
            }
        }
        let (w, h) = (self.drawing.width as u32, self.drawing.height() as u32);
        for (i, wall) in self.level.walls.iter().enumerate() {
            if wall.x >= w || wall.y >= h {
                self.push(
                    self.item_loc("walls", i),
                    LevelProblem::WallOutsideMap {
                        x: wall.x,
                        y: wall.y,
                    },
                );
            }
        }
    }

    fn rules(&mut self) {
        let (w, h) = (self.drawing.width as u32, self.drawing.height() as u32);
        for (i, rule) in self.level.variants.rules.iter().enumerate() {
            let range = match *rule {
                Rule::Stretch { column, extra } => {
                    if column >= w {
                        let problem = LevelProblem::StretchOutsideMap {
                            axis: "column".into(),
                            index: column,
                            size: w,
                        };
                        self.push(self.rule_loc(i, "column"), problem);
                    }
                    Some(("extra", extra))
                }
                Rule::StretchRow { row, extra } => {
                    if row >= h {
                        let problem = LevelProblem::StretchOutsideMap {
                            axis: "row".into(),
                            index: row,
                            size: h,
                        };
                        self.push(self.rule_loc(i, "row"), problem);
                    }
                    Some(("extra", extra))
                }
                Rule::Scatter { mark, count } => {
                    self.rule_mark(i, mark, false);
                    Some(("count", count))
                }
                Rule::ItemCount { mark, range } => {
                    self.rule_mark(i, mark, true);
                    Some(("range", range))
                }
                Rule::RandomHeading => None,
            };
            if let Some((field, (min, max))) = range
                && min > max
            {
                self.push(self.rule_loc(i, field), LevelProblem::BadRange { min, max });
            }
        }
    }

    fn rule_mark(&mut self, index: usize, mark: char, needs_item: bool) {
        if !self.drawing.contains(mark) {
            self.push(
                self.rule_loc(index, "mark"),
                LevelProblem::RuleMarkNotOnMap { mark },
            );
            return;
        }
        let has_item = features_of(&self.level.legend, mark).is_some_and(|fs| {
            fs.iter()
                .any(|f| matches!(f, Feature::Item(_) | Feature::Items(..)))
        });
        if needs_item && !has_item {
            self.push(
                self.rule_loc(index, "mark"),
                LevelProblem::NoItemToCount { mark },
            );
        }
    }

    fn goals(&mut self) {
        if self.level.goals.is_empty() {
            self.push(self.field_loc("goals"), LevelProblem::NoGoals);
        }
        let has_goal_cell = self.drawing.cells().any(|(_, _, d)| {
            features_of(&self.level.legend, d.ch).is_some_and(|fs| fs.contains(&Feature::Goal))
        });
        for (i, goal) in self.level.goals.iter().enumerate() {
            let goal_node = self.node("goals").and_then(|n| n.item(i)).cloned();
            let goal_loc = goal_node
                .as_ref()
                .map_or_else(|| self.field_loc("goals"), |n| n.loc);
            for mark in goal.marks() {
                if !self.drawing.contains(mark) {
                    let loc = goal_node
                        .as_ref()
                        .and_then(|n| n.find_char(mark))
                        .unwrap_or(goal_loc);
                    self.push(loc, LevelProblem::UnknownMark { mark });
                }
            }
            if goal.needs_goal_cells() && !has_goal_cell {
                self.push(goal_loc, LevelProblem::NoGoalCell);
            }
        }
    }

    /// Builds every variant and checks it can be played. Unknown characters, already
    /// reported, count as floor here so that the other problems are found too.
    fn variants(&mut self) {
        let mut drawing = self.drawing.clone();
        for drawn in drawing.rows.iter_mut().flatten() {
            if features_of(&self.level.legend, drawn.ch).is_none() {
                drawn.ch = '.';
            }
        }
        let count = u64::from(self.level.variants.count.clamp(1, MAX_VARIANTS));
        let variants_loc = if self.node("variants").is_some() {
            self.field_loc("variants")
        } else {
            self.field_loc("map")
        };
        for (seed, variant) in (0..count).zip(self.level.variants_of(&drawing, count)) {
            let variant = match variant {
                Ok(variant) => variant,
                Err(problem) => {
                    self.push_once(variants_loc, problem);
                    continue;
                }
            };
            let world = match &variant.world {
                Ok(world) => world,
                Err(problem @ LevelProblem::TooManyRobots { .. }) => {
                    let robots = variant.grid.robots();
                    let loc = self.grid_loc(&variant.grid, robots[1]);
                    self.push_once(loc, problem.clone());
                    continue;
                }
                Err(problem) => {
                    self.push_once(self.field_loc("map"), problem.clone());
                    continue;
                }
            };
            if let Some(same_as) = variant.same_as {
                self.push_once(
                    variants_loc,
                    LevelProblem::IdenticalVariants { seed, same_as },
                );
            }
            let mut required = Vec::new();
            for (i, goal) in self.level.goals.iter().enumerate() {
                required_goals(goal, i, &mut required);
            }
            let reach = world.reachable();
            for (i, goal) in required {
                self.playable(
                    seed,
                    &variant.grid,
                    world,
                    &reach,
                    goal,
                    self.item_loc("goals", i),
                );
            }
        }
    }

    /// Checks that the robot can reach what one goal needs in one variant.
    fn playable(
        &mut self,
        seed: u64,
        grid: &Grid,
        world: &World,
        reach: &BTreeSet<Pos>,
        goal: &Goal,
        goal_loc: Loc,
    ) {
        let reachable_items = |kind: Option<crate::sim::ItemKind>| -> u32 {
            reach
                .iter()
                .map(|p| kind.map_or_else(|| world.items_at(*p), |k| world.items_of_kind_at(*p, k)))
                .sum()
        };
        match goal {
            Goal::ReachGoal => {
                if world.goals.is_empty() {
                    self.push_once(goal_loc, LevelProblem::NoGoalCell);
                }
                for pos in world.goals.iter().filter(|p| !reach.contains(p)) {
                    self.push_once(
                        self.grid_loc(grid, *pos),
                        LevelProblem::GoalUnreachable { seed },
                    );
                }
            }
            Goal::RobotOn(mark) => {
                let cells: Vec<Pos> = world.cells_marked(*mark).collect();
                if let Some(first) = cells.first()
                    && !cells.iter().any(|p| reach.contains(p))
                {
                    self.push_once(
                        self.grid_loc(grid, *first),
                        LevelProblem::MarkUnreachable { mark: *mark, seed },
                    );
                }
            }
            Goal::ItemsOn(mark, wanted) => {
                let cells: Vec<Pos> = world.cells_marked(*mark).collect();
                for pos in &cells {
                    if !reach.contains(pos) && world.items_at(*pos) != *wanted {
                        self.push_once(
                            self.grid_loc(grid, *pos),
                            LevelProblem::MarkUnreachable { mark: *mark, seed },
                        );
                    }
                }
                let needed = wanted * cells.len() as u32;
                let available = reachable_items(None);
                if available < needed {
                    self.push_once(
                        goal_loc,
                        LevelProblem::NotEnoughItems {
                            seed,
                            wanted: needed,
                            available,
                        },
                    );
                }
            }
            Goal::Painted(mark, color) => {
                for pos in world.cells_marked(*mark) {
                    if !reach.contains(&pos) && world.colors.get(&pos) != Some(color) {
                        self.push_once(
                            self.grid_loc(grid, pos),
                            LevelProblem::MarkUnreachable { mark: *mark, seed },
                        );
                    }
                }
            }
            Goal::CollectAll(kind) => {
                for (pos, kinds) in &world.items {
                    let relevant = kind.is_none_or(|k| kinds.contains_key(&k));
                    if relevant && !reach.contains(pos) {
                        self.push_once(
                            self.grid_loc(grid, *pos),
                            LevelProblem::ItemUnreachable { seed },
                        );
                    }
                }
            }
            Goal::Carry(wanted) => {
                let available = reachable_items(None);
                if available < *wanted {
                    self.push_once(
                        goal_loc,
                        LevelProblem::NotEnoughItems {
                            seed,
                            wanted: *wanted,
                            available,
                        },
                    );
                }
            }
            Goal::Output(_) | Goal::Said(_) | Goal::All(_) | Goal::Any(_) => {}
        }
    }
}

/// Goals that must all hold (top level and inside `All`), with the index of the top-level
/// goal they belong to. Goals inside `Any` are alternatives and are not required.
fn required_goals<'g>(goal: &'g Goal, index: usize, out: &mut Vec<(usize, &'g Goal)>) {
    match goal {
        Goal::All(goals) => goals.iter().for_each(|g| required_goals(g, index, out)),
        Goal::Any(_) => {}
        other => out.push((index, other)),
    }
}

/// Names called in Python code (`name(`), with the character index of the name; skips
/// comments, strings, method calls and `def` lines. Good enough for a lint.
fn called_names(code: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = code.chars().collect();
    let mut calls = Vec::new();
    let mut i = 0;
    let mut previous_word = String::new();
    let mut previous_char = ' ';
    while i < chars.len() {
        let c = chars[i];
        if c == '#' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '"' || c == '\'' {
            i += 1;
            while i < chars.len() && chars[i] != c && chars[i] != '\n' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            previous_char = c;
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            let is_call =
                chars.get(j) == Some(&'(') && previous_char != '.' && previous_word != "def";
            if is_call {
                calls.push((start, word.clone()));
            }
            previous_word = word;
            previous_char = 'a';
        } else {
            if !c.is_whitespace() {
                previous_char = c;
            }
            i += 1;
        }
    }
    calls
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn called_names_skip_comments_strings_and_definitions() {
        let code =
            "def turn_right():\n    turn_left()  # move()\nprint(\"move()\")\nx.pick()\nmove ()";
        let names: Vec<String> = called_names(code).into_iter().map(|(_, n)| n).collect();
        assert_eq!(names, vec!["turn_left", "print", "move"]);
        assert_eq!(called_names("  move()")[0].0, 2);
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("premiers-pas_01"));
        assert!(!is_valid_id("") && !is_valid_id("a/b") && !is_valid_id("é t"));
    }
}
