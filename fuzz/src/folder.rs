//! A pack folder built on disk from structured fuzz input: files, folders, symbolic links
//! and named pipes, under names a teacher's (or an attacker's) archive could hold, with
//! contents that are often a valid `pack.ron` or level so the loader goes deep.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use arbitrary::Arbitrary;

/// Names that mean something to the pack reader or to an operating system.
const NAMES: &[&str] = &[
    "pack.ron",
    "a.ron",
    "b.ron",
    "levels",
    "sub",
    "A.RON",
    "Pack.ron",
    "notes.txt",
    ".git",
    ".hidden.ron",
    "__MACOSX",
    "CON",
    "con.ron",
    "nul.txt",
    "a.ron.",
    "a.ron ",
    "élève.ron",
    "a:b.ron",
    "a\\b.ron",
    "lpt1",
];

/// Level and chapter ids, some valid, some not, some shared.
const IDS: &[&str] = &[
    "a",
    "b",
    "level-1",
    "premiers-pas-01",
    "codebot/premiers-pas-01",
    "codebot/none",
    "other/x",
    "",
    "bad id",
    "é",
    "A",
];

fn id(index: u8) -> &'static str {
    IDS[usize::from(index) % IDS.len()]
}

/// One part of a path.
#[derive(Arbitrary, Debug)]
pub enum Part {
    Known(u8),
    Text(String),
    Bytes(Vec<u8>),
}

impl Part {
    /// The name on disk; `None` for what no file system accepts as a name.
    fn name(&self) -> Option<Vec<u8>> {
        let bytes = match self {
            Part::Known(i) => NAMES[usize::from(*i) % NAMES.len()].as_bytes().to_vec(),
            Part::Text(s) => s.as_bytes().to_vec(),
            Part::Bytes(b) => b.clone(),
        };
        let usable = !bytes.is_empty()
            && bytes.len() <= 100
            && bytes != b"."
            && bytes != b".."
            && !bytes.contains(&b'/')
            && !bytes.contains(&0);
        usable.then_some(bytes)
    }
}

/// What a file holds.
#[derive(Arbitrary, Debug)]
pub enum Contents {
    /// A `pack.ron`: pack id, chapters of level references, maybe an exam.
    PackFile {
        id: u8,
        chapters: Vec<(u8, Vec<u8>)>,
        exam_minutes: Option<Option<u32>>,
    },
    /// A small valid level with this id.
    Level {
        id: u8,
        variants: u8,
    },
    /// A built-in level file, as shipped.
    Builtin(u16),
    Raw(Vec<u8>),
}

impl Contents {
    fn bytes(&self) -> Vec<u8> {
        match self {
            Contents::PackFile {
                id: pack,
                chapters,
                exam_minutes,
            } => {
                let chapters: Vec<String> = chapters
                    .iter()
                    .map(|(chapter, levels)| {
                        let levels: Vec<String> =
                            levels.iter().map(|l| format!("{:?}", id(*l))).collect();
                        format!(
                            "(id: {:?}, title: (fr: \"C\", en: \"C\"), levels: [{}])",
                            id(*chapter),
                            levels.join(", ")
                        )
                    })
                    .collect();
                let exam = match exam_minutes {
                    None => String::new(),
                    Some(None) => "exam: (),".to_string(),
                    Some(Some(m)) => format!("exam: (time_limit_minutes: {m}),"),
                };
                format!(
                    "(id: {:?}, title: (fr: \"P\", en: \"P\"), chapters: [{}], {exam})",
                    id(*pack),
                    chapters.join(", ")
                )
                .into_bytes()
            }
            Contents::Level {
                id: level,
                variants,
            } => format!(
                "(id: {:?}, title: (fr: \"T\", en: \"T\"), brief: (fr: \"B\", en: \"B\"),
                  map: \"\n  #####\n  #>.G#\n  #####\n\", goals: [ReachGoal],
                  variants: (count: {}, rules: [Stretch(column: 2, extra: (0, 5))]),
                  solution: \"while not at_goal():\\n    move()\\n\")",
                id(*level),
                variants % 8
            )
            .into_bytes(),
            Contents::Builtin(index) => {
                let files = builtin_files();
                files[usize::from(*index) % files.len()].as_bytes().to_vec()
            }
            Contents::Raw(bytes) => bytes.clone(),
        }
    }
}

/// The text of every file of the built-in packs, read once.
fn builtin_files() -> &'static [String] {
    static FILES: OnceLock<Vec<String>> = OnceLock::new();
    FILES.get_or_init(|| {
        codebot::level::builtin_file_sets()
            .into_iter()
            .flat_map(|set| set.files.into_values())
            .collect()
    })
}

/// What sits at a path.
#[derive(Arbitrary, Debug)]
pub enum Kind {
    File(Contents),
    Dir,
    /// A symbolic link to another entry's path, or to a file outside the pack.
    Symlink {
        to_entry: u8,
        outside: bool,
    },
    Fifo,
}

#[derive(Arbitrary, Debug)]
pub struct Entry {
    pub path: Vec<Part>,
    pub kind: Kind,
}

/// A whole folder.
#[derive(Arbitrary, Debug)]
pub struct Folder {
    pub entries: Vec<Entry>,
}

impl Folder {
    /// Creates the entries under `root` (which must exist and be empty). Entries that
    /// cannot be made (a file where a folder is needed...) or whose path is taken are
    /// skipped.
    pub fn build(&self, root: &Path) {
        let mut made: Vec<PathBuf> = Vec::new();
        for entry in self.entries.iter().take(64) {
            let parts: Vec<Vec<u8>> = entry.path.iter().take(4).filter_map(Part::name).collect();
            let Some((last, parents)) = parts.split_last() else {
                continue;
            };
            let mut dir = root.to_path_buf();
            for parent in parents {
                dir.push(OsStr::from_bytes(parent));
            }
            if std::fs::create_dir_all(&dir).is_err() {
                continue;
            }
            let path = dir.join(OsStr::from_bytes(last));
            // Never write through what is already there (writing into a named pipe blocks).
            if path.symlink_metadata().is_ok() {
                continue;
            }
            let ok = match &entry.kind {
                Kind::File(contents) => std::fs::write(&path, contents.bytes()).is_ok(),
                Kind::Dir => std::fs::create_dir_all(&path).is_ok(),
                Kind::Symlink { to_entry, outside } => {
                    let target = if *outside || made.is_empty() {
                        PathBuf::from("/etc/hostname")
                    } else {
                        made[usize::from(*to_entry) % made.len()].clone()
                    };
                    std::os::unix::fs::symlink(target, &path).is_ok()
                }
                Kind::Fifo => make_fifo(&path),
            };
            if ok {
                made.push(path);
            }
        }
    }
}

fn make_fifo(path: &Path) -> bool {
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a file system entry.
    unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) == 0 }
}
