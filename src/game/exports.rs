//! Files a student hands to the teacher: "Export my progress" (a button by each pack on
//! the map) writes `teacher::ProgressExport` to the place the student picks in a dialog,
//! else (no dialog on this computer) to the default folder [`ExportDir`], and a notice
//! says where. Exam submissions (`exam`) are written to [`ExportDir`] too.
//!
//! The default folder is `Documents/Codebot` when the data folder is the platform's own;
//! with a data folder of its own (portable mode, `CODEBOT_DATA_DIR`) it is
//! `<data>/exports`, next to the saves, where the teacher collects them.
//!
//! "Import my progress…" (next to it) adds a progress file to the profile played, so a
//! student who plays at home and at school carries their progress between the two
//! (`ProgressExport::merge_into`). In the browser the export is a download and the
//! import an upload (`web_files`).

use std::path::{Path, PathBuf};

use bevy::prelude::*;

use super::Session;
use super::dialogs::{DialogAnswer, DialogAnswered, DialogPurpose, OpenDialog};
use super::notices::{Notice, Notices};
use super::player::{CurrentProfile, Saves};
use crate::progress::Profile;
use crate::teacher::{self, ProgressExport, TeacherError};

pub(super) fn plugin(app: &mut App) {
    if !app.world().contains_resource::<ExportDir>() {
        let dir = app
            .world()
            .get_resource::<Saves>()
            .map_or_else(ExportDir::platform, |saves| {
                ExportDir::for_data_dir(saves.store().root())
            });
        app.insert_resource(dir);
    }
    app.add_message::<ExportMyProgress>()
        .add_message::<ImportMyProgress>()
        .add_systems(
            Update,
            (
                ask_where,
                write_progress_file,
                ask_which,
                import_progress_file,
            )
                .chain(),
        );
}

/// The folder files for the teacher go to when the student picks none.
#[derive(Resource, Clone, Debug, PartialEq, Eq)]
pub struct ExportDir(pub PathBuf);

/// The name of the default folder under the student's documents.
const DOCUMENTS_FOLDER: &str = "Codebot";
/// The name of the default folder in a data folder of its own.
const DATA_FOLDER: &str = "exports";

impl ExportDir {
    /// The default folder for the data folder `data` (see the module's documentation).
    pub fn for_data_dir(data: &Path) -> ExportDir {
        let platform_data = directories::ProjectDirs::from("org", "Codebot", "codebot")
            .map(|dirs| dirs.data_dir().to_path_buf());
        let documents = directories::UserDirs::new()
            .and_then(|dirs| dirs.document_dir().map(Path::to_path_buf));
        match documents {
            Some(documents) if platform_data.as_deref() == Some(data) => {
                ExportDir(documents.join(DOCUMENTS_FOLDER))
            }
            _ => ExportDir(data.join(DATA_FOLDER)),
        }
    }

    /// The default folder when there is no data folder.
    fn platform() -> ExportDir {
        let documents = directories::UserDirs::new()
            .and_then(|dirs| dirs.document_dir().map(Path::to_path_buf))
            .unwrap_or_else(|| PathBuf::from("."));
        ExportDir(documents.join(DOCUMENTS_FOLDER))
    }

    /// `name` in the folder, which is created if needed.
    pub fn file(&self, name: &str) -> Result<PathBuf, TeacherError> {
        // The web has no folders (files live in `localStorage`, `teacher::web_files`).
        if cfg!(target_arch = "wasm32") {
            return Ok(self.0.join(name));
        }
        std::fs::create_dir_all(&self.0).map_err(|e| TeacherError::Io {
            op: "create",
            path: self.0.display().to_string(),
            message: e.to_string(),
        })?;
        Ok(self.0.join(name))
    }
}

/// The student asks to export their progress on a pack.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub struct ExportMyProgress {
    pub pack: String,
}

fn ask_where(
    mut requests: MessageReader<ExportMyProgress>,
    current: Res<CurrentProfile>,
    dir: Res<ExportDir>,
    session: Res<Session>,
    mut dialogs: MessageWriter<OpenDialog>,
) {
    let Some(profile) = current.profile() else {
        return;
    };
    for request in requests.read() {
        let export = ProgressExport::from_profile(profile, Some(&request.pack));
        dialogs.write(OpenDialog {
            purpose: DialogPurpose::ExportProgress {
                pack: request.pack.clone(),
            },
            title: session.t("export-progress-dialog"),
            folder: Some(dir.0.clone()),
            file_name: Some(export.file_name()),
        });
    }
}

