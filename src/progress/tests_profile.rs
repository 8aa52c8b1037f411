//! Tests of the profile rules (stars, attempts, hints, code) and of ids and names.

use super::ids::generate_id;
use super::*;

fn profile() -> Profile {
    Profile::new("zoe-ab12", "Zoé", 0)
}

#[test]
fn stars_never_decrease() {
    let mut p = profile();
    p.record_attempt("basics/a", "v1", true, 3);
    p.record_attempt("basics/a", "v2", true, 1);
    p.record_attempt("basics/a", "v3", false, 0);
    let level = p.level("basics/a").unwrap();
    assert_eq!(level.best_stars, 3);
    assert!(level.passed);
    assert_eq!(p.total_stars(), 3);
    // Stars are capped, and a failed run never gives any.
    p.record_attempt("basics/b", "x", false, 3);
    assert_eq!(p.level("basics/b").unwrap().best_stars, 0);
    p.record_attempt("basics/b", "x", true, 200);
    assert_eq!(p.level("basics/b").unwrap().best_stars, MAX_STARS);
}

#[test]
fn record_attempt_counts_and_keeps_the_code() {
    let mut p = profile();
    assert_eq!(p.level("basics/a"), None);
    assert!(!p.is_passed("basics/a"));
    p.record_attempt("basics/a", "move()", false, 0);
    p.record_attempt("basics/a", "move()\nmove()", false, 0);
    let level = p.level("basics/a").unwrap();
    assert_eq!((level.attempts, level.passed), (2, false));
    assert_eq!(level.code, "move()\nmove()");
    assert!(level.last_played > 0);
    p.record_attempt("basics/a", "solved()", true, 2);
    assert!(p.is_passed("basics/a"));
    assert_eq!(p.level("basics/a").unwrap().attempts, 3);
    assert_eq!(p.level("basics/a").unwrap().code, "solved()");
}

#[test]
fn save_code_keeps_code_without_counting_an_attempt() {
    let mut p = profile();
    p.save_code("basics/a", "draft");
    let level = p.level("basics/a").unwrap();
    assert_eq!(
        (level.code.as_str(), level.attempts, level.passed),
        ("draft", 0, false)
    );
}

#[test]
fn hints_are_counted_and_decide_passed_without_hints() {
    let mut p = profile();
    assert_eq!(p.use_hint("basics/a"), 1);
    assert_eq!(p.use_hint("basics/a"), 2);
    p.record_attempt("basics/a", "x", true, 3);
    assert!(!p.level("basics/a").unwrap().passed_without_hints);

    p.record_attempt("basics/b", "x", true, 1);
    p.use_hint("basics/b");
    p.record_attempt("basics/b", "y", true, 2);
    let b = p.level("basics/b").unwrap();
    assert!(b.passed_without_hints, "earned before the hint, kept after");
    assert_eq!(b.hints_used, 1);
}

#[test]
fn levels_passed_counts_only_passed_levels() {
    let mut p = profile();
    p.record_attempt("a/1", "", true, 1);
    p.record_attempt("a/2", "", false, 0);
    p.save_code("a/3", "");
    assert_eq!(p.levels_passed(), 1);
}

#[test]
fn validate_id_accepts_only_safe_file_names() {
    for id in ["zoe-ab12", "a", "player_2", "0-x", &"a".repeat(MAX_ID_LEN)] {
        assert!(validate_id(id).is_ok(), "{id:?}");
    }
    let too_long = "a".repeat(MAX_ID_LEN + 1);
    for id in [
        "", "..", ".", "../x", "x/..", "a/b", "a\\b", "/etc", "C:x", "Zoe", "zoé", "-x", "_x",
        "a b", "a.ron", "con", "nul", "com1", "lpt9", "x\0", &too_long,
    ] {
        assert!(
            matches!(validate_id(id), Err(ProgressError::InvalidId { .. })),
            "{id:?}"
        );
    }
}

#[test]
fn slugs_are_readable_and_safe() {
    assert_eq!(slug("Zoé Martin"), "zoe-martin");
    assert_eq!(slug("  Ça   va ?!"), "ca-va");
    assert_eq!(slug("../../etc"), "etc");
    assert_eq!(slug("Œdipe"), "oedipe");
    assert_eq!(slug("🤖🤖"), "player");
    assert_eq!(slug(&"x".repeat(50)).len(), 20);
}

#[test]
fn generated_ids_are_valid_and_avoid_taken_ones() {
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..200 {
        let id = generate_id("Zoé", |id| seen.contains(id)).unwrap();
        validate_id(&id).unwrap();
        assert!(id.starts_with("zoe-"));
        assert!(seen.insert(id));
    }
    assert!(matches!(
        generate_id("Zoé", |_| true),
        Err(ProgressError::NoFreeId)
    ));
}

#[test]
fn names_are_trimmed_and_compared_ignoring_case() {
    assert_eq!(normalize_name("  Zoé  ").unwrap(), "Zoé");
    assert_eq!(name_key(" ZOÉ "), name_key("zoé"));
    assert_eq!(normalize_name(""), Err(NameError::Empty));
    assert_eq!(
        normalize_name(&"ab".repeat(16)),
        Err(NameError::TooLong { len: 32, max: 30 })
    );
    assert_eq!(normalize_name("a\tb"), Err(NameError::ControlChar));
}

#[test]
fn storage_paths_cannot_leave_the_root() {
    let mem = MemStorage::new();
    for path in [
        "../x",
        "profiles/../../x",
        "/abs",
        "a//b",
        "a\\b",
        "c:/x",
        ".",
    ] {
        assert!(mem.read(path).is_err(), "{path:?}");
        assert!(mem.write_atomic(path, b"x").is_err(), "{path:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let fs_storage = FsStorage::new(dir.path().join("root")).unwrap();
    assert!(fs_storage.write_atomic("../escaped", b"x").is_err());
    assert!(!dir.path().join("escaped").exists());
    fs_storage.write_atomic("a/b.ron", b"hello").unwrap();
    assert_eq!(
        fs_storage.read("a/b.ron").unwrap().as_deref(),
        Some(&b"hello"[..])
    );
    assert_eq!(fs_storage.list("a").unwrap(), ["b.ron"]);
    fs_storage.rename("a/b.ron", "c/d.ron").unwrap();
    assert!(!fs_storage.exists("a/b.ron").unwrap() && fs_storage.exists("c/d.ron").unwrap());
    fs_storage.remove("c/d.ron").unwrap();
    fs_storage.remove("c/d.ron").unwrap();
    assert_eq!(fs_storage.read("c/d.ron").unwrap(), None);
    assert!(fs_storage.list("missing").unwrap().is_empty());
}
