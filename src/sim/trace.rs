//! A run recorded as steps (what the program asked for, at which line) and replayed into
//! frames (the world after each step), so the game can animate and scrub through it.

use serde::{Deserialize, Serialize};

use super::{Action, ActionError, World};

/// One robot action asked for by the program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub action: Action,
    /// 1-based line of the student's source that asked for it.
    pub line: u32,
    /// How many characters of the printed output existed when the action ran.
    pub output_len: usize,
}

/// The world after one step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Frame {
    pub action: Action,
    pub line: u32,
    pub output_len: usize,
    /// Set on the step the world refused; that step is the last one.
    pub error: Option<ActionError>,
    pub world: World,
}

/// A whole run: the starting world, a frame per action and everything printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trace {
    pub initial: World,
    pub frames: Vec<Frame>,
    pub output: String,
}

impl Trace {
    /// Replays steps from the starting world. Replay stops at the first refused action,
    /// which ends the run exactly as it did when the program ran.
    pub fn replay(initial: &World, steps: &[Step], output: &str) -> Trace {
        let mut world = initial.clone();
        let mut frames = Vec::with_capacity(steps.len());
        for step in steps {
            let error = world.apply(&step.action).err();
            frames.push(Frame {
                action: step.action.clone(),
                line: step.line,
                output_len: step.output_len.min(output.len()),
                error,
                world: world.clone(),
            });
            if error.is_some() {
                break;
            }
        }
        Trace {
            initial: initial.clone(),
            frames,
            output: output.to_string(),
        }
    }

    /// The world at the end of the run.
    pub fn final_world(&self) -> &World {
        self.frames.last().map_or(&self.initial, |f| &f.world)
    }

    /// The action that the world refused, if the run ended that way, with its line.
    pub fn action_error(&self) -> Option<(ActionError, u32)> {
        self.frames
            .last()
            .and_then(|f| f.error.map(|e| (e, f.line)))
    }

    /// The printed text as it stood when frame `index` ran.
    pub fn output_at(&self, index: usize) -> &str {
        let len = self
            .frames
            .get(index)
            .map_or(self.output.len(), |f| f.output_len);
        let mut end = len.min(self.output.len());
        while !self.output.is_char_boundary(end) {
            end -= 1;
        }
        &self.output[..end]
    }

    /// The English names of the actions, in order (the CLI's `--trace`).
    pub fn action_names(&self) -> Vec<&'static str> {
        self.frames.iter().map(|f| f.action.name()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Heading, Pos, Robot};

    fn step(action: Action, line: u32, output_len: usize) -> Step {
        Step {
            action,
            line,
            output_len,
        }
    }

    #[test]
    fn replay_builds_one_frame_per_action_and_stops_at_the_refused_one() {
        let mut start = World::new(2, 1);
        start.robot = Robot::new(Pos::new(0, 0), Heading::East);
        let steps = vec![
            step(Action::Move, 1, 0),
            step(Action::Move, 2, 3),
            step(Action::TurnLeft, 3, 3),
        ];
        let trace = Trace::replay(&start, &steps, "hi\n");
        assert_eq!(trace.frames.len(), 2);
        assert_eq!(trace.action_error(), Some((ActionError::HitWall, 2)));
        assert_eq!(trace.final_world().robot.pos, Pos::new(1, 0));
        assert_eq!(trace.output_at(0), "");
        assert_eq!(trace.output_at(1), "hi\n");
        assert_eq!(trace.action_names(), vec!["move", "move"]);
    }

    #[test]
    fn replay_is_deterministic() {
        let start = World::new(3, 3);
        let steps: Vec<Step> = [
            Action::Move,
            Action::TurnRight,
            Action::Move,
            Action::Paint(crate::sim::Color::Red),
        ]
        .into_iter()
        .enumerate()
        .map(|(i, a)| step(a, i as u32 + 1, 0))
        .collect();
        assert_eq!(
            Trace::replay(&start, &steps, ""),
            Trace::replay(&start, &steps, "")
        );
    }
}
