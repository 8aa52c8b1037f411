//! The editor screen laid out in egui panels: a top bar (back to the teacher's screen,
//! the level's name, New / Open / Save / Export, Undo / Redo, the status of the last
//! file operation), the tool palette on the left, the tabs on the right (Texts, Rules,
//! Solution, File), and in the middle the map over the list of problems.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::checks::{SolutionRun, TestSolution, Validation};
use super::files::{EditorRequest, FileJobs};
use super::windows::{self, SaveForm, WindowOutput};
use super::{EditorTab, LevelEditor, canvas, form, palette, problems, rules, solution, source};
use crate::game::art::{ArtTextures, GameArt};
use crate::game::dialogs::{DialogPurpose, FileDialogs, OpenDialog};
use crate::game::level::compact;
use crate::game::navigation::{FreshScreen, Navigate};
use crate::game::theme::{self, Palette, Theme};
use crate::game::{Packs, Screen, Session, UiSet};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        editor_screen
            .in_set(UiSet::Screens)
            .run_if(in_state(Screen::Editor)),
    );
}

/// What the screen reads.
#[derive(bevy::ecs::system::SystemParam)]
pub(super) struct Shown<'w> {
    art: Option<Res<'w, GameArt>>,
    session: Res<'w, Session>,
    theme: Res<'w, Theme>,
    packs: Res<'w, Packs>,
    validation: Res<'w, Validation>,
    run: Res<'w, SolutionRun>,
    jobs: Res<'w, FileJobs>,
    dialogs: Res<'w, FileDialogs>,
    time: Res<'w, Time<Real>>,
}

/// What the screen asks.
#[derive(bevy::ecs::system::SystemParam)]
pub(super) struct Asks<'w> {
    navigate: MessageWriter<'w, Navigate>,
    requests: MessageWriter<'w, EditorRequest>,
    test: MessageWriter<'w, TestSolution>,
    dialogs: MessageWriter<'w, OpenDialog>,
}

pub(super) fn editor_screen(
    mut contexts: EguiContexts,
    shown: Shown,
    mut editor: ResMut<LevelEditor>,
    mut fresh: ResMut<FreshScreen>,
    mut asks: Asks,
) -> Result {
    let art = shown
        .art
        .as_ref()
        .map(|art| ArtTextures::new(&mut contexts, art));
    let ctx = contexts.ctx_mut()?.clone();
    let session = &*shown.session;
    let p = shown.theme.palette;
    let area = ctx.content_rect();
    let mut root = theme::root_ui(&ctx, "editor-screen");
    compact(root.style_mut());
    let entered = fresh.take();

    top_bar(&mut root, &shown, &mut editor, &mut asks, entered);

    let width = area.width().round() as u32;
    egui::Panel::left(egui::Id::new(("editor-tools", width)))
        .resizable(false)
        .exact_size(206.0)
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("editor-tools-scroll")
                .show(ui, |ui| {
                    palette::show(ui, &mut editor, session, &p, art.as_ref());
                });
        });

    egui::Panel::right(egui::Id::new(("editor-tabs", width)))
        .resizable(true)
        .default_size((area.width() * 0.36).clamp(380.0, 640.0))
        .size_range(320.0..=area.width() * 0.55)
        .show(&mut root, |ui| {
            tabs(ui, &shown, &mut editor, &mut asks);
        });

    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::Panel::bottom("editor-problems")
            .resizable(true)
            .default_size((area.height() * 0.2).clamp(90.0, 220.0))
            .size_range(60.0..=area.height() * 0.5)
            .show(ui, |ui| {
                let pack_problems = &shown.jobs.pack_problems;
                problems::show(
                    ui,
                    &mut editor,
                    session,
                    &p,
                    &shown.validation,
                    pack_problems,
                );
            });
        canvas::show(ui, &mut editor, art.as_ref(), &shown.validation, &p);
    });

    let mut out = WindowOutput::default();
    windows::show(&ctx, session, &p, &shown.packs, &mut editor, &mut out);
    if let Some(request) = out.request {
        asks.requests.write(request);
    }
    if let Some(dialog) = out.dialog {
        asks.dialogs.write(dialog);
    }
    Ok(())
}

