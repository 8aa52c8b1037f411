//! What a level asks for, checked against the final world and the printed output.

use serde::{Deserialize, Serialize};

use super::{Color, ItemKind, World};

/// One condition of success. Cells are named by the mark they were drawn with on the map,
/// so that goals keep their meaning when a variant stretches or reshuffles the map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Goal {
    /// The robot stands on a goal cell (drawn `G`).
    ReachGoal,
    /// The robot stands on a cell drawn with this mark.
    RobotOn(char),
    /// No item is left on the floor (of any kind, or of the given kind).
    CollectAll(Option<ItemKind>),
    /// The robot carries at least this many items.
    Carry(u32),
    /// Every cell drawn with this mark holds exactly this many items.
    ItemsOn(char, u32),
    /// Every cell drawn with this mark has this colour.
    Painted(char, Color),
    /// The printed output equals this text, trailing spaces and newlines ignored.
    /// `{items}` stands for the number of items on the floor at the start,
    /// `{items:gem}` for the number of gems.
    Output(String),
    /// The robot said exactly this text (last thing said), with the same placeholders.
    Said(String),
    /// Every one of these goals.
    All(Vec<Goal>),
    /// At least one of these goals.
    Any(Vec<Goal>),
}

/// Why a goal is not met, for the student's message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "goal", rename_all = "snake_case")]
pub enum GoalFailure {
    NotOnGoal,
    NotOnMark {
        mark: char,
    },
    ItemsLeft {
        left: u32,
    },
    NotCarrying {
        wanted: u32,
        carried: u32,
    },
    WrongItemCount {
        mark: char,
        wanted: u32,
        found: u32,
    },
    NotPainted {
        mark: char,
        color: Color,
    },
    WrongOutput {
        expected: String,
        printed: String,
    },
    WrongSaid {
        expected: String,
        said: Option<String>,
    },
    NoneOf {
        first: Box<GoalFailure>,
    },
}

impl Goal {
    /// Checks this goal on the final world. `initial` is the world before the run
    /// (for the `{items}` placeholders) and `output` what the program printed.
    pub fn check(&self, initial: &World, end: &World, output: &str) -> Result<(), GoalFailure> {
        match self {
            Goal::ReachGoal => end.at_goal().then_some(()).ok_or(GoalFailure::NotOnGoal),
            Goal::RobotOn(mark) => (end.marks.get(&end.robot.pos) == Some(mark))
                .then_some(())
                .ok_or(GoalFailure::NotOnMark { mark: *mark }),
            Goal::CollectAll(kind) => {
                let left = match kind {
                    None => end.items_on_floor(),
                    Some(kind) => end
                        .items
                        .keys()
                        .map(|p| end.items_of_kind_at(*p, *kind))
                        .sum(),
                };
                (left == 0)
                    .then_some(())
                    .ok_or(GoalFailure::ItemsLeft { left })
            }
            Goal::Carry(wanted) => {
                let carried = end.robot.carried();
                (carried >= *wanted)
                    .then_some(())
                    .ok_or(GoalFailure::NotCarrying {
                        wanted: *wanted,
                        carried,
                    })
            }
            Goal::ItemsOn(mark, wanted) => {
                for pos in end.cells_marked(*mark) {
                    let found = end.items_at(pos);
                    if found != *wanted {
                        return Err(GoalFailure::WrongItemCount {
                            mark: *mark,
                            wanted: *wanted,
                            found,
                        });
                    }
                }
                Ok(())
            }
            Goal::Painted(mark, color) => {
                let ok = end
                    .cells_marked(*mark)
                    .all(|pos| end.colors.get(&pos) == Some(color));
                ok.then_some(()).ok_or(GoalFailure::NotPainted {
                    mark: *mark,
                    color: *color,
                })
            }
            Goal::Output(template) => {
                let expected = fill_placeholders(template, initial);
                let printed = output.trim_end().to_string();
                let wanted = expected.trim_end();
                let same_lines = printed
                    .lines()
                    .map(str::trim_end)
                    .eq(wanted.lines().map(str::trim_end));
                same_lines.then_some(()).ok_or(GoalFailure::WrongOutput {
                    expected: wanted.to_string(),
                    printed,
                })
            }
            Goal::Said(template) => {
                let expected = fill_placeholders(template, initial);
                let said = end.said.last().cloned();
                (said.as_deref().map(str::trim) == Some(expected.trim()))
                    .then_some(())
                    .ok_or(GoalFailure::WrongSaid { expected, said })
            }
            Goal::All(goals) => goals.iter().try_for_each(|g| g.check(initial, end, output)),
            Goal::Any(goals) => {
                let mut first = None;
                for goal in goals {
                    match goal.check(initial, end, output) {
                        Ok(()) => return Ok(()),
                        Err(failure) => {
                            first.get_or_insert(failure);
                        }
                    }
                }
                match first {
                    Some(first) => Err(GoalFailure::NoneOf {
                        first: Box::new(first),
                    }),
                    None => Ok(()),
                }
            }
        }
    }

    /// Marks this goal refers to, so a level can check they exist on its map.
    pub fn marks(&self) -> Vec<char> {
        match self {
            Goal::RobotOn(m) | Goal::ItemsOn(m, _) | Goal::Painted(m, _) => vec![*m],
            Goal::All(goals) | Goal::Any(goals) => goals.iter().flat_map(Goal::marks).collect(),
            _ => Vec::new(),
        }
    }

