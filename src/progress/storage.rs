//! Where the files live: a small [`Storage`] trait, the file system ([`FsStorage`]) and
//! memory ([`MemStorage`], for tests and for a web build that keeps the same files in
//! `localStorage` under the same names).
//!
//! Paths are relative and `/`-separated (`"profiles/zoe-k3xa.ron"`); a component that is
//! empty, `.` or `..`, or holds `\`, `:` or a NUL is refused, so no path leaves the root.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

/// The few file operations the progress store needs.
pub trait Storage: Send + Sync + std::fmt::Debug {
    /// The bytes of the file at `path`, `None` if there is no such file.
    fn read(&self, path: &str) -> io::Result<Option<Vec<u8>>>;
    /// Replaces the file at `path` so that a crash at any moment leaves either the old or
    /// the new content: writes `<path>.tmp`, flushes it to the disk, renames it over `path`.
    /// Creates the folder if needed.
    fn write_atomic(&self, path: &str, bytes: &[u8]) -> io::Result<()>;
    /// Moves a file, replacing `to` if it exists. Creates the folder of `to` if needed.
    fn rename(&self, from: &str, to: &str) -> io::Result<()>;
    /// The names of the files directly inside `dir`, sorted; empty if there is no `dir`.
    fn list(&self, dir: &str) -> io::Result<Vec<String>>;
    /// Deletes a file; not an error if it does not exist.
    fn remove(&self, path: &str) -> io::Result<()>;
    fn exists(&self, path: &str) -> io::Result<bool>;
}

impl<S: Storage + ?Sized> Storage for Arc<S> {
    fn read(&self, path: &str) -> io::Result<Option<Vec<u8>>> {
        (**self).read(path)
    }
    fn write_atomic(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        (**self).write_atomic(path, bytes)
    }
    fn rename(&self, from: &str, to: &str) -> io::Result<()> {
        (**self).rename(from, to)
    }
    fn list(&self, dir: &str) -> io::Result<Vec<String>> {
        (**self).list(dir)
    }
    fn remove(&self, path: &str) -> io::Result<()> {
        (**self).remove(path)
    }
    fn exists(&self, path: &str) -> io::Result<bool> {
        (**self).exists(path)
    }
}

/// Checks a relative storage path (see the module documentation).
pub fn check_path(path: &str) -> io::Result<()> {
    let bad = |part: &str| {
        part.is_empty() || part == "." || part == ".." || part.contains(['\\', ':', '\0'])
    };
    if path.split('/').any(bad) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("unsafe storage path {path:?}"),
        ));
    }
    Ok(())
}

/// The names of the files directly inside `dir` among `paths` (all the paths of a flat
/// key-value store), sorted.
pub(super) fn files_in<'a>(dir: &str, paths: impl Iterator<Item = &'a str>) -> Vec<String> {
    let prefix = format!("{dir}/");
    let mut names: Vec<String> = paths
        .filter_map(|path| path.strip_prefix(&prefix))
        .filter(|name| !name.contains('/'))
        .map(str::to_owned)
        .collect();
    names.sort();
    names
}

/// Files under one folder of the disk.
#[derive(Debug)]
pub struct FsStorage {
    root: PathBuf,
}

