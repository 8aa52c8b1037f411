//! Packs: a folder (or, later, a zip) holding `pack.ron` and level files.
//!
//! `pack.ron` names the pack and lists chapters of level ids; levels are found by their
//! `id` among all other `*.ron` files of the folder tree. Loading works on a [`FileSet`]
//! (relative path → text) so the same code serves a folder on disk, the pack embedded in
//! the binary (the web build has no file system) and zips.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

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

    /// Reads every `.ron` file under a folder.
    pub fn from_dir(dir: &Path) -> Result<FileSet, Vec<Diagnostic>> {
        let mut set = FileSet::new(dir.display().to_string());
        let mut problems = Vec::new();
        let mut todo = vec![dir.to_path_buf()];
        while let Some(folder) = todo.pop() {
            let entries = match std::fs::read_dir(&folder) {
                Ok(entries) => entries,
                Err(e) => {
                    problems.push(io_problem(&folder.display().to_string(), &e));
                    continue;
                }
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    todo.push(path);
                } else if path.extension().is_some_and(|e| e == "ron") {
                    let relative = path.strip_prefix(dir).unwrap_or(&path);
                    let name = relative
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/");
                    match std::fs::read_to_string(&path) {
                        Ok(text) => set.insert(name, text),
                        Err(e) => problems.push(io_problem(&path.display().to_string(), &e)),
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(set)
        } else {
            Err(problems)
        }
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
}

/// A chapter: levels in playing order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chapter {
    pub id: String,
    pub title: Text,
    pub levels: Vec<Level>,
}

/// `pack.ron` as written.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    id: String,
    title: Text,
    #[serde(default)]
    chapters: Vec<ChapterFile>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChapterFile {
    id: String,
    title: Text,
    #[serde(default)]
    levels: Vec<String>,
}

impl Pack {
    /// Loads a pack folder from disk.
    pub fn load_dir(dir: &Path) -> Result<Pack, Vec<Diagnostic>> {
        Pack::from_files(&FileSet::from_dir(dir)?)
    }

    /// Loads a pack from its files, reporting every problem of every file.
    pub fn from_files(files: &FileSet) -> Result<Pack, Vec<Diagnostic>> {
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
                match levels.get(id) {
                    None if unreadable => {}
                    None => problems.push(at(loc, LevelProblem::UnknownLevel { id: id.clone() })),
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
}

fn sorted(mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    problems.dedup();
    problems
}
