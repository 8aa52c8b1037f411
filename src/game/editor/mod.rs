//! The level editor screen, reached from the teacher's screen: a teacher paints a level
//! on a grid, writes its texts in French and English, its goals and variants, writes
//! and tests the reference solution, saves the level into a pack and exports the pack as
//! a `.zip`. The model (drafts, actions, undo, the RON written, validation, saving) is
//! plain Rust in `crate::editor`; this module draws it and turns clicks into actions.
//!
//! - [`LevelEditor`] holds the draft with its history and what the screen remembers.
//! - `files`: New, Open, Save, Export (messages [`EditorRequest`], file dialogs, drops),
//!   done off the frame loop.
//! - `checks`: live validation after each change, and the reference solution run in the
//!   sandbox (Test: the worker on a background thread, Web Workers in the browser).
//! - `layout` draws the screen from `canvas` (the grid), `palette` (tools, map size),
//!   `form` (texts), `rules` (goals, functions, stars, variants), `solution`,
//!   `problems`, `source` (the file as written) and `windows` (Save, Open).
//! - `keys`: Ctrl+Z / Ctrl+Y / Ctrl+S; `start`: `--edit <level>`.

mod canvas;
pub(super) mod checks;
mod files;
mod form;
mod keys;
mod layout;
mod palette;
mod problems;
mod rules;
mod solution;
mod source;
mod start;
mod windows;

#[cfg(test)]
mod tests;

use std::path::PathBuf;

use bevy::prelude::*;

use super::Screen;
use crate::editor::{Action, EditError, Editor, LevelDraft, Placement, Tool};
use crate::i18n::FluentValue;
use crate::level::Text;

pub use files::{EditorRequest, SaveWhere};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LevelEditor>()
        .add_systems(OnEnter(Screen::Editor), spawn_screen)
        .add_plugins((
            files::plugin,
            checks::plugin,
            start::plugin,
            keys::plugin,
            layout::plugin,
        ));
}

/// Marks what belongs to the editor screen (despawned when it is left).
#[derive(Component, Debug)]
pub struct EditorScreen;

fn spawn_screen(mut commands: Commands) {
    commands.spawn((
        Name::new("Level editor"),
        EditorScreen,
        DespawnOnExit(Screen::Editor),
    ));
}

/// The tabs of the right-hand panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EditorTab {
    #[default]
    Texts,
    Rules,
    Solution,
    /// The level file as it will be written.
    File,
}

/// Where a level is saved, and in which chapter of which pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveSpot {
    pub target: SaveWhere,
    pub placement: Placement,
}

/// A short message in the top bar about the last file operation.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    pub ok: bool,
    /// A message of `editor.ftl`, with its arguments.
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Status {
    pub fn ok(id: &'static str, args: Vec<(&'static str, String)>) -> Status {
        Status { ok: true, id, args }
    }

    pub fn error(id: &'static str, args: Vec<(&'static str, String)>) -> Status {
        Status {
            ok: false,
            id,
            args,
        }
    }

    /// The message in the session's language.
    pub fn text(&self, session: &super::Session) -> String {
        session.tr(self.id, &self.fluent_args())
    }

    /// The arguments, ready for the message.
    fn fluent_args(&self) -> Vec<(&'static str, FluentValue<'static>)> {
        self.args
            .iter()
            .map(|(name, value)| (*name, value.clone().into()))
            .collect()
    }
}

