//! New, Open, Save and Export for the level editor, asked by [`EditorRequest`]s (the
//! screen's buttons, Ctrl+S, file dialogs, a `.ron` file dropped on the window).
//!
//! Saving and exporting read and write files, and saving into the pack library checks
//! the whole pack: both run as [`Background`] jobs, and the result comes back in the
//! status line (and the pack's problems, if any, in the problems list).
//!
//! In the browser there are no folders: a level file is opened from the file chooser or
//! a drop (and Save then asks where), the pack library is the browser's
//! (`web_library`), and Export downloads the pack's `.zip`.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use bevy::window::FileDragAndDrop;

use super::{LevelEditor, SaveSpot, Status, default_placement, windows::SaveForm};
#[cfg(target_arch = "wasm32")]
use crate::editor::pack::place_level;
use crate::editor::pack::{SavedInFolder, open_level, placement_in, save_in_folder};
#[cfg(not(target_arch = "wasm32"))]
use crate::editor::pack::{export_zip, save_in_library};
use crate::editor::{LevelDraft, Placement, SaveError};
use crate::game::background::{Background, JobState};
use crate::game::dialogs::{DialogAnswer, DialogAnswered, DialogPurpose};
use crate::game::exports::ExportDir;
use crate::game::library::{PackLibrary, refresh_packs};
use crate::game::{Packs, Screen};
use crate::level::{Diagnostic, FileSet, Library, Pack, builtin_file_sets};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<FileJobs>()
        .add_message::<EditorRequest>()
        .add_message::<FileDragAndDrop>()
        .add_systems(
            Update,
            (dialog_answers, dropped_files, handle_requests, finish_jobs).chain(),
        );
}

/// What the teacher asks of the editor's files.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub enum EditorRequest {
    /// A new level (the pack it would be saved into is kept).
    New,
    /// Opens a level of a pack the game knows: `pack-id/level-id`.
    OpenLevel(String),
    /// Opens a level file.
    OpenFile(PathBuf),
    /// Saves the level there.
    Save(SaveSpot),
    /// Writes the pack the level was saved into as a `.zip` there.
    Export(PathBuf),
}

/// Where a pack lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveWhere {
    /// The pack library of the data folder (installed: the students of this computer
    /// can play it at once).
    Library,
    /// A folder the teacher chose.
    Folder(PathBuf),
}

/// The result of a save job.
#[derive(Debug)]
enum Saved {
    Library,
    Folder(SavedInFolder),
}

#[derive(Debug)]
struct SaveJob {
    spot: SaveSpot,
    revision: u64,
    job: Background<Result<Saved, SaveError>>,
}

#[derive(Debug)]
struct ExportJob {
    path: PathBuf,
    job: Background<Result<(), SaveError>>,
}

/// Saves and exports under way.
#[derive(Resource, Debug, Default)]
pub struct FileJobs {
    save: Option<SaveJob>,
    export: Option<ExportJob>,
    /// Problems of the pack found when saving (shown with the level's own).
    pub pack_problems: Vec<Diagnostic>,
}

impl FileJobs {
    pub fn is_busy(&self) -> bool {
        self.save.is_some() || self.export.is_some()
    }
}

/// The answers of the file dialogs. Without a dialog on this computer, folders and zips
/// go to the default export folder (and the status line says where); a level to open
/// can be dropped on the window.
fn dialog_answers(
    mut answers: MessageReader<DialogAnswered>,
    mut editor: ResMut<LevelEditor>,
    export_dir: Option<Res<ExportDir>>,
    mut requests: MessageWriter<EditorRequest>,
) {
    for answer in answers.read() {
        let pack_id = editor
            .save_window
            .as_ref()
            .map(|form| form.placement.pack_id.clone())
            .or_else(|| editor.spot.as_ref().map(|s| s.placement.pack_id.clone()))
            .unwrap_or_else(|| default_placement().pack_id);
        let path = match &answer.answer {
            DialogAnswer::Chosen(paths) => paths.first().cloned(),
            DialogAnswer::Cancelled => None,
            DialogAnswer::Unavailable => {
                let default = export_dir.as_ref().map(|dir| dir.0.clone());
                match (&answer.purpose, default) {
                    (DialogPurpose::EditorPackFolder, Some(dir)) => Some(dir.join(&pack_id)),
                    (DialogPurpose::EditorExportZip, Some(dir)) => {
                        Some(dir.join(format!("{pack_id}.zip")))
                    }
                    (DialogPurpose::EditorOpenLevel, _) => {
                        editor.status = Some(Status::error("editor-status-no-dialog", vec![]));
                        None
                    }
                    _ => None,
                }
            }
        };
        let Some(path) = path else {
            continue;
        };
        match answer.purpose {
            DialogPurpose::EditorOpenLevel => {
                requests.write(EditorRequest::OpenFile(path));
            }
            DialogPurpose::EditorPackFolder => {
                if let Some(form) = editor.save_window.as_mut() {
                    form.choose_folder(path);
                }
            }
            DialogPurpose::EditorExportZip => {
                requests.write(EditorRequest::Export(path));
            }
            _ => {}
        }
    }
}

