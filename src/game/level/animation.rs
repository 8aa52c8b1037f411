//! What the replay shows at a point of a recorded run: the robot's pose between two
//! frames, the world state drawn, the line running, the output printed so far, the
//! speech bubble and the small effect of the action under way.
//!
//! Everything is a pure function of the trace and a cursor, so scrubbing back and forth
//! always shows the same picture. The cursor counts actions: `0.0` is the starting
//! world, `k` the world after `k` actions, and `k + t` is action `k` (0-based) shown
//! `t` of the way through.

use crate::sim::{Action, ActionError, Color, Frame, Heading, ItemKind, Pos, Trace, World};

/// How long a speech bubble stays, in actions after the one that said it.
const SPEECH_ACTIONS: f32 = 3.0;

/// Where the replay stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Moment {
    /// Actions fully done.
    pub done: usize,
    /// Progress through action `done` (0 when none is under way).
    pub t: f32,
}

impl Moment {
    pub fn at(trace: &Trace, cursor: f32) -> Moment {
        let total = trace.frames.len();
        let cursor = cursor.clamp(0.0, total as f32);
        let done = (cursor.floor() as usize).min(total);
        let t = if done == total {
            0.0
        } else {
            cursor - done as f32
        };
        Moment { done, t }
    }

    /// The frame of the action under way, if any.
    pub fn action<'a>(&self, trace: &'a Trace) -> Option<&'a Frame> {
        (self.t > 0.0)
            .then(|| trace.frames.get(self.done))
            .flatten()
    }
}

/// The world after `done` actions.
pub(super) fn world_after(trace: &Trace, done: usize) -> &World {
    match done.checked_sub(1) {
        None => &trace.initial,
        Some(i) => trace
            .frames
            .get(i)
            .map_or(trace.final_world(), |f| &f.world),
    }
}

/// The world whose floor (items, colours) is drawn: it changes when the action
/// visibly happens (a pick at once, a paint half-way, a drop at the end).
pub(super) fn floor_world(trace: &Trace, cursor: f32) -> (&World, usize) {
    let moment = Moment::at(trace, cursor);
    let switch_at = match moment.action(trace).map(|f| &f.action) {
        Some(Action::Pick) => 0.0,
        Some(Action::Paint(_)) => 0.5,
        _ => 1.0,
    };
    let shown = if moment.action(trace).is_some() && moment.t > switch_at {
        moment.done + 1
    } else {
        moment.done
    };
    (world_after(trace, shown), shown)
}

/// The robot on screen, in grid coordinates (cell centres are whole numbers).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Pose {
    pub x: f32,
    pub y: f32,
    /// Radians, counter-clockwise with the y axis pointing up: east is 0, north pi/2.
    pub angle: f32,
}

pub(super) fn heading_angle(heading: Heading) -> f32 {
    use std::f32::consts::{FRAC_PI_2, PI};
    match heading {
        Heading::East => 0.0,
        Heading::North => FRAC_PI_2,
        Heading::West => PI,
        Heading::South => -FRAC_PI_2,
    }
}

fn ease(t: f32) -> f32 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

fn lerp(a: f32, b: f32, t: f32) -> f32 {
    a + (b - a) * t
}

pub(super) fn robot_pose(trace: &Trace, cursor: f32) -> Pose {
    let moment = Moment::at(trace, cursor);
    let before = &world_after(trace, moment.done).robot;
    let mut pose = Pose {
        x: before.pos.x as f32,
        y: before.pos.y as f32,
        angle: heading_angle(before.heading),
    };
    let Some(frame) = moment.action(trace) else {
        return pose;
    };
    let t = ease(moment.t);
    let after = &frame.world.robot;
    match (&frame.action, frame.error) {
        (Action::Move, Some(ActionError::HitWall)) => {
            // A bump into the wall and back.
            let (dx, dy) = before.heading.delta();
            let bump = (moment.t * std::f32::consts::PI).sin() * 0.28;
            pose.x += dx as f32 * bump;
            pose.y += dy as f32 * bump;
        }
        (Action::Move, _) => {
            pose.x = lerp(before.pos.x as f32, after.pos.x as f32, t);
            pose.y = lerp(before.pos.y as f32, after.pos.y as f32, t);
        }
        (Action::TurnLeft, _) => pose.angle += std::f32::consts::FRAC_PI_2 * t,
        (Action::TurnRight, _) => pose.angle -= std::f32::consts::FRAC_PI_2 * t,
        _ => {}
    }
    pose
}

/// The source line of the action under way, else of the last action done.
pub(super) fn current_line(trace: &Trace, cursor: f32) -> Option<u32> {
    let moment = Moment::at(trace, cursor);
    moment
        .action(trace)
        .or_else(|| moment.done.checked_sub(1).and_then(|i| trace.frames.get(i)))
        .map(|f| f.line)
}

/// What the program printed before the action under way (everything, at the end).
pub(super) fn output_so_far(trace: &Trace, cursor: f32) -> &str {
    trace.output_at(Moment::at(trace, cursor).done)
}

/// The robot's words shown in a bubble, if it spoke a moment ago.
pub(super) fn speech(trace: &Trace, cursor: f32) -> Option<&str> {
    let moment = Moment::at(trace, cursor);
    let position = moment.done as f32 + moment.t;
    // The actions started so far: those done and the one under way.
    let started = moment.done + usize::from(moment.action(trace).is_some());
    let (index, text) =
        trace.frames[..started]
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, f)| match &f.action {
                Action::Say(text) => Some((i, text.as_str())),
                _ => None,
            })?;
    (position - (index as f32) < SPEECH_ACTIONS).then_some(text)
}

