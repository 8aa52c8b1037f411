//! Native file dialogs ("Open pack…", "Save as CSV…") that never block the frame loop.
//!
//! A screen sends [`OpenDialog`] with a [`DialogPurpose`]; the dialog (the `rfd` crate:
//! Windows and macOS native dialogs, the XDG desktop portal on Linux, zenity as its
//! fallback) runs on a background thread, and the answer comes back as a
//! [`DialogAnswered`] message with the same purpose, read by the screen that asked. One
//! dialog at a time. When no dialog can be shown (no portal) the answer is
//! [`DialogAnswer::Unavailable`]: the screen then suggests dropping the file on the
//! window or `codebot --pack`, or writes to the default folder and says where.
//!
//! In the browser (`web_files`) an open dialog is the page's file chooser, whose files
//! are read into memory and answered by name; a save dialog answers the file name
//! proposed at once, and the screen downloads the file under that name. Folders cannot
//! be chosen there (`Unavailable`).

use std::path::PathBuf;
use std::time::Duration;

use bevy::platform::time::Instant; // the browser has no std clock
use bevy::prelude::*;

use super::background::JobState;

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
    /// A progress file to add to the student's profile (from another computer).
    ImportProgress,
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
    /// Whether it chooses a folder (a browser cannot: the web build hides such buttons).
    pub fn is_folder(&self) -> bool {
        self.shape() == Shape::OpenFolder
    }

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
            DialogPurpose::ImportProgress => Shape::OpenFile("JSON", JSON),
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
    job: native::Waiting,
    started: Instant,
}

/// A dialog answering "nothing" faster than this never showed: a person cannot cancel
/// a file dialog so quickly (the portal or zenity is missing, or refused to open). The
/// browser's file chooser always shows.
const TOO_QUICK: Duration = if cfg!(target_arch = "wasm32") {
    Duration::ZERO
} else {
    Duration::from_millis(400)
};

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
        let shape = request.purpose.shape();
        let job = match dialogs.enabled && native::may_work(shape) {
            true => native::start(shape, request),
            false => None,
        };
        let Some(job) = job else {
            answered.write(DialogAnswered {
                purpose: request.purpose.clone(),
                answer: DialogAnswer::Unavailable,
            });
            continue;
        };
        dialogs.pending = Some(Pending {
            purpose: request.purpose.clone(),
            job,
            started: Instant::now(),
        });
    }
}

fn poll_dialog(mut dialogs: ResMut<FileDialogs>, mut answered: MessageWriter<DialogAnswered>) {
    let Some(pending) = dialogs.pending.as_mut() else {
        return;
    };
    let answer = match native::poll(&mut pending.job) {
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

    use super::{JobState, OpenDialog, Shape};
    use crate::game::background::Background;

    /// A dialog shown on a background thread.
    pub type Waiting = Background<Option<Vec<PathBuf>>>;

    pub fn start(shape: Shape, request: &OpenDialog) -> Option<Waiting> {
        let request = request.clone();
        Some(Background::spawn("file-dialog", move || {
            show(shape, &request)
        }))
    }

    pub fn poll(job: &mut Waiting) -> JobState<Option<Vec<PathBuf>>> {
        job.poll()
    }

    /// Whether a dialog has a chance: on Linux and the BSDs it needs a D-Bus session
    /// (for the desktop portal) or zenity; elsewhere the system always has one.
    pub fn may_work(_shape: Shape) -> bool {
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

/// The browser's file chooser and downloads (`web_files`).
#[cfg(target_arch = "wasm32")]
mod native {
    use std::path::PathBuf;

    use super::{JobState, OpenDialog, Shape};
    use crate::game::web_files::{Picking, pick};

    #[derive(Debug)]
    pub enum Waiting {
        /// The file chooser is open.
        Open(Picking),
        /// A save: the file name, downloaded by the screen that asked.
        Save(Option<PathBuf>),
    }

    /// Folders cannot be chosen in a browser.
    pub fn may_work(shape: Shape) -> bool {
        shape != Shape::OpenFolder
    }

    pub fn start(shape: Shape, request: &OpenDialog) -> Option<Waiting> {
        let accept = |extensions: &[&str]| {
            extensions
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(",")
        };
        let opened = match shape {
            Shape::OpenFile(_, extensions) => pick(&accept(extensions), false),
            Shape::OpenFiles(_, extensions) => pick(&accept(extensions), true),
            Shape::OpenFolder => return None,
            Shape::SaveFile(..) => {
                let name = request
                    .file_name
                    .clone()
                    .unwrap_or_else(|| "codebot".into());
                return Some(Waiting::Save(Some(PathBuf::from(name))));
            }
        };
        match opened {
            Ok(picking) => Some(Waiting::Open(picking)),
            Err(error) => {
                bevy::log::warn!("cannot open the file chooser: {error}");
                None
            }
        }
    }

    pub fn poll(job: &mut Waiting) -> JobState<Option<Vec<PathBuf>>> {
        match job {
            Waiting::Open(picking) => match picking.poll() {
                Some(answer) => JobState::Done(answer),
                None => JobState::Running,
            },
            Waiting::Save(name) => JobState::Done(name.take().map(|n| vec![n])),
        }
    }
}
