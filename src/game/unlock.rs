//! Which levels of a pack are open, with simple and forgiving rules (plain Rust, no Bevy):
//!
//! - the first level of the first chapter is always open;
//! - in a chapter, a level opens when the one before it is passed;
//! - the first level of a chapter opens when every level of the chapter before is
//!   passed, except its last one (the challenge: it never blocks the way);
//! - a level passed, or already started, stays open whatever happens to the pack.
//!
//! The "next" level, highlighted on the map, is the first open level not yet passed.

use crate::level::Pack;
use crate::progress::Profile;

/// What the map shows for one level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LevelState {
    Locked,
    Open,
    Passed { stars: u8 },
}

impl LevelState {
    pub fn is_open(self) -> bool {
        self != LevelState::Locked
    }
}

/// The progress the rules look at, level by level (keys are `pack-id/level-id`).
pub trait LevelRecord {
    fn passed(&self, key: &str) -> bool;
    fn stars(&self, key: &str) -> u8;
    fn started(&self, key: &str) -> bool;
}

impl LevelRecord for Profile {
    fn passed(&self, key: &str) -> bool {
        self.is_passed(key)
    }

    fn stars(&self, key: &str) -> u8 {
        self.level(key).map_or(0, |l| l.best_stars)
    }

    fn started(&self, key: &str) -> bool {
        self.level(key)
            .is_some_and(|l| l.attempts > 0 || !l.code.trim().is_empty())
    }
}

/// The key of a level in saves.
pub fn level_key(pack: &Pack, level_id: &str) -> String {
    format!("{}/{}", pack.id, level_id)
}

/// The state of every level of `pack`, chapter by chapter, in the pack's order.
pub fn level_states(pack: &Pack, record: &impl LevelRecord) -> Vec<Vec<LevelState>> {
    let mut states = Vec::with_capacity(pack.chapters.len());
    let mut previous_chapter_done = true;
    for chapter in &pack.chapters {
        let mut row = Vec::with_capacity(chapter.levels.len());
        let mut previous_passed = previous_chapter_done;
        for level in &chapter.levels {
            let key = level_key(pack, &level.id);
            let passed = record.passed(&key);
            let state = if passed {
                LevelState::Passed {
                    stars: record.stars(&key),
                }
            } else if previous_passed || record.started(&key) {
                LevelState::Open
            } else {
                LevelState::Locked
            };
            row.push(state);
            previous_passed = passed;
        }
        let needed = row.len().saturating_sub(1).max(1).min(row.len());
        previous_chapter_done = row[..needed]
            .iter()
            .all(|s| matches!(s, LevelState::Passed { .. }));
        states.push(row);
    }
    states
}

/// The first open level not yet passed, as (chapter index, level index).
pub fn next_level(states: &[Vec<LevelState>]) -> Option<(usize, usize)> {
    states.iter().enumerate().find_map(|(c, row)| {
        row.iter()
            .position(|s| *s == LevelState::Open)
            .map(|l| (c, l))
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::level::{self, Chapter, Text};

    /// A fake record: level id -> (passed, stars, started).
    #[derive(Default)]
    struct Record(BTreeMap<String, (bool, u8, bool)>);

    impl Record {
        fn pass(mut self, key: &str) -> Self {
            self.0.insert(format!("p/{key}"), (true, 2, true));
            self
        }
        fn start(mut self, key: &str) -> Self {
            self.0.insert(format!("p/{key}"), (false, 0, true));
            self
        }
    }

    impl LevelRecord for Record {
        fn passed(&self, key: &str) -> bool {
            self.0.get(key).is_some_and(|r| r.0)
        }
        fn stars(&self, key: &str) -> u8 {
            self.0.get(key).map_or(0, |r| r.1)
        }
        fn started(&self, key: &str) -> bool {
            self.0.get(key).is_some_and(|r| r.2)
        }
    }

    /// A pack of chapters with these numbers of levels, levels named `c<chapter>l<level>`.
    fn pack(sizes: &[usize]) -> Pack {
        let builtin = level::builtin_packs().expect("built-in pack").remove(0);
        let template = builtin.levels().next().expect("a level").clone();
        let text = |s: &str| Text {
            fr: s.to_owned(),
            en: s.to_owned(),
        };
        Pack {
            id: "p".to_owned(),
            title: text("p"),
            chapters: sizes
                .iter()
                .enumerate()
                .map(|(c, n)| Chapter {
                    id: format!("c{c}"),
                    title: text("c"),
                    levels: (0..*n)
                        .map(|l| {
                            let mut level = template.clone();
                            level.id = format!("c{c}l{l}");
                            level
                        })
                        .collect(),
                })
                .collect(),
            ..builtin.clone()
        }
    }

    use LevelState::{Locked as L, Open as O};
    const P: LevelState = LevelState::Passed { stars: 2 };

    #[test]
    fn a_new_player_sees_only_the_first_level_open() {
        let states = level_states(&pack(&[3, 2]), &Record::default());
        assert_eq!(states, vec![vec![O, L, L], vec![L, L]]);
        assert_eq!(next_level(&states), Some((0, 0)));
    }

    #[test]
    fn passing_a_level_opens_the_next_one_in_the_chapter() {
        let states = level_states(&pack(&[3, 2]), &Record::default().pass("c0l0"));
        assert_eq!(states, vec![vec![P, O, L], vec![L, L]]);
        assert_eq!(next_level(&states), Some((0, 1)));
    }

    #[test]
    fn the_next_chapter_opens_without_the_challenge() {
        let record = Record::default().pass("c0l0").pass("c0l1");
        let states = level_states(&pack(&[3, 2]), &record);
        // The challenge (last level) is open but does not block chapter 2.
        assert_eq!(states, vec![vec![P, P, O], vec![O, L]]);
        assert_eq!(next_level(&states), Some((0, 2)));
    }

    #[test]
    fn a_one_level_chapter_must_be_passed() {
        let states = level_states(&pack(&[1, 1]), &Record::default());
        assert_eq!(states, vec![vec![O], vec![L]]);
        let states = level_states(&pack(&[1, 1]), &Record::default().pass("c0l0"));
        assert_eq!(states, vec![vec![P], vec![O]]);
        assert_eq!(next_level(&states), Some((1, 0)));
    }

    #[test]
    fn levels_passed_or_started_stay_open() {
        // A save from an older pack order: c1l1 passed and c0l2 started, nothing else.
        let record = Record::default().pass("c1l1").start("c0l2");
        let states = level_states(&pack(&[3, 2]), &record);
        assert_eq!(states, vec![vec![O, L, O], vec![L, P]]);
    }

    #[test]
    fn when_everything_is_passed_there_is_no_next_level() {
        let record = Record::default().pass("c0l0").pass("c0l1");
        let states = level_states(&pack(&[2]), &record);
        assert_eq!(next_level(&states), None);
    }

    #[test]
    fn profiles_are_records() {
        let mut profile = Profile::new("zoe", "Zoé", 1);
        profile.record_attempt("p/c0l0", "move()", true, 3);
        profile.save_code("p/c0l1", "# started");
        let states = level_states(&pack(&[3]), &profile);
        assert_eq!(states, vec![vec![LevelState::Passed { stars: 3 }, O, L]]);
    }
}
