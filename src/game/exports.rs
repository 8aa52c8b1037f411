//! Files a student hands to the teacher: "Export my progress" (a button by each pack on
//! the map) writes `teacher::ProgressExport` to the place the student picks in a dialog,
//! else (no dialog on this computer) to the default folder [`ExportDir`], and a notice
//! says where. Exam submissions (`exam`) are written to [`ExportDir`] too.
//!
//! The default folder is `Documents/Codebot` when the data folder is the platform's own;
//! with a data folder of its own (portable mode, `CODEBOT_DATA_DIR`) it is
//! `<data>/exports`, next to the saves, where the teacher collects them.

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
        .add_systems(Update, (ask_where, write_progress_file).chain());
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
                "export-progress-done",
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
