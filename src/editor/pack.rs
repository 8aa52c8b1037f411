//! Saving a level into a pack, and opening the levels of a pack.
//!
//! [`place_level`] works on a pack's files in memory ([`FileSet`]): the level's file is
//! written (over the file that already holds this level id, else as `<id>.ron`), and the
//! level is listed in a chapter of `pack.ron` unless it already is. An existing
//! `pack.ron` is changed in place, by inserting the id into the chapter's list (or a new
//! chapter into the list of chapters), so the teacher's comments and layout stay; a new
//! one is written whole, commented. Then:
//!
//! - [`save_in_folder`] writes the changed files into a folder the teacher chose (each
//!   file written to a temporary name, then renamed), even if the pack still has problems:
//!   they are returned, to be fixed later;
//! - [`save_in_library`] installs the pack into the [`Library`] of the data folder, which
//!   refuses a pack with problems and leaves the installed one as it was;
//! - [`export_zip`] packs a folder into a `.zip` to share with a class.

use std::path::{Path, PathBuf};

use thiserror::Error;

use super::draft::LevelDraft;
use super::write::heading_comment;
pub use crate::level::FileSet;
use crate::level::{
    ChapterFile, Diagnostic, Level, Library, Loc, Node, PACK_FILE, Pack, PackError, PackFile, Text,
    parse_ron,
};

/// Where a level goes in its pack: the chapter, and the pack's names if `pack.ron` must
/// be created. An existing pack keeps its own id and title; an existing chapter its title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    pub pack_id: String,
    pub pack_title: Text,
    pub chapter_id: String,
    pub chapter_title: Text,
}

/// Why a level could not be saved or a pack exported.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SaveError {
    /// The folder cannot be read as a pack (a link, a file too big...).
    #[error("{0}")]
    Refused(Diagnostic),
    /// `pack.ron` cannot be read, so the level cannot be listed in it.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    BadPackFile(Vec<Diagnostic>),
    /// The library refused the pack (it has problems, its id is a built-in one...).
    #[error("{0}")]
    Library(PackError),
    #[error("cannot write {path}: {message}")]
    Io { path: String, message: String },
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> SaveError {
    let path = path.display().to_string();
    move |e| SaveError::Io {
        path,
        message: e.to_string(),
    }
}

/// What [`place_level`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    /// The level's file, relative to the pack.
    pub path: String,
    /// Whether `pack.ron` was created or changed.
    pub pack_file_changed: bool,
}

/// Writes the draft's level into a pack's files and lists it in `pack.ron`.
pub fn place_level(
    files: &mut FileSet,
    draft: &LevelDraft,
    placement: &Placement,
) -> Result<Placed, SaveError> {
    let path = level_path(files, &draft.id);
    files.insert(path.clone(), draft.to_ron());
    let pack_name = files.display_name(PACK_FILE);
    let new_text = match files.files.get(PACK_FILE) {
        None => Some(write_pack_file(&new_pack(draft, placement), "")),
        Some(text) => {
            let pack: PackFile =
                parse_ron(&pack_name, text).map_err(|d| SaveError::BadPackFile(vec![d]))?;
            listed_in(text, &pack, &draft.id, placement)
        }
    };
    let pack_file_changed = new_text.is_some();
    if let Some(text) = new_text {
        files.insert(PACK_FILE, text);
    }
    Ok(Placed {
        path,
        pack_file_changed,
    })
}

/// The file of the pack holding level `id`, else a free `<id>.ron`.
fn level_path(files: &FileSet, id: &str) -> String {
    let holds = |text: &String| Level::parse("", text).is_ok_and(|l| l.id == id);
    let existing = files
        .files
        .iter()
        .filter(|(path, _)| path.ends_with(".ron") && path.rsplit('/').next() != Some(PACK_FILE))
        .find(|(_, text)| holds(text));
    if let Some((path, _)) = existing {
        return path.clone();
    }
    (1..)
        .map(|n| match n {
            1 => format!("{id}.ron"),
            n => format!("{id}-{n}.ron"),
        })
        .find(|name| !files.files.contains_key(name))
        .expect("a free name")
}

fn new_pack(draft: &LevelDraft, placement: &Placement) -> PackFile {
    PackFile {
        id: placement.pack_id.clone(),
        title: placement.pack_title.clone(),
        chapters: vec![new_chapter(draft, placement)],
        exam: None,
    }
}

fn new_chapter(draft: &LevelDraft, placement: &Placement) -> ChapterFile {
    ChapterFile {
        id: placement.chapter_id.clone(),
        title: placement.chapter_title.clone(),
        levels: vec![draft.id.clone()],
    }
}

