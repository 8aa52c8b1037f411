//! Everything the editor can do to a draft, as [`Action`] values: painting cells with a
//! [`Tool`], resizing the map, and setting each field. Applying an action either changes
//! the draft or refuses with an [`EditError`], leaving it as it was.
//!
//! Painting layers the tools the way a teacher thinks of a cell: a colour, an item, the
//! goal flag and the robot can share a floor cell, a wall holds nothing else. The cell
//! gets the built-in character for what it holds when there is one (`*`, `r`, `G`...),
//! else a legend entry with exactly those features, created if needed (and dropped once
//! no cell uses it, unless a goal or a rule names it).

use thiserror::Error;

use super::draft::{LevelDraft, MapGrid, canonical};
use crate::i18n::Lang;
use crate::level::{Feature, MAX_SIDE, Rule, Stars, Text, ThinWall};
use crate::sandbox::RobotFn;
use crate::sim::{Color, Goal, Heading, ItemKind};

/// What a click on a cell does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tool {
    /// Plain floor: clears the cell.
    Floor,
    /// A solid wall cell.
    Wall,
    /// Adds the goal flag (`G`).
    Goal,
    /// Puts `count` items of a kind on the cell (0 removes the items).
    Item { kind: ItemKind, count: u32 },
    /// Paints the floor.
    Color(Color),
    /// The robot starts here, facing this way (it leaves the cell it was on).
    Robot(Heading),
    /// Adds or removes a thin wall on this side of the cell.
    ThinWall(Heading),
    /// Draws the cell with this character of the legend (or of the built-in alphabet).
    Mark(char),
}

/// A text field of the level written in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    Title,
    Brief,
    /// The hint at this index.
    Hint(usize),
}

/// One change to a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Applies a tool to cells (one click, or a whole stroke).
    Paint {
        cells: Vec<(u32, u32)>,
        tool: Tool,
    },
    /// Cuts or grows the map, keeping its top-left corner; new cells are floor.
    Resize {
        width: u32,
        height: u32,
    },
    SetId(String),
    /// The heading comment of the file.
    SetNotes(String),
    SetText {
        field: TextField,
        lang: Lang,
        text: String,
    },
    AddHint,
    RemoveHint(usize),
    /// Allows (or forbids) one robot function. Forbidding one while all are allowed
    /// lists the others.
    Allow {
        function: RobotFn,
        allowed: bool,
    },
    /// Allows every robot function (no `allowed` list in the file).
    AllowAll,
    SetMaxActions(u32),
    SetStars(Stars),
    SetVariantCount(u32),
    AddRule(Rule),
    SetRule(usize, Rule),
    RemoveRule(usize),
    AddGoal(Goal),
    SetGoal(usize, Goal),
    RemoveGoal(usize),
    /// Gives a character a meaning (`Some`), or removes it from the legend (`None`).
    SetLegend {
        mark: char,
        features: Option<Vec<Feature>>,
    },
    SetSolution(String),
}

/// Why an action was refused. The draft is left unchanged.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("cell ({x}, {y}) is outside the map")]
    OutsideMap { x: u32, y: u32 },
    #[error("a map is 1 to {max} cells wide and high, not {width}x{height}")]
    BadSize { width: u32, height: u32, max: u32 },
    #[error("'{mark}' is neither in the legend nor in the built-in alphabet")]
    UnknownMark { mark: char },
    #[error("'{mark}' cannot be a map character (spaces, quotes and backslashes are not)")]
    BadMark { mark: char },
    #[error("'{mark}' is drawn on the map: paint its cells with something else first")]
    MarkInUse { mark: char },
    #[error("every character of the legend is already used")]
    NoFreeMark,
    #[error("there is no {what} number {index}")]
    NoSuchEntry { what: &'static str, index: usize },
}