/// A level file dropped on the editor opens it.
fn dropped_files(
    mut drops: MessageReader<FileDragAndDrop>,
    state: Option<Res<State<Screen>>>,
    mut requests: MessageWriter<EditorRequest>,
) {
    let here = state.is_some_and(|s| *s.get() == Screen::Editor);
    for drop in drops.read() {
        if let FileDragAndDrop::DroppedFile { path_buf, .. } = drop
            && here
            && path_buf.extension().is_some_and(|e| e == "ron")
        {
            requests.write(EditorRequest::OpenFile(path_buf.clone()));
        }
    }
}

fn handle_requests(
    mut requests: MessageReader<EditorRequest>,
    mut editor: ResMut<LevelEditor>,
    mut jobs: ResMut<FileJobs>,
    packs: Res<Packs>,
    library: Option<Res<PackLibrary>>,
) {
    let library = library.and_then(|l| l.0.clone());
    for request in requests.read() {
        match request {
            EditorRequest::New => {
                let spot = editor.spot.clone();
                editor.replace(LevelDraft::default(), spot, None);
                jobs.pack_problems.clear();
                editor.status = Some(Status::ok("editor-status-new", vec![]));
            }
            EditorRequest::OpenLevel(reference) => {
                match open_known_level(&packs, library.as_ref(), reference) {
                    Some((draft, spot)) => {
                        editor.replace(draft, spot, None);
                        jobs.pack_problems.clear();
                        let args = vec![("name", reference.clone())];
                        editor.status = Some(Status::ok("editor-status-opened", args));
                    }
                    None => {
                        let args = vec![("name", reference.clone())];
                        editor.status = Some(Status::error("editor-status-unknown-level", args));
                    }
                }
            }
            EditorRequest::OpenFile(path) => match open_file(path) {
                Ok((draft, spot)) => {
                    editor.replace(draft, spot, Some(path.clone()));
                    // Chosen from the Open window's "Open a .ron file…" (or dropped).
                    editor.open_window = false;
                    jobs.pack_problems.clear();
                    let args = vec![("name", path.display().to_string())];
                    editor.status = Some(Status::ok("editor-status-opened", args));
                }
                Err(reason) => {
                    let args = vec![("name", path.display().to_string()), ("reason", reason)];
                    editor.status = Some(Status::error("editor-status-open-failed", args));
                }
            },
            EditorRequest::Save(spot) => {
                if jobs.save.is_some() {
                    continue;
                }
                let draft = editor.draft().clone();
                let revision = editor.editor.revision();
                let target = spot.clone();
                let library = library.clone();
                let job = Background::spawn("editor-save", move || {
                    save(&target, library.as_ref(), &draft)
                });
                jobs.save = Some(SaveJob {
                    spot: spot.clone(),
                    revision,
                    job,
                });
                editor.save_window = None;
            }
            EditorRequest::Export(path) => {
                if jobs.export.is_some() {
                    continue;
                }
                let Some(export) = editor
                    .spot
                    .as_ref()
                    .and_then(|spot| export_job(spot, library.as_ref(), path.clone()))
                else {
                    editor.status = Some(Status::error("editor-status-save-first", vec![]));
                    continue;
                };
                let job = Background::spawn("editor-export", export);
                jobs.export = Some(ExportJob {
                    path: path.clone(),
                    job,
                });
            }
        }
    }
}

