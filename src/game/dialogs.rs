//! Native file dialogs ("Open pack…", "Save as CSV…") that never block the frame loop.
//!
//! A screen sends [`OpenDialog`] with a [`DialogPurpose`]; the dialog (the `rfd` crate:
//! Windows and macOS native dialogs, the XDG desktop portal on Linux, zenity as its
//! fallback) runs on a background thread, and the answer comes back as a
//! [`DialogAnswered`] message with the same purpose, read by the screen that asked. One
//! dialog at a time. When no dialog can be shown (no portal, the web build) the answer
//! is [`DialogAnswer::Unavailable`]: the screen then suggests dropping the file on the
//! window or `codebot --pack`, or writes to the default folder and says where.

use std::path::PathBuf;
use std::time::Duration;

use bevy::platform::time::Instant; // the browser has no std clock
use bevy::prelude::*;

use super::background::{Background, JobState};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<FileDialogs>()
        .add_message::<OpenDialog>()
        .add_message::<DialogAnswered>()
        .add_systems(Update, (open_dialog, poll_dialog).chain());
}

/// What a dialog is for: the screen that asked reads the answers with its purposes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    /// A pack to install: a `.zip`, or the `pack.ron` of a folder.
    InstallPack,
    /// Students' progress files (teacher screen).
    ProgressFiles,
    /// A folder of progress files.
    ProgressFolder,
    /// Exam submission files.
    SubmissionFiles,
    /// A folder of submission files.
    SubmissionFolder,
    /// Where to save the class report as CSV.
    SaveReportCsv,
    /// Where to save an exam's grades as CSV.
    SaveGradesCsv,
    /// Where to save an installed pack as a `.zip`.
    ExportPack { id: String },
    /// Where to save the student's progress on a pack.
    ExportProgress { pack: String },
    /// A level file to open in the level editor.
    EditorOpenLevel,
    /// The pack folder the level editor saves into.
    EditorPackFolder,
    /// Where the level editor saves its pack as a `.zip`.
    EditorExportZip,
}

