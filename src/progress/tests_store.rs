//! Tests of the store's everyday life: creating, listing, renaming, deleting, saving and
//! loading profiles, on the disk and in memory.

use std::ffi::OsString;
use std::fs;
use std::path::PathBuf;

use super::store::default_data_dir;
use super::test_util::*;
use super::*;

#[test]
fn create_then_list_sorted_by_name_ignoring_case() {
    let (_dir, store) = temp_store();
    let zoe = store.create_profile("  Zoé ", 2).unwrap();
    let adam = store.create_profile("adam", 0).unwrap();
    let bea = store.create_profile("Béa", 5).unwrap();
    assert_eq!(zoe.name, "Zoé");
    assert_eq!(zoe.avatar, 2);
    assert!(zoe.levels.is_empty() && zoe.achievements.is_empty());
    assert_eq!(zoe.settings, Settings::default());

    let list = store.list_profiles().unwrap();
    let names: Vec<&str> = list.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["adam", "Béa", "Zoé"]);
    assert_eq!(list[0].id, adam.id);
    assert_eq!(list[1].id, bea.id);
    assert!(
        list.iter()
            .all(|s| s.health == ProfileHealth::Ok && !s.is_corrupt())
    );
}

#[test]
fn summary_counts_stars_and_passed_levels() {
    let (_dir, store) = temp_store();
    let mut zoe = store.create_profile("Zoé", 1).unwrap();
    zoe.record_attempt("basics/a", "x", true, 3);
    zoe.record_attempt("basics/b", "y", true, 1);
    zoe.record_attempt("basics/c", "z", false, 0);
    store.save_profile(&zoe).unwrap();
    let summary = &store.list_profiles().unwrap()[0];
    assert_eq!(
        (summary.total_stars, summary.levels_passed, summary.avatar),
        (4, 2, 1)
    );
}

#[test]
fn created_profile_is_saved_with_a_safe_id() {
    let (dir, store) = temp_store();
    let profile = store.create_profile("Zoé Martin", 0).unwrap();
    assert!(profile.id.starts_with("zoe-martin-"), "{}", profile.id);
    validate_id(&profile.id).unwrap();
    assert!(main_file(dir.path(), &profile.id).is_file());
    let weird = store.create_profile("../../etc/passwd", 0).unwrap();
    assert!(weird.id.starts_with("etc-passwd-"), "{}", weird.id);
    let emoji = store.create_profile("🤖", 0).unwrap();
    assert!(emoji.id.starts_with("player-"), "{}", emoji.id);
}

#[test]
fn duplicate_names_are_refused_ignoring_case_and_spaces() {
    let (_dir, store) = temp_store();
    store.create_profile("Zoé", 0).unwrap();
    for name in ["Zoé", "zoé", " ZOÉ  "] {
        assert!(
            matches!(
                store.create_profile(name, 1),
                Err(ProgressError::DuplicateName { .. })
            ),
            "{name:?}"
        );
    }
    assert_eq!(store.list_profiles().unwrap().len(), 1);
}

#[test]
fn bad_names_are_refused_with_typed_errors() {
    let (_dir, store) = temp_store();
    assert!(matches!(
        store.create_profile("   ", 0),
        Err(ProgressError::InvalidName(NameError::Empty))
    ));
    assert!(matches!(
        store.create_profile(&"a".repeat(31), 0),
        Err(ProgressError::InvalidName(NameError::TooLong {
            len: 31,
            max: 30
        }))
    ));
    assert!(matches!(
        store.create_profile("Zo\né", 0),
        Err(ProgressError::InvalidName(NameError::ControlChar))
    ));
    // 30 characters (not bytes) is fine.
    store.create_profile(&"é".repeat(30), 0).unwrap();
    assert_eq!(store.list_profiles().unwrap().len(), 1);
}

