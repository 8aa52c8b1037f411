//! Undo and redo: the [`Editor`] keeps the draft and the drafts before each step.
//!
//! A step is one action, or several actions of the same kind in a row (a stroke of one
//! tool, typing in one field) until [`Editor::seal`] closes it: the screen seals when the
//! mouse button is released or a field loses the keyboard focus, so Ctrl+Z undoes a
//! whole stroke or a whole word, not one cell or one letter.

use super::actions::{Action, EditError, MergeKey};
use super::draft::LevelDraft;

/// How many steps can be undone.
pub const MAX_UNDO: usize = 200;

/// A draft with its undo and redo history.
#[derive(Clone, Debug, Default)]
pub struct Editor {
    draft: LevelDraft,
    undo: Vec<LevelDraft>,
    redo: Vec<LevelDraft>,
    /// The kind of the last action, while its step is still open.
    open_step: Option<MergeKey>,
    /// Goes up with every change (actions, undo, redo), so views can tell drafts apart.
    revision: u64,
}

impl Editor {
    pub fn new(draft: LevelDraft) -> Editor {
        Editor {
            draft,
            ..Editor::default()
        }
    }

    pub fn draft(&self) -> &LevelDraft {
        &self.draft
    }

    /// Changes with every edit, undo and redo.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies an action as a new step, or as part of the open step when it is of the same
    /// kind. Returns whether the draft changed; a refused action changes nothing.
    pub fn apply(&mut self, action: Action) -> Result<bool, EditError> {
        let mut next = self.draft.clone();
        next.apply(&action)?;
        if next == self.draft {
            return Ok(false);
        }
        let key = action.merge_key();
        let merge = key.is_some() && key == self.open_step && !self.undo.is_empty();
        if !merge {
            self.undo
                .push(std::mem::replace(&mut self.draft, next.clone()));
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
        }
        self.draft = next;
        self.redo.clear();
        self.open_step = key;
        self.revision += 1;
        Ok(true)
    }

    /// Closes the open step: the next action starts a new one.
    pub fn seal(&mut self) {
        self.open_step = None;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Goes back one step. Returns whether there was one.
    pub fn undo(&mut self) -> bool {
        self.step(true)
    }

    /// Goes forward one undone step. Returns whether there was one.
    pub fn redo(&mut self) -> bool {
        self.step(false)
    }

    fn step(&mut self, back: bool) -> bool {
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(draft) = from.pop() else {
            return false;
        };
        to.push(std::mem::replace(&mut self.draft, draft));
        self.open_step = None;
        self.revision += 1;
        true
    }

    /// Starts over with another draft (New, Open): the history is forgotten.
    pub fn replace(&mut self, draft: LevelDraft) {
        *self = Editor {
            draft,
            revision: self.revision + 1,
            ..Editor::default()
        };
    }
}
