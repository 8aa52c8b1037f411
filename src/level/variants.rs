//! Variants: the worlds a level is played in, built deterministically from a seed.
//!
//! A variant starts from the drawn map, then applies the level's rules with a random
//! generator seeded from the variant seed mixed with a hash of the level id (never the
//! clock): stretched columns and rows first, then the other rules in the order written.
//! When a variant comes out identical to an earlier one, it is rolled again with a derived
//! seed, a bounded number of times, so that the variants of a level differ.

use super::diagnostic::{LevelError, LevelProblem};
use super::format::{Feature, Level, MAX_VARIANTS, Rule};
use super::map::{Drawing, features_of};
use crate::sim::{Heading, Pos, Robot, World};

/// The largest width or height of a variant's grid.
pub const MAX_SIDE: u32 = 64;
/// How many times a variant identical to an earlier one is rolled again.
const MAX_TRIES: u64 = 16;

/// A cell of a variant, before it becomes part of a [`World`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cell {
    /// The character the cell counts as drawn with (`.` once scattered away).
    pub mark: char,
    pub features: Vec<Feature>,
    /// Column and row of the drawn cell this one comes from.
    pub origin: (usize, usize),
}

/// A variant's grid, which still knows where each cell was drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Grid {
    pub width: usize,
    pub height: usize,
    /// Row-major cells.
    pub cells: Vec<Cell>,
    /// Thin walls as (cell, East) or (cell, South).
    pub thin_walls: Vec<(Pos, Heading)>,
    /// Set by `RandomHeading`.
    pub heading: Option<Heading>,
}

impl Grid {
    pub fn positions(&self) -> impl Iterator<Item = (Pos, &Cell)> + '_ {
        self.cells.iter().enumerate().map(|(i, cell)| {
            (
                Pos::new((i % self.width) as i32, (i / self.width) as i32),
                cell,
            )
        })
    }

    pub fn cell(&self, pos: Pos) -> &Cell {
        &self.cells[pos.y as usize * self.width + pos.x as usize]
    }

    /// Cells with a robot feature.
    pub fn robots(&self) -> Vec<Pos> {
        self.positions()
            .filter(|(_, c)| c.features.iter().any(|f| matches!(f, Feature::Robot(_))))
            .map(|(p, _)| p)
            .collect()
    }

    pub fn to_world(&self) -> Result<World, LevelProblem> {
        let mut world = World::new(self.width as i32, self.height as i32);
        let mut robots = Vec::new();
        for (pos, cell) in self.positions() {
            world.marks.insert(pos, cell.mark);
            for feature in &cell.features {
                match *feature {
                    Feature::Wall => {
                        world.blocked.insert(pos);
                    }
                    Feature::Floor => {}
                    Feature::Goal => {
                        world.goals.insert(pos);
                    }
                    Feature::Item(kind) => world.add_items(pos, kind, 1),
                    Feature::Items(kind, n) => world.add_items(pos, kind, n),
                    Feature::Color(color) => {
                        world.colors.insert(pos, color);
                    }
                    Feature::Robot(heading) => robots.push((pos, heading)),
                }
            }
        }
        match robots[..] {
            [] => return Err(LevelProblem::NoRobot),
            [(pos, heading)] => world.robot = Robot::new(pos, self.heading.unwrap_or(heading)),
            _ => {
                return Err(LevelProblem::TooManyRobots {
                    count: robots.len() as u32,
                });
            }
        }
        for &(pos, side) in &self.thin_walls {
            world.add_thin_wall(pos, side);
        }
        Ok(world)
    }
}

/// One variant as validation sees it.
#[derive(Clone, Debug)]
pub(crate) struct Variant {
    pub grid: Grid,
    pub world: Result<World, LevelProblem>,
    /// The earlier variant this one could not be made different from.
    pub same_as: Option<u64>,
}

impl Level {
    /// The world of variant `seed` (variants are numbered `0..variants.count`).
    pub fn world(&self, seed: u64) -> Result<World, LevelError> {
        let drawing = Drawing::parse(&self.map);
        let variant = if seed < u64::from(MAX_VARIANTS) {
            self.variants_of(&drawing, seed + 1)
                .pop()
                .expect("at least one variant")
        } else {
            self.variant(&drawing, seed, &[])
        };
        variant
            .and_then(|v| v.world)
            .map_err(|problem| LevelError::Variant {
                level: self.id.clone(),
                seed,
                problem,
            })
    }

