//! Fuzz target: a pack folder on disk, built from structured input (odd names, links,
//! named pipes, nested folders, valid and broken `pack.ron` and levels), read as
//! `codebot validate folder/` and `codebot install-pack folder/` read it.
//!
//! Beyond "never panics, never blocks on a pipe": a pack that loads must install into a
//! library, and the installed copy must load back as the same pack.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use codebot::level::{Library, Pack, PackError, load_pack};
use codebot_fuzz::folder::Folder;
use libfuzzer_sys::fuzz_target;

/// One scratch folder for the whole fuzzing session; each input gets a fresh subfolder.
fn scratch() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a scratch folder"))
        .path()
}

/// The pack without the file names its levels were read from (they differ once installed).
fn without_files(mut pack: Pack) -> Pack {
    for chapter in &mut pack.chapters {
        for level in &mut chapter.levels {
            level.file.clear();
        }
    }
    pack
}

fuzz_target!(|folder: Folder| {
    let run = tempfile::tempdir_in(scratch()).expect("a run folder");
    let pack_dir = run.path().join("pack");
    std::fs::create_dir(&pack_dir).expect("the pack folder");
    folder.build(&pack_dir);
    let Ok(pack) = load_pack(&pack_dir) else {
        return;
    };
    let library = Library::at(run.path().join("library"));
    match library.install(&pack_dir) {
        Ok(installed) => {
            assert_eq!(without_files(installed), without_files(pack.clone()));
            let again = library.pack(&pack.id).expect("the installed pack loads");
            assert_eq!(without_files(again), without_files(pack));
        }
        Err(PackError::BuiltinId { .. }) => {}
        Err(other) => panic!("a pack that loads failed to install: {other:?}"),
    }
});