/// `pack.ron` with the level listed, or `None` if it already is.
fn listed_in(text: &str, pack: &PackFile, id: &str, placement: &Placement) -> Option<String> {
    if pack
        .chapters
        .iter()
        .any(|c| c.levels.iter().any(|l| l == id))
    {
        return None;
    }
    let mut wanted = pack.clone();
    let chapter = wanted
        .chapters
        .iter()
        .position(|c| c.id == placement.chapter_id);
    let root = Node::parse(text);
    let chapters = root.as_ref().and_then(|r| r.field("chapters"));
    let edited = match chapter {
        Some(index) => {
            wanted.chapters[index].levels.push(id.to_string());
            chapters
                .and_then(|f| f.value.item(index))
                .and_then(|c| c.field("levels"))
                .and_then(|f| insert_in_list(text, f.loc, &super::write::ron_value(&id), false))
        }
        None => {
            let chapter = ChapterFile {
                id: placement.chapter_id.clone(),
                title: placement.chapter_title.clone(),
                levels: vec![id.to_string()],
            };
            let item = chapter_text(&chapter, "    ");
            wanted.chapters.push(chapter);
            chapters.and_then(|f| insert_in_list(text, f.loc, item.trim_end(), true))
        }
    };
    // The edit in place must mean exactly the wanted pack; if not, the file is rewritten.
    let same = |edited: &String| {
        parse_ron::<PackFile>("", edited)
            .is_ok_and(|p| super::write::ron_value(&p) == super::write::ron_value(&wanted))
    };
    Some(
        edited
            .filter(same)
            .unwrap_or_else(|| write_pack_file(&wanted, &heading_comment(text))),
    )
}

/// Inserts `item` at the end of the list that follows the field written at `field`
/// (`levels: [...]`). `own_line`: the item goes on a line of its own.
fn insert_in_list(text: &str, field: Loc, item: &str, own_line: bool) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let start = char_index(&chars, field)?;
    let open = (start..chars.len()).find(|&i| chars[i] == '[')?;
    let (close, last) = list_end(&chars, open)?;
    let (at, insert) = match last {
        None if own_line => (open + 1, format!("\n    {item},\n  ")),
        None => (open + 1, item.to_string()),
        Some(i) if chars[i] == ',' && own_line => (i + 1, format!("\n    {item},")),
        Some(i) if chars[i] == ',' => (i + 1, format!(" {item},")),
        Some(i) if own_line => (i + 1, format!(",\n    {item},")),
        Some(i) => (i + 1, format!(", {item}")),
    };
    debug_assert!(at <= close);
    let mut out: String = chars[..at].iter().collect();
    out.push_str(&insert);
    out.extend(&chars[at..]);
    Some(out)
}

/// The index of a 1-based line and column.
fn char_index(chars: &[char], loc: Loc) -> Option<usize> {
    let (mut line, mut column) = (1, 1);
    for (i, &c) in chars.iter().enumerate() {
        if (line, column) == (loc.line, loc.column) {
            return Some(i);
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    None
}

/// For the list opened at `open`: the index of its `]`, and of its last character that
/// is not blank or a comment (`None` for an empty list). Strings, characters, comments
/// and nested brackets are skipped.
fn list_end(chars: &[char], open: usize) -> Option<(usize, Option<usize>)> {
    let mut depth = 0;
    let mut last = None;
    let mut i = open;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
                continue;
            }
            '"' | '\'' => {
                i += 1;
                while i < chars.len() && chars[i] != c {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    i += 1;
                }
                last = Some(i);
            }
            '[' | '(' | '{' => {
                depth += 1;
                if i != open {
                    last = Some(i);
                }
            }
            ']' | ')' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return (c == ']').then_some((i, last));
                }
                last = Some(i);
            }
            c if c.is_whitespace() => {}
            _ => last = Some(i),
        }
        i += 1;
    }
    None
}

/// A chapter of `pack.ron`, indented by `indent`.
fn chapter_text(chapter: &ChapterFile, indent: &str) -> String {
    let ron = super::write::ron_value;
    let levels: Vec<String> = chapter.levels.iter().map(ron).collect();
    format!(
        "(\n{indent}  id: {},\n{indent}  title: (fr: {}, en: {}),\n{indent}  levels: [{}],\n{indent})",
        ron(&chapter.id),
        ron(&chapter.title.fr),
        ron(&chapter.title.en),
        levels.join(", "),
    )
}

/// A whole `pack.ron`, commented, under the given heading comment.
fn write_pack_file(pack: &PackFile, heading: &str) -> String {
    let ron = super::write::ron_value;
    let mut out = String::new();
    let heading = if heading.is_empty() {
        "A pack of Codebot levels (docs/levels.md). Each chapter lists level ids in playing\n\
         order; a level is found by its id in any .ron file of this folder."
    } else {
        heading
    };
    for line in heading.lines() {
        out.push_str(if line.is_empty() { "//" } else { "// " });
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("(\n");
    out.push_str(&format!("  id: {},\n", ron(&pack.id)));
    out.push_str(&format!(
        "  title: (fr: {}, en: {}),\n",
        ron(&pack.title.fr),
        ron(&pack.title.en)
    ));
    out.push_str("  chapters: [\n");
    for chapter in &pack.chapters {
        out.push_str(&format!("    {},\n", chapter_text(chapter, "    ")));
    }
    out.push_str("  ],\n");
    if let Some(exam) = &pack.exam {
        out.push_str(&format!("  exam: {},\n", super::write::ron_value(exam)));
    }
    out.push_str(")\n");
    out
}

/// A level saved into a folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedInFolder {
    /// The level's file.
    pub path: PathBuf,
    /// What is still wrong with the pack (empty: it can be installed and played).
    pub problems: Vec<Diagnostic>,
}

