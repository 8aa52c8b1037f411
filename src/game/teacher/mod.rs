//! The teacher's screen, reached from the title screen: three tabs and the level editor.
//!
//! - Packs (`packs_tab`): the packs installed in this computer's library, installed from
//!   a file ("Open pack…" or a drop on the window), removed, or saved as a `.zip` to
//!   share.
//! - Class progress (`progress`): students' progress files merged into a table of
//!   students × levels with who is stuck where (`teacher::ClassReport`), saved as CSV.
//! - Exams (`grading`): submissions of an exam pack graded again in the sandbox
//!   (`teacher::grade_files`), off the frame loop, shown as a table, saved as CSV.
//!
//! Files dropped on the window go to the tab shown. What the teacher chose (tab, files,
//! exam) is remembered in `<data>/teacher.ron` (`desk`), so the report is there again
//! next time. The work is done by messages ([`TeacherRequest`]) and systems in `Update`,
//! tested headless; the egui systems only draw and send them.

mod desk;
mod grading;
mod packs_tab;
mod progress;
mod table;

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::window::FileDragAndDrop;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::dialogs::{DialogAnswer, DialogAnswered, DialogPurpose, FileDialogs, OpenDialog};
use super::exports::ExportDir;
use super::library::{PackLibrary, PackRequest};
use super::navigation::{FreshScreen, Navigate};
use super::notices::{Notice, Notices};
use super::theme::{self, Theme};
use super::{Packs, Screen, Session, UiSet};

pub use desk::{Desk, DeskFile, TeacherTab};
pub use grading::ExamGrading;
pub use progress::ClassProgress;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<TeacherRequest>()
        .add_message::<FileDragAndDrop>()
        .add_plugins((desk::plugin, progress::plugin, grading::plugin))
        .add_systems(
            Update,
            (dropped_files, dialog_answers)
                .before(progress::handle_requests)
                .before(grading::handle_requests),
        )
        .add_systems(
            EguiPrimaryContextPass,
            teacher_screen
                .in_set(UiSet::Screens)
                .run_if(in_state(Screen::Teacher)),
        );
}

/// What the teacher asks (the screen's buttons, drops and dialogs send them).
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub enum TeacherRequest {
    ShowTab(TeacherTab),
    /// Progress files or folders of them, added to the class report.
    AddProgress(Vec<PathBuf>),
    ClearProgress,
    /// Writes the class report as CSV there.
    SaveReportCsv(PathBuf),
    /// The exam pack to grade.
    ChooseExam(String),
    /// Submission files or folders of them.
    AddSubmissions(Vec<PathBuf>),
    ClearSubmissions,
    /// Grades the submissions against the exam pack chosen.
    Grade,
    /// Writes the grades as CSV there.
    SaveGradesCsv(PathBuf),
}

/// Files dropped on the teacher's screen go to the tab shown.
fn dropped_files(
    mut drops: MessageReader<FileDragAndDrop>,
    state: Res<State<Screen>>,
    desk: Res<Desk>,
    mut requests: MessageWriter<TeacherRequest>,
    mut packs: MessageWriter<PackRequest>,
) {
    let paths: Vec<PathBuf> = drops
        .read()
        .filter_map(|drop| match drop {
            FileDragAndDrop::DroppedFile { path_buf, .. } => Some(path_buf.clone()),
            _ => None,
        })
        .collect();
    if paths.is_empty() || *state.get() != Screen::Teacher {
        return;
    }
    match desk.tab {
        TeacherTab::Packs => {
            for path in paths {
                packs.write(PackRequest::Install {
                    path,
                    replace: false,
                });
            }
        }
        TeacherTab::Progress => {
            requests.write(TeacherRequest::AddProgress(paths));
        }
        TeacherTab::Exams => {
            requests.write(TeacherRequest::AddSubmissions(paths));
        }
    }
}

/// File names proposed by the save dialogs (and used in the default folder).
const REPORT_CSV: &str = "class-progress.csv";
const GRADES_CSV: &str = "exam-grades.csv";

