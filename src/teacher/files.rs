//! Reading students' files safely, writing teachers' files atomically, and finding the
//! files in folders.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::TeacherError;

/// The largest progress or submission file read (a whole class's code fits in far less).
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// The most files a folder given to `report` or `grade` may bring in.
#[cfg(not(target_arch = "wasm32"))]
const MAX_FOLDER_FILES: usize = 10_000;

/// Seconds since 1970 (the same clock as the saves: the browser's `Date.now()` on the web).
pub fn now_secs() -> u64 {
    crate::progress::now_secs()
}

/// A file that was skipped, and why: shown to the teacher, never fatal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileIssue {
    pub path: String,
    pub problem: String,
}

impl FileIssue {
    pub fn new(path: impl Into<String>, problem: impl Into<String>) -> Self {
        FileIssue {
            path: path.into(),
            problem: problem.into(),
        }
    }
}

fn io(op: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> TeacherError {
    let path = path.display().to_string();
    move |e| TeacherError::Io {
        op,
        path,
        message: e.to_string(),
    }
}

/// The fields every Codebot file starts with.
#[derive(Deserialize)]
struct Header {
    format: String,
    format_version: u32,
}

/// Reads a JSON file of the given `format`, refusing big, non-UTF-8, foreign and newer
/// files with a typed error.
pub(crate) fn read_json<T: DeserializeOwned>(
    path: &Path,
    format: &'static str,
    supported: u32,
) -> Result<T, TeacherError> {
    let shown = path.display().to_string();
    let bytes = read_capped(path).map_err(io("read", path))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(TeacherError::TooLarge {
            path: shown,
            max_bytes: MAX_INPUT_BYTES,
        });
    }
    let text = String::from_utf8(bytes).map_err(|_| TeacherError::NotUtf8 {
        path: shown.clone(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let wrong = |message: String| TeacherError::WrongFormat {
        path: shown.clone(),
        expected: format,
        message,
    };
    let header: Header = serde_json::from_str(text).map_err(|e| wrong(e.to_string()))?;
    if header.format != format {
        return Err(wrong(format!("it says `{}`", header.format)));
    }
    if header.format_version > supported {
        return Err(TeacherError::NewerVersion {
            path: shown,
            found: header.format_version,
            supported,
        });
    }
    serde_json::from_str(text).map_err(|e| TeacherError::Invalid {
        path: shown,
        message: e.to_string(),
    })
}

/// At most `MAX_INPUT_BYTES + 1` bytes of a file (one more tells it is too big).
#[cfg(not(target_arch = "wasm32"))]
fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// On the web: a file given to the page, or one the game wrote (`web_files`).
#[cfg(target_arch = "wasm32")]
fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = super::web_files::read(path)?;
    bytes.truncate(MAX_INPUT_BYTES as usize + 1);
    Ok(bytes)
}

/// On the web, into `localStorage` (`web_files`): each write replaces the value whole.
#[cfg(target_arch = "wasm32")]
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), TeacherError> {
    super::web_files::write(path, bytes).map_err(io("write", path))
}

/// Writes a file so that it is either the old or the new one, never half of it: a
/// temporary file in the same folder, then a rename.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), TeacherError> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = std::fs::File::create(&temp)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(io("write", path))
}

/// The files to read: each path given, and in each folder given, every `.json` file of
/// its tree (hidden files, symbolic links and more than 10 000 files are skipped).
/// On the web there are no folders: every path is a file given to the page.
#[cfg(target_arch = "wasm32")]
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileIssue>) {
    let (found, missing): (Vec<PathBuf>, Vec<PathBuf>) = paths
        .iter()
        .cloned()
        .partition(|path| super::web_files::exists(path));
    let issues = missing
        .iter()
        .map(|path| FileIssue::new(path.display().to_string(), "no such file"))
        .collect();
    (found, issues)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileIssue>) {
    let mut files = Vec::new();
    let mut issues = Vec::new();
    for path in paths {
        if !path.is_dir() {
            if path.exists() {
                files.push(path.clone());
            } else {
                issues.push(FileIssue::new(
                    path.display().to_string(),
                    "no such file or folder",
                ));
            }
            continue;
        }
        let mut found = Vec::new();
        let mut todo = vec![path.clone()];
        while let Some(dir) = todo.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                issues.push(FileIssue::new(
                    dir.display().to_string(),
                    "cannot read the folder",
                ));
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                let Ok(kind) = entry.file_type() else {
                    continue;
                };
                if name.starts_with('.') || kind.is_symlink() {
                    continue;
                }
                if kind.is_dir() {
                    todo.push(entry.path());
                } else if kind.is_file() && name.to_ascii_lowercase().ends_with(".json") {
                    found.push(entry.path());
                }
            }
            if found.len() > MAX_FOLDER_FILES {
                issues.push(FileIssue::new(
                    path.display().to_string(),
                    format!("more than {MAX_FOLDER_FILES} files: only the first ones are read"),
                ));
                found.truncate(MAX_FOLDER_FILES);
                break;
            }
        }
        found.sort();
        files.extend(found);
    }
    (files, issues)
}