/// Why an edit was refused, as a message of the session's language.
fn refusal(error: &EditError) -> Status {
    let (id, args): (&'static str, Vec<(&'static str, String)>) = match error {
        EditError::OutsideMap { x, y } => (
            "editor-refused-outside-map",
            vec![("x", x.to_string()), ("y", y.to_string())],
        ),
        EditError::BadSize { width, height, max } => (
            "editor-refused-size",
            vec![
                ("width", width.to_string()),
                ("height", height.to_string()),
                ("max", max.to_string()),
            ],
        ),
        EditError::UnknownMark { mark } => (
            "editor-refused-unknown-mark",
            vec![("mark", mark.to_string())],
        ),
        EditError::BadMark { mark } => {
            ("editor-refused-bad-mark", vec![("mark", mark.to_string())])
        }
        EditError::MarkInUse { mark } => (
            "editor-refused-mark-in-use",
            vec![("mark", mark.to_string())],
        ),
        EditError::NoFreeMark => ("editor-refused-no-free-mark", vec![]),
        EditError::NoSuchEntry { what, index } => (
            "editor-refused-no-entry",
            vec![
                ("what", what.to_string()),
                ("number", (index + 1).to_string()),
            ],
        ),
    };
    Status::error(id, args)
}

/// The level being edited and the state of the screen. Kept when the screen is left, so
/// a teacher who goes back to the teacher's screen finds the level again.
#[derive(Resource, Debug)]
pub struct LevelEditor {
    pub editor: Editor,
    pub tool: Tool,
    /// The count of the item tools.
    pub item_count: u32,
    pub tab: EditorTab,
    /// Where the level was opened from or last saved (proposed by Save and Export).
    pub spot: Option<SaveSpot>,
    /// The file the level was read from or last written to, if any.
    pub path: Option<PathBuf>,
    /// The revision of the draft last saved (or opened): unsaved changes otherwise.
    pub saved_revision: Option<u64>,
    pub status: Option<Status>,
    /// The stroke of the mouse under way on the map.
    pub stroke: Option<canvas::PaintStroke>,
    /// A cell to point at (a problem clicked in the list).
    pub focus_cell: Option<(u32, u32)>,
    /// Windows open over the screen.
    pub save_window: Option<windows::SaveForm>,
    pub open_window: bool,
    /// Whether the solution's code had the keyboard focus last frame.
    pub solution_focused: bool,
    /// A goal being typed that does not read yet: its index and text.
    pub goal_typed: Option<(usize, String)>,
    /// The notes as typed (the draft keeps them without spaces at line ends).
    pub notes_typed: Option<String>,
    /// A request waiting for the teacher to agree to drop unsaved changes.
    pub confirm: Option<EditorRequest>,
}

impl Default for LevelEditor {
    fn default() -> Self {
        LevelEditor {
            editor: Editor::new(LevelDraft::default()),
            tool: Tool::Wall,
            item_count: 1,
            tab: EditorTab::default(),
            spot: None,
            path: None,
            saved_revision: None,
            status: None,
            stroke: None,
            focus_cell: None,
            save_window: None,
            open_window: false,
            notes_typed: None,
            goal_typed: None,
            solution_focused: false,
            confirm: None,
        }
    }
}

impl LevelEditor {
    pub fn draft(&self) -> &LevelDraft {
        self.editor.draft()
    }

    /// Applies an action; a refused one is shown in the status line.
    pub fn apply(&mut self, action: Action) {
        if let Err(error) = self.editor.apply(action) {
            self.status = Some(refusal(&error));
        }
    }

    /// Starts over with another draft.
    pub fn replace(&mut self, draft: LevelDraft, spot: Option<SaveSpot>, path: Option<PathBuf>) {
        self.editor.replace(draft);
        self.spot = spot;
        self.path = path;
        self.saved_revision = Some(self.editor.revision());
        self.focus_cell = None;
    }

    /// Whether the draft changed since it was opened or saved.
    pub fn unsaved(&self) -> bool {
        self.saved_revision != Some(self.editor.revision())
    }
}

/// The names proposed for a new pack and chapter, in both languages.
pub fn default_placement() -> Placement {
    use crate::i18n::{Lang, tr};
    let both = |id: &str| Text::new(tr(Lang::Fr, id, &[]), tr(Lang::En, id, &[]));
    Placement {
        pack_id: "mes-niveaux".into(),
        pack_title: both("editor-default-pack-title"),
        chapter_id: "chapitre-1".into(),
        chapter_title: both("editor-default-chapter-title"),
    }
}