impl Action {
    /// Consecutive actions with the same key may be merged into one undo step (typing in
    /// one field, one stroke of one tool): see [`super::Editor`].
    pub(super) fn merge_key(&self) -> Option<MergeKey> {
        match self {
            Action::Paint { tool, .. } => Some(MergeKey::Paint(*tool)),
            Action::Resize { .. } => Some(MergeKey::Size),
            Action::SetId(_) => Some(MergeKey::Id),
            Action::SetNotes(_) => Some(MergeKey::Notes),
            Action::SetText { field, lang, .. } => Some(MergeKey::Text(*field, *lang)),
            Action::SetSolution(_) => Some(MergeKey::Solution),
            Action::SetMaxActions(_) => Some(MergeKey::MaxActions),
            Action::SetStars(_) => Some(MergeKey::Stars),
            Action::SetVariantCount(_) => Some(MergeKey::VariantCount),
            Action::SetRule(index, _) => Some(MergeKey::Rule(*index)),
            Action::SetGoal(index, _) => Some(MergeKey::Goal(*index)),
            _ => None,
        }
    }
}

/// See [`Action::merge_key`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum MergeKey {
    Paint(Tool),
    Size,
    Id,
    Notes,
    Text(TextField, Lang),
    Solution,
    MaxActions,
    Stars,
    VariantCount,
    Rule(usize),
    Goal(usize),
}

impl LevelDraft {
    /// Applies an action. On error the draft is unchanged.
    pub fn apply(&mut self, action: &Action) -> Result<(), EditError> {
        let mut next = self.clone();
        next.apply_in_place(action)?;
        *self = next;
        Ok(())
    }

    fn apply_in_place(&mut self, action: &Action) -> Result<(), EditError> {
        match action {
            Action::Paint { cells, tool } => {
                for &(x, y) in cells {
                    self.paint(x, y, *tool)?;
                }
            }
            Action::Resize { width, height } => {
                let (width, height) = (*width, *height);
                if !(1..=MAX_SIDE).contains(&width) || !(1..=MAX_SIDE).contains(&height) {
                    let max = MAX_SIDE;
                    return Err(EditError::BadSize { width, height, max });
                }
                self.grid = self.grid.resized(width, height, '.');
                self.walls.retain(|w| w.x < width && w.y < height);
            }
            Action::SetId(id) => self.id = id.clone(),
            Action::SetNotes(notes) => self.notes = clean_notes(notes),
            Action::SetText { field, lang, text } => {
                let target = match field {
                    TextField::Title => &mut self.title,
                    TextField::Brief => &mut self.brief,
                    TextField::Hint(i) => self.hints.get_mut(*i).ok_or(EditError::NoSuchEntry {
                        what: "hint",
                        index: *i,
                    })?,
                };
                match lang {
                    Lang::Fr => target.fr = text.clone(),
                    Lang::En => target.en = text.clone(),
                }
            }
            Action::AddHint => self.hints.push(Text::default()),
            Action::RemoveHint(i) => remove(&mut self.hints, *i, "hint")?,
            Action::Allow { function, allowed } => self.allow(*function, *allowed),
            Action::AllowAll => self.allowed = None,
            Action::SetMaxActions(n) => self.max_actions = *n,
            Action::SetStars(stars) => self.stars = *stars,
            Action::SetVariantCount(n) => self.variants.count = *n,
            Action::AddRule(rule) => self.variants.rules.push(rule.clone()),
            Action::SetRule(i, rule) => {
                *entry(&mut self.variants.rules, *i, "rule")? = rule.clone()
            }
            Action::RemoveRule(i) => remove(&mut self.variants.rules, *i, "rule")?,
            Action::AddGoal(goal) => self.goals.push(goal.clone()),
            Action::SetGoal(i, goal) => *entry(&mut self.goals, *i, "goal")? = goal.clone(),
            Action::RemoveGoal(i) => remove(&mut self.goals, *i, "goal")?,
            Action::SetLegend { mark, features } => {
                check_mark(*mark)?;
                match features {
                    Some(features) => {
                        self.legend.insert(*mark, features.clone());
                    }
                    None if self.grid.uses(*mark) => {
                        return Err(EditError::MarkInUse { mark: *mark });
                    }
                    None => {
                        self.legend.remove(mark);
                    }
                }
            }
            Action::SetSolution(code) => self.solution = code.clone(),
        }
        Ok(())
    }