#[test]
fn save_then_load_round_trips() {
    let (_dir, store) = temp_store();
    let mut zoe = with_progress(store.create_profile("Zoé", 3).unwrap());
    zoe.settings = Settings {
        lang: Some(crate::i18n::Lang::En),
        text_scale: 1.5,
        high_contrast: true,
        animation_speed: 0.25,
        reduced_motion: true,
    };
    let tricky = "# \"quotes\" r#\"raw\"# and \\ backslash\r\n\tdef f():\n    return 'é🤖'\n";
    zoe.save_code("pack/tricky", tricky);
    zoe.use_hint("pack/tricky");
    store.save_profile(&zoe).unwrap();

    let loaded = store.load_profile(&zoe.id).unwrap();
    assert_eq!(loaded.recovery, None);
    assert_eq!(loaded.value, zoe);
    assert_eq!(loaded.value.level("pack/tricky").unwrap().code, tricky);
}

#[test]
fn memory_store_round_trips_too() {
    let store = Store::in_memory();
    let zoe = with_progress(store.create_profile("Zoé", 0).unwrap());
    store.save_profile(&zoe).unwrap();
    assert_eq!(store.load_profile(&zoe.id).unwrap().value, zoe);
    assert_eq!(store.list_profiles().unwrap().len(), 1);
}

#[test]
fn atomic_save_leaves_no_temporary_file_and_keeps_a_backup() {
    let (dir, store) = temp_store();
    let mut zoe = store.create_profile("Zoé", 0).unwrap();
    let first = fs::read(main_file(dir.path(), &zoe.id)).unwrap();
    zoe.record_attempt("basics/a", "move()", true, 1);
    store.save_profile(&zoe).unwrap();
    let id = &zoe.id;
    assert_eq!(
        files_in(dir.path(), "profiles"),
        [format!("{id}.ron"), format!("{id}.ron.bak")]
    );
    assert_eq!(fs::read(backup_file(dir.path(), id)).unwrap(), first);
    assert!(
        files_in(dir.path(), "")
            .iter()
            .all(|f| !f.ends_with(".tmp"))
    );
}

#[test]
fn saving_unchanged_profile_keeps_the_older_backup() {
    let (dir, store) = temp_store();
    let mut zoe = store.create_profile("Zoé", 0).unwrap();
    zoe.record_attempt("basics/a", "move()", true, 1);
    store.save_profile(&zoe).unwrap();
    let backup = fs::read(backup_file(dir.path(), &zoe.id)).unwrap();
    store.save_profile(&zoe).unwrap();
    assert_eq!(fs::read(backup_file(dir.path(), &zoe.id)).unwrap(), backup);
}

#[test]
fn file_is_pretty_ron_with_format_version_first() {
    let (dir, store) = temp_store();
    let zoe = with_progress(store.create_profile("Zoé", 0).unwrap());
    store.save_profile(&zoe).unwrap();
    let text = fs::read_to_string(main_file(dir.path(), &zoe.id)).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("("));
    assert_eq!(lines.next(), Some("    format_version: 1,"));
    assert!(text.contains("\"basics/first\": ("), "{text}");
    assert!(text.lines().count() > 20);
}

#[test]
fn two_profiles_never_mix() {
    let (dir, store) = temp_store();
    let mut zoe = with_progress(store.create_profile("Zoé", 0).unwrap());
    let mut adam = store.create_profile("Adam", 1).unwrap();
    adam.record_attempt("basics/a", "adam's code", true, 3);
    store.save_profile(&adam).unwrap();
    store.save_profile(&zoe).unwrap();

    let adam_files = |root: &std::path::Path| {
        files_in(root, "profiles")
            .into_iter()
            .filter(|f| f.starts_with(&adam.id))
            .map(|f| (fs::read(root.join("profiles").join(&f)).unwrap(), f))
            .collect::<Vec<_>>()
    };
    let before = adam_files(dir.path());
    for n in 0..3 {
        zoe.record_attempt("basics/a", &format!("zoe {n}"), true, 1);
        store.save_profile(&zoe).unwrap();
    }
    store.rename_profile(&zoe.id, "Zoé M").unwrap();
    assert_eq!(adam_files(dir.path()), before);

    let adam_loaded = store.load_profile(&adam.id).unwrap().value;
    assert_eq!(adam_loaded, adam);
    assert_eq!(adam_loaded.level("basics/a").unwrap().code, "adam's code");
    let zoe_loaded = store.load_profile(&zoe.id).unwrap().value;
    assert_eq!(zoe_loaded.level("basics/a").unwrap().code, "zoe 2");
    assert_eq!(zoe_loaded.level("basics/a").unwrap().best_stars, 1);
}

