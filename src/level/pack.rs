//! Packs: a folder or a zip holding `pack.ron` and level files.
//!
//! `pack.ron` names the pack and lists chapters of level ids; levels are found by their
//! `id` among all other `*.ron` files of the folder tree. A chapter may also borrow a
//! level of a built-in pack by writing `"pack-id/level-id"` (level ids never hold a `/`).
//! An optional `exam: (time_limit_minutes: 45)` marks the pack as an exam ([`Exam`]).
//! Loading works on a [`FileSet`] (relative path → text) so the same code serves a folder
//! on disk, the pack embedded in the binary (the web build has no file system) and zips
//! (read safely by [`super::archive`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::archive::PackLimits;
use super::diagnostic::{Diagnostic, LevelProblem};
use super::format::{Level, parse_ron};
use super::spans::{Loc, Node};
use super::text::Text;
use super::validate::is_valid_id;

/// The name of the file describing a pack.
pub const PACK_FILE: &str = "pack.ron";

/// A set of named text files: relative path (with `/` separators) → contents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileSet {
    /// How the set is named in messages: a folder path such as `levels/codebot`.
    pub origin: String,
    pub files: BTreeMap<String, String>,
}

impl FileSet {
    pub fn new(origin: impl Into<String>) -> Self {
        Self {
            origin: origin.into(),
            files: BTreeMap::new(),
        }
    }

    pub fn insert(&mut self, path: impl Into<String>, text: impl Into<String>) {
        self.files.insert(path.into(), text.into());
    }

    /// Reads every `.ron` file under a folder, refusing symbolic links, names or
    /// contents that are not UTF-8, and folders beyond the [`PackLimits`] (a pack is
    /// untrusted input). Hidden files and folders (`.git`...) are skipped.
    pub fn from_dir(dir: &Path) -> Result<FileSet, Vec<Diagnostic>> {
        super::archive::read_dir(dir, &PackLimits::default()).map_err(|d| vec![d])
    }

    /// The name of one of the files for messages: `origin/relative`.
    pub fn display_name(&self, relative: &str) -> String {
        let origin = self.origin.trim_end_matches(['/', '\\']);
        if origin.is_empty() {
            relative.to_string()
        } else {
            format!("{origin}/{relative}")
        }
    }
}

pub(crate) fn io_problem(file: &str, error: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        file,
        1,
        1,
        LevelProblem::Io {
            message: error.to_string(),
        },
    )
}

/// A pack of levels in chapters, ready to play.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pack {
    pub id: String,
    pub title: Text,
    pub chapters: Vec<Chapter>,
    /// `Some` when the pack is an exam: see [`Exam`] for what the game must enforce.
    pub exam: Option<Exam>,
    /// Levels borrowed from a built-in pack: level id → `"pack-id/level-id"` where it
    /// comes from. In this pack they are played, saved and graded as `this-pack/level-id`.
    pub borrowed: BTreeMap<String, String>,
}

/// The longest exam time limit accepted, in minutes (a school day).
pub const MAX_EXAM_MINUTES: u32 = 600;

/// `exam: (time_limit_minutes: 45)` in `pack.ron`: the pack is an exam.
///
/// The data only says what the game must enforce while a student takes the exam: no
/// hints, no reference solution, no stars or verdicts beyond the first variant, no replay
/// of the other variants; the student's code is written to a [`crate::teacher::Submission`]
/// and graded by the teacher with `codebot grade`, on every variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exam {
    /// Minutes from the start until the submission is written and the editor locked;
    /// `None`: no limit (the teacher ends the exam).
    #[serde(default)]
    pub time_limit_minutes: Option<u32>,
    /// Whether students may run their program on the first variant to see the robot
    /// move (without a verdict). `false`: they can only write code.
    #[serde(default = "yes")]
    pub allow_runs: bool,
}

fn yes() -> bool {
    true
}

impl Default for Exam {
    fn default() -> Self {
        Exam {
            time_limit_minutes: None,
            allow_runs: true,
        }
    }
}

/// A chapter: levels in playing order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chapter {
    pub id: String,
    pub title: Text,
    pub levels: Vec<Level>,
}

/// `pack.ron` as written (the level editor writes it too).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PackFile {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub chapters: Vec<ChapterFile>,
    #[serde(default)]
    pub exam: Option<Exam>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ChapterFile {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub levels: Vec<String>,
}