fn write_progress_file(
    mut answers: MessageReader<DialogAnswered>,
    current: Res<CurrentProfile>,
    dir: Res<ExportDir>,
    mut notices: ResMut<Notices>,
) {
    for answer in answers.read() {
        let DialogPurpose::ExportProgress { pack } = &answer.purpose else {
            continue;
        };
        let Some(profile) = current.profile() else {
            continue;
        };
        let chosen = match &answer.answer {
            DialogAnswer::Cancelled => continue,
            DialogAnswer::Chosen(paths) => paths.first().cloned(),
            DialogAnswer::Unavailable => None,
        };
        notices.push(match export_progress(profile, pack, chosen, &dir) {
            Ok(path) => Notice::info(
                if cfg!(target_arch = "wasm32") {
                    "export-progress-downloaded"
                } else {
                    "export-progress-done"
                },
                vec![("path", path.display().to_string().into())],
            ),
            Err(error) => Notice::error(
                "export-progress-failed",
                vec![("reason", error.to_string().into())],
            ),
        });
    }
}

/// Writes the progress of `profile` on `pack` to `path`, or to the default folder.
#[cfg(not(target_arch = "wasm32"))]
pub fn export_progress(
    profile: &Profile,
    pack: &str,
    path: Option<PathBuf>,
    dir: &ExportDir,
) -> Result<PathBuf, TeacherError> {
    let export = ProgressExport::from_profile(profile, Some(pack));
    let path = match path {
        Some(path) => path,
        None => dir.file(&export.file_name())?,
    };
    teacher::write_progress(&path, &export)?;
    Ok(path)
}

/// In the browser: downloads the progress of `profile` on `pack` (the file's name).
#[cfg(target_arch = "wasm32")]
pub fn export_progress(
    profile: &Profile,
    pack: &str,
    _path: Option<PathBuf>,
    _dir: &ExportDir,
) -> Result<PathBuf, TeacherError> {
    let export = ProgressExport::from_profile(profile, Some(pack));
    let name = export.file_name();
    let text = teacher::progress_json(&export);
    super::web_files::download(&name, "application/json", text.as_bytes()).map_err(|message| {
        TeacherError::Io {
            op: "download",
            path: name.clone(),
            message,
        }
    })?;
    Ok(PathBuf::from(name))
}

/// The student asks to add a progress file to their profile.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub struct ImportMyProgress;

fn ask_which(
    mut requests: MessageReader<ImportMyProgress>,
    session: Res<Session>,
    mut dialogs: MessageWriter<OpenDialog>,
) {
    if requests.read().count() > 0 {
        dialogs.write(OpenDialog {
            purpose: DialogPurpose::ImportProgress,
            title: session.t("import-progress-dialog"),
            folder: None,
            file_name: None,
        });
    }
}

fn import_progress_file(
    mut answers: MessageReader<DialogAnswered>,
    mut current: ResMut<CurrentProfile>,
    mut notices: ResMut<Notices>,
) {
    for answer in answers.read() {
        if answer.purpose != DialogPurpose::ImportProgress {
            continue;
        }
        let path = match &answer.answer {
            DialogAnswer::Cancelled => continue,
            DialogAnswer::Chosen(paths) => paths.first().cloned(),
            DialogAnswer::Unavailable => None,
        };
        let (Some(path), Some(profile)) = (path, current.profile_mut()) else {
            notices.push_once(Notice::warning("teacher-no-dialog", vec![]));
            continue;
        };
        notices.push(match import_progress(profile, &path) {
            Ok((student, count)) => Notice::info(
                "import-progress-done",
                vec![
                    ("student", student.into()),
                    ("count", super::notices::NoticeArg::Count(count as u32)),
                ],
            ),
            Err(error) => Notice::error(
                "import-progress-failed",
                vec![("reason", error.to_string().into())],
            ),
        });
    }
}

/// Adds the progress file at `path` to `profile`: the student's name in the file and
/// how many levels changed.
pub fn import_progress(
    profile: &mut Profile,
    path: &Path,
) -> Result<(String, usize), TeacherError> {
    let export = teacher::read_progress(path)?;
    let count = export.merge_into(profile);
    Ok((export.student, count))
}