fn top_bar(
    root: &mut egui::Ui,
    shown: &Shown,
    editor: &mut LevelEditor,
    asks: &mut Asks,
    entered: bool,
) {
    let session = &*shown.session;
    let p = shown.theme.palette;
    egui::Panel::top("editor-top").show(root, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let back = ui.button(session.t("editor-back"));
            if entered {
                back.request_focus();
            }
            if back.clicked() {
                asks.navigate.write(Navigate::Back);
            }
            ui.separator();
            let draft = editor.draft();
            let title = draft.title.in_lang(session.french());
            let name = if title.trim().is_empty() {
                draft.id.clone()
            } else {
                title.to_string()
            };
            ui.label(RichText::new(session.t("editor-title-bar")).weak());
            ui.label(RichText::new(name).size(20.0).strong());
            if editor.unsaved() {
                ui.label(RichText::new(session.t("editor-unsaved-short")).color(p.accent))
                    .on_hover_text(session.t("editor-unsaved"));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let redo = ui
                    .add_enabled(
                        editor.editor.can_redo(),
                        egui::Button::new(session.t("editor-redo-button")),
                    )
                    .on_hover_text(session.t("editor-redo"));
                if redo.clicked() {
                    editor.editor.redo();
                }
                let undo = ui
                    .add_enabled(
                        editor.editor.can_undo(),
                        egui::Button::new(session.t("editor-undo-button")),
                    )
                    .on_hover_text(session.t("editor-undo"));
                if undo.clicked() {
                    editor.editor.undo();
                }
                ui.separator();
                file_buttons(ui, shown, editor, asks);
            });
        });
        if let Some(status) = &editor.status {
            let color = if status.ok { p.success } else { p.danger };
            ui.label(RichText::new(status.text(session)).small().color(color));
        } else if shown.jobs.is_busy() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(RichText::new(session.t("editor-busy")).small());
            });
        }
        ui.add_space(2.0);
    });
}

/// New, Open, Save, Export (drawn right to left).
fn file_buttons(ui: &mut egui::Ui, shown: &Shown, editor: &mut LevelEditor, asks: &mut Asks) {
    let session = &*shown.session;
    let idle = !shown.jobs.is_busy() && !shown.dialogs.is_open();
    let export = ui
        .add_enabled(
            idle && editor.spot.is_some(),
            egui::Button::new(session.t("editor-export")),
        )
        .on_hover_text(session.t("editor-export-help"))
        .on_disabled_hover_text(session.t("editor-export-help"));
    if export.clicked() {
        let pack = editor.spot.as_ref().map(|s| s.placement.pack_id.clone());
        asks.dialogs.write(OpenDialog {
            purpose: DialogPurpose::EditorExportZip,
            title: session.t("editor-export"),
            folder: None,
            file_name: pack.map(|id| format!("{id}.zip")),
        });
    }
    if ui
        .add_enabled(idle, egui::Button::new(session.t("editor-save-button")))
        .on_hover_text(session.t("editor-save-help-short"))
        .clicked()
    {
        editor.save_window = Some(SaveForm::new(editor, &shown.packs));
    }
    if ui
        .add_enabled(idle, egui::Button::new(session.t("editor-open")))
        .clicked()
    {
        editor.open_window = true;
    }
    if ui.button(session.t("editor-new")).clicked() {
        if editor.unsaved() {
            editor.confirm = Some(EditorRequest::New);
        } else {
            asks.requests.write(EditorRequest::New);
        }
    }
}

fn tabs(ui: &mut egui::Ui, shown: &Shown, editor: &mut LevelEditor, asks: &mut Asks) {
    let session = &*shown.session;
    let p: Palette = shown.theme.palette;
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        for (tab, id) in [
            (EditorTab::Texts, "editor-tab-texts"),
            (EditorTab::Rules, "editor-tab-rules"),
            (EditorTab::Solution, "editor-tab-solution"),
            (EditorTab::File, "editor-tab-file"),
        ] {
            if theme::choice(ui, &p, editor.tab == tab, &session.t(id)).clicked() {
                editor.tab = tab;
            }
        }
    });
    ui.separator();
    match editor.tab {
        EditorTab::Texts => {
            egui::ScrollArea::vertical()
                .id_salt("editor-texts")
                .auto_shrink([false, false])
                .show(ui, |ui| form::show(ui, editor, session));
        }
        EditorTab::Rules => {
            egui::ScrollArea::vertical()
                .id_salt("editor-rules")
                .auto_shrink([false, false])
                .show(ui, |ui| rules::show(ui, editor, session, &p));
        }
        EditorTab::Solution => {
            let now = shown.time.elapsed_secs_f64();
            if let Some(test) = solution::show(ui, editor, session, &p, &shown.run, now) {
                asks.test.write(test);
            }
        }
        EditorTab::File => source::show(ui, editor, session, &p, &shown.validation),
    }
}
