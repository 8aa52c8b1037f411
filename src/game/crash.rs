//! The game's side of crash reports (`crate::crash`): the panic hook is installed as
//! the game starts, the report's context follows the game (screen shown, graphics card,
//! language), and the next start offers the report the last crash left: a window that
//! shows it, copies it, or opens its folder. Closing the window stops the offer (the
//! file stays). Nothing here runs unless `run` installed the hook ([`CrashReports`]),
//! so headless tests never read the real data folder.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::renderer::RenderAdapterInfo;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::theme::{self, Theme};
use super::{Screen, Session, UiSet};
use crate::crash;
use crate::i18n::Lang;

/// Where crash reports go: the data folder of the saves.
#[derive(Resource, Clone, Debug)]
pub struct CrashReports {
    pub data_dir: PathBuf,
}

/// Installs the panic hook writing reports in the data folder, in `lang` until the
/// player's language is known. `None` when there is no data folder to write in.
pub(super) fn install(lang: Lang) -> Option<CrashReports> {
    let data_dir = crate::progress::data_dir().ok()?;
    crash::install_hook(data_dir.clone(), lang);
    Some(CrashReports { data_dir })
}

pub(super) fn plugin(app: &mut App) {
    if !app.world().contains_resource::<CrashReports>() {
        return;
    }
    app.add_systems(Startup, (find_pending_report, record_graphics))
        // After the screen changes of the frame, before anything of `Update` runs.
        .add_systems(
            RunFixedMainLoop,
            (
                record_screen.run_if(state_changed::<Screen>),
                record_lang.run_if(resource_changed::<Session>),
            )
                .in_set(RunFixedMainLoopSystems::BeforeFixedMainLoop),
        )
        .add_systems(
            EguiPrimaryContextPass,
            show_pending_report.in_set(UiSet::Overlays),
        );
    if std::env::var(crash::TEST_PANIC_ENV).is_ok_and(|v| v == "frame") {
        app.add_systems(Update, |_: Res<CrashReports>| {
            crash::test_panic_point("frame")
        });
    }
}

fn record_screen(screen: Res<State<Screen>>) {
    crash::set_screen(format!("{:?}", screen.get()));
}

fn record_graphics(info: Option<Res<RenderAdapterInfo>>) {
    if let Some(info) = info {
        crash::set_graphics(super::graphics::describe(&info));
    }
}

fn record_lang(session: Res<Session>, mut last: Local<Option<Lang>>) {
    if *last != Some(session.lang) {
        *last = Some(session.lang);
        crash::set_lang(session.lang);
    }
}

/// The report of the last crash, offered to the player.
#[derive(Resource, Debug)]
struct PendingReport {
    path: PathBuf,
    /// The report's text, once the player asked to see it.
    text: Option<String>,
    copied: bool,
}

fn find_pending_report(mut commands: Commands, reports: Res<CrashReports>) {
    if let Some(path) = crash::pending_report(&reports.data_dir) {
        commands.insert_resource(PendingReport {
            path,
            text: None,
            copied: false,
        });
    }
}

/// What the player clicked in the report's window.
enum Choice {
    Show,
    Copy,
    /// The desktop only: a browser has no folders to show.
    #[cfg(not(target_arch = "wasm32"))]
    OpenFolder,
    Close,
}

fn show_pending_report(
    mut commands: Commands,
    mut contexts: EguiContexts,
    pending: Option<ResMut<PendingReport>>,
    reports: Res<CrashReports>,
    session: Res<Session>,
    theme: Res<Theme>,
) -> Result {
    let Some(mut pending) = pending else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let p = theme.palette;
    let mut choice = None;
    egui::Modal::new(egui::Id::new("codebot-crash-report"))
        .frame(theme::card_frame(&p).stroke(egui::Stroke::new(3.0, p.warning)))
        .show(ctx, |ui| {
            ui.set_max_width(940.0);
            ui.label(
                egui::RichText::new(session.t("crash-notice-title"))
                    .size(theme::HEADING_SIZE)
                    .color(p.warning)
                    .strong(),
            );
            ui.add_space(6.0);
            let path = pending.path.display().to_string();
            ui.label(
                egui::RichText::new(session.tr("crash-notice-body", &[("path", path.into())]))
                    .size(theme::BODY_SIZE),
            );
            ui.add_space(10.0);
            if let Some(text) = &pending.text {
                egui::ScrollArea::vertical()
                    .max_height(ui.ctx().content_rect().height() * 0.45)
                    .show(ui, |ui| {
                        ui.add(
                            egui::Label::new(egui::RichText::new(text).monospace())
                                .selectable(true),
                        );
                    });
                ui.add_space(10.0);
                if pending.copied {
                    ui.label(
                        egui::RichText::new(session.t("crash-notice-copied")).color(p.success),
                    );
                }
            }
            ui.horizontal_wrapped(|ui| {
                if pending.text.is_none() {
                    let show = theme::big_button(ui, &p, &session.t("crash-notice-show"));
                    show.request_focus();
                    if show.clicked() {
                        choice = Some(Choice::Show);
                    }
                } else {
                    let copy = theme::big_button(ui, &p, &session.t("crash-notice-copy"));
                    if copy.clicked() {
                        choice = Some(Choice::Copy);
                    }
                    #[cfg(not(target_arch = "wasm32"))]
                    if theme::wide_button(ui, &session.t("crash-notice-open-folder")).clicked() {
                        choice = Some(Choice::OpenFolder);
                    }
                }
                if theme::wide_button(ui, &session.t("crash-notice-close")).clicked() {
                    choice = Some(Choice::Close);
                }
            });
        });
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        choice = Some(Choice::Close);
    }
    match choice {
        Some(Choice::Show) => {
            let text = std::fs::read_to_string(&pending.path)
                .unwrap_or_else(|e| format!("{}: {e}", pending.path.display()));
            pending.text = Some(text);
        }
        Some(Choice::Copy) => {
            if let Some(text) = &pending.text {
                ctx.copy_text(text.clone());
                pending.copied = true;
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        Some(Choice::OpenFolder) => {
            if let Some(folder) = pending.path.parent() {
                open_folder(folder);
            }
        }
        Some(Choice::Close) => {
            if let Err(error) = crash::dismiss_pending(&reports.data_dir) {
                warn!("{error}");
            }
            commands.remove_resource::<PendingReport>();
        }
        None => {}
    }
    Ok(())
}

/// Shows a folder in the system's file manager (nothing happens if there is none).
#[cfg(not(target_arch = "wasm32"))]
fn open_folder(folder: &std::path::Path) {
    let opener = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    match std::process::Command::new(opener).arg(folder).spawn() {
        // Waited for on the side, so it does not linger as a zombie process.
        Ok(mut child) => drop(std::thread::spawn(move || child.wait())),
        Err(error) => warn!("cannot open {}: {error}", folder.display()),
    }
}
