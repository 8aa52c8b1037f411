//! Tests of what happens when files are damaged or the power goes off: the backup is
//! used and reported, broken files are kept for the teacher, and a save interrupted at any
//! step leaves a loadable profile.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use super::test_util::*;
use super::*;

/// A store where Zoé saved twice: the backup holds the first save (`old`), the main file
/// the second (`new`).
fn saved_twice() -> (tempfile::TempDir, Store, Profile, Profile) {
    let (dir, store) = temp_store();
    let mut old = store.create_profile("Zoé", 0).unwrap();
    old.record_attempt("basics/a", "first version", true, 1);
    store.save_profile(&old).unwrap();
    let mut new = old.clone();
    new.record_attempt("basics/a", "second version", true, 3);
    store.save_profile(&new).unwrap();
    (dir, store, old, new)
}

/// Damages the main file, loads, and checks that the backup came back with a recovery of
/// the expected kind, that the damaged file is still there and that a copy was kept.
fn check_recovery(damage: impl Fn(&Path), expect: impl Fn(&FileProblem) -> bool) {
    let (dir, store, old, _new) = saved_twice();
    let main = main_file(dir.path(), &old.id);
    damage(&main);
    let damaged = fs::read(&main).ok();

    let loaded = store.load_profile(&old.id).unwrap();
    assert_eq!(loaded.value, old);
    let recovery = loaded.recovery.expect("recovery reported");
    assert!(
        expect(&recovery.main_problem),
        "{:?}",
        recovery.main_problem
    );

    // The damaged main file is neither repaired nor replaced by loading.
    assert_eq!(fs::read(&main).ok(), damaged);
    match (&damaged, &recovery.broken_copy) {
        (Some(bytes), Some(copy)) => {
            assert!(copy.starts_with(&format!("profiles/{}.ron.broken-", old.id)));
            assert_eq!(&fs::read(dir.path().join(copy)).unwrap(), bytes);
        }
        (None, None) => {}
        other => panic!("broken copy mismatch: {other:?}"),
    }
    let summary = &store.list_profiles().unwrap()[0];
    assert!(summary.is_corrupt());
    assert!(matches!(summary.health, ProfileHealth::Recovered { .. }));
    assert_eq!(summary.name, "Zoé");

    // Playing on and saving writes a good main file and keeps the good backup.
    let backup = fs::read(backup_file(dir.path(), &old.id)).unwrap();
    let mut profile = loaded.value;
    profile.record_attempt("basics/b", "more", true, 2);
    store.save_profile(&profile).unwrap();
    assert_eq!(fs::read(backup_file(dir.path(), &old.id)).unwrap(), backup);
    let reloaded = store.load_profile(&old.id).unwrap();
    assert_eq!((reloaded.value, reloaded.recovery), (profile, None));
    let copies = files_in(dir.path(), "profiles")
        .into_iter()
        .filter(|f| f.contains(".broken-"))
        .count();
    assert_eq!(copies, usize::from(damaged.is_some()));
}

fn truncate_to_half(path: &Path) {
    let bytes = fs::read(path).unwrap();
    fs::write(path, &bytes[..bytes.len() / 2]).unwrap();
}

#[test]
fn truncated_main_file_falls_back_on_the_backup() {
    check_recovery(truncate_to_half, |p| *p == FileProblem::Truncated);
}

#[test]
fn empty_main_file_falls_back_on_the_backup() {
    check_recovery(|p| fs::write(p, b"").unwrap(), |p| *p == FileProblem::Empty);
    check_recovery(
        |p| fs::write(p, b" \n\n").unwrap(),
        |p| *p == FileProblem::Empty,
    );
}

#[test]
fn garbage_main_file_falls_back_on_the_backup() {
    check_recovery(
        |p| fs::write(p, [0xff, 0x00, 0x13, 0x37, 0xfe]).unwrap(),
        |p| matches!(p, FileProblem::NotRon { .. }),
    );
    check_recovery(
        |p| fs::write(p, "[1, 2, 3]").unwrap(),
        |p| matches!(p, FileProblem::NotRon { .. }),
    );
    check_recovery(
        |p| fs::write(p, vec![0u8; 4096]).unwrap(),
        |p| matches!(p, FileProblem::NotRon { .. }),
    );
}

#[test]
fn deleted_main_file_falls_back_on_the_backup() {
    check_recovery(
        |p| fs::remove_file(p).unwrap(),
        |p| *p == FileProblem::Missing,
    );
}

#[test]
fn invalid_content_falls_back_on_the_backup() {
    check_recovery(
        |p| {
            let text = fs::read_to_string(p).unwrap();
            fs::write(p, text.replace("best_stars: 3", "best_stars: 200")).unwrap();
        },
        |p| matches!(p, FileProblem::Invalid(Invalid::StarsOutOfRange { .. })),
    );
}

