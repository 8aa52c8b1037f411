//! Reading a pack from disk as untrusted input: a folder or a `.zip` archive becomes a
//! [`FileSet`] (relative path → text), or the first reason to refuse it.
//!
//! Refused, whatever the source: paths that could lead outside the pack (`..`, absolute
//! paths, drive letters, backslashes, Windows device names, control characters), symbolic
//! links, special files, names or contents that are not UTF-8, and packs beyond
//! [`PackLimits`] (file count, bytes per file, total bytes). Sizes are counted on the
//! bytes actually decompressed, never on what an archive's headers claim, so a zip bomb
//! stops at the limit. Only `.ron` files are read; other files (pictures, notes) are
//! checked by name and otherwise ignored, as are hidden files (`.git/`, `__MACOSX/`).
//!
//! Nothing here writes anything: [`super::Library`] installs what this module read.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use super::diagnostic::{Diagnostic, LevelProblem};
use super::pack::{FileSet, PACK_FILE};

/// The most files (and folders) a pack may hold.
pub const MAX_PACK_FILES: u32 = 2_000;
/// The most bytes one file of a pack may hold once decompressed.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// The most bytes all the files of a pack may hold once decompressed.
pub const MAX_PACK_BYTES: u64 = 20 * 1024 * 1024;

/// How big a pack may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PackLimits {
    /// Files and folders, counted before anything is decompressed.
    pub max_files: u32,
    pub max_file_bytes: u64,
    pub max_total_bytes: u64,
}

impl Default for PackLimits {
    fn default() -> Self {
        PackLimits {
            max_files: MAX_PACK_FILES,
            max_file_bytes: MAX_FILE_BYTES,
            max_total_bytes: MAX_PACK_BYTES,
        }
    }
}

/// Whether a path names a zip archive (by its extension, in any case).
pub fn is_zip(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// Reads a pack: a folder, a `.zip`, or the `pack.ron` of a folder.
pub fn read_pack_files(path: &Path, limits: &PackLimits) -> Result<FileSet, Diagnostic> {
    let name = path.display().to_string();
    if path.is_dir() {
        return read_dir(path, limits);
    }
    if is_zip(path) {
        return read_zip(path, limits);
    }
    if path.file_name().is_some_and(|n| n == PACK_FILE) {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        return read_dir(dir, limits);
    }
    let problem = if path.exists() {
        LevelProblem::NotALevelOrPack
    } else {
        LevelProblem::Io {
            message: "no such file or folder".into(),
        }
    };
    Err(Diagnostic::new(name, 1, 1, problem))
}

/// Checks a relative path with `/` separators, as found in an archive or built from a
/// folder: the path must stay inside the pack on every system Codebot runs on.
/// A trailing `/` (a folder entry of a zip) is allowed.
pub fn check_relative_path(path: &str) -> Result<(), LevelProblem> {
    let path = path.strip_suffix('/').unwrap_or(path);
    if path.is_empty()
        || path.starts_with('/')
        || path
            .chars()
            .any(|c| c.is_control() || matches!(c, '\\' | ':' | '<' | '>' | '"' | '|' | '?' | '*'))
    {
        return Err(LevelProblem::UnsafePath);
    }
    for part in path.split('/') {
        if !is_portable_name(part) {
            return Err(LevelProblem::UnsafePath);
        }
    }
    Ok(())
}

/// A file or folder name that means the same thing, and nothing special, on Windows,
/// macOS and Linux.
fn is_portable_name(part: &str) -> bool {
    const DEVICES: &[&str] = &[
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
        "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];
    if part.is_empty() || part == "." || part == ".." || part.ends_with(['.', ' ']) {
        return false;
    }
    let stem = part.split('.').next().unwrap_or(part).trim_end();
    !DEVICES.iter().any(|d| d.eq_ignore_ascii_case(stem))
}

/// Hidden files and folders, and the resource forks macOS adds to zips: never read.
fn is_hidden(path: &str) -> bool {
    path.split('/')
        .any(|part| part.starts_with('.') || part == "__MACOSX")
}

fn is_level_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .and_then(|name| name.rsplit_once('.'))
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("ron"))
}

