//! The level screen: the brief and goals of one level, the world, the code editor, the
//! run controls, the console and the verdict.
//!
//! Data flows one way: the level named by the session is opened (`open`) with the
//! student's program (`code`, `saves`); Run grades it on a background thread (`run`);
//! the report is replayed action by action (`replay`, `animation`) and drawn
//! (`world_view`, the egui panels of `layout`), ending on the verdict (`verdict`).
//!
//! [`logic_plugin`] holds everything that works without a window, so headless tests can
//! play a level; the rest only draws and reads input.

mod animation;
mod brief;
mod code;
mod console;
mod controls;
pub(crate) mod editor;
pub(crate) mod goals;
mod highlight;
mod hints;
mod layout;
mod open;
mod replay;
mod run;
mod run_host;
mod saves;
mod shortcuts;
mod start;
mod verdict;
mod world_view;

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

use super::Screen;

pub use code::Code;
pub use hints::{Hints, RevealHint};
pub(crate) use layout::compact;
pub use open::{ActiveLevel, LevelLoad, LevelOpened};
pub use replay::{Replay, ReplayCommand};
pub use run::{Outcome, ProgramFinished, ProgramRun, RunProgram, StopProgram, WorkerExecutable};
pub use saves::{LevelSaves, SaveWork};

/// The order of the screen's systems within a frame.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum LevelSet {
    /// Loads the level named by the session.
    Open,
    /// Prepares what depends on the level: code, hints, start options.
    Prepare,
    /// Starts, stops and polls runs.
    Run,
    /// Moves the replay.
    Replay,
    /// Records the student's work (also just after the screen is left).
    Save,
    /// Updates what is drawn.
    Draw,
}

/// The order of the screen's egui systems.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum LevelUi {
    /// Shortcuts, read before the editor can take the keys.
    Input,
    Panels,
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(logic_plugin);
    app.configure_sets(
        EguiPrimaryContextPass,
        (LevelUi::Input, LevelUi::Panels)
            .chain()
            .in_set(super::UiSet::Screens),
    );
    app.add_plugins((world_view::plugin, layout::plugin, shortcuts::plugin));
}

/// The level screen without its drawing: opening levels, running programs, replays,
/// verdicts and saves. Needs the `Screen` state and the `Session` and `Packs` resources.
pub fn logic_plugin(app: &mut App) {
    use LevelSet::*;
    app.configure_sets(Update, (Open, Prepare, Run, Replay, Save, Draw).chain());
    for set in [Open, Prepare, Run, Replay, Draw] {
        app.configure_sets(Update, set.run_if(in_state(Screen::Level)));
    }
    app.add_plugins((
        open::plugin,
        saves::plugin,
        code::plugin,
        hints::plugin,
        start::plugin,
        run::plugin,
        replay::plugin,
    ));
}