/// The dialogs of this screen answered: files to add, or where to save. Without a
/// dialog, files are written to the default folder and the teacher is told where.
fn dialog_answers(
    mut answers: MessageReader<DialogAnswered>,
    dir: Res<ExportDir>,
    mut requests: MessageWriter<TeacherRequest>,
    mut packs: MessageWriter<PackRequest>,
    mut notices: ResMut<Notices>,
) {
    for answer in answers.read() {
        let chosen = match &answer.answer {
            DialogAnswer::Cancelled => continue,
            DialogAnswer::Chosen(paths) => Some(paths.clone()),
            DialogAnswer::Unavailable => None,
        };
        let default_file = |name: &str| match dir.file(name) {
            Ok(path) => Some(path),
            Err(error) => {
                warn!("cannot use the default folder: {error}");
                None
            }
        };
        let save_path = |name: &str| {
            chosen
                .as_ref()
                .and_then(|paths| paths.first().cloned())
                .or_else(|| default_file(name))
        };
        match &answer.purpose {
            DialogPurpose::ProgressFiles | DialogPurpose::ProgressFolder => match chosen {
                Some(paths) => {
                    requests.write(TeacherRequest::AddProgress(paths));
                }
                None => notices.push_once(Notice::warning("teacher-no-dialog", vec![])),
            },
            DialogPurpose::SubmissionFiles | DialogPurpose::SubmissionFolder => match chosen {
                Some(paths) => {
                    requests.write(TeacherRequest::AddSubmissions(paths));
                }
                None => notices.push_once(Notice::warning("teacher-no-dialog", vec![])),
            },
            DialogPurpose::SaveReportCsv => {
                if let Some(path) = save_path(REPORT_CSV) {
                    requests.write(TeacherRequest::SaveReportCsv(path));
                }
            }
            DialogPurpose::SaveGradesCsv => {
                if let Some(path) = save_path(GRADES_CSV) {
                    requests.write(TeacherRequest::SaveGradesCsv(path));
                }
            }
            DialogPurpose::ExportPack { id } => {
                if let Some(path) = save_path(&format!("{id}.zip")) {
                    packs.write(PackRequest::ExportZip {
                        id: id.clone(),
                        path,
                    });
                }
            }
            // Read elsewhere: the pack library, the map, the level editor.
            DialogPurpose::InstallPack
            | DialogPurpose::ExportProgress { .. }
            | DialogPurpose::ImportProgress
            | DialogPurpose::EditorOpenLevel
            | DialogPurpose::EditorPackFolder
            | DialogPurpose::EditorExportZip => {}
        }
    }
}

/// Writes a CSV text and tells where (or why not); in the browser, downloads it under
/// the file name of `path`.
fn write_csv(path: &std::path::Path, text: &str, notices: &mut Notices) {
    #[cfg(target_arch = "wasm32")]
    let written = {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        super::web_files::download(&name, "text/csv", text.as_bytes())
            .map_err(std::io::Error::other)
    };
    #[cfg(not(target_arch = "wasm32"))]
    let written = std::fs::write(path, text);
    let notice = match written {
        Ok(()) => Notice::info(
            if cfg!(target_arch = "wasm32") {
                "teacher-csv-downloaded"
            } else {
                "teacher-csv-saved"
            },
            vec![("path", path.display().to_string().into())],
        ),
        Err(error) => Notice::error(
            "teacher-csv-failed",
            vec![
                ("path", path.display().to_string().into()),
                ("reason", error.to_string().into()),
            ],
        ),
    };
    notices.push(notice);
}

/// What the tabs need to draw and ask.
pub(super) struct TabContext<'a, 'w, 'v> {
    pub session: &'a Session,
    pub packs: &'a Packs,
    pub palette: theme::Palette,
    pub dialogs_busy: bool,
    pub dialog: &'a mut MessageWriter<'w, OpenDialog>,
    pub requests: &'a mut MessageWriter<'v, TeacherRequest>,
}

