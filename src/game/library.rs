//! Teachers' packs in the game: the pack library of the data folder (`<data>/packs`, see
//! `level::Library`) joined to the built-in pack in [`Packs`], and installing packs from
//! `codebot --pack <path>`, from a file or folder dropped on the window, or from the
//! "Open pack…" dialog.
//!
//! A pack is untrusted input: it is read and checked on a background thread by
//! `Library::install`, which writes nothing unless the whole pack is valid. The result,
//! installed or refused with its `file:line:col: message` problems, waits in
//! [`PackInstall::outcome`] for `library_ui` to show it. Installing or removing a pack
//! never touches the players' progress.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use bevy::prelude::*;
use bevy::window::FileDragAndDrop;

use super::background::{Background, JobState};
use super::dialogs::{DialogAnswer, DialogAnswered, DialogPurpose};
use super::notices::{Notice, Notices};
use super::player::Saves;
use super::{Packs, Screen, StartOptions};
use crate::level::{self, Library, PACKS_DIR, Pack, PackError};
use crate::progress::Store;

pub(super) fn plugin(app: &mut App) {
    if !app.world().contains_resource::<PackLibrary>() {
        let library = app
            .world()
            .get_resource::<Saves>()
            .map_or(PackLibrary(None), |saves| {
                PackLibrary::of_store(saves.store())
            });
        app.insert_resource(library);
    }
    // The installed packs join the built-in one at once, so `--level my-pack/x` works.
    let installed = app.world().resource::<PackLibrary>().installed();
    if let Some(mut packs) = app.world_mut().get_resource_mut::<Packs>() {
        packs.0.extend(installed);
    }
    app.init_resource::<PackInstall>()
        .init_resource::<DropHover>()
        .add_message::<PackRequest>()
        .add_message::<FileDragAndDrop>()
        .add_systems(Startup, install_start_pack)
        .add_systems(
            Update,
            (
                (watch_drops, install_chosen_pack),
                handle_requests,
                finish_install,
            )
                .chain(),
        );
}

/// The pack library of the data folder; `None` when progress lives in memory only.
#[derive(Resource, Debug, Clone)]
pub struct PackLibrary(pub Option<Library>);

impl PackLibrary {
    /// The library next to the profiles of `store` (`<data>/packs`), if it is on disk.
    pub fn of_store(store: &Store) -> PackLibrary {
        let root = store.root();
        PackLibrary(root.is_dir().then(|| Library::at(root.join(PACKS_DIR))))
    }

    /// The installed packs that load, sorted by id (in the browser, `web_library`'s).
    pub fn installed(&self) -> Vec<Pack> {
        #[cfg(target_arch = "wasm32")]
        if self.0.is_none() {
            return super::web_library::installed();
        }
        match &self.0 {
            Some(library) => library.packs().unwrap_or_else(|error| {
                warn!("cannot list the installed packs: {error}");
                Vec::new()
            }),
            None => Vec::new(),
        }
    }
}

/// A change to the library.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub enum PackRequest {
    /// Installs a pack folder, its `pack.ron` or a `.zip`; `replace` replaces an
    /// installed pack with the same id.
    Install { path: PathBuf, replace: bool },
    /// Removes an installed pack (the players' progress on it is kept).
    Remove { id: String },
    /// Saves an installed pack as a `.zip` to share it.
    ExportZip { id: String, path: PathBuf },
}

/// Installs under way and the last result.
#[derive(Resource, Debug, Default)]
pub struct PackInstall {
    job: Option<InstallJob>,
    /// Packs waiting for the one being installed (several files dropped at once).
    queue: VecDeque<(PathBuf, bool)>,
    /// The last install's result, shown until the player closes it.
    pub outcome: Option<InstallOutcome>,
    /// The last pack installed by `--pack`: the map is shown once it is in.
    from_start: Option<PathBuf>,
    /// A pack just installed: the chapter map scrolls to it (then clears this).
    pub focus: Option<String>,
}