/// Saves the level into a pack folder (created if needed): its file, and `pack.ron`.
/// The pack may still have problems: they are returned, the files are written anyway.
pub fn save_in_folder(
    dir: &Path,
    draft: &LevelDraft,
    placement: &Placement,
) -> Result<SavedInFolder, SaveError> {
    let mut files = if dir.exists() {
        FileSet::from_dir(dir).map_err(|mut d| SaveError::Refused(d.remove(0)))?
    } else {
        std::fs::create_dir_all(dir).map_err(io_error(dir))?;
        FileSet::new(dir.display().to_string())
    };
    let before = files.clone();
    let placed = place_level(&mut files, draft, placement)?;
    for (name, text) in &files.files {
        if before.files.get(name) != Some(text) {
            let mut path = dir.to_path_buf();
            path.extend(name.split('/'));
            write_atomically(&path, text)?;
        }
    }
    let mut path = dir.to_path_buf();
    path.extend(placed.path.split('/'));
    Ok(SavedInFolder {
        path,
        problems: Pack::from_files(&files).err().unwrap_or_default(),
    })
}

/// Writes a file through a temporary file in the same folder, then renames it: a crash
/// leaves the old file or the new one, never half of one.
fn write_atomically(path: &Path, text: &str) -> Result<(), SaveError> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io_error(dir))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(
        ".{}.tmp-{}",
        name.unwrap_or_default(),
        std::process::id()
    ));
    let written = std::fs::File::create(&temp)
        .and_then(|mut file| {
            file.write_all(text.as_bytes())?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written.map_err(io_error(path))
}

/// Saves the level into a pack of the library (installed, or new): the pack is
/// installed again with the level, only if the whole pack is valid.
pub fn save_in_library(
    library: &Library,
    draft: &LevelDraft,
    placement: &Placement,
) -> Result<Pack, SaveError> {
    let installed = library
        .entries()
        .map_err(SaveError::Library)?
        .into_iter()
        .find(|entry| entry.id == placement.pack_id);
    let mut files = match installed {
        Some(entry) => {
            FileSet::from_dir(&entry.dir).map_err(|mut d| SaveError::Refused(d.remove(0)))?
        }
        None => FileSet::new(placement.pack_id.clone()),
    };
    place_level(&mut files, draft, placement)?;
    library
        .install_files(&files, true)
        .map_err(SaveError::Library)
}

/// Writes a pack folder as a `.zip` (its `.ron` files, under a folder named after the
/// pack), to share with a class. Written to a temporary name, then renamed.
pub fn export_zip(dir: &Path, dest: &Path) -> Result<(), SaveError> {
    let files = FileSet::from_dir(dir).map_err(|mut d| SaveError::Refused(d.remove(0)))?;
    if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io_error(parent))?;
    }
    let folder = files
        .files
        .get(PACK_FILE)
        .and_then(|text| parse_ron::<PackFile>("", text).ok())
        .map(|pack| pack.id)
        .filter(|id| crate::level::is_valid_id(id))
        .unwrap_or_else(|| "pack".into());
    crate::level::write_zip_atomically(dest, &folder, &files).map_err(SaveError::Library)
}

/// The level with this id in a pack's files, as a draft, with its file's path.
pub fn open_level(files: &FileSet, id: &str) -> Option<(LevelDraft, String)> {
    files
        .files
        .iter()
        .filter(|(path, _)| path.ends_with(".ron") && path.rsplit('/').next() != Some(PACK_FILE))
        .find_map(|(path, text)| {
            let draft = LevelDraft::from_ron(&files.display_name(path), text).ok()?;
            (draft.id == id).then(|| (draft, path.clone()))
        })
}

/// `pack.ron` of a pack's files, if it can be read.
pub(crate) fn pack_file(files: &FileSet) -> Option<PackFile> {
    parse_ron(&files.display_name(PACK_FILE), files.files.get(PACK_FILE)?).ok()
}

/// Where a pack places a level: the pack's names and the chapter listing it (the last
/// chapter when none does: a new level goes there). `None` without a readable `pack.ron`.
pub fn placement_in(files: &FileSet, level_id: &str) -> Option<Placement> {
    let pack = pack_file(files)?;
    let chapter = pack
        .chapters
        .iter()
        .find(|c| c.levels.iter().any(|l| l == level_id))
        .or(pack.chapters.last());
    Some(Placement {
        chapter_id: chapter.map(|c| c.id.clone()).unwrap_or_default(),
        chapter_title: chapter.map(|c| c.title.clone()).unwrap_or_default(),
        pack_id: pack.id,
        pack_title: pack.title,
    })
}
