//! The level being edited: every field of a [`Level`] with the map as a grid of marks
//! (one character per cell, as in the file) instead of a string, plus the comment that
//! heads the file. [`LevelDraft::from_level`] and [`LevelDraft::to_level`] convert both
//! ways; what a cell holds is always read through the level's legend and the built-in
//! alphabet, so the draft means exactly what its file means.

use std::collections::BTreeMap;

use crate::level::{
    Drawing, Feature, Level, Rule, Stars, Text, ThinWall, Variants, builtin_features, features_of,
};
use crate::sim::{Goal, Heading};

/// The characters of the built-in alphabet, in the order the editor prefers them.
pub const BUILTIN_MARKS: [char; 14] = [
    '.', '#', '>', '<', '^', 'v', 'G', '*', 'c', 'k', 'r', 'g', 'b', 'y',
];

/// Characters the editor may give to a new legend entry, in order.
const NEW_MARKS: &str = "ABCDEFHIJKLMNOPQRSTUVWXYZadefhijlmnopqstuwxz0123456789@$%&+=~!?";

/// The grid of marks: `width` x `height` characters, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapGrid {
    width: u32,
    height: u32,
    cells: Vec<char>,
}

impl MapGrid {
    /// A grid filled with one mark.
    pub fn filled(width: u32, height: u32, mark: char) -> MapGrid {
        MapGrid {
            width,
            height,
            cells: vec![mark; (width * height) as usize],
        }
    }

    /// The grid of a map string (as `Level::map`): blank lines and indentation dropped,
    /// short rows padded with walls. Spaces (floor) become `.` unless the legend gives
    /// either character a meaning of its own.
    pub fn from_map(map: &str, legend: &BTreeMap<char, Vec<Feature>>) -> MapGrid {
        let spaces_are_dots = !legend.contains_key(&' ') && !legend.contains_key(&'.');
        let drawing = Drawing::parse(map);
        let cells = drawing
            .cells()
            .map(|(_, _, drawn)| match drawn.ch {
                ' ' if spaces_are_dots => '.',
                ch => ch,
            })
            .collect();
        MapGrid {
            width: drawing.width as u32,
            height: drawing.height() as u32,
            cells,
        }
    }

    pub fn width(&self) -> u32 {
        self.width
    }

    pub fn height(&self) -> u32 {
        self.height
    }

    pub fn contains(&self, x: u32, y: u32) -> bool {
        x < self.width && y < self.height
    }

    /// The mark of a cell (`None` outside the grid).
    pub fn get(&self, x: u32, y: u32) -> Option<char> {
        self.contains(x, y)
            .then(|| self.cells[(y * self.width + x) as usize])
    }

    pub(super) fn set(&mut self, x: u32, y: u32, mark: char) {
        if self.contains(x, y) {
            self.cells[(y * self.width + x) as usize] = mark;
        }
    }

    /// Every cell with its column and row.
    pub fn cells(&self) -> impl Iterator<Item = (u32, u32, char)> + '_ {
        self.cells.iter().enumerate().map(|(i, &ch)| {
            let i = i as u32;
            (i % self.width.max(1), i / self.width.max(1), ch)
        })
    }

    /// Whether a cell is drawn with this mark.
    pub fn uses(&self, mark: char) -> bool {
        self.cells.contains(&mark)
    }

    /// The rows as strings.
    pub fn rows(&self) -> Vec<String> {
        self.cells
            .chunks(self.width.max(1) as usize)
            .map(|row| row.iter().collect())
            .collect()
    }

    /// The grid cut or grown to `width` x `height`, keeping the top-left corner; new
    /// cells are `fill`.
    pub(super) fn resized(&self, width: u32, height: u32, fill: char) -> MapGrid {
        let mut grid = MapGrid::filled(width, height, fill);
        for (x, y, ch) in self.cells() {
            grid.set(x, y, ch);
        }
        grid
    }

    /// The cells on the edge of the grid.
    pub fn border(&self) -> Vec<(u32, u32)> {
        self.cells()
            .filter(|&(x, y, _)| x == 0 || y == 0 || x + 1 == self.width || y + 1 == self.height)
            .map(|(x, y, _)| (x, y))
            .collect()
    }
}

/// A level being edited. Equal drafts write the same file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelDraft {
    /// The comment above the level in its file (without the `//`), one line per line.
    pub notes: String,
    pub id: String,
    pub title: Text,
    pub brief: Text,
    pub grid: MapGrid,
    pub legend: BTreeMap<char, Vec<Feature>>,
    pub walls: Vec<ThinWall>,
    pub goals: Vec<Goal>,
    pub variants: Variants,
    /// English names of the robot functions allowed; `None`: all of them.
    pub allowed: Option<Vec<String>>,
    pub max_actions: u32,
    pub stars: Stars,
    pub hints: Vec<Text>,
    pub solution: String,
}

impl Default for LevelDraft {
    /// A new level: a walled room, the robot on the left facing east, the goal cell on
    /// the right, and the goal "reach G". Texts and solution are left for the teacher.
    fn default() -> Self {
        let mut grid = MapGrid::filled(10, 6, '.');
        for (x, y) in grid.border() {
            grid.set(x, y, '#');
        }
        grid.set(1, 1, '>');
        grid.set(8, 4, 'G');
        LevelDraft {
            notes: String::new(),
            id: "mon-niveau".into(),
            title: Text::default(),
            brief: Text::default(),
            grid,
            legend: BTreeMap::new(),
            walls: Vec::new(),
            goals: vec![Goal::ReachGoal],
            variants: Variants::default(),
            allowed: None,
            max_actions: crate::level::DEFAULT_MAX_ACTIONS,
            stars: Stars::default(),
            hints: Vec::new(),
            solution: String::new(),
        }
    }
}

