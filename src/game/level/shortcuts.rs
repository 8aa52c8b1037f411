//! Keyboard shortcuts of the level screen. Ctrl+Enter (or F5) runs and Escape stops a
//! running program, even while typing; Space, the arrows, Home and End drive the replay,
//! and Escape goes back to the map, only when no text field has the keyboard, so typing
//! code never moves the robot. Ctrl+Z / Ctrl+Y are left to the editor (egui's undo and
//! redo).

use bevy::prelude::*;
use bevy_egui::egui::{Key, Modifiers};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::LevelUi;
use super::controls::ControlWriters;
use super::replay::ReplayCommand;
use super::run::{ProgramRun, RunProgram, StopProgram};
use crate::game::Screen;
use crate::game::navigation::Navigate;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        read_shortcuts
            .in_set(LevelUi::Input)
            .run_if(in_state(Screen::Level)),
    );
}

fn read_shortcuts(
    mut contexts: EguiContexts,
    run: Res<ProgramRun>,
    mut send: ControlWriters,
    mut navigate: MessageWriter<Navigate>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    // Whether a text field (the editor) had the keyboard: then plain keys are typing.
    let typing = ctx.egui_wants_keyboard_input();
    let running = run.is_running();
    ctx.input_mut(|input| {
        if input.consume_key(Modifiers::COMMAND, Key::Enter)
            || input.consume_key(Modifiers::NONE, Key::F5)
        {
            send.run.write(RunProgram);
        }
        if running && input.consume_key(Modifiers::NONE, Key::Escape) {
            send.stop.write(StopProgram);
        }
        if typing {
            return;
        }
        if !running && input.consume_key(Modifiers::NONE, Key::Escape) {
            navigate.write(Navigate::Back);
        }
        let keys = [
            (Key::Space, ReplayCommand::TogglePlay),
            (Key::ArrowRight, ReplayCommand::StepForward),
            (Key::ArrowLeft, ReplayCommand::StepBack),
            (Key::Home, ReplayCommand::Rewind),
            (Key::End, ReplayCommand::ToEnd),
        ];
        for (key, command) in keys {
            if input.consume_key(Modifiers::NONE, key) {
                send.replay.write(command);
            }
        }
    });
    Ok(())
}
