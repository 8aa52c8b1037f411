//! The grid world and the robot acting in it.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A cell of the grid: `x` is the column (0 on the left), `y` the row (0 at the top).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Pos {
    pub x: i32,
    pub y: i32,
}

impl Pos {
    pub const fn new(x: i32, y: i32) -> Self {
        Self { x, y }
    }

    /// The neighbouring cell in the given direction.
    pub fn step(self, heading: Heading) -> Pos {
        let (dx, dy) = heading.delta();
        Pos::new(self.x + dx, self.y + dy)
    }
}

/// Where the robot faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Heading {
    North,
    East,
    South,
    West,
}

impl Heading {
    pub const ALL: [Heading; 4] = [Heading::North, Heading::East, Heading::South, Heading::West];

    pub fn delta(self) -> (i32, i32) {
        match self {
            Heading::North => (0, -1),
            Heading::East => (1, 0),
            Heading::South => (0, 1),
            Heading::West => (-1, 0),
        }
    }

    pub fn left(self) -> Heading {
        match self {
            Heading::North => Heading::West,
            Heading::West => Heading::South,
            Heading::South => Heading::East,
            Heading::East => Heading::North,
        }
    }

    pub fn right(self) -> Heading {
        self.left().opposite()
    }

    pub fn opposite(self) -> Heading {
        self.left().left()
    }
}

/// Kinds of items lying on the floor or carried in the robot's bag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Gem,
    Coin,
    Key,
    Battery,
}

impl ItemKind {
    pub const ALL: [ItemKind; 4] = [
        ItemKind::Gem,
        ItemKind::Coin,
        ItemKind::Key,
        ItemKind::Battery,
    ];

    /// The English name used in Python (`"gem"`), as returned by the sensors.
    pub fn name(self) -> &'static str {
        match self {
            ItemKind::Gem => "gem",
            ItemKind::Coin => "coin",
            ItemKind::Key => "key",
            ItemKind::Battery => "battery",
        }
    }
}

/// Floor colours, painted by levels or by the robot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Color {
    Red,
    Green,
    Blue,
    Yellow,
}

impl Color {
    pub const ALL: [Color; 4] = [Color::Red, Color::Green, Color::Blue, Color::Yellow];

    /// The English name used in Python (`"red"`).
    pub fn name(self) -> &'static str {
        match self {
            Color::Red => "red",
            Color::Green => "green",
            Color::Blue => "blue",
            Color::Yellow => "yellow",
        }
    }

    /// Accepts English and French names, as students may write either.
    pub fn parse(name: &str) -> Option<Color> {
        match name.trim().to_lowercase().as_str() {
            "red" | "rouge" => Some(Color::Red),
            "green" | "vert" | "verte" => Some(Color::Green),
            "blue" | "bleu" | "bleue" => Some(Color::Blue),
            "yellow" | "jaune" => Some(Color::Yellow),
            _ => None,
        }
    }
}

/// Something the robot does. Each action is one frame of a trace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Move,
    TurnLeft,
    TurnRight,
    Pick,
    Drop,
    Paint(Color),
    Say(String),
}

impl Action {
    /// The English name of the Python function performing this action.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Move => "move",
            Action::TurnLeft => "turn_left",
            Action::TurnRight => "turn_right",
            Action::Pick => "pick",
            Action::Drop => "drop",
            Action::Paint(_) => "paint",
            Action::Say(_) => "say",
        }
    }
}

/// An action the world refuses. It ends the student's run at the line that asked for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionError {
    #[error("the robot ran into a wall")]
    HitWall,
    #[error("there is nothing to pick up here")]
    NothingToPick,
    #[error("the robot's bag is empty")]
    BagEmpty,
}

/// The robot: where it stands, where it faces and what it carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Robot {
    pub pos: Pos,
    pub heading: Heading,
    pub bag: BTreeMap<ItemKind, u32>,
}

impl Robot {
    pub fn new(pos: Pos, heading: Heading) -> Self {
        Self {
            pos,
            heading,
            bag: BTreeMap::new(),
        }
    }

    pub fn carried(&self) -> u32 {
        self.bag.values().sum()
    }
}

