//! The editor's keys: Ctrl+Z undoes, Ctrl+Y (or Ctrl+Shift+Z) redoes, Ctrl+S saves
//! where the level was last saved (or asks where). While a text field has the keyboard,
//! Ctrl+Z and Ctrl+Y belong to it, and Esc only leaves the field; otherwise Esc closes
//! the window open, then goes back to the teacher's screen (`navigation`).

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::files::EditorRequest;
use super::windows::SaveForm;
use super::{LevelEditor, layout};
use crate::game::{Packs, Screen, UiSet};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        editor_keys
            .in_set(UiSet::Screens)
            .before(layout::editor_screen)
            .run_if(in_state(Screen::Editor)),
    );
}

fn editor_keys(
    mut contexts: EguiContexts,
    mut editor: ResMut<LevelEditor>,
    packs: Res<Packs>,
    mut requests: MessageWriter<EditorRequest>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let typing = ctx.egui_wants_keyboard_input();
    let command = egui::Modifiers::COMMAND;
    let shift_command = egui::Modifiers::COMMAND | egui::Modifiers::SHIFT;
    if ctx.input_mut(|i| i.consume_key(command, egui::Key::S)) {
        match editor.spot.clone() {
            Some(spot) => {
                requests.write(EditorRequest::Save(spot));
            }
            None => editor.save_window = Some(SaveForm::new(&editor, &packs)),
        }
    }
    if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        let windows =
            editor.save_window.is_some() || editor.open_window || editor.confirm.is_some();
        if windows || typing {
            ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
            editor.save_window = None;
            editor.open_window = false;
            editor.confirm = None;
            if let Some(id) = ctx.memory(|m| m.focused()) {
                ctx.memory_mut(|m| m.surrender_focus(id));
            }
        }
    }
    if typing {
        return Ok(());
    }
    let redo = ctx.input_mut(|i| {
        i.consume_key(command, egui::Key::Y) || i.consume_key(shift_command, egui::Key::Z)
    });
    let undo = !redo && ctx.input_mut(|i| i.consume_key(command, egui::Key::Z));
    if undo || redo {
        let changed = if undo {
            editor.editor.undo()
        } else {
            editor.editor.redo()
        };
        if changed {
            editor.goal_typed = None;
            editor.notes_typed = None;
        }
    }
    Ok(())
}