fn save(
    spot: &SaveSpot,
    library: Option<&Library>,
    draft: &LevelDraft,
) -> Result<Saved, SaveError> {
    match &spot.target {
        SaveWhere::Folder(dir) => save_in_folder(dir, draft, &spot.placement).map(Saved::Folder),
        SaveWhere::Library => {
            save_in_pack_library(library, draft, &spot.placement).map(|_| Saved::Library)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn save_in_pack_library(
    library: Option<&Library>,
    draft: &LevelDraft,
    placement: &Placement,
) -> Result<Pack, SaveError> {
    let library = library.ok_or_else(|| SaveError::Io {
        path: String::new(),
        message: "no data folder".into(),
    })?;
    save_in_library(library, draft, placement)
}

/// The browser's pack library (`web_library`): the pack's files, with the level placed,
/// kept again as a `.zip` if the whole pack is valid.
#[cfg(target_arch = "wasm32")]
fn save_in_pack_library(
    _library: Option<&Library>,
    draft: &LevelDraft,
    placement: &Placement,
) -> Result<Pack, SaveError> {
    use crate::game::web_library;
    use crate::level::PackError;
    let mut files = match web_library::files(&placement.pack_id) {
        Ok(files) => files,
        Err(PackError::NotInstalled { .. }) => FileSet::new(placement.pack_id.clone()),
        Err(error) => return Err(SaveError::Library(error)),
    };
    place_level(&mut files, draft, placement)?;
    web_library::install_files(&files, true).map_err(SaveError::Library)
}

/// The job writing the pack a spot names as a `.zip` at `dest`; `None` when that pack
/// is not saved anywhere yet.
#[cfg(not(target_arch = "wasm32"))]
fn export_job(
    spot: &SaveSpot,
    library: Option<&Library>,
    dest: PathBuf,
) -> Option<impl FnOnce() -> Result<(), SaveError> + Send + 'static> {
    let dir = match &spot.target {
        SaveWhere::Folder(dir) => dir.clone(),
        SaveWhere::Library => {
            library?
                .entries()
                .ok()?
                .into_iter()
                .find(|entry| entry.id == spot.placement.pack_id)?
                .dir
        }
    };
    Some(move || export_zip(&dir, &dest))
}

/// In the browser the pack kept in its library is downloaded, named as `dest`.
#[cfg(target_arch = "wasm32")]
fn export_job(
    spot: &SaveSpot,
    _library: Option<&Library>,
    dest: PathBuf,
) -> Option<impl FnOnce() -> Result<(), SaveError> + Send + 'static> {
    let id = spot.placement.pack_id.clone();
    let bytes = crate::game::web_library::zip(&id).ok()?;
    Some(move || {
        let name = dest.display().to_string();
        crate::game::web_files::download(&name, "application/zip", &bytes).map_err(|message| {
            SaveError::Io {
                path: name,
                message,
            }
        })
    })
}

fn finish_jobs(
    mut jobs: ResMut<FileJobs>,
    mut editor: ResMut<LevelEditor>,
    mut packs: ResMut<Packs>,
    library: Option<Res<PackLibrary>>,
) {
    if let Some(running) = jobs.save.as_mut() {
        let result = match running.job.poll() {
            JobState::Running => None,
            JobState::Done(result) => Some(result),
            JobState::Lost => Some(Err(SaveError::Io {
                path: String::new(),
                message: "the save stopped unexpectedly".into(),
            })),
        };
        if let Some(result) = result {
            let job = jobs.save.take().expect("checked above");
            jobs.pack_problems.clear();
            let pack = ("pack", job.spot.placement.pack_id.clone());
            match result {
                Ok(saved) => {
                    editor.saved_revision = Some(job.revision);
                    editor.spot = Some(job.spot.clone());
                    match saved {
                        Saved::Library => {
                            if let Some(library) = &library {
                                refresh_packs(&mut packs, library);
                            }
                            let saved = if cfg!(target_arch = "wasm32") {
                                "editor-status-saved-browser"
                            } else {
                                "editor-status-saved-library"
                            };
                            editor.status = Some(Status::ok(saved, vec![pack]));
                        }
                        Saved::Folder(saved) => {
                            let path = ("path", saved.path.display().to_string());
                            editor.path = Some(saved.path);
                            editor.status = Some(if saved.problems.is_empty() {
                                Status::ok("editor-status-saved-folder", vec![path])
                            } else {
                                let count = ("count", saved.problems.len().to_string());
                                Status::error(
                                    "editor-status-saved-with-problems",
                                    vec![path, count],
                                )
                            });
                            jobs.pack_problems = saved.problems;
                        }
                    }
                }
                Err(error) => {
                    jobs.pack_problems = match &error {
                        SaveError::Library(e) => e.diagnostics(),
                        SaveError::BadPackFile(problems) => problems.clone(),
                        SaveError::Refused(problem) => vec![problem.clone()],
                        SaveError::Io { .. } => Vec::new(),
                    };
                    editor.status = Some(Status::error(
                        "editor-status-save-failed",
                        vec![pack, ("reason", first_line(&error.to_string()))],
                    ));
                }
            }
        }
    }
    if let Some(running) = jobs.export.as_mut() {
        let result = match running.job.poll() {
            JobState::Running => None,
            JobState::Done(result) => Some(result),
            JobState::Lost => Some(Err(SaveError::Io {
                path: running.path.display().to_string(),
                message: "the export stopped unexpectedly".into(),
            })),
        };
        if let Some(result) = result {
            let job = jobs.export.take().expect("checked above");
            let path = ("path", job.path.display().to_string());
            editor.status = Some(match result {
                Ok(()) if cfg!(target_arch = "wasm32") => {
                    Status::ok("editor-status-downloaded", vec![path])
                }
                Ok(()) => Status::ok("editor-status-exported", vec![path]),
                Err(error) => Status::error(
                    "editor-status-export-failed",
                    vec![path, ("reason", first_line(&error.to_string()))],
                ),
            });
        }
    }
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_string()
}

/// A level of a pack the game knows, with where saving it should go: back into its
/// pack for a pack of the library, a new pack of the library for a built-in level.
fn open_known_level(
    packs: &Packs,
    library: Option<&Library>,
    reference: &str,
) -> Option<(LevelDraft, Option<SaveSpot>)> {
    let (pack_id, level_id) = reference.split_once('/')?;
    let level = packs.level(reference)?;
    for set in builtin_file_sets() {
        if let Some((draft, _)) = open_level(&set, level_id)
            && set
                .files
                .iter()
                .any(|(p, _)| set.display_name(p) == level.file)
        {
            return Some((draft, None));
        }
    }
    let files = installed_pack_files(library, pack_id)?;
    let (draft, _) = open_level(&files, level_id)?;
    let placement = placement_in(&files, level_id).unwrap_or_else(default_placement);
    let spot = SaveSpot {
        target: SaveWhere::Library,
        placement,
    };
    Some((draft, Some(spot)))
}

/// The files of a pack of the library.
#[cfg(not(target_arch = "wasm32"))]
fn installed_pack_files(library: Option<&Library>, pack_id: &str) -> Option<FileSet> {
    let entry = library?
        .entries()
        .ok()?
        .into_iter()
        .find(|e| e.id == pack_id)?;
    FileSet::from_dir(&entry.dir).ok()
}

/// The files of a pack of the browser's library.
#[cfg(target_arch = "wasm32")]
fn installed_pack_files(_library: Option<&Library>, pack_id: &str) -> Option<FileSet> {
    crate::game::web_library::files(pack_id).ok()
}

/// A level file's text as a draft (the first problem, if it cannot be read as a level).
fn draft_of(path: &Path, text: &str) -> Result<LevelDraft, String> {
    LevelDraft::from_ron(&path.display().to_string(), text).map_err(|problems| {
        problems
            .first()
            .map(ToString::to_string)
            .unwrap_or_default()
    })
}

/// A level file given to the page (`teacher::web_files`): there is no folder to save it
/// back into, so Save asks where.
#[cfg(target_arch = "wasm32")]
fn open_file(path: &Path) -> Result<(LevelDraft, Option<SaveSpot>), String> {
    let bytes = crate::teacher::web_files::read(path).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    Ok((draft_of(path, &text)?, None))
}

/// A level file, saved back into its pack's folder (the nearest with a `pack.ron`, else
/// its own folder).
#[cfg(not(target_arch = "wasm32"))]
fn open_file(path: &Path) -> Result<(LevelDraft, Option<SaveSpot>), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let draft = draft_of(path, &text)?;
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // A level may sit in a sub-folder of its pack (one per chapter).
    let dir = folder
        .ancestors()
        .take(3)
        .find(|d| d.join(crate::level::PACK_FILE).is_file())
        .unwrap_or(folder)
        .to_path_buf();
    let placement = FileSet::from_dir(&dir)
        .ok()
        .and_then(|files| placement_in(&files, &draft.id))
        .unwrap_or_else(default_placement);
    let spot = SaveSpot {
        target: SaveWhere::Folder(dir),
        placement,
    };
    Ok((draft, Some(spot)))
}

impl SaveForm {
    /// The spot the form describes, ready to save.
    pub fn spot(&self) -> Option<SaveSpot> {
        let target = match (&self.in_library, &self.folder) {
            (true, _) => SaveWhere::Library,
            (false, Some(folder)) => SaveWhere::Folder(folder.clone()),
            (false, None) => return None,
        };
        Some(SaveSpot {
            target,
            placement: self.placement.clone(),
        })
    }
}