/// The whole state of a level being played.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct World {
    pub width: i32,
    pub height: i32,
    /// Cells that are solid walls.
    pub blocked: BTreeSet<Pos>,
    /// Thin walls between two cells, stored once as (cell, East) or (cell, South).
    pub thin_walls: BTreeSet<(Pos, Heading)>,
    #[serde(with = "pairs")]
    pub items: BTreeMap<Pos, BTreeMap<ItemKind, u32>>,
    #[serde(with = "pairs")]
    pub colors: BTreeMap<Pos, Color>,
    /// Cells the robot should reach (drawn `G`).
    pub goals: BTreeSet<Pos>,
    /// The character each cell was drawn with, so goals can name cells by their mark.
    #[serde(with = "pairs")]
    pub marks: BTreeMap<Pos, char>,
    pub robot: Robot,
    /// Everything the robot said, in order.
    pub said: Vec<String>,
}

impl World {
    /// An empty, wall-less world of the given size with the robot at the top-left corner facing east.
    pub fn new(width: i32, height: i32) -> Self {
        Self {
            width,
            height,
            blocked: BTreeSet::new(),
            thin_walls: BTreeSet::new(),
            items: BTreeMap::new(),
            colors: BTreeMap::new(),
            goals: BTreeSet::new(),
            marks: BTreeMap::new(),
            robot: Robot::new(Pos::new(0, 0), Heading::East),
            said: Vec::new(),
        }
    }

    pub fn in_bounds(&self, pos: Pos) -> bool {
        pos.x >= 0 && pos.y >= 0 && pos.x < self.width && pos.y < self.height
    }

    /// Adds a thin wall on the given side of a cell.
    pub fn add_thin_wall(&mut self, pos: Pos, side: Heading) {
        self.thin_walls.insert(Self::edge(pos, side));
    }

    fn edge(pos: Pos, side: Heading) -> (Pos, Heading) {
        match side {
            Heading::East | Heading::South => (pos, side),
            Heading::West => (pos.step(Heading::West), Heading::East),
            Heading::North => (pos.step(Heading::North), Heading::South),
        }
    }

    /// Whether one step from `pos` towards `heading` is possible.
    pub fn can_step(&self, pos: Pos, heading: Heading) -> bool {
        let next = pos.step(heading);
        self.in_bounds(next)
            && !self.blocked.contains(&next)
            && !self.thin_walls.contains(&Self::edge(pos, heading))
    }

    pub fn add_items(&mut self, pos: Pos, kind: ItemKind, count: u32) {
        if count > 0 {
            *self.items.entry(pos).or_default().entry(kind).or_default() += count;
        }
    }

    pub fn items_at(&self, pos: Pos) -> u32 {
        self.items.get(&pos).map_or(0, |kinds| kinds.values().sum())
    }

    pub fn items_of_kind_at(&self, pos: Pos, kind: ItemKind) -> u32 {
        self.items
            .get(&pos)
            .and_then(|kinds| kinds.get(&kind))
            .copied()
            .unwrap_or(0)
    }

    /// All items lying on the floor.
    pub fn items_on_floor(&self) -> u32 {
        self.items.values().flat_map(|kinds| kinds.values()).sum()
    }