    /// Every variant of the level with its seed.
    pub fn worlds(&self) -> Result<Vec<(u64, World)>, LevelError> {
        let drawing = Drawing::parse(&self.map);
        let count = self.seeds().end;
        let mut worlds = Vec::new();
        for (seed, variant) in (0..count).zip(self.variants_of(&drawing, count)) {
            let world = variant
                .and_then(|v| v.world)
                .map_err(|problem| LevelError::Variant {
                    level: self.id.clone(),
                    seed,
                    problem,
                })?;
            worlds.push((seed, world));
        }
        Ok(worlds)
    }

    /// Variants `0..count`, each made different from the earlier ones when possible.
    pub(crate) fn variants_of(
        &self,
        drawing: &Drawing,
        count: u64,
    ) -> Vec<Result<Variant, LevelProblem>> {
        let mut done: Vec<(u64, World)> = Vec::new();
        let mut variants = Vec::new();
        for seed in 0..count {
            let variant = self.variant(drawing, seed, &done);
            if let Ok(Variant {
                world: Ok(world), ..
            }) = &variant
            {
                done.push((seed, world.clone()));
            }
            variants.push(variant);
        }
        variants
    }

    /// Rolls variant `seed` until it differs from every world in `earlier`.
    fn variant(
        &self,
        drawing: &Drawing,
        seed: u64,
        earlier: &[(u64, World)],
    ) -> Result<Variant, LevelProblem> {
        let mut attempt = 0;
        loop {
            let grid = self.roll(drawing, seed, attempt)?;
            let world = grid.to_world();
            let same_as = match &world {
                Ok(world) => earlier.iter().find(|(_, w)| w == world).map(|(s, _)| *s),
                Err(_) => None,
            };
            attempt += 1;
            if same_as.is_none() || attempt >= MAX_TRIES {
                return Ok(Variant {
                    grid,
                    world,
                    same_as,
                });
            }
        }
    }

    /// Builds one grid from the drawing with the generator seeded by (id, seed, attempt).
    pub(crate) fn roll(
        &self,
        drawing: &Drawing,
        seed: u64,
        attempt: u64,
    ) -> Result<Grid, LevelProblem> {
        let mut rng = fastrand::Rng::with_seed(rng_seed(&self.id, seed, attempt));
        let (w, h) = (drawing.width, drawing.height());
        let mut col_repeat = vec![1u64; w];
        let mut row_repeat = vec![1u64; h];
        for rule in &self.variants.rules {
            match *rule {
                Rule::Stretch {
                    column,
                    extra: (min, max),
                } if (column as usize) < w && min <= max => {
                    col_repeat[column as usize] += u64::from(rng.u32(min..=max));
                }
                Rule::StretchRow {
                    row,
                    extra: (min, max),
                } if (row as usize) < h && min <= max => {
                    row_repeat[row as usize] += u64::from(rng.u32(min..=max));
                }
                _ => {}
            }
        }
        let (width, height) = (
            col_repeat.iter().sum::<u64>(),
            row_repeat.iter().sum::<u64>(),
        );
        if width > u64::from(MAX_SIDE) || height > u64::from(MAX_SIDE) {
            return Err(LevelProblem::MapTooLarge {
                seed,
                width,
                height,
                max: MAX_SIDE,
            });
        }
        let col_of = expand(&col_repeat);
        let row_of = expand(&row_repeat);
        let mut cells = Vec::with_capacity(col_of.len() * row_of.len());
        for &row in &row_of {
            for &col in &col_of {
                let drawn = drawing.get(col, row).expect("expanded from the drawing");
                let features = features_of(&self.legend, drawn.ch)
                    .ok_or(LevelProblem::UnknownChar { ch: drawn.ch })?;
                cells.push(Cell {
                    mark: drawn.ch,
                    features,
                    origin: (col, row),
                });
            }
        }
        let mut grid = Grid {
            width: col_of.len(),
            height: row_of.len(),
            cells,
            thin_walls: Vec::new(),
            heading: None,
        };
        grid.thin_walls = self.expanded_walls(&col_repeat, &row_repeat);

        for rule in &self.variants.rules {
            match *rule {
                Rule::Scatter {
                    mark,
                    count: (min, max),
                } if min <= max => {
                    let mut candidates: Vec<usize> = (0..grid.cells.len())
                        .filter(|&i| grid.cells[i].mark == mark)
                        .collect();
                    let keep = (rng.u32(min..=max) as usize).min(candidates.len());
                    rng.shuffle(&mut candidates);
                    for &i in &candidates[keep..] {
                        grid.cells[i].mark = '.';
                        grid.cells[i].features.clear();
                    }
                }
                Rule::ItemCount {
                    mark,
                    range: (min, max),
                } if min <= max => {
                    for cell in grid.cells.iter_mut().filter(|c| c.mark == mark) {
                        let n = rng.u32(min..=max);
                        let mut features = Vec::new();
                        for feature in cell.features.drain(..) {
                            match feature {
                                Feature::Item(kind) | Feature::Items(kind, _) => {
                                    if n > 0 {
                                        features.push(Feature::Items(kind, n));
                                    }
                                }
                                other => features.push(other),
                            }
                        }
                        cell.features = features;
                    }
                }
                Rule::RandomHeading => grid.heading = Some(Heading::ALL[rng.usize(..4)]),
                _ => {}
            }
        }
        Ok(grid)
    }

