//! The packs tab: the library of this computer (`<data>/packs`): each installed pack with
//! its chapters, levels and exam rules (or why it no longer loads), "Save as .zip…" to
//! share it, "Remove" (after a confirmation; students' progress is kept), and "Open
//! pack…" to install one. The built-in pack is listed, not removable.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};

use super::TabContext;
use crate::game::dialogs::{DialogPurpose, OpenDialog};
use crate::game::library::{PackInstall, PackLibrary, PackRequest};
use crate::game::theme::{self, Palette};
use crate::game::{Packs, Session};
use crate::level::{InstalledPack, Pack};

/// The tab's state and what it changes.
#[derive(SystemParam)]
pub(super) struct PacksView<'w, 's> {
    packs: Res<'w, Packs>,
    install: Res<'w, PackInstall>,
    requests: MessageWriter<'w, PackRequest>,
    state: Local<'s, ListState>,
}

#[derive(Default)]
pub(super) struct ListState {
    /// The library's folders, read again when the packs change.
    entries: Option<Vec<InstalledPack>>,
    /// The pack whose removal waits for a confirmation.
    confirm: Option<String>,
}

impl PacksView<'_, '_> {
    pub fn show(&mut self, ui: &mut egui::Ui, context: &mut TabContext, library: &PackLibrary) {
        let session = context.session;
        let p = context.palette;
        if self.packs.is_changed() || self.state.entries.is_none() {
            self.state.entries = Some(match &library.0 {
                Some(lib) => lib.entries().unwrap_or_default(),
                #[cfg(target_arch = "wasm32")]
                None => crate::game::web_library::entries(),
                #[cfg(not(target_arch = "wasm32"))]
                None => Vec::new(),
            });
        }
        ui.horizontal_wrapped(|ui| {
            let label = session.t("teacher-packs-open");
            let enabled = !context.dialogs_busy && !self.install.is_busy();
            if ui.add_enabled(enabled, egui::Button::new(&label)).clicked() {
                context.dialog.write(OpenDialog {
                    purpose: DialogPurpose::InstallPack,
                    title: label.trim_end_matches('…').to_owned(),
                    folder: None,
                    file_name: None,
                });
            }
            let help = if cfg!(target_arch = "wasm32") {
                "teacher-packs-open-help-web"
            } else {
                "teacher-packs-open-help"
            };
            ui.label(RichText::new(session.t(help)).color(p.weak_text));
        });
        if let Some(lib) = &library.0 {
            ui.label(
                RichText::new(session.tr(
                    "teacher-packs-folder",
                    &[("path", lib.root().display().to_string().into())],
                ))
                .color(p.weak_text)
                .small(),
            );
        }
        ui.add_space(8.0);
        let entries = self.state.entries.clone().unwrap_or_default();
        super::table::section(
            ui,
            &session.tr(
                "teacher-packs-installed",
                &[("count", entries.len().into())],
            ),
        );
        if entries.is_empty() {
            ui.label(RichText::new(session.t("teacher-packs-none")).color(p.weak_text));
        }
        for entry in &entries {
            theme::card_frame(&p)
                .inner_margin(egui::Margin::same(12))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    match &entry.pack {
                        Ok(pack) => pack_summary(ui, &p, session, pack),
                        Err(problems) => {
                            ui.label(RichText::new(&entry.id).strong());
                            ui.label(
                                RichText::new(session.t("teacher-packs-broken")).color(p.danger),
                            );
                            for problem in problems {
                                ui.label(RichText::new(problem.to_string()).monospace().small());
                            }
                        }
                    }
                    ui.horizontal(|ui| {
                        if entry.pack.is_ok() {
                            let label = session.t("teacher-packs-export");
                            let button =
                                ui.add_enabled(!context.dialogs_busy, egui::Button::new(&label));
                            if button.clicked() {
                                context.dialog.write(OpenDialog {
                                    purpose: DialogPurpose::ExportPack {
                                        id: entry.id.clone(),
                                    },
                                    title: label.trim_end_matches('…').to_owned(),
                                    folder: None,
                                    file_name: Some(format!("{}.zip", entry.id)),
                                });
                            }
                        }
                        if ui.button(session.t("teacher-packs-remove")).clicked() {
                            self.state.confirm = Some(entry.id.clone());
                        }
                    });
                });
            ui.add_space(6.0);
        }
        ui.add_space(8.0);
        super::table::section(ui, &session.t("teacher-packs-builtin"));
        // The packs the game knows that are not in the library are the built-in ones.
        for pack in self
            .packs
            .0
            .iter()
            .filter(|pack| !entries.iter().any(|e| e.id == pack.id))
        {
            theme::card_frame(&p)
                .inner_margin(egui::Margin::same(12))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    pack_summary(ui, &p, session, pack);
                    ui.label(
                        RichText::new(session.t("teacher-packs-builtin-help"))
                            .color(p.weak_text)
                            .small(),
                    );
                });
        }
    }

    /// "Remove this pack?" over the screen.
    pub fn confirm_removal(&mut self, ctx: &egui::Context, session: &Session, p: &Palette) {
        let Some(id) = self.state.confirm.clone() else {
            return;
        };
        let mut close = false;
        egui::Modal::new(egui::Id::new("teacher-remove-pack"))
            .frame(theme::card_frame(p).stroke(egui::Stroke::new(3.0, p.danger)))
            .show(ctx, |ui| {
                ui.set_max_width(520.0);
                ui.label(
                    RichText::new(
                        session.tr("teacher-packs-remove-title", &[("id", id.as_str().into())]),
                    )
                    .size(theme::HEADING_SIZE)
                    .strong(),
                );
                ui.label(session.t("teacher-packs-remove-text"));
                ui.add_space(10.0);
                ui.horizontal(|ui| {
                    let remove = RichText::new(session.t("teacher-packs-remove"))
                        .strong()
                        .color(p.on_accent);
                    if ui.add(egui::Button::new(remove).fill(p.danger)).clicked() {
                        self.requests.write(PackRequest::Remove { id: id.clone() });
                        close = true;
                    }
                    if ui.button(session.t("common-cancel")).clicked() {
                        close = true;
                    }
                });
            });
        if close || ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            self.state.confirm = None;
        }
    }
}

/// "Title (id) · 3 chapters · 12 levels · exam, 45 minutes".
fn pack_summary(ui: &mut egui::Ui, p: &Palette, session: &Session, pack: &Pack) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(pack.title.in_lang(session.french()))
                .strong()
                .size(theme::BODY_SIZE + 2.0),
        );
        ui.label(
            RichText::new(format!("({})", pack.id))
                .monospace()
                .color(p.weak_text),
        );
    });
    let mut line = session.tr(
        "teacher-packs-summary",
        &[
            ("chapters", pack.chapters.len().into()),
            ("levels", pack.levels().count().into()),
        ],
    );
    if let Some(exam) = &pack.exam {
        line.push_str(" · ");
        line.push_str(&match exam.time_limit_minutes {
            Some(minutes) => session.tr("teacher-packs-exam", &[("minutes", minutes.into())]),
            None => session.t("teacher-packs-exam-no-limit"),
        });
    }
    if !pack.borrowed.is_empty() {
        line.push_str(" · ");
        line.push_str(&session.tr(
            "teacher-packs-borrowed",
            &[("count", pack.borrowed.len().into())],
        ));
    }
    ui.label(line);
}
