//! The tables of the teacher's screen (class progress, exam grades): one row per
//! student, one numbered column per level (its name on hover and listed below), a total,
//! in a grid that scrolls sideways when the class played many levels.

use bevy_egui::egui::{self, RichText};

use crate::game::theme::{self, Palette};
use crate::game::{Packs, Session};
use crate::teacher::FileIssue;

/// How a cell reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tone {
    /// Passed.
    Good,
    /// Failed or stuck.
    Bad,
    /// Tried.
    Plain,
    /// Nothing there.
    Empty,
}

/// One cell: its text, its tone, and more on hover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Cell {
    pub text: String,
    pub tone: Tone,
    pub hover: Option<String>,
}

impl Cell {
    pub fn good(text: String) -> Cell {
        Cell {
            text,
            tone: Tone::Good,
            hover: None,
        }
    }

    pub fn bad(text: String) -> Cell {
        Cell {
            text,
            tone: Tone::Bad,
            hover: None,
        }
    }

    pub fn plain(text: String) -> Cell {
        Cell {
            text,
            tone: Tone::Plain,
            hover: None,
        }
    }

    pub fn none() -> Cell {
        Cell {
            text: "-".to_owned(),
            tone: Tone::Empty,
            hover: None,
        }
    }

    pub fn with_hover(mut self, hover: Option<String>) -> Cell {
        self.hover = hover;
        self
    }
}

/// One student's row.
pub(super) struct Row {
    pub name: String,
    pub cells: Vec<Cell>,
    pub total: String,
}

/// The name of a level (`pack-id/level-id` or a level id of `pack`) in the teacher's
/// language, with its key.
pub(super) fn level_name(packs: &Packs, session: &Session, key: &str) -> String {
    match packs.level(key) {
        Some(level) => format!("{} ({key})", level.title.in_lang(session.french())),
        None => key.to_owned(),
    }
}

/// The grid. `levels` are the columns' names, shown on hover of `#n`.
pub(super) fn show(
    ui: &mut egui::Ui,
    p: &Palette,
    session: &Session,
    id: &str,
    levels: &[String],
    rows: &[Row],
) {
    theme::card_frame(p)
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            egui::ScrollArea::horizontal()
                .id_salt((id, "scroll"))
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    egui::Grid::new(id)
                        .striped(true)
                        .spacing(egui::vec2(14.0, 6.0))
                        .show(ui, |ui| {
                            ui.label(RichText::new(session.t("teacher-student")).strong());
                            for (i, name) in levels.iter().enumerate() {
                                ui.label(RichText::new(format!("#{}", i + 1)).strong())
                                    .on_hover_text(name);
                            }
                            ui.label(RichText::new(session.t("teacher-total")).strong());
                            ui.end_row();
                            for row in rows {
                                ui.label(RichText::new(&row.name).strong());
                                for cell in &row.cells {
                                    let color = match cell.tone {
                                        Tone::Good => p.success,
                                        Tone::Bad => p.danger,
                                        Tone::Plain => p.text,
                                        Tone::Empty => p.weak_text,
                                    };
                                    let label = ui
                                        .label(RichText::new(&cell.text).monospace().color(color));
                                    if let Some(hover) = &cell.hover {
                                        label.on_hover_text(hover);
                                    }
                                }
                                ui.label(&row.total);
                                ui.end_row();
                            }
                        });
                });
        });
}

/// A section title.
pub(super) fn section(ui: &mut egui::Ui, title: &str) {
    ui.label(RichText::new(title).size(theme::BODY_SIZE + 2.0).strong());
}

/// The files that could not be used, and why.
pub(super) fn issues(ui: &mut egui::Ui, p: &Palette, session: &Session, issues: &[FileIssue]) {
    if issues.is_empty() {
        return;
    }
    ui.add_space(8.0);
    section(
        ui,
        &session.tr("teacher-issues", &[("count", issues.len().into())]),
    );
    for issue in issues {
        ui.label(
            RichText::new(format!("{}: {}", issue.path, issue.problem))
                .monospace()
                .color(p.warning),
        );
    }
}