/// The kind of window a purpose needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    OpenFile(&'static str, &'static [&'static str]),
    OpenFiles(&'static str, &'static [&'static str]),
    OpenFolder,
    SaveFile(&'static str, &'static [&'static str]),
}

impl DialogPurpose {
    fn shape(&self) -> Shape {
        const PACK: &[&str] = &["zip", "ron"];
        const JSON: &[&str] = &["json"];
        const CSV: &[&str] = &["csv"];
        match self {
            DialogPurpose::InstallPack => Shape::OpenFile("Codebot", PACK),
            DialogPurpose::ProgressFiles | DialogPurpose::SubmissionFiles => {
                Shape::OpenFiles("JSON", JSON)
            }
            DialogPurpose::ProgressFolder | DialogPurpose::SubmissionFolder => Shape::OpenFolder,
            DialogPurpose::SaveReportCsv | DialogPurpose::SaveGradesCsv => {
                Shape::SaveFile("CSV", CSV)
            }
            DialogPurpose::ExportPack { .. } => Shape::SaveFile("Zip", &["zip"]),
            DialogPurpose::ExportProgress { .. } => Shape::SaveFile("JSON", JSON),
            DialogPurpose::EditorOpenLevel => Shape::OpenFile("Codebot", &["ron"]),
            DialogPurpose::EditorPackFolder => Shape::OpenFolder,
            DialogPurpose::EditorExportZip => Shape::SaveFile("Zip", &["zip"]),
        }
    }
}

/// Opens a file dialog.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub struct OpenDialog {
    pub purpose: DialogPurpose,
    /// The dialog's title, in the player's language.
    pub title: String,
    /// The folder it starts in.
    pub folder: Option<PathBuf>,
    /// The file name proposed (save dialogs).
    pub file_name: Option<String>,
}

/// What the person chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogAnswer {
    /// One path or more (one for a save dialog).
    Chosen(Vec<PathBuf>),
    Cancelled,
    /// No dialog could be shown on this computer.
    Unavailable,
}

/// The answer to an [`OpenDialog`].
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub struct DialogAnswered {
    pub purpose: DialogPurpose,
    pub answer: DialogAnswer,
}

/// The dialog open, if any.
#[derive(Resource, Debug)]
pub struct FileDialogs {
    /// `false`: every dialog answers `Unavailable` at once (headless tests).
    pub enabled: bool,
    pending: Option<Pending>,
}

impl Default for FileDialogs {
    fn default() -> Self {
        FileDialogs {
            enabled: true,
            pending: None,
        }
    }
}

impl FileDialogs {
    /// No dialog will be shown: they all answer `Unavailable`.
    pub fn disabled() -> FileDialogs {
        FileDialogs {
            enabled: false,
            pending: None,
        }
    }

    /// Whether a dialog is open (the screens grey their dialog buttons meanwhile).
    pub fn is_open(&self) -> bool {
        self.pending.is_some()
    }
}

#[derive(Debug)]
struct Pending {
    purpose: DialogPurpose,
    job: Background<Option<Vec<PathBuf>>>,
    started: Instant,
}

/// A dialog answering "nothing" faster than this never showed: a person cannot cancel
/// a file dialog so quickly (the portal or zenity is missing, or refused to open).
const TOO_QUICK: Duration = Duration::from_millis(400);

fn open_dialog(
    mut requests: MessageReader<OpenDialog>,
    mut dialogs: ResMut<FileDialogs>,
    mut answered: MessageWriter<DialogAnswered>,
) {
    for request in requests.read() {
        if dialogs.pending.is_some() {
            // One at a time: a second click while the first dialog is open does nothing.
            continue;
        }
        if !dialogs.enabled || !native::may_work() {
            answered.write(DialogAnswered {
                purpose: request.purpose.clone(),
                answer: DialogAnswer::Unavailable,
            });
            continue;
        }
        let shape = request.purpose.shape();
        let request = request.clone();
        let purpose = request.purpose.clone();
        dialogs.pending = Some(Pending {
            purpose,
            job: Background::spawn("file-dialog", move || native::show(shape, &request)),
            started: Instant::now(),
        });
    }
}

fn poll_dialog(mut dialogs: ResMut<FileDialogs>, mut answered: MessageWriter<DialogAnswered>) {
    let Some(pending) = dialogs.pending.as_mut() else {
        return;
    };
    let answer = match pending.job.poll() {
        JobState::Running => return,
        JobState::Done(Some(paths)) if !paths.is_empty() => DialogAnswer::Chosen(paths),
        JobState::Done(_) if pending.started.elapsed() >= TOO_QUICK => DialogAnswer::Cancelled,
        JobState::Done(_) | JobState::Lost => DialogAnswer::Unavailable,
    };
    let purpose = pending.purpose.clone();
    dialogs.pending = None;
    answered.write(DialogAnswered { purpose, answer });
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::PathBuf;

    use super::{OpenDialog, Shape};

    /// Whether a dialog has a chance: on Linux and the BSDs it needs a D-Bus session
    /// (for the desktop portal) or zenity; elsewhere the system always has one.
    pub fn may_work() -> bool {
        if cfg!(any(windows, target_os = "macos")) {
            return true;
        }
        let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty())
            || std::env::var_os("XDG_RUNTIME_DIR")
                .is_some_and(|dir| std::path::Path::new(&dir).join("bus").exists());
        let zenity = std::env::var_os("PATH").is_some_and(|path| {
            std::env::split_paths(&path).any(|dir| dir.join("zenity").is_file())
        });
        bus || zenity
    }

    /// Shows the dialog and waits for the person (on a background thread).
    pub fn show(shape: Shape, request: &OpenDialog) -> Option<Vec<PathBuf>> {
        let mut dialog = rfd::AsyncFileDialog::new().set_title(&request.title);
        if let Some(folder) = request.folder.as_ref().filter(|f| f.is_dir()) {
            dialog = dialog.set_directory(folder);
        }
        if let Some(name) = &request.file_name {
            dialog = dialog.set_file_name(name);
        }
        let one = |handle: Option<rfd::FileHandle>| handle.map(|h| vec![h.path().to_path_buf()]);
        let many = |handles: Option<Vec<rfd::FileHandle>>| {
            handles.map(|hs| hs.iter().map(|h| h.path().to_path_buf()).collect())
        };
        use bevy::tasks::block_on as wait;
        match shape {
            Shape::OpenFile(name, extensions) => {
                one(wait(dialog.add_filter(name, extensions).pick_file()))
            }
            Shape::OpenFiles(name, extensions) => {
                many(wait(dialog.add_filter(name, extensions).pick_files()))
            }
            Shape::OpenFolder => one(wait(dialog.pick_folder())),
            Shape::SaveFile(name, extensions) => {
                one(wait(dialog.add_filter(name, extensions).save_file()))
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod native {
    use std::path::PathBuf;

    use super::{OpenDialog, Shape};

    /// The web build has no file system to choose from.
    pub fn may_work() -> bool {
        false
    }

    pub fn show(_shape: Shape, _request: &OpenDialog) -> Option<Vec<PathBuf>> {
        None
    }
}