impl Pack {
    /// Loads a pack folder from disk.
    pub fn load_dir(dir: &Path) -> Result<Pack, Vec<Diagnostic>> {
        Pack::from_files(&FileSet::from_dir(dir)?)
    }

    /// Loads a pack from its files, reporting every problem of every file. Chapter entries
    /// `"pack-id/level-id"` borrow levels of the built-in packs.
    pub fn from_files(files: &FileSet) -> Result<Pack, Vec<Diagnostic>> {
        let builtin = std::cell::OnceCell::new();
        Pack::from_files_borrowing(files, &|pack, level| {
            builtin
                .get_or_init(|| super::builtin::builtin_packs().unwrap_or_default())
                .iter()
                .find(|p| p.id == pack)?
                .level(level)
                .cloned()
        })
    }

    /// [`Pack::from_files`], finding borrowed levels with `borrow(pack_id, level_id)`.
    pub(crate) fn from_files_borrowing(
        files: &FileSet,
        borrow: &dyn Fn(&str, &str) -> Option<Level>,
    ) -> Result<Pack, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        // Levels, by id, in file order.
        let mut levels: BTreeMap<String, Level> = BTreeMap::new();
        let mut first_file: BTreeMap<String, String> = BTreeMap::new();
        // A level file that cannot be parsed may hold any id: references are not checked then.
        let mut unreadable = false;
        for (path, text) in &files.files {
            let is_pack_file = path.rsplit('/').next() == Some(PACK_FILE);
            if is_pack_file || !path.ends_with(".ron") {
                continue;
            }
            let name = files.display_name(path);
            let level = match Level::parse(&name, text) {
                Ok(level) => level,
                Err(errors) => {
                    problems.extend(errors);
                    unreadable = true;
                    continue;
                }
            };
            problems.extend(level.validate(&name, text));
            if let Some(first) = first_file.get(&level.id) {
                let problem = LevelProblem::DuplicateLevelId {
                    id: level.id.clone(),
                    first_file: first.clone(),
                };
                problems.push(Level::field_diagnostic(&name, text, "id", problem));
                continue;
            }
            first_file.insert(level.id.clone(), name);
            levels.insert(level.id.clone(), level);
        }

        let pack_name = files.display_name(PACK_FILE);
        let Some(pack_text) = files.files.get(PACK_FILE) else {
            let folder = if files.origin.is_empty() {
                ".".to_string()
            } else {
                files.origin.clone()
            };
            problems.push(Diagnostic::new(folder, 1, 1, LevelProblem::NoPackFile));
            return Err(sorted(problems));
        };
        let pack_file: PackFile = match parse_ron(&pack_name, pack_text) {
            Ok(pack) => pack,
            Err(error) => {
                problems.push(error);
                return Err(sorted(problems));
            }
        };
        let root = Node::parse(pack_text);
        let at = |loc: Option<Loc>, problem| {
            let loc = loc.unwrap_or(Loc::START);
            Diagnostic::new(&pack_name, loc.line, loc.column, problem)
        };
        let field =
            |node: Option<&Node>, name: &str| node.and_then(|n| n.field(name)).map(|f| f.loc);