/// Counts files and bytes against the limits while a pack is read.
struct Budget<'a> {
    limits: &'a PackLimits,
    origin: &'a FileSet,
    files: u32,
    bytes: u64,
    /// Lower-case names already kept: two names that differ only by case are the same
    /// file on Windows and macOS.
    names: BTreeSet<String>,
    /// Reading from a zip: a read error means a damaged archive.
    archive: bool,
}

impl<'a> Budget<'a> {
    fn new(limits: &'a PackLimits, origin: &'a FileSet, archive: bool) -> Self {
        Budget {
            limits,
            origin,
            files: 0,
            bytes: 0,
            names: BTreeSet::new(),
            archive,
        }
    }

    fn refuse(&self, relative: &str, problem: LevelProblem) -> Diagnostic {
        let file = if relative.is_empty() {
            self.origin.origin.clone()
        } else {
            self.origin.display_name(relative)
        };
        Diagnostic::new(file, 1, 1, problem)
    }

    /// Counts one more file or folder.
    fn count(&mut self) -> Result<(), Diagnostic> {
        self.files += 1;
        if self.files > self.limits.max_files {
            let max = self.limits.max_files;
            return Err(self.refuse("", LevelProblem::TooManyFiles { max }));
        }
        Ok(())
    }

    /// Registers a kept file's name, refusing a second file with the same name.
    fn keep(&mut self, relative: &str) -> Result<(), Diagnostic> {
        if !self.names.insert(relative.to_lowercase()) {
            return Err(self.refuse(relative, LevelProblem::DuplicateEntry));
        }
        Ok(())
    }

    /// Reads one file's bytes, stopping one byte past what the limits still allow, and
    /// returns its text.
    fn read_text(&mut self, relative: &str, reader: impl Read) -> Result<String, Diagnostic> {
        let room = self.limits.max_total_bytes.saturating_sub(self.bytes);
        let allowed = self.limits.max_file_bytes.min(room);
        let mut bytes = Vec::new();
        reader
            .take(allowed + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| self.read_error(relative, &e))?;
        let read = bytes.len() as u64;
        if read > allowed {
            let problem = if read > self.limits.max_file_bytes {
                LevelProblem::FileTooLarge {
                    max_bytes: self.limits.max_file_bytes,
                }
            } else {
                LevelProblem::PackTooLarge {
                    max_bytes: self.limits.max_total_bytes,
                }
            };
            return Err(self.refuse(relative, problem));
        }
        self.bytes += read;
        String::from_utf8(bytes).map_err(|_| self.refuse(relative, LevelProblem::NotUtf8))
    }

    fn read_error(&self, relative: &str, error: &std::io::Error) -> Diagnostic {
        let message = error.to_string();
        if self.archive {
            self.refuse(relative, LevelProblem::BadArchive { message })
        } else {
            self.refuse(relative, LevelProblem::Io { message })
        }
    }
}

/// Reads the `.ron` files of a folder tree, refusing symbolic links and special files.
pub fn read_dir(dir: &Path, limits: &PackLimits) -> Result<FileSet, Diagnostic> {
    let mut set = FileSet::new(dir.display().to_string());
    let origin = FileSet::new(set.origin.clone());
    let mut budget = Budget::new(limits, &origin, false);
    let mut todo = vec![(dir.to_path_buf(), String::new())];
    while let Some((folder, prefix)) = todo.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|e| {
            let message = e.to_string();
            budget.refuse(&prefix, LevelProblem::Io { message })
        })?;
        let mut entries: Vec<_> = entries.collect::<Result<_, _>>().map_err(|e| {
            budget.refuse(
                &prefix,
                LevelProblem::Io {
                    message: e.to_string(),
                },
            )
        })?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let Ok(name) = entry.file_name().into_string() else {
                let shown = format!("{prefix}{}", entry.file_name().to_string_lossy());
                return Err(budget.refuse(&shown, LevelProblem::NameNotUtf8));
            };
            let relative = format!("{prefix}{name}");
            if is_hidden(&relative) {
                continue;
            }
            check_relative_path(&relative).map_err(|p| budget.refuse(&relative, p))?;
            budget.count()?;
            // `file_type` does not follow symbolic links.
            let kind = entry.file_type().map_err(|e| {
                budget.refuse(
                    &relative,
                    LevelProblem::Io {
                        message: e.to_string(),
                    },
                )
            })?;
            if kind.is_symlink() {
                return Err(budget.refuse(&relative, LevelProblem::Symlink));
            }
            if kind.is_dir() {
                todo.push((entry.path(), format!("{relative}/")));
                continue;
            }
            if !kind.is_file() {
                return Err(budget.refuse(&relative, LevelProblem::SpecialFile));
            }
            if !is_level_file(&relative) {
                continue;
            }
            budget.keep(&relative)?;
            let file = File::open(entry.path()).map_err(|e| {
                budget.refuse(
                    &relative,
                    LevelProblem::Io {
                        message: e.to_string(),
                    },
                )
            })?;
            let text = budget.read_text(&relative, file)?;
            set.insert(relative, text);
        }
    }
    Ok(set)
}