    fn allow(&mut self, function: RobotFn, allowed: bool) {
        let mut list: Vec<RobotFn> = match &self.allowed {
            None => RobotFn::ALL.to_vec(),
            Some(_) => self.to_level().allowed_functions(),
        };
        list.retain(|f| *f != function);
        if allowed {
            list.push(function);
        }
        // Listed in the order of the robot's API, as the built-in levels do.
        let names = RobotFn::ALL
            .into_iter()
            .filter(|f| list.contains(f))
            .map(|f| f.english().to_string())
            .collect();
        self.allowed = Some(names);
    }

    fn paint(&mut self, x: u32, y: u32, tool: Tool) -> Result<(), EditError> {
        let old = self.grid.get(x, y).ok_or(EditError::OutsideMap { x, y })?;
        let features = self.features_at(x, y);
        let without = |drop: &dyn Fn(&Feature) -> bool| -> Vec<Feature> {
            features
                .iter()
                .filter(|f| **f != Feature::Wall && !drop(f))
                .cloned()
                .collect()
        };
        let new_features = match tool {
            Tool::ThinWall(side) => {
                self.toggle_thin_wall(x, y, side);
                return Ok(());
            }
            Tool::Mark(mark) => {
                check_mark(mark)?;
                let features = self
                    .features_of(mark)
                    .ok_or(EditError::UnknownMark { mark })?;
                self.set_cell(x, y, mark, old);
                if features.iter().any(|f| matches!(f, Feature::Robot(_))) {
                    self.remove_robots_but(x, y)?;
                }
                return Ok(());
            }
            Tool::Floor => Vec::new(),
            Tool::Wall => vec![Feature::Wall],
            Tool::Goal => {
                let mut f = without(&|f| *f == Feature::Goal);
                f.push(Feature::Goal);
                f
            }
            Tool::Color(color) => {
                let mut f = without(&|f| matches!(f, Feature::Color(_)));
                f.push(Feature::Color(color));
                f
            }
            Tool::Item { kind, count } => {
                let mut f = without(&|f| matches!(f, Feature::Item(_) | Feature::Items(..)));
                match count {
                    0 => {}
                    1 => f.push(Feature::Item(kind)),
                    n => f.push(Feature::Items(kind, n)),
                }
                f
            }
            Tool::Robot(heading) => {
                let mut f = without(&|f| matches!(f, Feature::Robot(_)));
                f.push(Feature::Robot(heading));
                f
            }
        };
        let mark = self.mark_or_new(&new_features, old)?;
        self.set_cell(x, y, mark, old);
        if matches!(tool, Tool::Robot(_)) {
            self.remove_robots_but(x, y)?;
        }
        Ok(())
    }

    /// The mark for these features; a new legend entry when none fits. The cell's
    /// current mark is kept when it already means exactly this (so painting a cell with
    /// what it holds keeps the mark a goal may name).
    fn mark_or_new(&mut self, features: &[Feature], current: char) -> Result<char, EditError> {
        let current_fits = self
            .features_of(current)
            .is_some_and(|f| canonical(&f) == canonical(features));
        if current_fits {
            return Ok(current);
        }
        if let Some(mark) = self.mark_for(features) {
            return Ok(mark);
        }
        let mark = self.free_mark().ok_or(EditError::NoFreeMark)?;
        self.legend.insert(mark, canonical(features));
        Ok(mark)
    }

    /// Draws a cell, and forgets the legend entry of the mark it replaced when nothing
    /// uses it any more.
    fn set_cell(&mut self, x: u32, y: u32, mark: char, old: char) {
        self.grid.set(x, y, mark);
        let unused = old != mark && !self.grid.uses(old) && !self.named_marks().contains(&old);
        if unused {
            self.legend.remove(&old);
        }
    }

