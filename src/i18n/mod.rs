//! French and English messages for students and teachers.
//!
//! The texts are Fluent files under `assets/locales/<lang>/` (`codebot.ftl` and one per
//! larger screen), embedded in the binary (the web build has no files).
//! [`tr`] formats any message by id, falling back to English, then to the id itself;
//! [`program_error_message`] and [`goal_failure_message`] turn the typed errors of the
//! sandbox and the simulation into one or two sentences a beginner can act on.
//! No Bevy here: the CLI, the game and the web build share it.

mod catalog;
mod explain;
pub mod ids;
mod lang;

pub use catalog::{Messages, tr};
pub use explain::{
    color_name, function_description, function_name, goal_failure_message, problem_message,
    program_error_message, program_error_message_for,
};
pub use fluent_bundle::FluentValue;
pub use lang::{Lang, UnknownLang};

#[cfg(test)]
mod tests;