impl FsStorage {
    /// Uses `root`, creating it if needed.
    pub fn new(root: impl Into<PathBuf>) -> io::Result<FsStorage> {
        let root = root.into();
        fs::create_dir_all(&root)?;
        Ok(FsStorage { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn resolve(&self, path: &str) -> io::Result<PathBuf> {
        check_path(path)?;
        Ok(path
            .split('/')
            .fold(self.root.clone(), |p, part| p.join(part)))
    }

    fn create_parent(target: &Path) -> io::Result<()> {
        match target.parent() {
            Some(parent) => fs::create_dir_all(parent),
            None => Ok(()),
        }
    }
}

/// Makes a rename inside `dir` durable. Best effort: some file systems refuse it.
fn sync_dir(dir: Option<&Path>) {
    #[cfg(unix)]
    if let Some(dir) = dir
        && let Ok(handle) = fs::File::open(dir)
    {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// `fs::rename`, retried a few times on Windows where an antivirus or an indexer may hold
/// the file for a moment.
fn rename_file(from: &Path, to: &Path) -> io::Result<()> {
    let mut tries = 0;
    loop {
        match fs::rename(from, to) {
            Err(e)
                if cfg!(windows) && e.kind() == io::ErrorKind::PermissionDenied && tries < 10 =>
            {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            result => return result,
        }
    }
}

impl Storage for FsStorage {
    fn read(&self, path: &str) -> io::Result<Option<Vec<u8>>> {
        match fs::read(self.resolve(path)?) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn write_atomic(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let target = self.resolve(path)?;
        let tmp = self.resolve(&format!("{path}.tmp"))?;
        Self::create_parent(&target)?;
        let written = (|| {
            let mut file = fs::File::create(&tmp)?;
            file.write_all(bytes)?;
            file.flush()?;
            file.sync_all()?;
            drop(file);
            rename_file(&tmp, &target)
        })();
        if written.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        written?;
        sync_dir(target.parent());
        Ok(())
    }

    fn rename(&self, from: &str, to: &str) -> io::Result<()> {
        let (from, to) = (self.resolve(from)?, self.resolve(to)?);
        Self::create_parent(&to)?;
        rename_file(&from, &to)?;
        sync_dir(to.parent());
        if from.parent() != to.parent() {
            sync_dir(from.parent());
        }
        Ok(())
    }

    fn list(&self, dir: &str) -> io::Result<Vec<String>> {
        let entries = match fs::read_dir(self.resolve(dir)?) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut names = Vec::new();
        for entry in entries {
            let entry = entry?;
            if entry.file_type()?.is_file()
                && let Ok(name) = entry.file_name().into_string()
            {
                names.push(name);
            }
        }
        names.sort();
        Ok(names)
    }

    fn remove(&self, path: &str) -> io::Result<()> {
        match fs::remove_file(self.resolve(path)?) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            result => result,
        }
    }

    fn exists(&self, path: &str) -> io::Result<bool> {
        self.resolve(path)?.try_exists()
    }
}

/// Files in memory. Its operations are atomic by nature; [`MemStorage::put`] and
/// [`MemStorage::get`] let tests write or inspect any file directly.
#[derive(Debug, Default)]
pub struct MemStorage {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemStorage {
    pub fn new() -> MemStorage {
        MemStorage::default()
    }

    fn files(&self) -> MutexGuard<'_, BTreeMap<String, Vec<u8>>> {
        // A panic elsewhere cannot leave the map half-changed: keep using it.
        self.files.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes a file as it is, with no temporary file.
    pub fn put(&self, path: &str, bytes: impl Into<Vec<u8>>) {
        self.files().insert(path.to_owned(), bytes.into());
    }

    pub fn get(&self, path: &str) -> Option<Vec<u8>> {
        self.files().get(path).cloned()
    }

    /// Every file's path, sorted.
    pub fn paths(&self) -> Vec<String> {
        self.files().keys().cloned().collect()
    }
}

impl Storage for MemStorage {
    fn read(&self, path: &str) -> io::Result<Option<Vec<u8>>> {
        check_path(path)?;
        Ok(self.get(path))
    }

    fn write_atomic(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        check_path(path)?;
        self.put(path, bytes);
        Ok(())
    }

    fn rename(&self, from: &str, to: &str) -> io::Result<()> {
        check_path(from)?;
        check_path(to)?;
        let mut files = self.files();
        let bytes = files
            .remove(from)
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, from.to_owned()))?;
        files.insert(to.to_owned(), bytes);
        Ok(())
    }

    fn list(&self, dir: &str) -> io::Result<Vec<String>> {
        check_path(dir)?;
        Ok(files_in(dir, self.files().keys().map(String::as_str)))
    }

    fn remove(&self, path: &str) -> io::Result<()> {
        check_path(path)?;
        self.files().remove(path);
        Ok(())
    }

    fn exists(&self, path: &str) -> io::Result<bool> {
        check_path(path)?;
        Ok(self.files().contains_key(path))
    }
}
