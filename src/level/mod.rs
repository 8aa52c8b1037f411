//! Levels and packs: the RON format, variants, validation and the built-in pack.
//!
//! - [`Level::parse`] reads a level file, [`Level::validate`] checks it (every variant),
//!   [`Level::load`] does both; [`Level::world`] / [`Level::worlds`] build its variants.
//! - [`Pack::load_dir`] / [`Pack::from_files`] read a pack; [`builtin_packs`] the packs
//!   embedded from `levels/`; [`archive`] reads folders and zips as untrusted input;
//!   [`Library`] installs packs into the data folder.
//! - [`validate_path`] and [`resolve_level`] serve the command line.
//!
//! Problems come back as [`Diagnostic`]s, `file:line:col: message`.
//! The reference solution is not run here (it needs the Python sandbox): the caller runs
//! `Level::solution` on `Level::worlds()` and reports a failure with
//! `Level::field_diagnostic(file, text, "solution", LevelProblem::SolutionFails { .. })`.

pub mod archive;
mod builtin;
mod diagnostic;
mod format;
mod library;
mod map;
mod pack;
mod spans;
mod text;
mod validate;
mod variants;

#[cfg(test)]
mod tests;

use std::path::Path;

pub use builtin::{builtin_file_sets, builtin_pack, builtin_packs};
pub use diagnostic::{Diagnostic, LevelError, LevelProblem};
pub(crate) use format::parse_ron;
pub use format::{
    DEFAULT_MAX_ACTIONS, Feature, Level, MAX_VARIANTS, Rule, Stars, ThinWall, Variants,
    lines_of_code,
};
pub(crate) use library::write_zip_atomically;
pub use library::{
    InstalledPack, Library, PACKS_DIR, PackError, installable, load_pack, load_zip_bytes, zip_bytes,
};
pub use map::builtin_features;
pub(crate) use map::{Drawing, features_of};
pub use pack::{Chapter, Exam, FileSet, MAX_EXAM_MINUTES, PACK_FILE, Pack};
pub(crate) use pack::{ChapterFile, PackFile};
pub(crate) use spans::{Loc, Node, NodeKind};
pub use text::Text;
pub use validate::is_valid_id;
pub use variants::MAX_SIDE;

/// Finds a level: a path to a `.ron` level file, or `pack-id/level-id` of a built-in pack
/// or of a pack installed in the [`Library`] of the data folder. A level read from a file
/// is validated.
pub fn resolve_level(spec: &str) -> Result<Level, LevelError> {
    let path = Path::new(spec);
    if path.is_file() || spec.ends_with(".ron") {
        let text = std::fs::read_to_string(path).map_err(|e| LevelError::Io {
            path: spec.to_string(),
            message: e.to_string(),
        })?;
        return Level::load(spec, &text).map_err(LevelError::Invalid);
    }
    if let Some((pack_id, level_id)) = spec.split_once('/')
        && is_valid_id(pack_id)
        && is_valid_id(level_id)
    {
        let packs = builtin_packs().map_err(LevelError::Invalid)?;
        let pack = match packs.into_iter().find(|p| p.id == pack_id) {
            Some(pack) => pack,
            None => installed_pack(pack_id)?,
        };
        return pack
            .level(level_id)
            .cloned()
            .ok_or_else(|| LevelError::UnknownLevel {
                pack: pack_id.to_string(),
                level: level_id.to_string(),
            });
    }
    Err(LevelError::BadSpec(spec.to_string()))
}

/// An installed pack, for [`resolve_level`].
fn installed_pack(pack_id: &str) -> Result<Pack, LevelError> {
    let unknown = || LevelError::UnknownPack(pack_id.to_string());
    let root = Library::default_root().map_err(|_| unknown())?;
    match Library::at(root).pack(pack_id) {
        Ok(pack) => Ok(pack),
        Err(PackError::Invalid(diagnostics)) => Err(LevelError::Invalid(diagnostics)),
        Err(_) => Err(unknown()),
    }
}

/// Checks a level file, a pack folder (or the `pack.ron` of one) or a pack zip. Empty
/// when valid.
pub fn validate_path(path: &Path) -> Vec<Diagnostic> {
    let name = path.display().to_string();
    if path.is_dir() || archive::is_zip(path) && path.is_file() {
        return load_pack(path)
            .err()
            .map(|e| e.diagnostics())
            .unwrap_or_default();
    }
    if !path.exists() {
        let message = "no such file or folder".to_string();
        return vec![Diagnostic::new(name, 1, 1, LevelProblem::Io { message })];
    }
    if path.file_name().is_some_and(|n| n == PACK_FILE) {
        return validate_path(
            path.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new(".")),
        );
    }
    if path.extension().is_none_or(|e| e != "ron") {
        return vec![Diagnostic::new(name, 1, 1, LevelProblem::NotALevelOrPack)];
    }
    match std::fs::read_to_string(path) {
        Err(e) => vec![pack::io_problem(&name, &e)],
        Ok(text) => match Level::parse(&name, &text) {
            Ok(level) => level.validate(&name, &text),
            Err(errors) => errors,
        },
    }
}