    /// Cells drawn with the given mark.
    pub fn cells_marked(&self, mark: char) -> impl Iterator<Item = Pos> + '_ {
        self.marks
            .iter()
            .filter(move |(_, m)| **m == mark)
            .map(|(pos, _)| *pos)
    }

    // --- sensors ---

    pub fn front_is_clear(&self) -> bool {
        self.can_step(self.robot.pos, self.robot.heading)
    }

    pub fn wall_in_front(&self) -> bool {
        !self.front_is_clear()
    }

    pub fn item_here(&self) -> bool {
        self.items_at(self.robot.pos) > 0
    }

    /// The kind of the first item lying under the robot.
    pub fn item_kind_here(&self) -> Option<ItemKind> {
        self.items
            .get(&self.robot.pos)
            .and_then(|kinds| kinds.iter().find(|(_, n)| **n > 0).map(|(k, _)| *k))
    }

    pub fn at_goal(&self) -> bool {
        self.goals.contains(&self.robot.pos)
    }

    pub fn color_here(&self) -> Option<Color> {
        self.colors.get(&self.robot.pos).copied()
    }

    // --- actions ---

    /// Carries out one action. On error the world is left unchanged.
    pub fn apply(&mut self, action: &Action) -> Result<(), ActionError> {
        let robot = &mut self.robot;
        match action {
            Action::Move => {
                if !self.can_step(self.robot.pos, self.robot.heading) {
                    return Err(ActionError::HitWall);
                }
                self.robot.pos = self.robot.pos.step(self.robot.heading);
            }
            Action::TurnLeft => robot.heading = robot.heading.left(),
            Action::TurnRight => robot.heading = robot.heading.right(),
            Action::Pick => {
                let pos = self.robot.pos;
                let kind = self.item_kind_here().ok_or(ActionError::NothingToPick)?;
                let cell = self
                    .items
                    .get_mut(&pos)
                    .expect("item_kind_here found a cell");
                let count = cell.get_mut(&kind).expect("item_kind_here found a kind");
                *count -= 1;
                if *count == 0 {
                    cell.remove(&kind);
                }
                if cell.is_empty() {
                    self.items.remove(&pos);
                }
                *self.robot.bag.entry(kind).or_default() += 1;
            }
            Action::Drop => {
                let kind = robot
                    .bag
                    .iter()
                    .find(|(_, n)| **n > 0)
                    .map(|(k, _)| *k)
                    .ok_or(ActionError::BagEmpty)?;
                let count = robot.bag.get_mut(&kind).expect("kind found in bag");
                *count -= 1;
                if *count == 0 {
                    robot.bag.remove(&kind);
                }
                let pos = robot.pos;
                self.add_items(pos, kind, 1);
            }
            Action::Paint(color) => {
                self.colors.insert(self.robot.pos, *color);
            }
            Action::Say(text) => self.said.push(text.clone()),
        }
        Ok(())
    }

    /// Cells the robot can walk to from its start, ignoring items and colours.
    pub fn reachable(&self) -> BTreeSet<Pos> {
        let mut seen = BTreeSet::from([self.robot.pos]);
        let mut todo = vec![self.robot.pos];
        while let Some(pos) = todo.pop() {
            for heading in Heading::ALL {
                if self.can_step(pos, heading) {
                    let next = pos.step(heading);
                    if seen.insert(next) {
                        todo.push(next);
                    }
                }
            }
        }
        seen
    }
}

/// Maps keyed by cells are written as lists of `[cell, value]` pairs, since formats
/// such as JSON only accept text keys.
mod pairs {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer, K: Serialize, V: Serialize>(
        map: &BTreeMap<K, V>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(map.iter())
    }

