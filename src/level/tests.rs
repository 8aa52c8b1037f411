//! Tests of the level module as a whole: every validation problem on small inline
//! levels (by variant and by line:column), packs, and the built-in pack.

use std::path::Path;

use super::*;
use crate::sim::{Goal, Heading};

/// A small valid level; lines are numbered in the comments used by the tests.
const BASE: &str = r#"(
  id: "t",
  title: (fr: "Titre", en: "Title"),
  brief: (fr: "But", en: "Aim"),
  map: "
    #######
    #>.*.G#
    #######
  ",
  goals: [ReachGoal, CollectAll(gem)],
  allowed: ["move", "pick", "item_here", "at_goal"],
  solution: "move()\nmove()\npick()\n",
)"#;

/// Line and column (1-based, in characters) of the `nth` occurrence of `needle`.
fn pos(text: &str, needle: &str, nth: usize) -> (u32, u32) {
    let (index, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` not in text"));
    let before = &text[..index];
    let line = before.matches('\n').count() as u32 + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() as u32 + 1;
    (line, column)
}

fn diagnostics(text: &str) -> Vec<Diagnostic> {
    match Level::parse("t.ron", text) {
        Ok(level) => level.validate("t.ron", text),
        Err(errors) => errors,
    }
}

/// Asserts that exactly one diagnostic has this problem, at this place.
fn assert_problem(text: &str, problem: LevelProblem, at: (u32, u32)) {
    let found = diagnostics(text);
    let matching: Vec<_> = found.iter().filter(|d| d.problem == problem).collect();
    assert_eq!(matching.len(), 1, "expected one {problem:?} in {found:#?}");
    assert_eq!(
        (matching[0].line, matching[0].column),
        at,
        "{}",
        matching[0]
    );
}

fn edit(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from}");
    BASE.replacen(from, to, 1)
}

#[test]
fn base_level_is_valid() {
    assert_eq!(diagnostics(BASE), vec![]);
    let level = Level::load("t.ron", BASE).unwrap();
    assert_eq!(level.worlds().unwrap().len(), 1);
}

#[test]
fn byte_order_mark_and_crlf_are_accepted() {
    let text = format!("\u{feff}{}", BASE.replace('\n', "\r\n"));
    assert_eq!(diagnostics(&text), vec![]);
    let text = text.replacen("#>.*.G#", "#>.*QG#", 1);
    assert_problem(&text, LevelProblem::UnknownChar { ch: 'Q' }, (7, 9));
}

#[test]
fn syntax_error_position() {
    let text = edit("  goals:", "  goals [");
    let found = diagnostics(&text);
    assert_eq!(found.len(), 1);
    assert!(matches!(found[0].problem, LevelProblem::Syntax { .. }));
    assert_eq!((found[0].line, found[0].column), (10, 8));
    assert!(
        found[0].to_string().starts_with("t.ron:10:8: "),
        "{}",
        found[0]
    );
}

#[test]
fn map_problems_are_placed_on_the_drawn_cell() {
    let text = edit("#>.*.G#", "#..*.G#");
    assert_problem(&text, LevelProblem::NoRobot, pos(&text, "map:", 0));

    let text = edit("#>.*.G#", "#>.*<G#");
    assert_problem(
        &text,
        LevelProblem::TooManyRobots { count: 2 },
        pos(&text, "<", 0),
    );

    let text = edit("#>.*.G#", "#>Q*QG#");
    let found = diagnostics(&text);
    let unknown: Vec<_> = found
        .iter()
        .filter(|d| d.problem == LevelProblem::UnknownChar { ch: 'Q' })
        .collect();
    assert_eq!(unknown.len(), 2, "every unknown character is reported");
    assert_eq!((unknown[0].line, unknown[0].column), (7, 7));
    assert_eq!((unknown[1].line, unknown[1].column), (7, 9));
    // The variant checks still run: the unreachable gem is found too.
    let text = edit("#>.*.G#", "#>Q#*G#");
    assert_problem(
        &text,
        LevelProblem::UnknownChar { ch: 'Q' },
        pos(&text, "Q", 0),
    );
    assert_problem(
        &text,
        LevelProblem::ItemUnreachable { seed: 0 },
        pos(&text, "*", 0),
    );

    let text = edit("#>.*.G#", "#>.*#G#");
    assert_problem(
        &text,
        LevelProblem::GoalUnreachable { seed: 0 },
        pos(&text, "G#", 0),
    );

    let text = edit("#>.*.G#", "#>.#*G#");
    assert_problem(
        &text,
        LevelProblem::ItemUnreachable { seed: 0 },
        pos(&text, "*", 0),
    );
    assert_problem(
        &text,
        LevelProblem::GoalUnreachable { seed: 0 },
        pos(&text, "G#", 0),
    );
}

#[test]
fn maps_with_escapes_and_raw_strings_are_located() {
    let text = edit(
        "map: \"\n    #######\n    #>.*.G#\n    #######\n  \",",
        "map: \"#######\\n#>Q*.G#\\n#######\",",
    );
    assert_problem(
        &text,
        LevelProblem::UnknownChar { ch: 'Q' },
        pos(&text, "Q", 0),
    );
    let text = edit(
        "map: \"\n    #######\n    #>.*.G#\n    #######\n  \",",
        "map: r#\"\n #######\n #>.*QG#\n #######\"#,",
    );
    assert_problem(
        &text,
        LevelProblem::UnknownChar { ch: 'Q' },
        pos(&text, "Q", 0),
    );
}

#[test]
fn goal_problems() {
    let text = edit(
        "goals: [ReachGoal, CollectAll(gem)]",
        "goals: [ReachGoal, RobotOn('Z'), All([ItemsOn('W', 1)])]",
    );
    assert_problem(
        &text,
        LevelProblem::UnknownMark { mark: 'Z' },
        pos(&text, "'Z'", 0),
    );
    assert_problem(
        &text,
        LevelProblem::UnknownMark { mark: 'W' },
        pos(&text, "'W'", 0),
    );

    let text = edit("#>.*.G#", "#>.*..#");
    assert_problem(&text, LevelProblem::NoGoalCell, pos(&text, "ReachGoal", 0));

    let text = edit("goals: [ReachGoal, CollectAll(gem)]", "goals: []");
    assert_problem(&text, LevelProblem::NoGoals, pos(&text, "goals", 0));

    let text = edit(
        "goals: [ReachGoal, CollectAll(gem)]",
        "goals: [ReachGoal, Carry(5)]",
    );
    let problem = LevelProblem::NotEnoughItems {
        seed: 0,
        wanted: 5,
        available: 1,
    };
    assert_problem(&text, problem, pos(&text, "Carry", 0));

    let text = edit(
        "goals: [ReachGoal, CollectAll(gem)]",
        "goals: [ItemsOn('D', 2)], legend: {'D': []}",
    );
    let text = text.replacen("#>.*.G#", "#>.*.G#D#", 1);
    assert_problem(
        &text,
        LevelProblem::MarkUnreachable { mark: 'D', seed: 0 },
        pos(&text, "D#", 0),
    );
    assert_problem(
        &text,
        LevelProblem::NotEnoughItems {
            seed: 0,
            wanted: 2,
            available: 1,
        },
        pos(&text, "ItemsOn", 0),
    );

    // Goals inside Any are alternatives: an unreachable alternative is fine.
    let text = edit(
        "goals: [ReachGoal, CollectAll(gem)]",
        "goals: [Any([ReachGoal, RobotOn('D')])], legend: {'D': []}",
    );
    let text = text.replacen("#>.*.G#", "#>.*.G#D#", 1);
    assert_eq!(diagnostics(&text), vec![]);
}

#[test]
fn field_problems() {
    let text = edit("id: \"t\"", "id: \"a b\"");
    assert_problem(&text, LevelProblem::BadId { id: "a b".into() }, (2, 3));

    let text = edit("title: (fr: \"Titre\"", "title: (fr: \"\"");
    assert_problem(
        &text,
        LevelProblem::EmptyText {
            field: "title".into(),
            lang: "fr".into(),
        },
        (3, 3),
    );
    let text = edit(
        "brief: (fr: \"But\", en: \"Aim\")",
        "brief: (fr: \"But\", en: \" \")",
    );
    assert_problem(
        &text,
        LevelProblem::EmptyText {
            field: "brief".into(),
            lang: "en".into(),
        },
        (4, 3),
    );
    let text = edit(
        "  solution:",
        "  hints: [(fr: \"a\", en: \"b\"), (fr: \"\", en: \"b\")],\n  solution:",
    );
    let problem = LevelProblem::EmptyText {
        field: "hints[1]".into(),
        lang: "fr".into(),
    };
    assert_problem(&text, problem, pos(&text, "(fr: \"\"", 0));

    let text = edit(
        "\"move\", \"pick\"",
        "\"move\", \"fly\", \"pick\", \"jump\"",
    );
    assert_problem(
        &text,
        LevelProblem::UnknownFunction { name: "fly".into() },
        pos(&text, "\"fly\"", 0),
    );
    assert_problem(
        &text,
        LevelProblem::UnknownFunction {
            name: "jump".into(),
        },
        pos(&text, "\"jump\"", 0),
    );

    let text = edit(
        "  solution:",
        "  max_actions: 0,\n  stars: (max_lines: 0, max_actions: 0),\n  solution:",
    );
    assert_problem(
        &text,
        LevelProblem::ZeroLimit {
            field: "max_actions".into(),
        },
        pos(&text, "max_actions", 0),
    );
    assert_problem(
        &text,
        LevelProblem::ZeroLimit {
            field: "stars.max_lines".into(),
        },
        pos(&text, "max_lines", 0),
    );
    let problem = LevelProblem::ZeroLimit {
        field: "stars.max_actions".into(),
    };
    assert_problem(&text, problem, pos(&text, "max_actions", 1));

    let text = edit(
        "  solution:",
        "  max_actions: 10,\n  stars: (max_actions: 20),\n  solution:",
    );
    assert_problem(
        &text,
        LevelProblem::StarAboveLimit {
            stars: 20,
            limit: 10,
        },
        pos(&text, "max_actions", 1),
    );

    let text = edit(
        "solution: \"move()\\nmove()\\npick()\\n\"",
        "solution: \"  \"",
    );
    assert_problem(
        &text,
        LevelProblem::EmptySolution,
        pos(&text, "solution", 0),
    );

    let text = edit(
        "solution: \"move()\\nmove()\\npick()\\n\"",
        "solution: \"move()\\nturn_left()\\n\"",
    );
    assert_problem(
        &text,
        LevelProblem::SolutionUsesForbidden {
            name: "turn_left".into(),
        },
        pos(&text, "turn_left", 0),
    );

    let text = edit(
        "  goals:",
        "  legend: {'*': [Item(gem)], 'W': [Wall, Item(gem)]},\n  goals:",
    );
    assert_problem(
        &text,
        LevelProblem::ConflictingFeatures { mark: 'W' },
        pos(&text, "'W'", 0),
    );

    let text = edit(
        "  goals:",
        "  walls: [(x: 1, y: 1, side: East), (x: 20, y: 0, side: East)],\n  goals:",
    );
    assert_problem(
        &text,
        LevelProblem::WallOutsideMap { x: 20, y: 0 },
        pos(&text, "(x: 20", 0),
    );
}

#[test]
fn variant_rule_problems() {
    let variants = |rules: &str| edit("  goals:", &format!("  variants: {rules},\n  goals:"));

    let text = variants("(count: 0)");
    assert_problem(
        &text,
        LevelProblem::BadVariantCount { count: 0, max: 50 },
        pos(&text, "count", 0),
    );
    let text = variants("(count: 51, rules: [Stretch(column: 2, extra: (0, 60))])");
    assert_problem(
        &text,
        LevelProblem::BadVariantCount { count: 51, max: 50 },
        pos(&text, "count", 0),
    );

    let text = variants(
        "(count: 2, rules: [Stretch(column: 2, extra: (0, 1)), Stretch(column: 9, extra: (0, 1))])",
    );
    let problem = LevelProblem::StretchOutsideMap {
        axis: "column".into(),
        index: 9,
        size: 7,
    };
    assert_problem(&text, problem, pos(&text, "column: 9", 0));
    let text = variants(
        "(count: 2, rules: [Stretch(column: 2, extra: (0, 1)), StretchRow(row: 3, extra: (0, 1))])",
    );
    let problem = LevelProblem::StretchOutsideMap {
        axis: "row".into(),
        index: 3,
        size: 3,
    };
    assert_problem(&text, problem, pos(&text, "row: 3", 0));

    let text = variants(
        "(count: 2, rules: [Stretch(column: 2, extra: (3, 1)), Scatter(mark: 'Z', count: (1, 1))])",
    );
    assert_problem(
        &text,
        LevelProblem::BadRange { min: 3, max: 1 },
        pos(&text, "extra", 0),
    );
    assert_problem(
        &text,
        LevelProblem::RuleMarkNotOnMap { mark: 'Z' },
        pos(&text, "mark", 0),
    );

    let text = variants("(count: 2, rules: [ItemCount(mark: 'G', range: (1, 2))])");
    assert_problem(
        &text,
        LevelProblem::NoItemToCount { mark: 'G' },
        pos(&text, "mark", 0),
    );

    let text = variants("(count: 3)");
    assert_problem(
        &text,
        LevelProblem::IdenticalVariants {
            seed: 1,
            same_as: 0,
        },
        pos(&text, "variants", 0),
    );

    let text = variants("(rules: [Stretch(column: 2, extra: (100, 100))])");
    let problem = LevelProblem::MapTooLarge {
        seed: 0,
        width: 107,
        height: 3,
        max: MAX_SIDE,
    };
    assert_problem(&text, problem, pos(&text, "variants", 0));
}

#[test]
fn unreachable_goal_names_the_variant() {
    // A wall that appears in only one of the two variants.
    let text = edit("#>.*.G#", "#>*.%G#").replacen("  goals:", "  legend: {'%': [Wall]},\n  variants: (count: 2, rules: [Scatter(mark: '%', count: (0, 1))]),\n  goals:", 1);
    let level = Level::parse("t.ron", &text).unwrap();
    let walled: Vec<u64> = level
        .worlds()
        .unwrap()
        .into_iter()
        .filter(|(_, w)| w.blocked.contains(&crate::sim::Pos::new(4, 1)))
        .map(|(s, _)| s)
        .collect();
    assert_eq!(walled.len(), 1);
    assert_problem(
        &text,
        LevelProblem::GoalUnreachable { seed: walled[0] },
        pos(&text, "G#", 0),
    );
}

#[test]
fn many_problems_are_all_reported_in_file_order() {
    let text = edit("id: \"t\"", "id: \"\"")
        .replacen("#>.*.G#", "#?.*.G#", 1)
        .replacen("\"move\"", "\"fly\"", 1)
        .replacen("ReachGoal,", "RobotOn('Z'),", 1);
    let found = diagnostics(&text);
    let kinds: Vec<_> = found
        .iter()
        .map(|d| std::mem::discriminant(&d.problem))
        .collect();
    for problem in [
        LevelProblem::BadId { id: String::new() },
        LevelProblem::UnknownChar { ch: '?' },
        LevelProblem::UnknownMark { mark: 'Z' },
        LevelProblem::UnknownFunction { name: "fly".into() },
    ] {
        assert!(
            kinds.contains(&std::mem::discriminant(&problem)),
            "{problem:?} missing from {found:#?}"
        );
    }
    assert!(
        found
            .windows(2)
            .all(|w| (w[0].line, w[0].column) <= (w[1].line, w[1].column))
    );
}

#[test]
fn field_diagnostic_is_the_seam_for_the_solution_check() {
    let problem = LevelProblem::SolutionFails {
        seed: Some(2),
        reason: "goal not met".into(),
    };
    let d = Level::field_diagnostic("t.ron", BASE, "solution", problem);
    assert_eq!((d.line, d.column), (12, 3));
    assert_eq!(
        d.to_string(),
        "t.ron:12:3: the reference solution fails on variant 2: goal not met"
    );
}

// --- packs ---

fn level_text(id: &str) -> String {
    BASE.replacen("id: \"t\"", &format!("id: \"{id}\""), 1)
}

fn pack_set(pack: &str, levels: &[(&str, &str)]) -> FileSet {
    let mut set = FileSet::new("p");
    set.insert(PACK_FILE, pack);
    for (path, id) in levels {
        set.insert(*path, level_text(id));
    }
    set
}

#[test]
fn pack_loads_levels_by_id_from_the_whole_tree() {
    let pack = r#"(id: "p", title: (fr: "P", en: "P"), chapters: [
  (id: "c1", title: (fr: "C", en: "C"), levels: ["b", "a"]),
  (id: "c2", title: (fr: "D", en: "D"), levels: ["c"],),
],)"#;
    let set = pack_set(
        pack,
        &[
            ("one.ron", "a"),
            ("sub/two.ron", "b"),
            ("sub/deep/three.ron", "c"),
        ],
    );
    let pack = Pack::from_files(&set).unwrap();
    assert_eq!(pack.id, "p");
    let ids: Vec<_> = pack.levels().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, vec!["b", "a", "c"]);
    assert_eq!(pack.chapters[1].levels[0].file, "p/sub/deep/three.ron");
    assert!(pack.level("c").is_some());
}

#[test]
fn pack_problems_are_all_reported() {
    let pack_text = r#"(id: "p", title: (fr: "P", en: "P"), chapters: [
  (id: "c1", title: (fr: "C", en: "C"), levels: ["a", "zz"]),
  (id: "c1", title: (fr: "D", en: "D"), levels: ["a"]),
  (id: "c3", title: (fr: "E", en: "E"), levels: []),
])"#;
    let mut set = pack_set(pack_text, &[("1.ron", "a"), ("2.ron", "a")]);
    let found = Pack::from_files(&set).unwrap_err();
    let find = |problem: LevelProblem| {
        found
            .iter()
            .find(|d| d.problem == problem)
            .unwrap_or_else(|| panic!("{problem:?} missing from {found:#?}"))
    };
    let d = find(LevelProblem::DuplicateLevelId {
        id: "a".into(),
        first_file: "p/1.ron".into(),
    });
    assert_eq!((d.file.as_str(), d.line, d.column), ("p/2.ron", 2, 3));
    let d = find(LevelProblem::UnknownLevel { id: "zz".into() });
    assert_eq!((d.file.as_str(), d.line, d.column), ("p/pack.ron", 2, 55));
    let d = find(LevelProblem::LevelInTwoChapters { id: "a".into() });
    assert_eq!((d.line, d.column), (3, 50));
    let d = find(LevelProblem::DuplicateChapterId { id: "c1".into() });
    assert_eq!((d.line, d.column), (3, 4));
    let d = find(LevelProblem::EmptyChapter { id: "c3".into() });
    assert_eq!((d.line, d.column), (4, 41));

    // With an unreadable level file, unknown references are not reported (it may hold them).
    set.insert("3.ron", "(id: oops");
    let found = Pack::from_files(&set).unwrap_err();
    let syntax = |d: &Diagnostic| matches!(d.problem, LevelProblem::Syntax { .. });
    assert!(found.iter().any(|d| d.file == "p/3.ron" && syntax(d)));
    let unknown = |d: &Diagnostic| matches!(d.problem, LevelProblem::UnknownLevel { .. });
    assert!(!found.iter().any(unknown));

    let found = Pack::from_files(&pack_set(
        "(id: \"p q\", title: (fr: \"P\", en: \"\"))",
        &[],
    ))
    .unwrap_err();
    assert!(
        found
            .iter()
            .any(|d| d.problem == LevelProblem::BadId { id: "p q".into() })
    );
    assert!(found.iter().any(|d| d.problem == LevelProblem::NoChapters));
    assert!(
        found
            .iter()
            .any(|d| matches!(&d.problem, LevelProblem::EmptyText { lang, .. } if lang == "en"))
    );

    let mut set = FileSet::new("p");
    set.insert("a.ron", level_text("a"));
    let found = Pack::from_files(&set).unwrap_err();
    assert_eq!(
        found,
        vec![Diagnostic::new("p", 1, 1, LevelProblem::NoPackFile)]
    );
}

#[test]
fn validate_path_and_resolve_level_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let pack_dir = dir.path().join("mypack");
    std::fs::create_dir_all(pack_dir.join("ch")).unwrap();
    std::fs::write(
        pack_dir.join(PACK_FILE),
        "(id: \"mine\", title: (fr: \"M\", en: \"M\"), chapters: [(id: \"c\", title: (fr: \"C\", en: \"C\"), levels: [\"a\"])])",
    )
    .unwrap();
    let level_path = pack_dir.join("ch").join("a.ron");
    std::fs::write(&level_path, level_text("a")).unwrap();
    assert_eq!(validate_path(&pack_dir), vec![]);
    assert_eq!(validate_path(&pack_dir.join(PACK_FILE)), vec![]);
    assert_eq!(validate_path(&level_path), vec![]);
    assert_eq!(Pack::load_dir(&pack_dir).unwrap().id, "mine");

    let level = resolve_level(level_path.to_str().unwrap()).unwrap();
    assert_eq!(level.id, "a");

    let bad = pack_dir.join("bad.ron");
    std::fs::write(&bad, edit("#>.*.G#", "#>.*.GX")).unwrap();
    let found = validate_path(&bad);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].file, bad.display().to_string());
    assert_eq!((found[0].line, found[0].column), (7, 11));
    assert!(
        matches!(resolve_level(bad.to_str().unwrap()), Err(LevelError::Invalid(d)) if d.len() == 1)
    );
    assert_eq!(
        validate_path(&pack_dir).len(),
        1,
        "the pack sees the bad level too"
    );

    let other = dir.path().join("notes.txt");
    std::fs::write(&other, "hello").unwrap();
    assert_eq!(
        validate_path(&other)[0].problem,
        LevelProblem::NotALevelOrPack
    );
    assert!(matches!(
        validate_path(&dir.path().join("missing.ron"))[0].problem,
        LevelProblem::Io { .. }
    ));
    assert!(matches!(
        resolve_level(dir.path().join("missing.ron").to_str().unwrap()),
        Err(LevelError::Io { .. })
    ));
}

// --- the built-in pack ---
// Running every reference solution in the Python sandbox, on every variant, is done by
// tests/curriculum.rs (it needs the `codebot` executable for the worker processes).

#[test]
fn builtin_pack_is_valid() {
    let packs = builtin_packs().unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let pack = packs
        .iter()
        .find(|p| p.id == "codebot")
        .expect("the codebot pack");
    assert!(pack.chapters.len() >= 8);
    let levels: Vec<&Level> = pack.levels().collect();
    assert!(levels.len() >= 48);
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_eq!(
        validate_path(&manifest.join("levels").join("codebot")),
        vec![],
        "the same pack read from disk"
    );

    let words = |t: &str| t.split_whitespace().count();
    for (chapter_index, chapter) in pack.chapters.iter().enumerate() {
        for level in &chapter.levels {
            for text in [&level.title, &level.brief].into_iter().chain(&level.hints) {
                assert!(
                    words(&text.fr) < 60 && words(&text.en) < 60,
                    "{}: text too long",
                    level.id
                );
            }
            assert!(level.hints.len() >= 3, "{}: at least 3 hints", level.id);
            assert!(level.allowed.is_some(), "{}: allowed list", level.id);
            assert!(
                level.stars.max_lines.is_some() && level.stars.max_actions.is_some(),
                "{}",
                level.id
            );
            if chapter_index > 0 {
                assert!(
                    level.variants.count >= 3,
                    "{}: variants from the second chapter on",
                    level.id
                );
            }
            assert!(level.file.starts_with("levels/codebot/"), "{}", level.file);
        }
    }

    let mut kinds = std::collections::BTreeSet::new();
    fn kind(goal: &Goal, kinds: &mut std::collections::BTreeSet<&'static str>) {
        kinds.insert(match goal {
            Goal::ReachGoal => "reach",
            Goal::RobotOn(_) => "robot_on",
            Goal::CollectAll(_) => "collect_all",
            Goal::Carry(_) => "carry",
            Goal::ItemsOn(..) => "items_on",
            Goal::Painted(..) => "painted",
            Goal::Output(text) => {
                assert!(text.contains("{items"), "Output goals use a placeholder");
                "output"
            }
            Goal::Said(_) => "said",
            Goal::All(goals) | Goal::Any(goals) => {
                goals.iter().for_each(|g| kind(g, kinds));
                return;
            }
        });
    }
    levels
        .iter()
        .flat_map(|l| &l.goals)
        .for_each(|g| kind(g, &mut kinds));
    assert_eq!(kinds.len(), 8, "every goal kind is used: {kinds:?}");
}

#[test]
fn resolve_builtin_levels() {
    let level = resolve_level("codebot/premiers-pas-01").unwrap();
    assert_eq!(level.id, "premiers-pas-01");
    assert_eq!(
        level.allowed_functions(),
        vec![crate::sandbox::RobotFn::Move]
    );
    assert!(matches!(
        resolve_level("codebot/nope"),
        Err(LevelError::UnknownLevel { .. })
    ));
    assert!(matches!(
        resolve_level("nope/premiers-pas-01"),
        Err(LevelError::UnknownPack(_))
    ));
    assert!(matches!(
        resolve_level("what is this"),
        Err(LevelError::BadSpec(_))
    ));
    assert!(builtin_pack("codebot").is_some());
}

#[test]
fn builtin_variants_are_deterministic() {
    let pack = builtin_pack("codebot").unwrap();
    for level in pack.levels() {
        let worlds = level.worlds().unwrap();
        assert_eq!(worlds.len() as u32, level.variants.count);
        assert_eq!(worlds, level.worlds().unwrap());
        let robot = level.world(0).unwrap().robot;
        assert!(Heading::ALL.contains(&robot.heading));
    }
}