/// A small effect drawn over the world during an action.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Effect {
    /// An item rises from the floor into the robot.
    Pick(ItemKind),
    /// An item falls from the robot to the floor.
    Drop(ItemKind),
    /// A ring of paint spreads on the cell.
    Paint(Color),
    /// The robot bumps into a wall on this side of its cell.
    Crash(Heading),
    /// The world refused the action (nothing to pick, empty bag).
    Refused,
}

/// The effect of the action under way, where it happens and how far through it is.
pub(super) fn effect(trace: &Trace, cursor: f32) -> Option<(Effect, Pos, f32)> {
    let moment = Moment::at(trace, cursor);
    let frame = moment.action(trace)?;
    let before = world_after(trace, moment.done);
    let pos = before.robot.pos;
    let kind_moved = |from: &World, to: &World| {
        ItemKind::ALL.into_iter().find(|k| {
            from.robot.bag.get(k).copied().unwrap_or(0) != to.robot.bag.get(k).copied().unwrap_or(0)
        })
    };
    let effect = match (&frame.action, frame.error) {
        (Action::Move, Some(_)) => Effect::Crash(before.robot.heading),
        (_, Some(_)) => Effect::Refused,
        (Action::Pick, None) => Effect::Pick(kind_moved(before, &frame.world)?),
        (Action::Drop, None) => Effect::Drop(kind_moved(before, &frame.world)?),
        (Action::Paint(color), None) => Effect::Paint(*color),
        _ => return None,
    };
    Some((effect, pos, moment.t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Robot, Step};

    fn trace(actions: &[Action], output: &str) -> Trace {
        let mut world = World::new(4, 2);
        world.robot = Robot::new(Pos::new(0, 0), Heading::East);
        world.add_items(Pos::new(1, 0), ItemKind::Gem, 1);
        let steps: Vec<Step> = actions
            .iter()
            .enumerate()
            .map(|(i, a)| Step {
                action: a.clone(),
                line: i as u32 + 1,
                output_len: output.len().min(i),
            })
            .collect();
        Trace::replay(&world, &steps, output)
    }

    #[test]
    fn moment_and_pose_between_frames() {
        let t = trace(&[Action::Move, Action::TurnLeft], "");
        assert_eq!(Moment::at(&t, 0.0), Moment { done: 0, t: 0.0 });
        assert_eq!(Moment::at(&t, 1.5), Moment { done: 1, t: 0.5 });
        assert_eq!(Moment::at(&t, 9.0), Moment { done: 2, t: 0.0 });
        let half = robot_pose(&t, 0.5);
        assert!((half.x - 0.5).abs() < 1e-6 && half.y == 0.0);
        assert_eq!(robot_pose(&t, 1.0).x, 1.0);
        let turned = robot_pose(&t, 2.0);
        assert!((turned.angle - std::f32::consts::FRAC_PI_2).abs() < 1e-6);
        let turning = robot_pose(&t, 1.5).angle;
        assert!(turning > 0.0 && turning < std::f32::consts::FRAC_PI_2);
    }

    #[test]
    fn lines_and_output_follow_the_cursor() {
        let t = trace(&[Action::Move, Action::Move, Action::Move], "abc");
        assert_eq!(current_line(&t, 0.0), None);
        assert_eq!(current_line(&t, 0.2), Some(1));
        assert_eq!(current_line(&t, 1.0), Some(1));
        assert_eq!(current_line(&t, 1.1), Some(2));
        assert_eq!(output_so_far(&t, 0.0), "");
        assert_eq!(output_so_far(&t, 2.5), "ab");
        assert_eq!(output_so_far(&t, 3.0), "abc");
    }

    #[test]
    fn a_crash_bumps_and_comes_back() {
        let t = trace(
            &[Action::Move, Action::Move, Action::Move, Action::Move],
            "",
        );
        assert_eq!(t.frames.len(), 4);
        assert!(t.frames[3].error.is_some());
        let mid = robot_pose(&t, 3.5);
        assert!(mid.x > 3.0 && mid.x < 3.5);
        assert_eq!(robot_pose(&t, 4.0).x, 3.0);
        assert_eq!(
            effect(&t, 3.5).map(|e| e.0),
            Some(Effect::Crash(Heading::East))
        );
    }

    #[test]
    fn floor_changes_when_the_item_is_picked() {
        let t = trace(&[Action::Move, Action::Pick], "");
        assert_eq!(floor_world(&t, 1.0).0.items_on_floor(), 1);
        assert_eq!(floor_world(&t, 1.1).0.items_on_floor(), 0);
        assert_eq!(
            effect(&t, 1.5).map(|e| e.0),
            Some(Effect::Pick(ItemKind::Gem))
        );
    }

    #[test]
    fn speech_lasts_a_few_actions() {
        let t = trace(
            &[
                Action::Say("hi".into()),
                Action::TurnLeft,
                Action::TurnLeft,
                Action::TurnLeft,
                Action::TurnLeft,
            ],
            "",
        );
        assert_eq!(speech(&t, 0.0), None);
        assert_eq!(speech(&t, 0.5), Some("hi"));
        assert_eq!(speech(&t, 2.5), Some("hi"));
        assert_eq!(speech(&t, 3.5), None);
        let last = trace(&[Action::TurnLeft, Action::Say("bye".into())], "");
        assert_eq!(speech(&last, 2.0), Some("bye"));
    }
}