    /// The level's thin walls moved to the stretched grid: a wall east of a stretched
    /// column follows its last copy and runs along every copy of its row.
    fn expanded_walls(&self, col_repeat: &[u64], row_repeat: &[u64]) -> Vec<(Pos, Heading)> {
        let starts = |repeat: &[u64]| {
            repeat
                .iter()
                .scan(0u64, |acc, r| {
                    let start = *acc;
                    *acc += r;
                    Some(start)
                })
                .collect::<Vec<_>>()
        };
        let (col_start, row_start) = (starts(col_repeat), starts(row_repeat));
        let mut walls = Vec::new();
        for wall in &self.walls {
            let (x, y) = (wall.x as usize, wall.y as usize);
            let (x, y, side) = match wall.side {
                Heading::East | Heading::South => (x, y, wall.side),
                Heading::West if x > 0 => (x - 1, y, Heading::East),
                Heading::North if y > 0 => (x, y - 1, Heading::South),
                _ => continue, // on the map's border: already closed
            };
            if x >= col_repeat.len() || y >= row_repeat.len() {
                continue;
            }
            let cols = col_start[x]..col_start[x] + col_repeat[x];
            let rows = row_start[y]..row_start[y] + row_repeat[y];
            if side == Heading::East {
                let ex = cols.end - 1;
                walls.extend(rows.map(|ey| (Pos::new(ex as i32, ey as i32), side)));
            } else {
                let ey = rows.end - 1;
                walls.extend(cols.map(|ex| (Pos::new(ex as i32, ey as i32), side)));
            }
        }
        walls
    }
}

/// For each expanded index, the drawn index it copies.
fn expand(repeat: &[u64]) -> Vec<usize> {
    repeat
        .iter()
        .enumerate()
        .flat_map(|(i, &r)| std::iter::repeat_n(i, r as usize))
        .collect()
}

/// The generator seed of a variant: stable across platforms and Rust versions.
fn rng_seed(id: &str, seed: u64, attempt: u64) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325; // FNV-1a
    for byte in id.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    splitmix(hash ^ splitmix(splitmix(seed) ^ attempt))
}

fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{ItemKind, Pos};

    fn level(map: &str, extra: &str) -> Level {
        let text = format!(
            "(id: \"v\", title: (fr: \"t\", en: \"t\"), brief: (fr: \"b\", en: \"b\"), map: \"{map}\", goals: [ReachGoal], solution: \"\", {extra})"
        );
        Level::parse("v.ron", &text).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn plain_map_builds_the_world() {
        let lvl = level(
            "\n  #####\n  #>*G\n  #r#\n",
            "legend: {'r': [Items(coin, 2), Color(red)]}",
        );
        let w = lvl.world(0).unwrap();
        assert_eq!((w.width, w.height), (5, 3));
        assert_eq!(w.robot.pos, Pos::new(1, 1));
        assert_eq!(w.robot.heading, Heading::East);
        assert_eq!(w.items_of_kind_at(Pos::new(2, 1), ItemKind::Gem), 1);
        assert_eq!(w.items_of_kind_at(Pos::new(1, 2), ItemKind::Coin), 2);
        assert_eq!(w.colors.get(&Pos::new(1, 2)), Some(&crate::sim::Color::Red));
        assert!(w.goals.contains(&Pos::new(3, 1)));
        assert!(
            w.blocked.contains(&Pos::new(4, 1)),
            "ragged row padded with a wall"
        );
        assert!(w.blocked.contains(&Pos::new(4, 2)));
        assert_eq!(w.marks.get(&Pos::new(3, 1)), Some(&'G'));
        assert_eq!(
            w.cells_marked('r').collect::<Vec<_>>(),
            vec![Pos::new(1, 2)]
        );
    }

    #[test]
    fn same_seed_same_world_and_variants_differ() {
        let lvl = level(
            "#>...G#",
            "variants: (count: 5, rules: [Stretch(column: 2, extra: (0, 6))])",
        );
        assert_eq!(lvl.world(3).unwrap(), lvl.world(3).unwrap());
        let worlds = lvl.worlds().unwrap();
        assert_eq!(worlds.len(), 5);
        assert_eq!(
            worlds.iter().map(|(s, _)| *s).collect::<Vec<_>>(),
            vec![0, 1, 2, 3, 4]
        );
        for (i, (_, a)) in worlds.iter().enumerate() {
            assert_eq!(
                a,
                &lvl.world(i as u64).unwrap(),
                "world(seed) agrees with worlds()"
            );
            for (_, b) in &worlds[..i] {
                assert_ne!(a, b, "variants differ");
            }
        }
        // Another level id gives other variants.
        let mut other = lvl.clone();
        other.id = "w".into();
        assert_ne!(other.worlds().unwrap(), worlds);
    }

    #[test]
    fn stretch_repeats_a_column_and_moves_thin_walls() {
        let lvl = level(
            "\n#####\n#>.G#\n#...#\n#####\n",
            "walls: [(x: 2, y: 1, side: East), (x: 2, y: 2, side: South), (x: 3, y: 2, side: West)], \
             variants: (count: 3, rules: [Stretch(column: 2, extra: (1, 3)), StretchRow(row: 2, extra: (2, 2))])",
        );
        for (_, w) in lvl.worlds().unwrap() {
            let extra_cols = w.width - 5;
            assert!((1..=3).contains(&extra_cols));
            assert_eq!(w.height, 6, "row 2 drawn three times");
            assert_eq!(
                w.goals.iter().copied().collect::<Vec<_>>(),
                vec![Pos::new(3 + extra_cols, 1)]
            );
            let last_copy = 2 + extra_cols;
            // East of drawn (2, 1): east of the last copy of column 2, in row 1 only.
            assert!(
                w.thin_walls
                    .contains(&(Pos::new(last_copy, 1), Heading::East))
            );
            assert!(!w.thin_walls.contains(&(Pos::new(2, 1), Heading::East)) || extra_cols == 0);
            // South of drawn (2, 2): under the last copy of row 2, along every copy of column 2.
            for x in 2..=last_copy {
                assert!(w.thin_walls.contains(&(Pos::new(x, 4), Heading::South)));
            }
            // West of drawn (3, 2) = east of the last copy of column 2, along every copy of row 2.
            for y in 2..=4 {
                assert!(
                    w.thin_walls
                        .contains(&(Pos::new(last_copy, y), Heading::East))
                );
            }
            assert_eq!(w.thin_walls.len() as i32, 1 + (extra_cols + 1) + 3);
            assert_eq!(w.marks.get(&Pos::new(last_copy, 1)), Some(&'.'));
        }
    }

    #[test]
    fn scatter_keeps_some_cells_and_clears_the_others() {
        let lvl = level(
            "#>??????#",
            "legend: {'?': [Item(gem)]}, variants: (count: 6, rules: [Scatter(mark: '?', count: (2, 4))])",
        );
        for (_, w) in lvl.worlds().unwrap() {
            let gems = w.items_on_floor();
            assert!((2..=4).contains(&gems), "{gems} gems");
            assert_eq!(
                w.cells_marked('?').count() as u32,
                gems,
                "cleared cells lose their mark"
            );
            assert_eq!(w.cells_marked('.').count() as u32, 6 - gems);
        }
    }

    #[test]
    fn item_count_and_random_heading() {
        let lvl = level(
            "#>*.*#",
            "variants: (count: 8, rules: [ItemCount(mark: '*', range: (0, 3)), RandomHeading])",
        );
        let worlds = lvl.worlds().unwrap();
        let mut headings = std::collections::BTreeSet::new();
        let mut totals = std::collections::BTreeSet::new();
        for (_, w) in &worlds {
            for pos in [Pos::new(2, 0), Pos::new(4, 0)] {
                assert!(w.items_of_kind_at(pos, ItemKind::Gem) <= 3);
            }
            headings.insert(w.robot.heading);
            totals.insert(w.items_on_floor());
        }
        assert!(headings.len() > 1 && totals.len() > 1);
    }

    #[test]
    fn huge_stretches_are_refused_before_building() {
        let lvl = level(
            "#>.G#",
            "variants: (rules: [Stretch(column: 2, extra: (4000000000, 4000000000))])",
        );
        assert!(matches!(
            lvl.world(0),
            Err(LevelError::Variant {
                problem: LevelProblem::MapTooLarge { .. },
                ..
            })
        ));
    }

    #[test]
    fn robot_problems_make_no_world() {
        let lvl = level("#..G#", "");
        assert!(matches!(
            lvl.world(0),
            Err(LevelError::Variant {
                problem: LevelProblem::NoRobot,
                ..
            })
        ));
        let lvl = level("#>.<#", "");
        assert!(matches!(
            lvl.world(0),
            Err(LevelError::Variant {
                problem: LevelProblem::TooManyRobots { count: 2 },
                ..
            })
        ));
    }
}