    /// Whether this goal needs goal cells (`G`) on the map.
    pub fn needs_goal_cells(&self) -> bool {
        match self {
            Goal::ReachGoal => true,
            Goal::All(goals) | Goal::Any(goals) => goals.iter().any(Goal::needs_goal_cells),
            _ => false,
        }
    }
}

/// Replaces `{items}` and `{items:KIND}` with counts taken from the starting world.
fn fill_placeholders(template: &str, initial: &World) -> String {
    let mut text = template.replace("{items}", &initial.items_on_floor().to_string());
    for kind in ItemKind::ALL {
        let count: u32 = initial
            .items
            .keys()
            .map(|p| initial.items_of_kind_at(*p, kind))
            .sum();
        text = text.replace(&format!("{{items:{}}}", kind.name()), &count.to_string());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Action, Heading, Pos, Robot};

    fn world() -> World {
        let mut w = World::new(3, 1);
        w.robot = Robot::new(Pos::new(0, 0), Heading::East);
        w.goals.insert(Pos::new(2, 0));
        w.marks.insert(Pos::new(1, 0), 'D');
        w.add_items(Pos::new(0, 0), ItemKind::Gem, 1);
        w.add_items(Pos::new(0, 0), ItemKind::Coin, 1);
        w
    }

    #[test]
    fn reach_goal_and_robot_on_mark() {
        let start = world();
        let mut end = start.clone();
        assert_eq!(
            Goal::ReachGoal.check(&start, &end, ""),
            Err(GoalFailure::NotOnGoal)
        );
        end.apply(&Action::Move).unwrap();
        assert_eq!(Goal::RobotOn('D').check(&start, &end, ""), Ok(()));
        end.apply(&Action::Move).unwrap();
        assert_eq!(Goal::ReachGoal.check(&start, &end, ""), Ok(()));
        assert_eq!(
            Goal::RobotOn('D').check(&start, &end, ""),
            Err(GoalFailure::NotOnMark { mark: 'D' })
        );
    }

    #[test]
    fn collect_all_counts_items_left() {
        let start = world();
        let mut end = start.clone();
        assert_eq!(
            Goal::CollectAll(None).check(&start, &end, ""),
            Err(GoalFailure::ItemsLeft { left: 2 })
        );
        end.apply(&Action::Pick).unwrap(); // picks the gem first (kinds are ordered)
        assert_eq!(
            Goal::CollectAll(Some(ItemKind::Gem)).check(&start, &end, ""),
            Ok(())
        );
        assert!(
            Goal::CollectAll(Some(ItemKind::Coin))
                .check(&start, &end, "")
                .is_err()
        );
        end.apply(&Action::Pick).unwrap();
        assert_eq!(Goal::CollectAll(None).check(&start, &end, ""), Ok(()));
        assert_eq!(Goal::Carry(2).check(&start, &end, ""), Ok(()));
        assert_eq!(
            Goal::Carry(3).check(&start, &end, ""),
            Err(GoalFailure::NotCarrying {
                wanted: 3,
                carried: 2
            })
        );
    }

    #[test]
    fn items_on_mark_need_the_exact_count() {
        let start = world();
        let mut end = start.clone();
        for action in [Action::Pick, Action::Pick, Action::Move, Action::Drop] {
            end.apply(&action).unwrap();
        }
        assert_eq!(
            Goal::ItemsOn('D', 2).check(&start, &end, ""),
            Err(GoalFailure::WrongItemCount {
                mark: 'D',
                wanted: 2,
                found: 1
            })
        );
        end.apply(&Action::Drop).unwrap();
        assert_eq!(Goal::ItemsOn('D', 2).check(&start, &end, ""), Ok(()));
    }

    #[test]
    fn painted_mark() {
        let start = world();
        let mut end = start.clone();
        end.apply(&Action::Move).unwrap();
        assert!(
            Goal::Painted('D', Color::Red)
                .check(&start, &end, "")
                .is_err()
        );
        end.apply(&Action::Paint(Color::Red)).unwrap();
        assert_eq!(
            Goal::Painted('D', Color::Red).check(&start, &end, ""),
            Ok(())
        );
    }

    #[test]
    fn output_compares_lines_and_fills_placeholders() {
        let start = world();
        let goal = Goal::Output("{items}\n{items:gem}".into());
        assert_eq!(goal.check(&start, &start, "2  \n1\n\n"), Ok(()));
        assert!(matches!(
            goal.check(&start, &start, "3\n1"),
            Err(GoalFailure::WrongOutput { .. })
        ));
        let said = Goal::Said("Il y a {items} objets".into());
        let mut end = start.clone();
        assert!(said.check(&start, &end, "").is_err());
        end.apply(&Action::Say("Il y a 2 objets".into())).unwrap();
        assert_eq!(said.check(&start, &end, ""), Ok(()));
    }

    #[test]
    fn combinations() {
        let start = world();
        let all = Goal::All(vec![Goal::ReachGoal, Goal::CollectAll(None)]);
        let any = Goal::Any(vec![Goal::ReachGoal, Goal::RobotOn('D')]);
        assert!(all.check(&start, &start, "").is_err());
        assert!(matches!(
            any.check(&start, &start, ""),
            Err(GoalFailure::NoneOf { .. })
        ));
        let mut end = start.clone();
        end.apply(&Action::Move).unwrap();
        assert_eq!(any.check(&start, &end, ""), Ok(()));
        assert_eq!(all.marks(), Vec::<char>::new());
        assert_eq!(any.marks(), vec!['D']);
        assert!(all.needs_goal_cells());
    }
}