#[test]
fn a_profile_file_copied_under_another_id_is_not_used() {
    let (dir, store) = temp_store();
    let zoe = store.create_profile("Zoé", 0).unwrap();
    let adam = store.create_profile("Adam", 0).unwrap();
    fs::copy(
        main_file(dir.path(), &zoe.id),
        main_file(dir.path(), &adam.id),
    )
    .unwrap();
    let err = store.load_profile(&adam.id).unwrap_err();
    assert!(
        matches!(
            &err,
            ProgressError::BothBroken {
                main: FileProblem::Invalid(Invalid::IdMismatch { .. }),
                backup: FileProblem::Missing,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn rename_keeps_the_id_and_checks_the_name() {
    let (_dir, store) = temp_store();
    let zoe = with_progress(store.create_profile("Zoé", 0).unwrap());
    store.save_profile(&zoe).unwrap();
    store.create_profile("Adam", 0).unwrap();

    let renamed = store.rename_profile(&zoe.id, "  Zoé Martin ").unwrap();
    assert_eq!(
        (renamed.id.as_str(), renamed.name.as_str()),
        (zoe.id.as_str(), "Zoé Martin")
    );
    let loaded = store.load_profile(&zoe.id).unwrap().value;
    assert_eq!(loaded.name, "Zoé Martin");
    assert_eq!(loaded.levels, zoe.levels);

    // Changing only the case of one's own name is allowed.
    store.rename_profile(&zoe.id, "zoé martin").unwrap();
    assert!(matches!(
        store.rename_profile(&zoe.id, "ADAM"),
        Err(ProgressError::DuplicateName { .. })
    ));
    assert!(matches!(
        store.rename_profile(&zoe.id, ""),
        Err(ProgressError::InvalidName(NameError::Empty))
    ));
    assert!(matches!(
        store.rename_profile("nobody-1234", "Bob"),
        Err(ProgressError::NotFound { .. })
    ));
}

#[test]
fn delete_moves_every_file_to_the_trash() {
    let (dir, store) = temp_store();
    let mut zoe = store.create_profile("Zoé", 0).unwrap();
    zoe.record_attempt("basics/a", "move()", true, 2);
    store.save_profile(&zoe).unwrap();
    let adam = store.create_profile("Adam", 0).unwrap();
    let main = fs::read(main_file(dir.path(), &zoe.id)).unwrap();

    store.delete_profile(&zoe.id).unwrap();
    let names: Vec<String> = store
        .list_profiles()
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(names, [adam.id.as_str()]);
    assert!(matches!(
        store.load_profile(&zoe.id),
        Err(ProgressError::NotFound { .. })
    ));
    let folders = files_in(dir.path(), "trash");
    assert_eq!(folders.len(), 1);
    assert!(folders[0].ends_with(&zoe.id), "{folders:?}");
    let trashed = dir.path().join("trash").join(&folders[0]);
    assert_eq!(
        fs::read(trashed.join(format!("{}.ron", zoe.id))).unwrap(),
        main
    );
    assert!(trashed.join(format!("{}.ron.bak", zoe.id)).is_file());
    assert!(
        files_in(dir.path(), "profiles")
            .iter()
            .all(|f| f.starts_with(&adam.id))
    );

    assert!(matches!(
        store.delete_profile(&zoe.id),
        Err(ProgressError::NotFound { .. })
    ));
    // The name is free again, and a second deletion does not overwrite the first.
    let again = store.create_profile("Zoé", 0).unwrap();
    store.delete_profile(&again.id).unwrap();
    assert_eq!(files_in(dir.path(), "trash").len(), 2);
}

#[test]
fn delete_does_not_touch_a_profile_whose_id_extends_another() {
    let store = Store::in_memory();
    let zoe = store.create_profile("Zoé", 0).unwrap();
    let mut other = zoe.clone();
    other.id = format!("{}-2", zoe.id);
    other.name = "Other".into();
    store.save_profile(&other).unwrap();
    store.delete_profile(&zoe.id).unwrap();
    assert_eq!(store.load_profile(&other.id).unwrap().value, other);
}

#[test]
fn ids_that_could_escape_the_folder_are_refused() {
    let (dir, store) = temp_store();
    let zoe = store.create_profile("Zoé", 0).unwrap();
    for id in [
        "../x",
        "..",
        "../../etc/passwd",
        "a/b",
        "a\\b",
        ".",
        "",
        "Zoe",
        "con",
        "x.ron",
    ] {
        let invalid =
            |r: Result<(), ProgressError>| matches!(r, Err(ProgressError::InvalidId { .. }));
        assert!(invalid(store.load_profile(id).map(drop)), "load {id:?}");
        assert!(invalid(store.delete_profile(id)), "delete {id:?}");
        assert!(
            invalid(store.rename_profile(id, "Bob").map(drop)),
            "rename {id:?}"
        );
        let mut evil = zoe.clone();
        evil.id = id.to_owned();
        assert!(invalid(store.save_profile(&evil)), "save {id:?}");
    }
    // Nothing was written outside `profiles/`.
    assert_eq!(files_in(dir.path(), ""), ["profiles"]);
    assert_eq!(files_in(dir.path(), "profiles").len(), 1);
}

#[test]
fn invalid_profiles_are_not_saved() {
    let store = Store::in_memory();
    let mut zoe = store.create_profile("Zoé", 0).unwrap();
    zoe.levels.entry("basics/a".into()).or_default().best_stars = 9;
    assert!(matches!(
        store.save_profile(&zoe),
        Err(ProgressError::InvalidProfile {
            problem: Invalid::StarsOutOfRange { stars: 9, .. },
            ..
        })
    ));
    zoe.levels.clear();
    zoe.settings.text_scale = f32::NAN;
    assert!(matches!(
        store.save_profile(&zoe),
        Err(ProgressError::InvalidProfile {
            problem: Invalid::BadSetting { .. },
            ..
        })
    ));
}

#[test]
fn data_dir_comes_from_the_environment_variable_first() {
    assert_eq!(
        default_data_dir(Some(OsString::from("some/folder"))).unwrap(),
        PathBuf::from("some/folder")
    );
    // Unset or empty: the platform folder, when the platform has one.
    if let Ok(dir) = default_data_dir(Some(OsString::new())) {
        assert!(dir.ends_with("codebot") || dir.ends_with("data"), "{dir:?}");
        assert_eq!(default_data_dir(None).unwrap(), dir);
    }
}

#[test]
fn open_creates_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("new").join("data");
    let store = Store::open(&root).unwrap();
    assert!(root.is_dir());
    assert_eq!(store.root(), root);
    assert!(store.list_profiles().unwrap().is_empty());
}

#[test]
fn store_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync + 'static>() {}
    shareable::<Store>();
    let store = Store::in_memory();
    let zoe = store.create_profile("Zoé", 0).unwrap();
    std::thread::scope(|scope| {
        for n in 0..4 {
            let (store, mut profile) = (&store, zoe.clone());
            scope.spawn(move || {
                for k in 0..10 {
                    profile.record_attempt(&format!("t{n}/l{k}"), "x", true, 1);
                    store.save_profile(&profile).unwrap();
                }
            });
        }
    });
    let loaded = store.load_profile(&zoe.id).unwrap();
    assert_eq!(loaded.recovery, None);
    assert_eq!(loaded.value.levels.len(), 10);
}
