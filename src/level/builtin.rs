//! The packs shipped inside the binary: every folder of `levels/` holding a `pack.ron`.
//! They are embedded at build time so the web build, which has no file system, has them.
//! Cargo rebuilds when an embedded file changes, but not when a file is added: touch this
//! file (or add a build script with `cargo:rerun-if-changed=levels`) after adding a level.

use std::sync::OnceLock;

use include_dir::{Dir, include_dir};

use super::diagnostic::{Diagnostic, LevelProblem};
use super::pack::{FileSet, PACK_FILE, Pack};

static LEVELS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/levels");

/// The built-in packs, parsed and validated once (then cloned).
pub fn builtin_packs() -> Result<Vec<Pack>, Vec<Diagnostic>> {
    static PACKS: OnceLock<Result<Vec<Pack>, Vec<Diagnostic>>> = OnceLock::new();
    PACKS.get_or_init(load_builtin).clone()
}

/// The built-in pack with this id, if it exists and is valid.
pub fn builtin_pack(id: &str) -> Option<Pack> {
    builtin_packs().ok()?.into_iter().find(|p| p.id == id)
}

/// The embedded files of each pack folder, named `levels/<folder>/...`.
pub fn builtin_file_sets() -> Vec<FileSet> {
    let mut sets = Vec::new();
    for dir in LEVELS.dirs() {
        if dir.get_file(dir.path().join(PACK_FILE)).is_none() {
            continue;
        }
        let mut set = FileSet::new(format!("levels/{}", dir.path().display()));
        collect(dir, dir, &mut set);
        sets.push(set);
    }
    sets
}

fn collect(root: &Dir<'_>, dir: &Dir<'_>, set: &mut FileSet) {
    for file in dir.files() {
        let relative = file.path().strip_prefix(root.path()).unwrap_or(file.path());
        let name = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        // Non-UTF-8 files stay visible as empty text, which fails to parse with a position.
        set.insert(name, file.contents_utf8().unwrap_or_default());
    }
    for sub in dir.dirs() {
        collect(root, sub, set);
    }
}

fn load_builtin() -> Result<Vec<Pack>, Vec<Diagnostic>> {
    let sets = builtin_file_sets();
    if sets.is_empty() {
        return Err(vec![Diagnostic::new(
            "levels",
            1,
            1,
            LevelProblem::NoPackFile,
        )]);
    }
    let mut packs = Vec::new();
    let mut problems = Vec::new();
    for set in &sets {
        // Built-in packs borrow nothing (and must not wait on their own loading).
        match Pack::from_files_borrowing(set, &|_, _| None) {
            Ok(pack) => packs.push(pack),
            Err(errors) => problems.extend(errors),
        }
    }
    if problems.is_empty() {
        Ok(packs)
    } else {
        Err(problems)
    }
}
