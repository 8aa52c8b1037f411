//! Keyboard shortcuts of the level screen. Ctrl+Enter (or F5) runs and Escape stops a
//! running program, even while typing; Space, the arrows, Home and End drive the replay,
//! and Escape closes the solution's window or else goes back to the map, only when no
//! text field has the keyboard, so typing code never moves the robot. Ctrl+Z / Ctrl+Y
//! are left to the editor (egui's undo and redo). Ctrl+Enter is also read from the
//! keyboard messages themselves, so a slow frame cannot turn it into a new line.

use bevy::input::keyboard::{Key as BevyKey, KeyboardFocusLost, KeyboardInput};
use bevy::prelude::*;
use bevy_egui::egui::{Event, Key, Modifiers};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::LevelUi;
use super::controls::ControlWriters;
use super::layout::LevelView;
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

#[allow(clippy::too_many_arguments)]
fn read_shortcuts(
    mut contexts: EguiContexts,
    run: Res<ProgramRun>,
    mut send: ControlWriters,
    mut navigate: MessageWriter<Navigate>,
    mut view: ResMut<LevelView>,
    keys: MessageReader<KeyboardInput>,
    focus_lost: MessageReader<KeyboardFocusLost>,
    ctrl: Local<bool>,
) -> Result {
    let ctrl_enter = ctrl_enter_pressed(keys, focus_lost, ctrl);
    let ctx = contexts.ctx_mut()?;
    // Whether a text field (the editor) had the keyboard: then plain keys are typing.
    let typing = ctx.egui_wants_keyboard_input();
    let running = run.is_running();
    ctx.input_mut(|input| {
        let mut run_now = input.consume_key(Modifiers::COMMAND, Key::Enter)
            || input.consume_key(Modifiers::NONE, Key::F5);
        if ctrl_enter && !run_now {
            // egui got it as a plain Enter: not a new line in the editor, a run.
            input.events.retain(|event| {
                !matches!(
                    event,
                    Event::Key {
                        key: Key::Enter,
                        pressed: true,
                        ..
                    }
                )
            });
            run_now = true;
        }
        if run_now {
            send.run.write(RunProgram);
        }
        if running && input.consume_key(Modifiers::NONE, Key::Escape) {
            send.stop.write(StopProgram);
        }
        if typing {
            return;
        }
        // Esc closes the solution's window first; only then does it leave the level.
        if !running && input.consume_key(Modifiers::NONE, Key::Escape) && !view.close_solution() {
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

/// Whether Ctrl+Enter was pressed this frame, from the keyboard messages in their order.
/// bevy_egui gives every key of a frame the modifiers held at the frame's end: on a slow
/// frame (software rendering, a school PC), a quick Ctrl+Enter reaches egui as a plain
/// Enter, which the editor would take for a new line.
fn ctrl_enter_pressed(
    mut keys: MessageReader<KeyboardInput>,
    mut focus_lost: MessageReader<KeyboardFocusLost>,
    mut ctrl: Local<bool>,
) -> bool {
    if focus_lost.read().count() > 0 {
        // The key-up of a Ctrl released in another window never comes.
        *ctrl = false;
    }
    let mut pressed = false;
    for key in keys.read() {
        match key.logical_key {
            BevyKey::Control => *ctrl = key.state.is_pressed(),
            BevyKey::Enter if *ctrl && key.state.is_pressed() => pressed = true,
            _ => {}
        }
    }
    pressed
}