#[test]
fn loading_a_broken_profile_twice_keeps_one_copy() {
    let (dir, store, old, _new) = saved_twice();
    truncate_to_half(&main_file(dir.path(), &old.id));
    let first = store.load_profile(&old.id).unwrap().recovery.unwrap();
    let second = store.load_profile(&old.id).unwrap().recovery.unwrap();
    assert_eq!(first.broken_copy, second.broken_copy);
    let copies: Vec<String> = files_in(dir.path(), "profiles")
        .into_iter()
        .filter(|f| f.contains(".broken-"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
}

#[test]
fn saving_over_a_broken_main_file_keeps_a_copy_even_without_loading() {
    let (dir, store, old, new) = saved_twice();
    fs::write(main_file(dir.path(), &old.id), "garbage").unwrap();
    store.save_profile(&new).unwrap();
    let copy = files_in(dir.path(), "profiles")
        .into_iter()
        .find(|f| f.contains(".broken-"))
        .expect("broken copy");
    assert_eq!(
        fs::read(dir.path().join("profiles").join(copy)).unwrap(),
        b"garbage"
    );
    assert_eq!(store.load_profile(&old.id).unwrap().value, new);
}

#[test]
fn both_files_broken_is_a_typed_error_naming_both_problems() {
    let (dir, store, old, _new) = saved_twice();
    fs::write(main_file(dir.path(), &old.id), "").unwrap();
    truncate_to_half(&backup_file(dir.path(), &old.id));
    let err = store.load_profile(&old.id).unwrap_err();
    assert!(
        matches!(
            &err,
            ProgressError::BothBroken {
                main: FileProblem::Empty,
                backup: FileProblem::Truncated,
                ..
            }
        ),
        "{err:?}"
    );
    // Still listed, with a flag, under its id.
    let list = store.list_profiles().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, old.id);
    assert!(list[0].is_corrupt());
    assert_eq!(
        list[0].health,
        ProfileHealth::Unreadable {
            main: FileProblem::Empty,
            backup: FileProblem::Truncated
        }
    );
}

#[test]
fn main_broken_and_no_backup_is_both_broken() {
    let (dir, store) = temp_store();
    let zoe = store.create_profile("Zoé", 0).unwrap();
    fs::write(main_file(dir.path(), &zoe.id), "(oops").unwrap();
    assert!(matches!(
        store.load_profile(&zoe.id),
        Err(ProgressError::BothBroken {
            backup: FileProblem::Missing,
            ..
        })
    ));
}

#[test]
fn only_a_backup_left_is_still_listed_and_loaded() {
    let (dir, store, old, _new) = saved_twice();
    fs::remove_file(main_file(dir.path(), &old.id)).unwrap();
    let list = store.list_profiles().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(
        list[0].health,
        ProfileHealth::Recovered {
            main: FileProblem::Missing
        }
    );
    assert_eq!(store.load_profile(&old.id).unwrap().value, old);
}

#[test]
fn a_leftover_temporary_file_is_ignored() {
    let (dir, store, _old, new) = saved_twice();
    let tmp = dir
        .path()
        .join("profiles")
        .join(format!("{}.ron.tmp", new.id));
    fs::write(&tmp, "(format_version: 1, id: \"zo").unwrap();
    let loaded = store.load_profile(&new.id).unwrap();
    assert_eq!((loaded.value, loaded.recovery), (new.clone(), None));
    assert_eq!(store.list_profiles().unwrap().len(), 1);
    let mut more = new;
    more.save_code("basics/c", "x");
    store.save_profile(&more).unwrap();
    assert!(!tmp.exists());
}

/// The power goes off at every possible step of a save: afterwards, the profile loads
/// as it was before the save or as it is after, never as anything else, and never fails.
#[test]
fn a_save_interrupted_at_any_step_leaves_a_loadable_profile() {
    for already_broken in [false, true] {
        let mut completed = false;
        for crash_at in 0..20 {
            let disk = Arc::new(MemStorage::new());
            let store = Store::with_storage("memory", Arc::clone(&disk));
            let mut old = store.create_profile("Zoé", 0).unwrap();
            old.record_attempt("basics/a", "v1", true, 1);
            store.save_profile(&old).unwrap();
            let mut current = old.clone();
            current.record_attempt("basics/a", "v2", true, 2);
            store.save_profile(&current).unwrap();
            if already_broken {
                // The main file is damaged: the backup (`old`) is the good save.
                disk.put(&format!("profiles/{}.ron", old.id), &b"(form"[..]);
                current = old.clone();
            }
            let mut new = current.clone();
            new.record_attempt("basics/a", "v3", true, 3);

            let crashing =
                Store::with_storage("memory", CrashingStorage::new(Arc::clone(&disk), crash_at));
            let saved = crashing.save_profile(&new);

            let after = Store::with_storage("memory", Arc::clone(&disk));
            let loaded = after
                .load_profile(&old.id)
                .unwrap_or_else(|e| panic!("crash at step {crash_at}: {e:?}"));
            if saved.is_ok() {
                assert_eq!(loaded.value, new);
                assert_eq!(loaded.recovery, None);
                completed = true;
                break;
            }
            assert!(
                loaded.value == current || loaded.value == new,
                "crash at step {crash_at} (broken: {already_broken}): {:?}",
                loaded.value.level("basics/a")
            );
        }
        assert!(completed, "the save never completed");
    }
}

#[test]
fn a_delete_interrupted_at_any_step_loses_nothing() {
    for crash_at in 0..10 {
        let disk = Arc::new(MemStorage::new());
        let store = Store::with_storage("memory", Arc::clone(&disk));
        let mut zoe = store.create_profile("Zoé", 0).unwrap();
        zoe.record_attempt("basics/a", "v1", true, 1);
        store.save_profile(&zoe).unwrap();
        let crashing =
            Store::with_storage("memory", CrashingStorage::new(Arc::clone(&disk), crash_at));
        let deleted = crashing.delete_profile(&zoe.id);
        let after = Store::with_storage("memory", Arc::clone(&disk));
        let main_in_trash = disk
            .paths()
            .iter()
            .any(|p| p.starts_with("trash/") && p.ends_with(&format!("{}.ron", zoe.id)));
        if deleted.is_ok() {
            assert!(main_in_trash);
            assert!(after.list_profiles().unwrap().is_empty());
            return;
        }
        // Not deleted yet: the profile is still there, complete.
        assert!(!main_in_trash);
        assert_eq!(after.load_profile(&zoe.id).unwrap().value, zoe);
    }
    panic!("the delete never completed");
}