/// Reads the `.ron` files of a zip archive. A pack zipped with its folder
/// (`my-pack/pack.ron`...) is read as if zipped from inside the folder.
pub fn read_zip(path: &Path, limits: &PackLimits) -> Result<FileSet, Diagnostic> {
    let origin = path.display().to_string();
    let io = |e: std::io::Error| {
        Diagnostic::new(
            &origin,
            1,
            1,
            LevelProblem::Io {
                message: e.to_string(),
            },
        )
    };
    let file = File::open(path).map_err(io)?;
    // The archive itself is never bigger than what it holds (plus headers): refusing a
    // huge file here keeps its directory of entries from being read into memory.
    let size = file.metadata().map_err(io)?.len();
    if size > limits.max_total_bytes + u64::from(limits.max_files) * 1024 {
        return Err(Diagnostic::new(
            &origin,
            1,
            1,
            LevelProblem::PackTooLarge {
                max_bytes: limits.max_total_bytes,
            },
        ));
    }
    read_zip_from(&origin, BufReader::new(file), limits)
}

/// Reads a zip archive from any reader (`origin` names it in messages).
pub fn read_zip_from<R: Read + Seek>(
    origin: &str,
    reader: R,
    limits: &PackLimits,
) -> Result<FileSet, Diagnostic> {
    let mut set = FileSet::new(origin);
    let names = FileSet::new(origin);
    let mut budget = Budget::new(limits, &names, true);
    let bad = |message: String| Diagnostic::new(origin, 1, 1, LevelProblem::BadArchive { message });
    let mut archive = zip::ZipArchive::new(reader).map_err(|e| bad(e.to_string()))?;
    if archive.len() > limits.max_files as usize {
        let max = limits.max_files;
        return Err(budget.refuse("", LevelProblem::TooManyFiles { max }));
    }
    for index in 0..archive.len() {
        let entry = archive.by_index(index).map_err(|e| bad(e.to_string()))?;
        let Ok(name) = std::str::from_utf8(entry.name_raw()).map(str::to_owned) else {
            let shown = String::from_utf8_lossy(entry.name_raw()).into_owned();
            return Err(budget.refuse(&shown, LevelProblem::NameNotUtf8));
        };
        check_relative_path(&name).map_err(|p| budget.refuse(&name, p))?;
        budget.count()?;
        if entry.is_symlink() {
            return Err(budget.refuse(&name, LevelProblem::Symlink));
        }
        if entry.is_dir() || is_hidden(&name) || !is_level_file(&name) {
            continue;
        }
        if entry.encrypted() {
            let message = "the file is encrypted".to_string();
            return Err(budget.refuse(&name, LevelProblem::BadArchive { message }));
        }
        budget.keep(&name)?;
        // Cheap early refusal on the header's claim; the real check counts the bytes read.
        if entry.size() > limits.max_file_bytes {
            let max_bytes = limits.max_file_bytes;
            return Err(budget.refuse(&name, LevelProblem::FileTooLarge { max_bytes }));
        }
        let text = budget.read_text(&name, entry)?;
        set.insert(name, text);
    }
    Ok(unwrap_single_folder(set))
}

