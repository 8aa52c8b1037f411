//! The problems of the level as the editor finds them while it is drawn (and those of
//! its pack, found when saving), each with its place in the file: a click shows the cell
//! of the map concerned, or opens the tab where the field is edited.

use bevy_egui::egui::{self, RichText};

use super::checks::Validation;
use super::{EditorTab, LevelEditor};
use crate::editor::{field_of, problem_message};
use crate::game::Session;
use crate::game::theme::Palette;
use crate::level::Diagnostic;

/// The tab where a top-level field of the file is edited.
fn tab_of(field: &str) -> Option<EditorTab> {
    match field {
        "id" | "title" | "brief" | "hints" => Some(EditorTab::Texts),
        "goals" | "variants" | "allowed" | "max_actions" | "stars" => Some(EditorTab::Rules),
        "solution" => Some(EditorTab::Solution),
        _ => None,
    }
}

/// A message starting with a capital letter (messages are written to follow a place).
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The list, in the space given.
pub fn show(
    ui: &mut egui::Ui,
    editor: &mut LevelEditor,
    session: &Session,
    palette: &Palette,
    validation: &Validation,
    pack_problems: &[Diagnostic],
) {
    let count = validation.problems.len();
    let (title, color) = if count == 0 {
        (session.t("editor-no-problems"), palette.success)
    } else {
        (
            session.tr("editor-problems", &[("count", count.into())]),
            palette.danger,
        )
    };
    ui.label(RichText::new(title).strong().color(color));
    egui::ScrollArea::vertical()
        .id_salt("editor-problems")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let written = validation.written.as_ref();
            for diagnostic in &validation.problems {
                let cell = written.and_then(|w| editor.draft().cell_of(w, diagnostic));
                let field = written.and_then(|w| field_of(&w.text, diagnostic));
                if row(ui, session, palette, diagnostic, false).clicked() {
                    editor.focus_cell = cell;
                    if let Some(tab) = field.as_deref().and_then(tab_of) {
                        editor.tab = tab;
                    } else if cell.is_none() {
                        editor.tab = EditorTab::File;
                    }
                }
            }
            // The pack's own problems: those of this level are listed above already.
            let same = |a: &Diagnostic, b: &Diagnostic| {
                (a.line, a.column, &a.problem) == (b.line, b.column, &b.problem)
            };
            let others: Vec<&Diagnostic> = pack_problems
                .iter()
                .filter(|d| !validation.problems.iter().any(|mine| same(d, mine)))
                .collect();
            if !others.is_empty() {
                ui.add_space(4.0);
                ui.label(RichText::new(session.t("editor-pack-problems")).strong());
                for diagnostic in others {
                    row(ui, session, palette, diagnostic, true);
                }
            }
        });
}

/// One problem: where, then what.
fn row(
    ui: &mut egui::Ui,
    session: &Session,
    palette: &Palette,
    diagnostic: &Diagnostic,
    with_file: bool,
) -> egui::Response {
    let place = if with_file {
        format!(
            "{}:{}:{}",
            diagnostic.file, diagnostic.line, diagnostic.column
        )
    } else {
        session.tr(
            "editor-problem-place",
            &[
                ("line", diagnostic.line.into()),
                ("column", diagnostic.column.into()),
            ],
        )
    };
    let message = sentence(&problem_message(session.lang, &diagnostic.problem));
    let mut job = egui::text::LayoutJob::default();
    let small = egui::TextFormat {
        font_id: egui::FontId::proportional(13.0),
        color: palette.weak_text,
        ..Default::default()
    };
    let body = egui::TextFormat {
        font_id: egui::FontId::proportional(15.0),
        color: palette.text,
        ..Default::default()
    };
    job.append(&place, 0.0, small);
    job.append(&message, 8.0, body);
    job.wrap.max_width = ui.available_width();
    ui.add(egui::Label::new(job).sense(egui::Sense::click()))
        .on_hover_cursor(egui::CursorIcon::PointingHand)
}
