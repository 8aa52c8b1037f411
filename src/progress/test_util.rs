//! Helpers shared by the progress tests: temporary stores, file inspection, and a storage
//! that "loses power" after a chosen number of steps.

use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tempfile::TempDir;

use super::*;

/// A store in a fresh temporary folder (removed when the `TempDir` is dropped).
pub fn temp_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let store = Store::open(dir.path()).expect("open store");
    (dir, store)
}

/// The names of the files in `<root>/<folder>`, sorted.
pub fn files_in(root: &Path, folder: &str) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(root.join(folder)) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

pub fn main_file(root: &Path, id: &str) -> std::path::PathBuf {
    root.join("profiles").join(format!("{id}.ron"))
}

pub fn backup_file(root: &Path, id: &str) -> std::path::PathBuf {
    root.join("profiles").join(format!("{id}.ron.bak"))
}

/// A profile with some progress on two levels.
pub fn with_progress(mut profile: Profile) -> Profile {
    profile.record_attempt("basics/first", "move()\n", true, 2);
    profile.record_attempt("basics/second", "turn_left()", false, 0);
    profile.achievements.insert("first-level".into());
    profile.settings.lang = Some(crate::i18n::Lang::Fr);
    profile
}

/// A storage over shared memory that stops working ("the power goes off") at its
/// `crash_at`-th step. The steps are: writing a temporary file, renaming it into place,
/// and any other rename. A crash while writing leaves half of the temporary file.
#[derive(Debug)]
pub struct CrashingStorage {
    pub disk: Arc<MemStorage>,
    steps_left: AtomicUsize,
}

impl CrashingStorage {
    pub fn new(disk: Arc<MemStorage>, crash_at: usize) -> CrashingStorage {
        CrashingStorage {
            disk,
            steps_left: AtomicUsize::new(crash_at),
        }
    }

    /// Takes one step: `false` when the power is off from this step on.
    fn step(&self) -> bool {
        self.steps_left
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok_and(|before| before > 0)
    }

    fn off() -> io::Error {
        io::Error::other("power off")
    }
}

impl Storage for CrashingStorage {
    fn read(&self, path: &str) -> io::Result<Option<Vec<u8>>> {
        self.disk.read(path)
    }

    fn write_atomic(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let tmp = format!("{path}.tmp");
        if !self.step() {
            self.disk.put(&tmp, &bytes[..bytes.len() / 2]);
            return Err(Self::off());
        }
        self.disk.put(&tmp, bytes);
        if !self.step() {
            return Err(Self::off());
        }
        self.disk.rename(&tmp, path)
    }

    fn rename(&self, from: &str, to: &str) -> io::Result<()> {
        if !self.step() {
            return Err(Self::off());
        }
        self.disk.rename(from, to)
    }

    fn list(&self, dir: &str) -> io::Result<Vec<String>> {
        self.disk.list(dir)
    }

    fn remove(&self, path: &str) -> io::Result<()> {
        if !self.step() {
            return Err(Self::off());
        }
        self.disk.remove(path)
    }

    fn exists(&self, path: &str) -> io::Result<bool> {
        self.disk.exists(path)
    }
}
