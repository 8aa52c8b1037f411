//! The pack library: teachers' packs installed (copied) into the data folder,
//! `<data dir>/packs/<pack-id>/`, and listed next to the built-in packs.
//!
//! Installing treats the pack as untrusted input. It is read entirely into memory by
//! [`super::archive`] (refusing unsafe paths, links, non-UTF-8, oversized packs) and
//! validated before anything is written; then only its `.ron` files are written, by this
//! module, under names it checked, into a hidden temporary folder of the library, loaded
//! back, and renamed into place. A refused or broken pack leaves the library (and the
//! profiles, which live elsewhere) exactly as they were; a crash leaves at most a hidden
//! `.install-*` folder, ignored and cleaned up later.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use thiserror::Error;

use super::archive::{self, PackLimits};
use super::builtin::{builtin_file_sets, builtin_packs};
use super::diagnostic::Diagnostic;
use super::pack::{FileSet, Pack};
use super::validate::is_valid_id;

/// The library's folder in the data folder.
pub const PACKS_DIR: &str = "packs";

/// Why a pack could not be installed, found or removed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PackError {
    /// The files were refused before being read as a pack: not a folder or zip, unsafe
    /// path, link, not UTF-8, too big, damaged archive... (see [`super::LevelProblem`]).
    #[error("{0}")]
    Refused(Diagnostic),
    /// The pack was read but its files have problems.
    #[error("{}", join_lines(.0))]
    Invalid(Vec<Diagnostic>),
    #[error(
        "a pack with id `{id}` is already installed: remove it first or replace it (`codebot install-pack --replace`)"
    )]
    AlreadyInstalled { id: String },
    #[error("`{id}` is the id of a built-in pack: give your pack another `id` in pack.ron")]
    BuiltinId { id: String },
    #[error("no installed pack has id `{id}`")]
    NotInstalled { id: String },
    #[error("cannot {op} {path}: {message}")]
    Io {
        op: &'static str,
        path: String,
        message: String,
    },
    #[error("cannot find the data folder: {0}")]
    NoDataDir(String),
}

impl PackError {
    /// The problems as `file:line:col` diagnostics, when the pack itself is at fault.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            PackError::Refused(d) => vec![d.clone()],
            PackError::Invalid(ds) => ds.clone(),
            _ => Vec::new(),
        }
    }
}