impl PackInstall {
    /// Whether a pack is being read and installed.
    pub fn is_busy(&self) -> bool {
        self.job.is_some() || !self.queue.is_empty()
    }

    /// The path being installed, if any.
    pub fn installing(&self) -> Option<&Path> {
        self.job.as_ref().map(|j| j.path.as_path())
    }
}

#[derive(Debug)]
struct InstallJob {
    path: PathBuf,
    replace: bool,
    job: Background<Result<Pack, PackError>>,
}

/// What became of a pack given to the game.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InstallOutcome {
    Installed {
        path: PathBuf,
        pack_id: String,
        replaced: bool,
    },
    /// Nothing was written: the library is as it was.
    Failed { path: PathBuf, error: PackError },
}

/// A file is being dragged over the window.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DropHover(pub bool);

/// Rebuilds [`Packs`]: the built-in packs, then the installed ones.
pub(super) fn refresh_packs(packs: &mut Packs, library: &PackLibrary) {
    let mut all = level::builtin_packs().unwrap_or_default();
    all.extend(library.installed());
    packs.0 = all;
}

fn install_start_pack(
    options: Option<Res<StartOptions>>,
    mut install: ResMut<PackInstall>,
    mut requests: MessageWriter<PackRequest>,
) {
    if let Some(path) = options.and_then(|o| o.0.pack.clone()) {
        install.from_start = Some(path.clone());
        requests.write(PackRequest::Install {
            path,
            replace: false,
        });
    }
}

/// Files dropped on the window are packs to install, except on the teacher's screen
/// and the editor, which use them their own way.
fn watch_drops(
    mut drops: MessageReader<FileDragAndDrop>,
    state: Option<Res<State<Screen>>>,
    mut hover: ResMut<DropHover>,
    mut requests: MessageWriter<PackRequest>,
) {
    let elsewhere = state.is_some_and(|s| matches!(s.get(), Screen::Teacher | Screen::Editor));
    for drop in drops.read() {
        match drop {
            FileDragAndDrop::HoveredFile { .. } => hover.0 = !elsewhere,
            FileDragAndDrop::HoveredFileCanceled { .. } => hover.0 = false,
            FileDragAndDrop::DroppedFile { path_buf, .. } => {
                hover.0 = false;
                if !elsewhere {
                    requests.write(PackRequest::Install {
                        path: path_buf.clone(),
                        replace: false,
                    });
                }
            }
        }
    }
}

/// The "Open pack…" dialog's answer.
fn install_chosen_pack(
    mut answers: MessageReader<DialogAnswered>,
    mut requests: MessageWriter<PackRequest>,
    mut notices: ResMut<Notices>,
) {
    for answer in answers.read() {
        if answer.purpose != DialogPurpose::InstallPack {
            continue;
        }
        match &answer.answer {
            DialogAnswer::Chosen(paths) => {
                for path in paths {
                    requests.write(PackRequest::Install {
                        path: path.clone(),
                        replace: false,
                    });
                }
            }
            DialogAnswer::Cancelled => {}
            DialogAnswer::Unavailable => {
                notices.push_once(Notice::warning("pack-no-dialog", vec![]));
            }
        }
    }
}