    pub fn deserialize<'de, D, K, V>(d: D) -> Result<BTreeMap<K, V>, D::Error>
    where
        D: Deserializer<'de>,
        K: Deserialize<'de> + Ord,
        V: Deserialize<'de>,
    {
        Ok(Vec::<(K, V)>::deserialize(d)?.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worlds_round_trip_through_json() {
        let mut world = World::new(3, 2);
        world.add_items(Pos::new(1, 1), ItemKind::Coin, 2);
        world.colors.insert(Pos::new(2, 0), Color::Red);
        world.marks.insert(Pos::new(0, 1), 'D');
        world.add_thin_wall(Pos::new(0, 0), Heading::East);
        world.robot.bag.insert(ItemKind::Gem, 1);
        let text = serde_json::to_string(&world).unwrap();
        assert_eq!(serde_json::from_str::<World>(&text).unwrap(), world);
    }

    fn corridor() -> World {
        let mut world = World::new(4, 1);
        world.robot = Robot::new(Pos::new(0, 0), Heading::East);
        world
    }

    #[test]
    fn turning_goes_round() {
        let h = Heading::North;
        assert_eq!(h.right(), Heading::East);
        assert_eq!(h.left(), Heading::West);
        assert_eq!(h.right().right().right().right(), h);
        assert_eq!(h.left().right(), h);
        assert_eq!(Heading::East.opposite(), Heading::West);
    }

    #[test]
    fn move_advances_until_the_border() {
        let mut world = corridor();
        for x in 1..4 {
            world.apply(&Action::Move).unwrap();
            assert_eq!(world.robot.pos, Pos::new(x, 0));
        }
        assert_eq!(world.apply(&Action::Move), Err(ActionError::HitWall));
        assert_eq!(
            world.robot.pos,
            Pos::new(3, 0),
            "a failed move leaves the robot in place"
        );
    }

    #[test]
    fn blocked_cells_and_thin_walls_stop_the_robot() {
        let mut world = corridor();
        world.blocked.insert(Pos::new(2, 0));
        world.apply(&Action::Move).unwrap();
        assert!(world.wall_in_front());
        assert_eq!(world.apply(&Action::Move), Err(ActionError::HitWall));

        let mut world = corridor();
        world.add_thin_wall(Pos::new(1, 0), Heading::West);
        assert!(!world.front_is_clear());
        assert_eq!(world.apply(&Action::Move), Err(ActionError::HitWall));
        // The same wall seen from the other side.
        world.robot = Robot::new(Pos::new(1, 0), Heading::West);
        assert!(world.wall_in_front());
    }

    #[test]
    fn turns_change_the_heading_only() {
        let mut world = corridor();
        world.apply(&Action::TurnLeft).unwrap();
        assert_eq!(world.robot.heading, Heading::North);
        assert!(world.wall_in_front());
        world.apply(&Action::TurnRight).unwrap();
        world.apply(&Action::TurnRight).unwrap();
        assert_eq!(world.robot.heading, Heading::South);
        assert_eq!(world.robot.pos, Pos::new(0, 0));
    }

    #[test]
    fn pick_and_drop_move_items_between_floor_and_bag() {
        let mut world = corridor();
        world.add_items(Pos::new(0, 0), ItemKind::Gem, 2);
        assert!(world.item_here());
        assert_eq!(world.item_kind_here(), Some(ItemKind::Gem));
        world.apply(&Action::Pick).unwrap();
        world.apply(&Action::Pick).unwrap();
        assert!(!world.item_here());
        assert_eq!(world.robot.carried(), 2);
        assert_eq!(world.apply(&Action::Pick), Err(ActionError::NothingToPick));
        world.apply(&Action::Move).unwrap();
        world.apply(&Action::Drop).unwrap();
        assert_eq!(world.items_of_kind_at(Pos::new(1, 0), ItemKind::Gem), 1);
        world.apply(&Action::Drop).unwrap();
        assert_eq!(world.apply(&Action::Drop), Err(ActionError::BagEmpty));
        assert_eq!(world.items_on_floor(), 2);
    }

    #[test]
    fn paint_colours_the_floor_and_say_is_recorded() {
        let mut world = corridor();
        assert_eq!(world.color_here(), None);
        world.apply(&Action::Paint(Color::Blue)).unwrap();
        assert_eq!(world.color_here(), Some(Color::Blue));
        world.apply(&Action::Say("bonjour".into())).unwrap();
        assert_eq!(world.said, vec!["bonjour".to_string()]);
    }

    #[test]
    fn at_goal_senses_goal_cells() {
        let mut world = corridor();
        world.goals.insert(Pos::new(1, 0));
        assert!(!world.at_goal());
        world.apply(&Action::Move).unwrap();
        assert!(world.at_goal());
    }

    #[test]
    fn colour_names_parse_in_both_languages() {
        assert_eq!(Color::parse("Rouge"), Some(Color::Red));
        assert_eq!(Color::parse("green"), Some(Color::Green));
        assert_eq!(Color::parse("violet"), None);
    }

    #[test]
    fn reachable_follows_walls() {
        let mut world = World::new(3, 3);
        world.blocked.insert(Pos::new(1, 0));
        world.blocked.insert(Pos::new(1, 1));
        world.blocked.insert(Pos::new(1, 2));
        let reach = world.reachable();
        assert!(reach.contains(&Pos::new(0, 2)));
        assert!(!reach.contains(&Pos::new(2, 0)));
    }
}