/// `my-pack/pack.ron`, `my-pack/a.ron` → `pack.ron`, `a.ron`, when every file is in
/// that one folder and there is no `pack.ron` at the top.
fn unwrap_single_folder(set: FileSet) -> FileSet {
    if set.files.contains_key(PACK_FILE) {
        return set;
    }
    let Some(folder) = set
        .files
        .keys()
        .find_map(|k| {
            k.strip_suffix(PACK_FILE)
                .filter(|f| f.matches('/').count() == 1)
        })
        .map(str::to_owned)
    else {
        return set;
    };
    if !set.files.keys().all(|k| k.starts_with(&folder)) {
        return set;
    }
    let origin = format!("{}/{}", set.origin, folder.trim_end_matches('/'));
    let mut unwrapped = FileSet::new(origin);
    for (path, text) in set.files {
        unwrapped.insert(path[folder.len()..].to_string(), text);
    }
    unwrapped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_could_leave_the_pack_are_refused() {
        for bad in [
            "../a.ron",
            "a/../../b.ron",
            "/etc/passwd",
            "C:/Windows/a.ron",
            "C:a.ron",
            "a\\..\\b.ron",
            "a//b.ron",
            "./a.ron",
            "a/./b.ron",
            "con.ron",
            "sub/NUL",
            "aux.txt/x.ron",
            "a.ron.",
            "a.ron ",
            "a\u{0}.ron",
            "a\n.ron",
            "a:stream.ron",
            "",
            "/",
        ] {
            assert_eq!(
                check_relative_path(bad),
                Err(LevelProblem::UnsafePath),
                "{bad:?}"
            );
        }
        for good in [
            "a.ron",
            "sub/deep/b.ron",
            "dossier/",
            "élève-1.ron",
            "console.ron",
        ] {
            assert_eq!(check_relative_path(good), Ok(()), "{good:?}");
        }
    }

    #[test]
    fn hidden_and_level_files() {
        assert!(is_hidden(".git/config"));
        assert!(is_hidden("__MACOSX/._pack.ron"));
        assert!(is_hidden("a/.b.ron"));
        assert!(!is_hidden("a/b.ron"));
        assert!(is_level_file("a/B.RON"));
        assert!(!is_level_file("a/ron"));
        assert!(!is_level_file("notes.txt"));
    }

    #[test]
    fn a_single_wrapping_folder_is_unwrapped() {
        let mut set = FileSet::new("x.zip");
        set.insert("mine/pack.ron", "p");
        set.insert("mine/levels/a.ron", "a");
        let set = unwrap_single_folder(set);
        assert_eq!(set.origin, "x.zip/mine");
        assert!(set.files.contains_key("pack.ron"));
        assert!(set.files.contains_key("levels/a.ron"));

        let mut two = FileSet::new("x.zip");
        two.insert("mine/pack.ron", "p");
        two.insert("other/a.ron", "a");
        assert_eq!(unwrap_single_folder(two.clone()), two);
    }

    #[test]
    fn reading_stops_at_the_limits() {
        let limits = PackLimits {
            max_files: 10,
            max_file_bytes: 10,
            max_total_bytes: 15,
        };
        let origin = FileSet::new("o");
        let mut budget = Budget::new(&limits, &origin, false);
        let too_big = budget.read_text("b", &b"0123456789x"[..]).unwrap_err();
        assert_eq!(
            too_big.problem,
            LevelProblem::FileTooLarge { max_bytes: 10 }
        );
        assert_eq!(budget.read_text("a", &b"0123456789"[..]).unwrap().len(), 10);
        let over_total = budget.read_text("c", &b"012345"[..]).unwrap_err();
        assert_eq!(
            over_total.problem,
            LevelProblem::PackTooLarge { max_bytes: 15 }
        );
        let not_text = budget.read_text("d", &[0xff, 0xfe][..]).unwrap_err();
        assert_eq!(not_text.problem, LevelProblem::NotUtf8);
        assert_eq!(not_text.file, "o/d");
    }
}
