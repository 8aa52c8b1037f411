//! Codebot: a game in which teenagers learn Python by programming a robot.
//!
//! The core (world rules, levels, sandbox, grading, saves, messages) is plain Rust shared
//! by the command line, the desktop game and the web build; `game` holds the Bevy plugins.

pub mod cli;
pub mod crash;
pub mod curriculum;
pub mod editor;
#[cfg(feature = "game")]
pub mod game;
pub mod grade;
pub mod i18n;
pub mod level;
pub mod progress;
pub mod sandbox;
pub mod sim;
pub mod teacher;