        if !is_valid_id(&pack_file.id) {
            problems.push(at(
                field(root.as_ref(), "id"),
                LevelProblem::BadId {
                    id: pack_file.id.clone(),
                },
            ));
        }
        for lang in pack_file.title.empty_languages() {
            let problem = LevelProblem::EmptyText {
                field: "title".into(),
                lang: lang.into(),
            };
            problems.push(at(field(root.as_ref(), "title"), problem));
        }
        if let Some(minutes) = pack_file.exam.as_ref().and_then(|e| e.time_limit_minutes)
            && !(1..=MAX_EXAM_MINUTES).contains(&minutes)
        {
            let exam = root.as_ref().and_then(|r| r.get("exam"));
            let loc = field(exam, "time_limit_minutes").or(field(root.as_ref(), "exam"));
            problems.push(at(
                loc,
                LevelProblem::BadTimeLimit {
                    minutes,
                    max: MAX_EXAM_MINUTES,
                },
            ));
        }
        let mut borrowed = BTreeMap::new();
        if pack_file.chapters.is_empty() {
            problems.push(at(
                field(root.as_ref(), "chapters"),
                LevelProblem::NoChapters,
            ));
        }
        let mut chapter_ids = BTreeSet::new();
        let mut used = BTreeSet::new();
        let mut chapters = Vec::new();
        for (i, chapter) in pack_file.chapters.iter().enumerate() {
            let node = root
                .as_ref()
                .and_then(|r| r.get("chapters"))
                .and_then(|c| c.item(i));
            let chapter_loc = node.map(|n| n.loc).or(field(root.as_ref(), "chapters"));
            let id_loc = field(node, "id").or(chapter_loc);
            if !is_valid_id(&chapter.id) {
                problems.push(at(
                    id_loc,
                    LevelProblem::BadId {
                        id: chapter.id.clone(),
                    },
                ));
            }
            if !chapter_ids.insert(chapter.id.clone()) {
                problems.push(at(
                    id_loc,
                    LevelProblem::DuplicateChapterId {
                        id: chapter.id.clone(),
                    },
                ));
            }
            for lang in chapter.title.empty_languages() {
                let problem = LevelProblem::EmptyText {
                    field: format!("chapters[{i}].title"),
                    lang: lang.into(),
                };
                problems.push(at(field(node, "title").or(chapter_loc), problem));
            }
            if chapter.levels.is_empty() {
                problems.push(at(
                    field(node, "levels").or(chapter_loc),
                    LevelProblem::EmptyChapter {
                        id: chapter.id.clone(),
                    },
                ));
            }
            let mut chapter_levels = Vec::new();
            for (j, id) in chapter.levels.iter().enumerate() {
                let loc = node
                    .and_then(|n| n.get("levels"))
                    .and_then(|l| l.item(j))
                    .map(|n| n.loc)
                    .or(chapter_loc);
                if let Some((from_pack, from_level)) = id.split_once('/') {
                    let found = (is_valid_id(from_pack) && is_valid_id(from_level))
                        .then(|| borrow(from_pack, from_level))
                        .flatten();
                    match found {
                        None => problems.push(at(
                            loc,
                            LevelProblem::UnknownBuiltinLevel {
                                reference: id.clone(),
                            },
                        )),
                        Some(level) if levels.contains_key(&level.id) => {
                            problems.push(at(loc, LevelProblem::BorrowedIdClash { id: level.id }));
                        }
                        Some(level) if !used.insert(level.id.clone()) => {
                            problems
                                .push(at(loc, LevelProblem::LevelInTwoChapters { id: level.id }));
                        }
                        Some(level) => {
                            borrowed.insert(level.id.clone(), id.clone());
                            chapter_levels.push(level);
                        }
                    }
                    continue;
                }
                match levels.get(id) {
                    None if unreadable => {}
                    None => problems.push(at(loc, LevelProblem::UnknownLevel { id: id.clone() })),
                    Some(_) if borrowed.contains_key(id) => {
                        problems.push(at(loc, LevelProblem::BorrowedIdClash { id: id.clone() }));
                    }
                    Some(_) if !used.insert(id.clone()) => {
                        problems.push(at(loc, LevelProblem::LevelInTwoChapters { id: id.clone() }));
                    }
                    Some(level) => chapter_levels.push(level.clone()),
                }
            }
            chapters.push(Chapter {
                id: chapter.id.clone(),
                title: chapter.title.clone(),
                levels: chapter_levels,
            });
        }
        if problems.is_empty() {
            Ok(Pack {
                id: pack_file.id,
                title: pack_file.title,
                chapters,
                exam: pack_file.exam,
                borrowed,
            })
        } else {
            Err(sorted(problems))
        }
    }

    /// All levels in playing order.
    pub fn levels(&self) -> impl Iterator<Item = &Level> + '_ {
        self.chapters.iter().flat_map(|c| c.levels.iter())
    }

    pub fn level(&self, id: &str) -> Option<&Level> {
        self.levels().find(|l| l.id == id)
    }

    /// Whether the pack is an exam.
    pub fn is_exam(&self) -> bool {
        self.exam.is_some()
    }

    /// The key of a level of this pack in saves, reports and submissions:
    /// `pack-id/level-id` (borrowed levels too).
    pub fn level_key(&self, level_id: &str) -> String {
        format!("{}/{level_id}", self.id)
    }
}

fn sorted(mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    problems.dedup();
    problems
}
