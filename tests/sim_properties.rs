//! Property tests on the world rules: random action sequences never panic, replaying a
//! trace reproduces the final state, and the same seed and program give the same trace.

use codebot::level::{Level, builtin_packs};
use codebot::sandbox::{Limits, run_program};
use codebot::sim::{Action, Color, Heading, ItemKind, Pos, Robot, Step, Trace, World};
use proptest::prelude::*;

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        4 => Just(Action::Move),
        2 => Just(Action::TurnLeft),
        2 => Just(Action::TurnRight),
        1 => Just(Action::Pick),
        1 => Just(Action::Drop),
        1 => prop::sample::select(Color::ALL.to_vec()).prop_map(Action::Paint),
        1 => "[a-z ]{0,8}".prop_map(Action::Say),
    ]
}

/// A small world with random walls, thin walls and items.
fn world() -> impl Strategy<Value = World> {
    (2..8i32, 2..8i32).prop_flat_map(|(w, h)| {
        let cell = (0..w, 0..h).prop_map(|(x, y)| Pos::new(x, y));
        (
            prop::collection::vec(cell.clone(), 0..8),
            prop::collection::vec(
                (cell.clone(), prop::sample::select(Heading::ALL.to_vec())),
                0..6,
            ),
            prop::collection::vec(
                (
                    cell.clone(),
                    prop::sample::select(ItemKind::ALL.to_vec()),
                    1..4u32,
                ),
                0..6,
            ),
            cell,
            prop::sample::select(Heading::ALL.to_vec()),
        )
            .prop_map(move |(blocked, thin, items, start, heading)| {
                let mut world = World::new(w, h);
                world
                    .blocked
                    .extend(blocked.into_iter().filter(|p| *p != start));
                for (pos, side) in thin {
                    world.add_thin_wall(pos, side);
                }
                for (pos, kind, n) in items {
                    world.add_items(pos, kind, n);
                }
                world.robot = Robot::new(start, heading);
                world
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_actions_never_panic_and_keep_the_world_consistent(start in world(), actions in prop::collection::vec(action(), 0..60)) {
        let mut world = start.clone();
        let items_before = world.items_on_floor() + world.robot.carried();
        for action in &actions {
            let before = world.clone();
            match world.apply(action) {
                Ok(()) => {}
                Err(_) => prop_assert_eq!(&world, &before, "a refused action changes nothing"),
            }
            prop_assert!(world.in_bounds(world.robot.pos));
            prop_assert!(!world.blocked.contains(&world.robot.pos));
            prop_assert_eq!(world.items_on_floor() + world.robot.carried(), items_before, "items are never created or lost");
        }
    }

    #[test]
    fn replaying_a_trace_reproduces_the_final_state(start in world(), actions in prop::collection::vec(action(), 0..60)) {
        let steps: Vec<Step> = actions.iter().enumerate()
            .map(|(i, a)| Step { action: a.clone(), line: i as u32 + 1, output_len: 0 })
            .collect();
        let trace = Trace::replay(&start, &steps, "");
        // Applying the actions by hand, up to the first refused one, gives the same world.
        let mut world = start.clone();
        for action in &actions {
            if world.apply(action).is_err() {
                break;
            }
        }
        prop_assert_eq!(trace.final_world(), &world);
        // Replaying the frames' own actions again gives the same trace.
        let again: Vec<Step> = trace.frames.iter()
            .map(|f| Step { action: f.action.clone(), line: f.line, output_len: f.output_len })
            .collect();
        prop_assert_eq!(Trace::replay(&start, &again, ""), trace.clone());
        // Every frame but the last is an accepted action.
        if let Some((_, rest)) = trace.frames.split_last() {
            prop_assert!(rest.iter().all(|f| f.error.is_none()));
        }
    }
}

fn builtin_levels() -> Vec<Level> {
    builtin_packs()
        .expect("built-in packs load")
        .iter()
        .flat_map(|p| p.levels().cloned().collect::<Vec<_>>())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn same_level_seed_and_program_give_the_same_trace(index in 0usize..1000, seed in 0u64..50) {
        let levels = builtin_levels();
        let level = &levels[index % levels.len()];
        let seed = seed % level.seeds().end;
        let world = level.world(seed).unwrap();
        prop_assert_eq!(&level.world(seed).unwrap(), &world, "variants are deterministic");
        let allowed = level.allowed_functions();
        let limits = Limits::with_max_actions(level.max_actions);
        let first = run_program(&level.solution, &world, &allowed, &limits);
        let second = run_program(&level.solution, &world, &allowed, &limits);
        prop_assert_eq!(&first, &second);
        prop_assert_eq!(Trace::replay(&world, &first.steps, &first.output), Trace::replay(&world, &second.steps, &second.output));
    }
}
