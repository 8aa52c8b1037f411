//! The rules of the robot world: grid, walls, items, colours, the robot, its actions and
//! sensors, goals and traces. Pure and deterministic: no Bevy, no Python, no randomness.

mod goal;
mod trace;
mod world;

pub use goal::{Goal, GoalFailure};
pub use trace::{Frame, Step, Trace};
pub use world::{Action, ActionError, Color, Heading, ItemKind, Pos, Robot, World};