impl LevelDraft {
    /// The draft of a level read from a file (`notes`: the file's heading comment).
    pub fn from_level(level: &Level, notes: &str) -> LevelDraft {
        LevelDraft {
            notes: notes.to_string(),
            id: level.id.clone(),
            title: level.title.clone(),
            brief: level.brief.clone(),
            grid: MapGrid::from_map(&level.map, &level.legend),
            legend: level.legend.clone(),
            walls: level.walls.clone(),
            goals: level.goals.clone(),
            variants: level.variants.clone(),
            allowed: level.allowed.clone(),
            max_actions: level.max_actions,
            stars: level.stars,
            hints: level.hints.clone(),
            solution: level.solution.clone(),
        }
    }

    /// The level this draft describes, its map drawn as in the built-in files.
    pub fn to_level(&self) -> Level {
        Level {
            id: self.id.clone(),
            title: self.title.clone(),
            brief: self.brief.clone(),
            map: self.map_string(),
            legend: self.legend.clone(),
            walls: self.walls.clone(),
            goals: self.goals.clone(),
            variants: self.variants.clone(),
            allowed: self.allowed.clone(),
            max_actions: self.max_actions,
            stars: self.stars,
            hints: self.hints.clone(),
            solution: self.solution.clone(),
            file: self.file_name(),
        }
    }

    /// The name of the level's file: `<id>.ron`.
    pub fn file_name(&self) -> String {
        format!("{}.ron", self.id)
    }

    /// The map string: one row per line, indented by four spaces.
    pub(super) fn map_string(&self) -> String {
        let mut map = String::from("\n");
        for row in self.grid.rows() {
            map.push_str("    ");
            map.push_str(&row);
            map.push('\n');
        }
        map.push_str("  ");
        map
    }

    /// What a mark puts in its cell (the legend first, then the built-in alphabet).
    pub fn features_of(&self, mark: char) -> Option<Vec<Feature>> {
        features_of(&self.legend, mark)
    }

    /// What the cell at `(x, y)` holds; unknown marks hold nothing.
    pub fn features_at(&self, x: u32, y: u32) -> Vec<Feature> {
        self.grid
            .get(x, y)
            .and_then(|mark| self.features_of(mark))
            .unwrap_or_default()
    }

    /// Marks named by goals and variant rules: they carry a meaning beyond their
    /// features, so the editor never reuses them on its own.
    pub fn named_marks(&self) -> Vec<char> {
        let mut marks: Vec<char> = self.goals.iter().flat_map(Goal::marks).collect();
        for rule in &self.variants.rules {
            if let Rule::Scatter { mark, .. } | Rule::ItemCount { mark, .. } = rule {
                marks.push(*mark);
            }
        }
        marks
    }

    /// A mark whose cells hold exactly `features` (in any order): a built-in character
    /// when one fits, else a legend entry not named by a goal or rule.
    pub(super) fn mark_for(&self, features: &[Feature]) -> Option<char> {
        let wanted = canonical(features);
        let named = self.named_marks();
        let builtin = BUILTIN_MARKS.into_iter().filter(|m| {
            !self.legend.contains_key(m)
                && builtin_features(*m).is_some_and(|f| canonical(&f) == wanted)
        });
        let legend = self
            .legend
            .iter()
            .filter(|(m, f)| !named.contains(m) && **m != ' ' && canonical(f) == wanted)
            .map(|(m, _)| *m);
        builtin.chain(legend).next()
    }

    /// A character no cell, legend entry, goal or rule uses yet, for a new legend entry.
    pub fn free_mark(&self) -> Option<char> {
        let named = self.named_marks();
        NEW_MARKS.chars().find(|m| {
            builtin_features(*m).is_none()
                && !self.legend.contains_key(m)
                && !self.grid.uses(*m)
                && !named.contains(m)
        })
    }

    /// Where the robot starts and which way it faces, if exactly one cell has a robot.
    pub fn robot(&self) -> Option<(u32, u32, Heading)> {
        let mut robots = self.grid.cells().filter_map(|(x, y, _)| {
            self.features_at(x, y).iter().find_map(|f| match f {
                Feature::Robot(heading) => Some((x, y, *heading)),
                _ => None,
            })
        });
        let first = robots.next();
        if robots.next().is_some() { None } else { first }
    }
}

/// Features in a fixed order (wall, goal, colour, items, robot), without `Floor` and with
/// `Items(kind, 1)` written `Item(kind)`: two cells hold the same things when their
/// canonical features are equal.
pub fn canonical(features: &[Feature]) -> Vec<Feature> {
    let rank = |f: &Feature| match f {
        Feature::Wall => 0,
        Feature::Goal => 1,
        Feature::Color(_) => 2,
        Feature::Item(_) | Feature::Items(..) => 3,
        Feature::Robot(_) => 4,
        Feature::Floor => 5,
    };
    let mut out: Vec<Feature> = features
        .iter()
        .filter(|f| **f != Feature::Floor)
        .map(|f| match f {
            Feature::Items(kind, 1) => Feature::Item(*kind),
            other => other.clone(),
        })
        .collect();
    out.sort_by_key(rank);
    out
}