fn handle_requests(
    mut requests: MessageReader<PackRequest>,
    mut install: ResMut<PackInstall>,
    library: Res<PackLibrary>,
    mut packs: ResMut<Packs>,
    mut notices: ResMut<Notices>,
) {
    for request in requests.read() {
        match request {
            PackRequest::Install { path, replace } => {
                install.queue.push_back((path.clone(), *replace));
            }
            PackRequest::Remove { id } => {
                let removed = match &library.0 {
                    Some(lib) => lib.remove(id),
                    #[cfg(target_arch = "wasm32")]
                    None => super::web_library::remove(id),
                    #[cfg(not(target_arch = "wasm32"))]
                    None => continue,
                };
                match removed {
                    Ok(()) => refresh_packs(&mut packs, &library),
                    Err(error) => notices.push(Notice::error(
                        "pack-remove-failed",
                        vec![
                            ("id", id.clone().into()),
                            ("reason", error.to_string().into()),
                        ],
                    )),
                }
            }
            PackRequest::ExportZip { id, path } => {
                let result = match &library.0 {
                    Some(lib) => lib.export_zip(id, path),
                    #[cfg(target_arch = "wasm32")]
                    None => export_web_zip(id, path),
                    #[cfg(not(target_arch = "wasm32"))]
                    None => Err(PackError::NotInstalled { id: id.clone() }),
                };
                notices.push(match result {
                    Ok(()) => Notice::info(
                        if cfg!(target_arch = "wasm32") {
                            "pack-downloaded"
                        } else {
                            "pack-exported"
                        },
                        vec![
                            ("id", id.clone().into()),
                            ("path", path.display().to_string().into()),
                        ],
                    ),
                    Err(error) => Notice::error(
                        "pack-export-failed",
                        vec![
                            ("id", id.clone().into()),
                            ("reason", error.to_string().into()),
                        ],
                    ),
                });
            }
        }
    }
    if install.job.is_none()
        && let Some((path, replace)) = install.queue.pop_front()
    {
        let job = match library.0.clone() {
            Some(lib) => {
                let source = path.clone();
                Background::spawn("install-pack", move || lib.install_with(&source, replace))
            }
            #[cfg(target_arch = "wasm32")]
            None => {
                let source = path.clone();
                Background::spawn("install-pack", move || {
                    super::web_library::install(&source, replace)
                })
            }
            #[cfg(not(target_arch = "wasm32"))]
            None => {
                let reason = "progress is kept in memory only".to_owned();
                Background::spawn("install-pack", move || Err(PackError::NoDataDir(reason)))
            }
        };
        install.job = Some(InstallJob { path, replace, job });
    }
}

/// In the browser: downloads the `.zip` of a pack kept, named as `path`.
#[cfg(target_arch = "wasm32")]
fn export_web_zip(id: &str, path: &Path) -> Result<(), PackError> {
    let bytes = super::web_library::zip(id)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    super::web_files::download(&name, "application/zip", &bytes).map_err(|message| PackError::Io {
        op: "download",
        path: name.into_owned(),
        message,
    })
}

fn finish_install(
    mut install: ResMut<PackInstall>,
    library: Res<PackLibrary>,
    mut packs: ResMut<Packs>,
    options: Option<Res<StartOptions>>,
    state: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(running) = install.job.as_mut() else {
        return;
    };
    let result = match running.job.poll() {
        JobState::Running => return,
        JobState::Done(result) => result,
        JobState::Lost => Err(PackError::Io {
            op: "install",
            path: running.path.display().to_string(),
            message: "the installation stopped unexpectedly".into(),
        }),
    };
    let job = install.job.take().expect("checked above");
    let outcome = match result {
        Ok(pack) => {
            refresh_packs(&mut packs, &library);
            install.focus = Some(pack.id.clone());
            InstallOutcome::Installed {
                path: job.path.clone(),
                pack_id: pack.id,
                replaced: job.replace,
            }
        }
        Err(error) => InstallOutcome::Failed {
            path: job.path.clone(),
            error,
        },
    };
    if install.from_start.as_ref() == Some(&job.path) {
        install.from_start = None;
        let screen_chosen = options.is_some_and(|o| o.0.screen.is_some() || o.0.level.is_some());
        if matches!(outcome, InstallOutcome::Installed { .. }) && !screen_chosen {
            // The map needs a profile: without one it sends the player to the picker.
            if *state.get() != Screen::Map {
                next.set(Screen::Map);
            }
        }
    }
    install.outcome = Some(outcome);
}