impl TabContext<'_, '_, '_> {
    /// A button opening a dialog for `purpose` (greyed while another is open).
    fn dialog_button(&mut self, ui: &mut egui::Ui, label: &str, purpose: DialogPurpose) {
        if cfg!(target_arch = "wasm32") && purpose.is_folder() {
            return;
        }
        let button = ui.add_enabled(!self.dialogs_busy, egui::Button::new(label));
        if button.clicked() {
            self.dialog.write(OpenDialog {
                purpose,
                title: label.trim_end_matches('…').to_owned(),
                folder: None,
                file_name: None,
            });
        }
    }

    /// A "Save as CSV…" button.
    fn save_button(&mut self, ui: &mut egui::Ui, purpose: DialogPurpose, name: &str) {
        let label = self.session.t("teacher-save-csv");
        let button = ui.add_enabled(!self.dialogs_busy, egui::Button::new(&label));
        if button.clicked() {
            self.dialog.write(OpenDialog {
                purpose,
                title: label.trim_end_matches('…').to_owned(),
                folder: None,
                file_name: Some(name.to_owned()),
            });
        }
    }
}

/// The screen's parts that are not the tab's.
#[derive(bevy::ecs::system::SystemParam)]
struct ScreenParts<'w> {
    session: Res<'w, Session>,
    theme: Res<'w, Theme>,
    desk: Res<'w, Desk>,
    dialogs: Res<'w, FileDialogs>,
    fresh: ResMut<'w, FreshScreen>,
    library: Res<'w, PackLibrary>,
    packs: Res<'w, Packs>,
}

#[allow(clippy::too_many_arguments)]
fn teacher_screen(
    mut contexts: EguiContexts,
    screen: ScreenParts,
    mut packs_view: packs_tab::PacksView,
    progress: Res<ClassProgress>,
    grading: Res<ExamGrading>,
    mut navigate: MessageWriter<Navigate>,
    mut dialog: MessageWriter<OpenDialog>,
    mut requests: MessageWriter<TeacherRequest>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = theme::root_ui(&ctx, "ui-teacher");
    let ScreenParts {
        session,
        theme,
        desk,
        dialogs,
        mut fresh,
        library,
        packs,
    } = screen;
    let p = theme.palette;
    let entered = fresh.take();
    let mut context = TabContext {
        session: &session,
        packs: &packs,
        palette: p,
        dialogs_busy: dialogs.is_open(),
        dialog: &mut dialog,
        requests: &mut requests,
    };
    egui::CentralPanel::default()
        .frame(theme::screen_frame(&p))
        .show(&mut root, |ui| {
            ui.horizontal(|ui| {
                if theme::back_button(ui, &session.t("common-back"), entered) {
                    navigate.write(Navigate::Back);
                }
                ui.heading(session.t("teacher-title"));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .button(session.t("teacher-editor"))
                        .on_hover_text(session.t("teacher-editor-help"))
                        .clicked()
                    {
                        navigate.write(Navigate::To(Screen::Editor));
                    }
                });
            });
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                for (tab, id) in [
                    (TeacherTab::Packs, "teacher-tab-packs"),
                    (TeacherTab::Progress, "teacher-tab-progress"),
                    (TeacherTab::Exams, "teacher-tab-exams"),
                ] {
                    if theme::choice(ui, &p, desk.tab == tab, &session.t(id)).clicked() {
                        context.requests.write(TeacherRequest::ShowTab(tab));
                    }
                }
                ui.label(
                    RichText::new(session.t("teacher-drop-help"))
                        .color(p.weak_text)
                        .small(),
                );
            });
            ui.add_space(8.0);
            egui::ScrollArea::vertical()
                .id_salt(("teacher-scroll", desk.tab))
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_max_width(ui.available_width() - 14.0);
                    match desk.tab {
                        TeacherTab::Packs => {
                            packs_view.show(ui, &mut context, &library);
                        }
                        TeacherTab::Progress => progress::show(ui, &mut context, &progress),
                        TeacherTab::Exams => grading::show(ui, &mut context, &grading, &desk),
                    }
                });
        });
    packs_view.confirm_removal(&ctx, &session, &p);
    Ok(())
}
