//! The level editor's model, in plain Rust (the screen is `game::editor`): a
//! [`LevelDraft`] is a level being edited, changed only through [`Action`]s (painting
//! cells with a [`Tool`], setting texts, goals, variants...) by an [`Editor`] that keeps
//! undo and redo. A draft writes a clean, commented level file ([`LevelDraft::to_ron`])
//! that reads back to the same draft, is checked as `codebot validate` checks files
//! ([`LevelDraft::problems`], [`LevelDraft::test`] with the reference solution), and is
//! saved into a pack folder, into the pack library, or exported as a `.zip` ([`pack`]).

mod actions;
mod check;
mod draft;
mod history;
pub mod pack;
mod write;

#[cfg(test)]
mod tests;

pub use actions::{Action, EditError, TextField, Tool};
pub use check::{SolutionTest, field_of, problem_id, problem_message};
pub use draft::{BUILTIN_MARKS, LevelDraft, MapGrid, canonical};
pub use history::{Editor, MAX_UNDO};
pub use pack::{Placement, SaveError};
pub use write::{MAP_INDENT, WIDTH, Written, goal_text, heading_comment};