    /// The robot starts at one cell only: takes it off every other cell.
    fn remove_robots_but(&mut self, keep_x: u32, keep_y: u32) -> Result<(), EditError> {
        let others: Vec<(u32, u32, char)> = self
            .grid
            .cells()
            .filter(|&(x, y, _)| (x, y) != (keep_x, keep_y))
            .filter(|&(x, y, _)| {
                self.features_at(x, y)
                    .iter()
                    .any(|f| matches!(f, Feature::Robot(_)))
            })
            .collect();
        for (x, y, old) in others {
            let rest: Vec<Feature> = self
                .features_at(x, y)
                .into_iter()
                .filter(|f| !matches!(f, Feature::Robot(_)))
                .collect();
            let mark = self.mark_or_new(&rest, old)?;
            self.set_cell(x, y, mark, old);
        }
        Ok(())
    }

    /// Adds a thin wall on one side of a cell, or removes it if there is one (written
    /// on either of the two cells it separates).
    fn toggle_thin_wall(&mut self, x: u32, y: u32, side: Heading) {
        let wall = canonical_wall(ThinWall { x, y, side });
        let before = self.walls.len();
        self.walls.retain(|w| canonical_wall(*w) != wall);
        if self.walls.len() == before {
            self.walls.push(wall);
        }
    }

    /// Whether a thin wall runs on this side of a cell.
    pub fn has_thin_wall(&self, x: u32, y: u32, side: Heading) -> bool {
        let wall = canonical_wall(ThinWall { x, y, side });
        self.walls.iter().any(|w| canonical_wall(*w) == wall)
    }
}

/// A thin wall written as the east or south side of a cell when it has a neighbour there.
fn canonical_wall(wall: ThinWall) -> ThinWall {
    match wall.side {
        Heading::West if wall.x > 0 => ThinWall {
            x: wall.x - 1,
            side: Heading::East,
            ..wall
        },
        Heading::North if wall.y > 0 => ThinWall {
            y: wall.y - 1,
            side: Heading::South,
            ..wall
        },
        _ => wall,
    }
}

/// Characters that can be drawn in a map and written in a legend.
fn check_mark(mark: char) -> Result<(), EditError> {
    if mark.is_whitespace() || mark.is_control() || matches!(mark, '"' | '\'' | '\\') {
        Err(EditError::BadMark { mark })
    } else {
        Ok(())
    }
}

/// Notes as the file keeps them: no spaces at line ends, no blank lines at the end.
fn clean_notes(notes: &str) -> String {
    let lines: Vec<&str> = notes.lines().map(str::trim_end).collect();
    lines.join("\n").trim_end().to_string()
}

fn entry<'a, T>(
    list: &'a mut [T],
    index: usize,
    what: &'static str,
) -> Result<&'a mut T, EditError> {
    list.get_mut(index)
        .ok_or(EditError::NoSuchEntry { what, index })
}

fn remove<T>(list: &mut Vec<T>, index: usize, what: &'static str) -> Result<(), EditError> {
    if index < list.len() {
        list.remove(index);
        Ok(())
    } else {
        Err(EditError::NoSuchEntry { what, index })
    }
}

impl MapGrid {
    /// The drawn cells of a straight line from `a` to `b` (a stroke of the mouse).
    pub fn line(a: (u32, u32), b: (u32, u32)) -> Vec<(u32, u32)> {
        let (dx, dy) = (b.0 as i64 - a.0 as i64, b.1 as i64 - a.1 as i64);
        let steps = dx.abs().max(dy.abs()).max(1);
        let mut cells: Vec<(u32, u32)> = (0..=steps)
            .map(|i| {
                let x = a.0 as i64 + (dx * i + dx.signum() * steps / 2) / steps;
                let y = a.1 as i64 + (dy * i + dy.signum() * steps / 2) / steps;
                (x as u32, y as u32)
            })
            .collect();
        cells.dedup();
        cells
    }
}
