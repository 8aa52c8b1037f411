//! What the player sees of `library`, over any screen: "Installing…" while a pack is
//! read, "Drop the pack to install it" while a file hovers the window, and the result of
//! the last install: installed (with a way to the map), already installed (replace it?),
//! or refused with every `file:line:col: message` problem in a scrollable list, and the
//! assurance that nothing was changed.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::library::{DropHover, InstallOutcome, PackInstall, PackRequest};
use super::navigation::Navigate;
use super::theme::{self, Palette, Theme};
use super::{Packs, Screen, Session, UiSet};
use crate::level::PackError;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (busy_and_hover, outcome_window)
            .chain()
            .in_set(UiSet::Overlays),
    );
}

fn busy_and_hover(
    mut contexts: EguiContexts,
    install: Res<PackInstall>,
    hover: Res<DropHover>,
    session: Res<Session>,
    theme: Res<Theme>,
) -> Result {
    if !install.is_busy() && !hover.0 {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let p = theme.palette;
    egui::Area::new(egui::Id::new("pack-busy"))
        .order(egui::Order::Foreground)
        .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -24.0))
        .interactable(false)
        .show(ctx, |ui| {
            theme::card_frame(&p)
                .stroke(egui::Stroke::new(3.0, p.accent))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        if install.is_busy() {
                            ui.spinner();
                            let path = install
                                .installing()
                                .map(|p| p.display().to_string())
                                .unwrap_or_default();
                            ui.label(session.tr("pack-installing", &[("path", path.into())]));
                        } else {
                            ui.label(
                                RichText::new(session.t("pack-drop-here"))
                                    .strong()
                                    .size(theme::BODY_SIZE + 2.0),
                            );
                        }
                    });
                });
        });
    ctx.request_repaint_after(std::time::Duration::from_millis(100));
    Ok(())
}

/// What the player chose in the result window.
enum Choice {
    Close,
    Replace(std::path::PathBuf),
    SeeMap,
}

#[allow(clippy::too_many_arguments)]
fn outcome_window(
    mut contexts: EguiContexts,
    mut install: ResMut<PackInstall>,
    packs: Res<Packs>,
    session: Res<Session>,
    theme: Res<Theme>,
    state: Res<State<Screen>>,
    mut requests: MessageWriter<PackRequest>,
    mut navigate: MessageWriter<Navigate>,
) -> Result {
    let Some(outcome) = install.outcome.as_ref() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let p = theme.palette;
    let color = match outcome {
        InstallOutcome::Installed { .. } => p.success,
        InstallOutcome::Failed { .. } => p.danger,
    };
    let mut choice = None;
    egui::Modal::new(egui::Id::new("pack-outcome"))
        .frame(theme::card_frame(&p).stroke(egui::Stroke::new(3.0, color)))
        .show(ctx, |ui| {
            ui.set_max_width(760.0);
            choice = match outcome {
                InstallOutcome::Installed {
                    pack_id, replaced, ..
                } => installed(ui, &p, &session, &packs, pack_id, *replaced, *state.get()),
                InstallOutcome::Failed { path, error } => failed(ui, &p, &session, path, error),
            };
        });
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        choice = Some(Choice::Close);
    }
    match choice {
        None => {}
        Some(Choice::Close) => install.outcome = None,
        Some(Choice::Replace(path)) => {
            install.outcome = None;
            requests.write(PackRequest::Install {
                path,
                replace: true,
            });
        }
        Some(Choice::SeeMap) => {
            install.outcome = None;
            navigate.write(Navigate::To(Screen::Map));
        }
    }
    Ok(())
}

fn heading(ui: &mut egui::Ui, text: String, color: egui::Color32) {
    ui.label(
        RichText::new(text)
            .size(theme::HEADING_SIZE)
            .strong()
            .color(color),
    );
    ui.add_space(6.0);
}

fn installed(
    ui: &mut egui::Ui,
    p: &Palette,
    session: &Session,
    packs: &Packs,
    pack_id: &str,
    replaced: bool,
    screen: Screen,
) -> Option<Choice> {
    let title_id = if replaced {
        "pack-replaced-title"
    } else {
        "pack-installed-title"
    };
    heading(ui, session.t(title_id), p.success);
    if let Some(pack) = packs.0.iter().find(|pack| pack.id == pack_id) {
        let levels = pack.levels().count();
        ui.label(session.tr(
            "pack-installed-text",
            &[
                ("title", pack.title.in_lang(session.french()).into()),
                ("id", pack_id.into()),
                ("levels", levels.into()),
                ("chapters", pack.chapters.len().into()),
            ],
        ));
        if pack.is_exam() {
            ui.label(RichText::new(session.t("pack-installed-exam")).color(p.weak_text));
        }
    }
    ui.add_space(10.0);
    let mut choice = None;
    ui.horizontal(|ui| {
        if !matches!(screen, Screen::Map | Screen::Teacher | Screen::Editor)
            && theme::big_button(ui, p, &session.t("pack-see-map")).clicked()
        {
            choice = Some(Choice::SeeMap);
        }
        let ok = ui.button(session.t("notice-ok"));
        ok.request_focus();
        if ok.clicked() {
            choice = Some(Choice::Close);
        }
    });
    choice
}

fn failed(
    ui: &mut egui::Ui,
    p: &Palette,
    session: &Session,
    path: &std::path::Path,
    error: &PackError,
) -> Option<Choice> {
    let shown = path.display().to_string();
    let mut choice = None;
    if let PackError::AlreadyInstalled { id } = error {
        heading(ui, session.t("pack-already-title"), p.warning);
        ui.label(session.tr("pack-already-text", &[("id", id.as_str().into())]));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if theme::big_button(ui, p, &session.t("pack-replace")).clicked() {
                choice = Some(Choice::Replace(path.to_path_buf()));
            }
            if ui.button(session.t("common-cancel")).clicked() {
                choice = Some(Choice::Close);
            }
        });
        return choice;
    }
    heading(ui, session.t("pack-refused-title"), p.danger);
    ui.label(session.tr("pack-refused-text", &[("path", shown.into())]));
    let problems = error.diagnostics();
    if problems.is_empty() {
        let reason = match error {
            PackError::BuiltinId { id } => {
                session.tr("pack-refused-builtin", &[("id", id.as_str().into())])
            }
            other => other.to_string(),
        };
        ui.add_space(4.0);
        ui.label(RichText::new(reason).color(p.text).strong());
    } else {
        ui.add_space(4.0);
        ui.label(
            RichText::new(session.tr("pack-refused-problems", &[("count", problems.len().into())]))
                .strong(),
        );
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        egui::Frame::new()
            .fill(p.sunken)
            .corner_radius(8)
            .inner_margin(8)
            .show(ui, |ui| {
                egui::ScrollArea::both()
                    .max_height(280.0)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        for line in &lines {
                            ui.label(RichText::new(line).monospace().color(p.text));
                        }
                    });
            });
        if ui.button(session.t("pack-copy-problems")).clicked() {
            ui.ctx().copy_text(lines.join("\n"));
        }
    }
    ui.add_space(4.0);
    ui.label(RichText::new(session.t("pack-nothing-changed")).color(p.weak_text));
    ui.add_space(8.0);
    let ok = ui.button(session.t("notice-ok"));
    ok.request_focus();
    if ok.clicked() {
        choice = Some(Choice::Close);
    }
    choice
}