fn join_lines(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

fn io_error(op: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> PackError {
    let path = path.display().to_string();
    move |e| PackError::Io {
        op,
        path,
        message: e.to_string(),
    }
}

/// Reads and validates a pack folder or zip without installing it.
pub fn load_pack(path: &Path) -> Result<Pack, PackError> {
    let files =
        archive::read_pack_files(path, &PackLimits::default()).map_err(PackError::Refused)?;
    Pack::from_files(&files).map_err(PackError::Invalid)
}

/// Reads and validates a pack `.zip` given as bytes (a file given to the web page),
/// with the checks of [`Library::install`]: the same limits, and no built-in pack's id.
/// `origin` names it in messages.
pub fn load_zip_bytes(origin: &str, bytes: &[u8]) -> Result<(FileSet, Pack), PackError> {
    let limits = PackLimits::default();
    if bytes.len() as u64 > limits.max_total_bytes + u64::from(limits.max_files) * 1024 {
        let max_bytes = limits.max_total_bytes;
        let problem = super::LevelProblem::PackTooLarge { max_bytes };
        return Err(PackError::Refused(Diagnostic::new(origin, 1, 1, problem)));
    }
    let files = archive::read_zip_from(origin, std::io::Cursor::new(bytes), &limits)
        .map_err(PackError::Refused)?;
    let pack = installable(&files)?;
    Ok((files, pack))
}

/// One folder of the library, loaded or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstalledPack {
    /// The folder's name, which is the pack's id.
    pub id: String,
    pub dir: PathBuf,
    /// The pack, or why it cannot be played any more (e.g. it borrows a built-in level
    /// that a newer Codebot renamed).
    pub pack: Result<Pack, Vec<Diagnostic>>,
}

/// The installed packs of one data folder.
#[derive(Clone, Debug)]
pub struct Library {
    root: PathBuf,
}

/// Leftovers of an interrupted install older than this are removed when a library opens.
const STALE_AFTER: Duration = Duration::from_secs(3600);
const TEMP_PREFIXES: &[&str] = &[".install-", ".old-", ".removed-"];

impl Library {
    /// The library in folder `root` (usually `<data dir>/packs`), created if needed.
    /// Leftovers of installs interrupted more than an hour ago are cleaned up.
    pub fn open(root: impl Into<PathBuf>) -> Result<Library, PackError> {
        let library = Library::at(root);
        std::fs::create_dir_all(&library.root).map_err(io_error("create", &library.root))?;
        library.clean_leftovers();
        Ok(library)
    }

    /// The library of the data folder chosen by [`crate::progress::data_dir`]
    /// (`CODEBOT_DATA_DIR`, portable mode, else the platform's data folder).
    pub fn open_default() -> Result<Library, PackError> {
        Library::open(Library::default_root()?)
    }

    /// `<data dir>/packs`.
    pub fn default_root() -> Result<PathBuf, PackError> {
        crate::progress::data_dir()
            .map(|dir| dir.join(PACKS_DIR))
            .map_err(|e| PackError::NoDataDir(e.to_string()))
    }

    /// The library in `root`, without touching the disk (reading a missing library
    /// finds no packs).
    pub fn at(root: impl Into<PathBuf>) -> Library {
        Library { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Installs a pack folder or `.zip`. Refuses a pack whose id is already installed.
    pub fn install(&self, path: &Path) -> Result<Pack, PackError> {
        self.install_with(path, false)
    }

    /// Installs a pack folder or `.zip`; with `replace`, an installed pack with the same
    /// id is replaced (only once the new one is complete and valid).
    pub fn install_with(&self, path: &Path, replace: bool) -> Result<Pack, PackError> {
        let files =
            archive::read_pack_files(path, &PackLimits::default()).map_err(PackError::Refused)?;
        self.install_files(&files, replace)
    }

    /// Installs a pack given as files (e.g. made by the in-game editor).
    pub fn install_files(&self, files: &FileSet, replace: bool) -> Result<Pack, PackError> {
        let id = installable(files)?.id;
        std::fs::create_dir_all(&self.root).map_err(io_error("create", &self.root))?;
        let existing = self.find_dir(&id)?;
        if existing.is_some() && !replace {
            return Err(PackError::AlreadyInstalled { id });
        }

        let temp = TempDir::new(&self.root, ".install-", &id)?;
        write_files(temp.path(), files)?;
        // What is on disk is what gets played: check it once more.
        Pack::load_dir(temp.path()).map_err(PackError::Invalid)?;

        let dest = self.root.join(&id);
        match existing {
            None => std::fs::rename(temp.path(), &dest).map_err(io_error("install", &dest))?,
            Some(old) => {
                let parked = TempDir::reserve(&self.root, ".old-", &id);
                std::fs::rename(&old, &parked).map_err(io_error("replace", &old))?;
                if let Err(e) = std::fs::rename(temp.path(), &dest) {
                    let _ = std::fs::rename(&parked, &old);
                    return Err(io_error("install", &dest)(e));
                }
                let _ = std::fs::remove_dir_all(&parked);
            }
        }
        temp.forget();
        Pack::load_dir(&dest).map_err(PackError::Invalid)
    }

    /// Every folder of the library, sorted by id, with its pack or its problems.
    pub fn entries(&self) -> Result<Vec<InstalledPack>, PackError> {
        let mut entries = Vec::new();
        let list = match std::fs::read_dir(&self.root) {
            Ok(list) => list,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(entries),
            Err(e) => return Err(io_error("read", &self.root)(e)),
        };
        for entry in list.flatten() {
            let Ok(id) = entry.file_name().into_string() else {
                continue;
            };
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if !is_dir || !is_valid_id(&id) {
                continue;
            }
            let dir = entry.path();
            let pack = Pack::load_dir(&dir).and_then(|pack| {
                if pack.id == id {
                    Ok(pack)
                } else {
                    Err(vec![Diagnostic::new(
                        dir.display().to_string(),
                        1,
                        1,
                        super::LevelProblem::BadId { id: pack.id },
                    )])
                }
            });
            entries.push(InstalledPack { id, dir, pack });
        }
        entries.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(entries)
    }

    /// The installed packs that load, sorted by id.
    pub fn packs(&self) -> Result<Vec<Pack>, PackError> {
        Ok(self
            .entries()?
            .into_iter()
            .filter_map(|e| e.pack.ok())
            .collect())
    }

    /// One installed pack.
    pub fn pack(&self, id: &str) -> Result<Pack, PackError> {
        let not_installed = || PackError::NotInstalled { id: id.to_string() };
        if !is_valid_id(id) {
            return Err(not_installed());
        }
        let dir = self.root.join(id);
        if !dir.is_dir() {
            return Err(not_installed());
        }
        Pack::load_dir(&dir).map_err(PackError::Invalid)
    }

    /// Removes an installed pack. Students' progress on it is kept in their profiles.
    pub fn remove(&self, id: &str) -> Result<(), PackError> {
        let dir = self
            .find_dir(id)?
            .ok_or_else(|| PackError::NotInstalled { id: id.to_string() })?;
        // Out of the listing in one step, then deleted.
        let parked = TempDir::reserve(&self.root, ".removed-", id);
        std::fs::rename(&dir, &parked).map_err(io_error("remove", &dir))?;
        std::fs::remove_dir_all(&parked).map_err(io_error("remove", &parked))
    }

    /// Writes an installed pack as a `.zip` (its `.ron` files, under a folder named after
    /// its id) to share it with a class; `codebot install-pack` and the game read it back.
    /// The file is written to a temporary name then renamed: never half a zip.
    pub fn export_zip(&self, id: &str, dest: &Path) -> Result<(), PackError> {
        let dir = self
            .find_dir(id)?
            .ok_or_else(|| PackError::NotInstalled { id: id.to_string() })?;
        let files = FileSet::from_dir(&dir).map_err(PackError::Invalid)?;
        let folder = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(id)
            .to_string();
        write_zip_atomically(dest, &folder, &files)
    }

    /// The folder of an installed pack, matching the id without regard to case (two such
    /// folders would be one on Windows and macOS).
    fn find_dir(&self, id: &str) -> Result<Option<PathBuf>, PackError> {
        if !is_valid_id(id) {
            return Ok(None);
        }
        let list = match std::fs::read_dir(&self.root) {
            Ok(list) => list,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_error("read", &self.root)(e)),
        };
        Ok(list
            .flatten()
            .find(|e| {
                e.file_name()
                    .to_str()
                    .is_some_and(|name| name.eq_ignore_ascii_case(id))
                    && e.file_type().is_ok_and(|t| t.is_dir())
            })
            .map(|e| e.path()))
    }

    fn clean_leftovers(&self) {
        let Ok(list) = std::fs::read_dir(&self.root) else {
            return;
        };
        for entry in list.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if !TEMP_PREFIXES.iter().any(|p| name.starts_with(p)) {
                continue;
            }
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| SystemTime::now().duration_since(t).ok())
                .is_some_and(|age| age > STALE_AFTER);
            if old && entry.file_type().is_ok_and(|t| t.is_dir()) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
}

/// The ids of the built-in packs, even when one of them does not load.
fn builtin_ids() -> Vec<String> {
    let mut ids: Vec<String> = builtin_packs()
        .unwrap_or_default()
        .into_iter()
        .map(|p| p.id)
        .collect();
    ids.extend(
        builtin_file_sets()
            .iter()
            .filter_map(|s| s.origin.rsplit('/').next().map(str::to_owned)),
    );
    ids
}

/// Writes the files of a set under `dir`, which must be empty. Every name is checked
/// again, so that no file lands outside `dir` whoever built the set.
fn write_files(dir: &Path, files: &FileSet) -> Result<(), PackError> {
    for (name, text) in &files.files {
        if let Err(problem) = archive::check_relative_path(name) {
            let file = files.display_name(name);
            return Err(PackError::Refused(Diagnostic::new(file, 1, 1, problem)));
        }
        let mut path = dir.to_path_buf();
        path.extend(name.split('/'));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io_error("create", parent))?;
        }
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(io_error("write", &path))?;
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(io_error("write", &path))?;
    }
    Ok(())
}

