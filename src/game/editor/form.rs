//! The texts of the level, in French and English: its id, title, brief, graded hints,
//! and the note heading the file (for teachers, never shown to students). Typing in one
//! field is one undo step until the field loses the focus.

use bevy_egui::egui::{self, RichText};

use super::LevelEditor;
use crate::editor::{Action, TextField};
use crate::game::Session;
use crate::i18n::Lang;

/// A text field bound to the draft: edits become actions.
pub fn field(
    ui: &mut egui::Ui,
    editor: &mut LevelEditor,
    current: &str,
    rows: usize,
    make: impl FnOnce(String) -> Action,
) -> egui::Response {
    let mut text = current.to_string();
    let edit = if rows > 1 {
        egui::TextEdit::multiline(&mut text).desired_rows(rows)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    let response = ui.add(edit.desired_width(f32::INFINITY));
    if response.changed() {
        editor.apply(make(text));
    }
    if response.lost_focus() {
        editor.editor.seal();
    }
    response
}

/// French and English versions of one text, one under the other.
fn both(
    ui: &mut egui::Ui,
    editor: &mut LevelEditor,
    session: &Session,
    field: TextField,
    rows: usize,
) {
    for lang in Lang::ALL {
        let current = {
            let draft = editor.draft();
            let text = match field {
                TextField::Title => Some(&draft.title),
                TextField::Brief => Some(&draft.brief),
                TextField::Hint(i) => draft.hints.get(i),
            };
            text.map(|t| t.in_lang(lang == Lang::Fr).to_string())
        };
        let Some(current) = current else {
            return;
        };
        ui.horizontal_top(|ui| {
            let code = RichText::new(lang.code().to_uppercase()).monospace().weak();
            ui.label(code).on_hover_text(session.t(if lang == Lang::Fr {
                "editor-lang-fr"
            } else {
                "editor-lang-en"
            }));
            field_in(ui, editor, &current, rows, move |text| Action::SetText {
                field,
                lang,
                text,
            });
        });
    }
}

fn field_in(
    ui: &mut egui::Ui,
    editor: &mut LevelEditor,
    current: &str,
    rows: usize,
    make: impl FnOnce(String) -> Action,
) {
    ui.vertical(|ui| {
        field(ui, editor, current, rows, make);
    });
}

fn heading(ui: &mut egui::Ui, text: String) {
    ui.add_space(4.0);
    ui.label(RichText::new(text).strong());
}

/// The Texts tab.
pub fn show(ui: &mut egui::Ui, editor: &mut LevelEditor, session: &Session) {
    heading(ui, session.t("editor-id"));
    let id = editor.draft().id.clone();
    field(ui, editor, &id, 1, Action::SetId).on_hover_text(session.t("editor-id-help"));
    heading(ui, session.t("editor-title"));
    both(ui, editor, session, TextField::Title, 1);
    heading(ui, session.t("editor-brief"));
    both(ui, editor, session, TextField::Brief, 3);

    heading(ui, session.t("editor-hints"));
    ui.label(RichText::new(session.t("editor-hints-help")).small().weak());
    let hints = editor.draft().hints.len();
    let mut remove = None;
    for i in 0..hints {
        ui.horizontal(|ui| {
            ui.label(session.tr("editor-hint-number", &[("number", (i + 1).into())]));
            if ui.small_button(session.t("editor-remove")).clicked() {
                remove = Some(i);
            }
        });
        both(ui, editor, session, TextField::Hint(i), 2);
    }
    if let Some(i) = remove {
        editor.apply(Action::RemoveHint(i));
    }
    if ui.button(session.t("editor-add-hint")).clicked() {
        editor.apply(Action::AddHint);
    }

    heading(ui, session.t("editor-notes"));
    ui.label(RichText::new(session.t("editor-notes-help")).small().weak());
    // The file keeps no spaces at line ends: the field shows what is typed meanwhile.
    let mut text = editor
        .notes_typed
        .clone()
        .unwrap_or_else(|| editor.draft().notes.clone());
    let response = ui.add(
        egui::TextEdit::multiline(&mut text)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    );
    if response.changed() {
        editor.apply(Action::SetNotes(text.clone()));
        editor.notes_typed = Some(text);
    }
    if response.lost_focus() {
        editor.notes_typed = None;
        editor.editor.seal();
    }
}
