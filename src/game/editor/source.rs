//! The File tab: the level file exactly as Save writes it, with line numbers and the
//! lines that have a problem marked, so a teacher sees (and can copy) what a text editor
//! would show, and where `codebot validate` positions point.

use bevy_egui::egui::{self, RichText};

use super::LevelEditor;
use super::checks::Validation;
use crate::game::Session;
use crate::game::theme::Palette;

/// The File tab.
pub fn show(
    ui: &mut egui::Ui,
    editor: &LevelEditor,
    session: &Session,
    palette: &Palette,
    validation: &Validation,
) {
    let text = editor.draft().to_ron();
    ui.horizontal(|ui| {
        let name = editor
            .path
            .as_ref()
            .map_or_else(|| editor.draft().file_name(), |p| p.display().to_string());
        ui.label(RichText::new(name).monospace().weak());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(session.t("editor-copy")).clicked() {
                ui.ctx().copy_text(text.clone());
            }
        });
    });
    ui.label(RichText::new(session.t("editor-file-help")).small().weak());
    let bad: Vec<u32> = validation.problems.iter().map(|d| d.line).collect();
    egui::ScrollArea::both()
        .id_salt("editor-file")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let font = egui::FontId::monospace(13.0);
            let format = |color| egui::TextFormat {
                font_id: font.clone(),
                color,
                ..Default::default()
            };
            let mut job = egui::text::LayoutJob::default();
            for (i, line) in text.lines().enumerate() {
                let number = i as u32 + 1;
                let color = if bad.contains(&number) {
                    palette.danger
                } else if line.trim_start().starts_with("//") {
                    palette.weak_text
                } else {
                    palette.text
                };
                job.append(&format!("{number:>3}  "), 0.0, format(palette.weak_text));
                job.append(line, 0.0, format(color));
                job.append("\n", 0.0, format(color));
            }
            ui.add(egui::Label::new(job).extend());
        });
}