/// The pack `files` make, if a library may install it: valid, with an id that is not a
/// built-in pack's (the browser's library checks the same).
pub fn installable(files: &FileSet) -> Result<Pack, PackError> {
    let pack = Pack::from_files(files).map_err(PackError::Invalid)?;
    if !is_valid_id(&pack.id) {
        // Cannot happen for a valid pack; checked again because it names a folder.
        return Err(PackError::Invalid(Vec::new()));
    }
    if builtin_ids()
        .iter()
        .any(|b| b.eq_ignore_ascii_case(&pack.id))
    {
        return Err(PackError::BuiltinId { id: pack.id });
    }
    Ok(pack)
}

/// Writes `files` as a zip at `dest`, each under `folder/`, through a temporary file
/// renamed at the end: never half a zip (also used by the level editor's export).
pub(crate) fn write_zip_atomically(
    dest: &Path,
    folder: &str,
    files: &FileSet,
) -> Result<(), PackError> {
    let parent = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let written = write_zip(&temp, folder, files)
        .and_then(|()| std::fs::rename(&temp, dest).map_err(io_error("write", dest)));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// Writes `files` into a new zip at `path`, each under `folder/`.
fn write_zip(path: &Path, folder: &str, files: &FileSet) -> Result<(), PackError> {
    let file = std::fs::File::create(path).map_err(io_error("write", path))?;
    let file = write_zip_to(file, &path.display().to_string(), folder, files)?;
    file.sync_all().map_err(io_error("write", path))
}

/// `files` as the bytes of a zip, each under `folder/` (what [`write_zip_atomically`]
/// writes; the browser keeps and downloads packs so).
pub fn zip_bytes(folder: &str, files: &FileSet) -> Result<Vec<u8>, PackError> {
    let shown = format!("{folder}.zip");
    write_zip_to(std::io::Cursor::new(Vec::new()), &shown, folder, files)
        .map(std::io::Cursor::into_inner)
}

/// Writes `files` as a zip into `writer` (named `shown` in errors), each under `folder/`.
fn write_zip_to<W: Write + std::io::Seek>(
    writer: W,
    shown: &str,
    folder: &str,
    files: &FileSet,
) -> Result<W, PackError> {
    let mut zip = zip::ZipWriter::new(writer);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let failed = |message: String| PackError::Io {
        op: "write",
        path: shown.to_owned(),
        message,
    };
    for (name, text) in &files.files {
        zip.start_file(format!("{folder}/{name}"), options)
            .map_err(|e| failed(e.to_string()))?;
        zip.write_all(text.as_bytes())
            .map_err(|e| failed(e.to_string()))?;
    }
    zip.finish().map_err(|e| failed(e.to_string()))
}

/// A hidden folder of the library, deleted when dropped unless [`TempDir::forget`]ed.
struct TempDir {
    path: PathBuf,
    keep: bool,
}

impl TempDir {
    /// A fresh path `<root>/<prefix><id>-<pid>-<n>` that does not exist yet.
    fn reserve(root: &Path, prefix: &str, id: &str) -> PathBuf {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = root.join(format!("{prefix}{id}-{}-{n}", std::process::id()));
            if !path.exists() {
                return path;
            }
        }
    }

    fn new(root: &Path, prefix: &str, id: &str) -> Result<TempDir, PackError> {
        let path = TempDir::reserve(root, prefix, id);
        std::fs::create_dir(&path).map_err(io_error("create", &path))?;
        Ok(TempDir { path, keep: false })
    }

    fn path(&self) -> &Path {
        &self.path
    }

    /// The folder was renamed into place: nothing to delete.
    fn forget(mut self) {
        self.keep = true;
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}
