//! Headless tests of the editor's model: levels built through actions, saved, reloaded,
//! validated and played; the written RON read back; undo and redo; broken drafts.

use tempfile::TempDir;

use super::pack::{export_zip, open_level, place_level, save_in_folder, save_in_library};
use super::*;
use crate::grade::InProcess;
use crate::i18n::{Lang, Messages};
use crate::level::{
    self, Feature, FileSet, Level, LevelProblem, Library, PACK_FILE, PackError, Rule, Stars, Text,
    ThinWall, builtin_file_sets,
};
use crate::sandbox::RobotFn;
use crate::sim::{Color, Goal, Heading, ItemKind};

fn paint(x: u32, y: u32, tool: Tool) -> Action {
    Action::Paint {
        cells: vec![(x, y)],
        tool,
    }
}

fn set_text(field: TextField, fr: &str, en: &str) -> [Action; 2] {
    [
        Action::SetText {
            field,
            lang: Lang::Fr,
            text: fr.into(),
        },
        Action::SetText {
            field,
            lang: Lang::En,
            text: en.into(),
        },
    ]
}

/// A corridor of coins that changes length, built the way a teacher would in the editor.
fn coin_corridor() -> Editor {
    let mut editor = Editor::new(LevelDraft::default());
    let mut actions = vec![
        Action::SetId("couloir-pieces".into()),
        Action::SetNotes("Made in the editor.\n\nA corridor of coins.".into()),
        Action::Resize {
            width: 9,
            height: 3,
        },
    ];
    actions.extend(set_text(
        TextField::Title,
        "Le couloir aux pièces",
        "The coin corridor",
    ));
    actions.extend(set_text(
        TextField::Brief,
        "Ramasse les pièces et arrête-toi sur G.",
        "Pick up the coins and stop on G.",
    ));
    // Walls all round, the robot on the left, coins, the goal on the right.
    let border = editor.draft().grid.resized(9, 3, '.').border();
    actions.push(Action::Paint {
        cells: border,
        tool: Tool::Wall,
    });
    actions.push(Action::Paint {
        cells: MapGrid::line((1, 1), (7, 1)),
        tool: Tool::Floor,
    });
    actions.push(paint(1, 1, Tool::Robot(Heading::East)));
    actions.push(paint(
        3,
        1,
        Tool::Item {
            kind: ItemKind::Coin,
            count: 1,
        },
    ));
    actions.push(paint(
        5,
        1,
        Tool::Item {
            kind: ItemKind::Coin,
            count: 2,
        },
    ));
    actions.push(paint(7, 1, Tool::Goal));
    actions.push(Action::SetGoal(0, Goal::CollectAll(Some(ItemKind::Coin))));
    actions.push(Action::AddGoal(Goal::ReachGoal));
    actions.push(Action::SetVariantCount(3));
    actions.push(Action::AddRule(Rule::Stretch {
        column: 2,
        extra: (0, 3),
    }));
    for function in [
        RobotFn::Move,
        RobotFn::Pick,
        RobotFn::ItemHere,
        RobotFn::AtGoal,
    ] {
        actions.push(Action::Allow {
            function,
            allowed: true,
        });
    }
    for function in RobotFn::ALL {
        let keep = [
            RobotFn::Move,
            RobotFn::Pick,
            RobotFn::ItemHere,
            RobotFn::AtGoal,
        ];
        if !keep.contains(&function) {
            actions.push(Action::Allow {
                function,
                allowed: false,
            });
        }
    }
    actions.push(Action::SetMaxActions(200));
    for i in 0..3 {
        actions.push(Action::AddHint);
        actions.extend(set_text(
            TextField::Hint(i),
            &format!("Indice {i} : « while » répète."),
            &format!("Hint {i}: \"while\" repeats."),
        ));
    }
    actions.push(Action::SetSolution(
        "while not at_goal():\n    while item_here():\n        pick()\n    move()\n".into(),
    ));
    for action in actions {
        editor.seal();
        editor
            .apply(action.clone())
            .unwrap_or_else(|e| panic!("{action:?}: {e}"));
    }
    editor
}

#[test]
fn a_level_built_through_actions_is_saved_reloaded_validated_and_played() {
    let editor = coin_corridor();
    let draft = editor.draft();
    assert_eq!(
        draft.grid.rows(),
        vec!["#########", "#>.c.A.G#", "#########"],
        "two coins need a legend entry"
    );
    assert_eq!(
        draft.legend.get(&'A'),
        Some(&vec![Feature::Items(ItemKind::Coin, 2)])
    );
    assert_eq!(draft.robot(), Some((1, 1, Heading::East)));
    assert_eq!(
        draft.allowed,
        Some(vec![
            "move".to_string(),
            "pick".into(),
            "item_here".into(),
            "at_goal".into()
        ])
    );
    assert_eq!(draft.problems(), vec![], "{}", draft.to_ron());

    // The solution passes; its numbers become the star targets, then it earns 3 stars.
    let test = draft.test(&InProcess, Lang::En);
    let report = test.report.as_ref().expect("graded");
    assert!(report.passed, "{report:?}");
    let stars = test.suggested_stars().expect("passed");
    assert_eq!(stars.max_lines, Some(4));
    let mut editor = editor;
    editor.apply(Action::SetStars(stars)).unwrap();
    let test = editor.draft().test(&InProcess, Lang::En);
    assert!(test.passed(), "{:?}", test.problems);

    // Saved into a new pack folder, reloaded, validated as `codebot validate` does.
    let dir = TempDir::new().unwrap();
    let pack_dir = dir.path().join("ma-classe");
    let placement = Placement {
        pack_id: "ma-classe".into(),
        pack_title: Text::new("Ma classe", "My class"),
        chapter_id: "boucles".into(),
        chapter_title: Text::new("Boucles", "Loops"),
    };
    let saved = save_in_folder(&pack_dir, editor.draft(), &placement).unwrap();
    assert_eq!(saved.problems, vec![]);
    assert_eq!(saved.path, pack_dir.join("couloir-pieces.ron"));
    assert_eq!(level::validate_path(&pack_dir), vec![]);
    let pack = level::Pack::load_dir(&pack_dir).unwrap();
    assert_eq!(pack.chapters[0].id, "boucles");
    let loaded = pack.level("couloir-pieces").expect("listed in the chapter");
    assert_eq!(loaded.worlds(), editor.draft().to_level().worlds());
    let files = FileSet::from_dir(&pack_dir).unwrap();
    let (reopened, path) = open_level(&files, "couloir-pieces").unwrap();
    assert_eq!(&reopened, editor.draft());
    assert_eq!(path, "couloir-pieces.ron");
    let graded = crate::grade::grade_reference(loaded, &InProcess).unwrap();
    assert_eq!((graded.passed, graded.stars), (true, 3));
}

#[test]
fn the_written_ron_reads_back_to_the_same_draft() {
    let mut editor = coin_corridor();
    // Everything the format can hold, with characters RON must escape.
    let actions = [
        Action::SetText {
            field: TextField::Brief,
            lang: Lang::Fr,
            text: "Des \"guillemets\", un \\ et une\nnouvelle ligne, des accents : àéèçô, une tabulation\t! Et une phrase assez longue pour passer à la ligne."
                .into(),
        },
        paint(2, 1, Tool::Color(Color::Blue)),
        paint(2, 1, Tool::Item {
            kind: ItemKind::Gem,
            count: 1,
        }),
        paint(4, 1, Tool::ThinWall(Heading::East)),
        paint(4, 1, Tool::ThinWall(Heading::West)),
        Action::SetLegend {
            mark: 'Q',
            features: Some(vec![Feature::Color(Color::Yellow)]),
        },
        paint(6, 1, Tool::Mark('Q')),
        Action::AddGoal(Goal::Any(vec![
            Goal::Painted('Q', Color::Red),
            Goal::Output("{items:coin}\n".into()),
        ])),
        Action::AddRule(Rule::Scatter {
            mark: 'c',
            count: (0, 1),
        }),
        Action::AddRule(Rule::RandomHeading),
        Action::SetStars(Stars {
            max_lines: None,
            max_actions: Some(40),
        }),
        Action::SetSolution("# a comment\nprint('{}')\r\n".into()),
    ];
    for action in actions {
        editor.apply(action).unwrap();
    }
    let draft = editor.draft();
    assert_eq!(
        draft.legend.get(&'B'),
        Some(&vec![
            Feature::Color(Color::Blue),
            Feature::Item(ItemKind::Gem)
        ])
    );
    assert_eq!(draft.walls.len(), 2, "{:?}", draft.walls);
    let text = draft.to_ron();
    assert_eq!(
        LevelDraft::from_ron("x.ron", &text),
        Ok(draft.clone()),
        "{text}"
    );
    // Clean: the map drawn as text with its key, short lines, comments, no `Some(`.
    assert!(text.starts_with("// Made in the editor.\n//\n// A corridor of coins.\n(\n"));
    assert!(text.contains("    #>Bc.AQG#\n"), "{text}");
    assert!(text.contains("B blue floor + gem"), "{text}");
    assert!(
        text.contains(
            "legend: {'A': [Items(coin, 2)], 'B': [Color(blue), Item(gem)], 'Q': [Color(yellow)]},"
        ),
        "{text}"
    );
    assert!(text.contains("àéèçô"), "accents are kept: {text}");
    assert!(!text.contains("Some("), "{text}");
    assert!(
        text.lines()
            .all(|l| l.chars().count() <= WIDTH || l.contains("brief") || l.contains("fr: ")),
        "{text}"
    );
    // Written twice, the same file.
    assert_eq!(LevelDraft::from_ron("x.ron", &text).unwrap().to_ron(), text);
}

#[test]
fn every_builtin_level_written_by_the_editor_validates_and_plays_the_same() {
    let mut count = 0;
    for set in builtin_file_sets() {
        for (path, text) in &set.files {
            if !path.ends_with(".ron") || path.ends_with(PACK_FILE) {
                continue;
            }
            count += 1;
            let name = set.display_name(path);
            let original = Level::parse(&name, text).unwrap();
            let draft = LevelDraft::from_ron(&name, text).unwrap();
            assert!(
                !draft.notes.is_empty(),
                "{name}: the heading comment is kept"
            );
            let written = draft.to_ron();
            let again = Level::load(&name, &written).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(
                LevelDraft::from_ron(&name, &written).as_ref(),
                Ok(&draft),
                "{name}"
            );
            assert_eq!(
                again.worlds(),
                original.worlds(),
                "{name}: the same variants"
            );
            let same_but_map = |l: &Level| Level {
                map: String::new(),
                ..l.clone()
            };
            assert_eq!(same_but_map(&again), same_but_map(&original), "{name}");
        }
    }
    assert!(count >= 40, "only {count} built-in levels");
}

#[test]
fn undo_and_redo_go_through_whole_steps() {
    let mut editor = Editor::new(LevelDraft::default());
    let start = editor.draft().clone();
    // One stroke of the wall tool: three cells, one step.
    for x in 2..5 {
        editor.apply(paint(x, 2, Tool::Wall)).unwrap();
    }
    editor.seal();
    let after_stroke = editor.draft().clone();
    assert_eq!(after_stroke.grid.rows()[2], "#.###....#");
    // Typing a title letter by letter: one step.
    for title in ["L", "Le", "Le c"] {
        editor
            .apply(Action::SetText {
                field: TextField::Title,
                lang: Lang::Fr,
                text: title.into(),
            })
            .unwrap();
    }
    // An action that changes nothing is not a step.
    assert_eq!(editor.apply(paint(2, 2, Tool::Wall)), Ok(false));
    assert_eq!(editor.draft().title.fr, "Le c");
    assert!(editor.undo());
    assert_eq!(editor.draft(), &after_stroke);
    assert!(editor.undo());
    assert_eq!(editor.draft(), &start);
    assert!(!editor.undo() && !editor.can_undo());
    assert!(editor.redo());
    assert_eq!(editor.draft(), &after_stroke);
    let revision = editor.revision();
    // A new action forgets what could be redone.
    editor.apply(Action::SetId("autre".into())).unwrap();
    assert!(editor.revision() > revision);
    assert!(!editor.can_redo() && !editor.redo());
    // A refused action is no step and changes nothing.
    let before = editor.draft().clone();
    assert_eq!(
        editor.apply(paint(40, 0, Tool::Wall)),
        Err(EditError::OutsideMap { x: 40, y: 0 })
    );
    assert_eq!(editor.draft(), &before);
    // The history is bounded.
    for i in 0..MAX_UNDO + 20 {
        editor.seal();
        editor.apply(Action::SetMaxActions(i as u32 + 1)).unwrap();
    }
    let mut undone = 0;
    while editor.undo() {
        undone += 1;
    }
    assert_eq!(undone, MAX_UNDO);
}

#[test]
fn refused_actions_say_why() {
    let mut draft = LevelDraft::default();
    let cases = [
        (
            Action::Resize {
                width: 0,
                height: 4,
            },
            EditError::BadSize {
                width: 0,
                height: 4,
                max: level::MAX_SIDE,
            },
        ),
        (
            paint(1, 1, Tool::Mark('Z')),
            EditError::UnknownMark { mark: 'Z' },
        ),
        (
            paint(1, 1, Tool::Mark(' ')),
            EditError::BadMark { mark: ' ' },
        ),
        (
            Action::SetLegend {
                mark: '#',
                features: None,
            },
            EditError::MarkInUse { mark: '#' },
        ),
        (
            Action::RemoveHint(0),
            EditError::NoSuchEntry {
                what: "hint",
                index: 0,
            },
        ),
        (
            Action::SetRule(3, Rule::RandomHeading),
            EditError::NoSuchEntry {
                what: "rule",
                index: 3,
            },
        ),
    ];
    let before = draft.clone();
    for (action, error) in cases {
        assert_eq!(draft.apply(&action), Err(error), "{action:?}");
        assert_eq!(draft, before);
    }
}

#[test]
fn painting_layers_features_and_keeps_one_robot() {
    let mut draft = LevelDraft::default();
    // Colour then item: one legend entry holding both; the built-in letters otherwise.
    draft.apply(&paint(3, 2, Tool::Color(Color::Red))).unwrap();
    assert_eq!(draft.grid.get(3, 2), Some('r'));
    draft
        .apply(&paint(
            3,
            2,
            Tool::Item {
                kind: ItemKind::Key,
                count: 1,
            },
        ))
        .unwrap();
    let mark = draft.grid.get(3, 2).unwrap();
    assert_eq!(
        draft.features_of(mark).map(|f| canonical(&f)),
        Some(vec![
            Feature::Color(Color::Red),
            Feature::Item(ItemKind::Key)
        ])
    );
    // The same things elsewhere reuse the entry; clearing both cells drops it.
    draft.apply(&paint(4, 2, Tool::Mark(mark))).unwrap();
    draft
        .apply(&Action::Paint {
            cells: vec![(3, 2), (4, 2)],
            tool: Tool::Floor,
        })
        .unwrap();
    assert!(draft.legend.is_empty(), "{:?}", draft.legend);
    // A wall holds nothing else; the goal flag sits on a colour.
    draft
        .apply(&paint(5, 2, Tool::Color(Color::Green)))
        .unwrap();
    draft.apply(&paint(5, 2, Tool::Goal)).unwrap();
    assert_eq!(
        canonical(&draft.features_at(5, 2)),
        vec![Feature::Goal, Feature::Color(Color::Green)]
    );
    draft.apply(&paint(5, 2, Tool::Wall)).unwrap();
    assert_eq!(draft.grid.get(5, 2), Some('#'));
    // Moving the robot leaves what was under it; a pile of items stays behind.
    draft
        .apply(&paint(
            1,
            1,
            Tool::Item {
                kind: ItemKind::Gem,
                count: 6,
            },
        ))
        .unwrap();
    draft
        .apply(&paint(2, 3, Tool::Robot(Heading::South)))
        .unwrap();
    assert_eq!(draft.robot(), Some((2, 3, Heading::South)));
    assert_eq!(
        draft.features_at(1, 1),
        vec![Feature::Items(ItemKind::Gem, 6)]
    );
    // A thin wall is the same from both of its cells.
    draft
        .apply(&paint(2, 2, Tool::ThinWall(Heading::South)))
        .unwrap();
    assert!(draft.has_thin_wall(2, 3, Heading::North));
    assert_eq!(
        draft.walls,
        vec![ThinWall {
            x: 2,
            y: 2,
            side: Heading::South
        }]
    );
    draft
        .apply(&paint(2, 3, Tool::ThinWall(Heading::North)))
        .unwrap();
    assert!(draft.walls.is_empty());
    // A cell a goal names keeps its mark when painted with what it holds.
    draft
        .apply(&Action::SetLegend {
            mark: 'X',
            features: Some(vec![Feature::Color(Color::Blue)]),
        })
        .unwrap();
    draft.apply(&paint(6, 3, Tool::Mark('X'))).unwrap();
    draft.apply(&Action::AddGoal(Goal::RobotOn('X'))).unwrap();
    draft.apply(&paint(6, 3, Tool::Color(Color::Blue))).unwrap();
    assert_eq!(draft.grid.get(6, 3), Some('X'));
    // Painting blue elsewhere uses `b`, not the named mark.
    draft.apply(&paint(7, 3, Tool::Color(Color::Blue))).unwrap();
    assert_eq!(draft.grid.get(7, 3), Some('b'));
}

#[test]
fn broken_drafts_give_typed_problems_placed_in_the_file_and_on_the_map() {
    let problems = |draft: &LevelDraft| -> Vec<LevelProblem> {
        draft.problems().into_iter().map(|d| d.problem).collect()
    };
    let mut draft = coin_corridor().draft().clone();
    assert_eq!(problems(&draft), vec![]);

    let mut no_robot = draft.clone();
    no_robot.apply(&paint(1, 1, Tool::Floor)).unwrap();
    assert!(problems(&no_robot).contains(&LevelProblem::NoRobot));

    // A wall in front of the goal: placed on the goal's cell of the map.
    draft.apply(&paint(6, 1, Tool::Wall)).unwrap();
    let written = draft.write();
    let found = draft.problems();
    let unreachable = found
        .iter()
        .find(|d| d.problem == LevelProblem::GoalUnreachable { seed: 0 })
        .expect("the goal cannot be reached");
    assert_eq!(unreachable.file, "couloir-pieces.ron");
    assert_eq!(draft.cell_of(&written, unreachable), Some((7, 1)));

    let mut forbidden = coin_corridor().draft().clone();
    forbidden
        .apply(&Action::SetSolution("turn_left()\n".into()))
        .unwrap();
    forbidden.apply(&Action::SetId("pas bon".into())).unwrap();
    forbidden
        .apply(&Action::SetText {
            field: TextField::Title,
            lang: Lang::En,
            text: " ".into(),
        })
        .unwrap();
    forbidden
        .apply(&Action::AddRule(Rule::Stretch {
            column: 30,
            extra: (2, 1),
        }))
        .unwrap();
    let found = problems(&forbidden);
    for expected in [
        LevelProblem::SolutionUsesForbidden {
            name: "turn_left".into(),
        },
        LevelProblem::BadId {
            id: "pas bon".into(),
        },
        LevelProblem::EmptyText {
            field: "title".into(),
            lang: "en".into(),
        },
        LevelProblem::StretchOutsideMap {
            axis: "column".into(),
            index: 30,
            size: 9,
        },
        LevelProblem::BadRange { min: 2, max: 1 },
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }

    // A solution that does not finish the job fails on a variant, explained in French.
    let mut failing = coin_corridor().draft().clone();
    failing
        .apply(&Action::SetSolution("move()\nmove()\n".into()))
        .unwrap();
    let test = failing.test(&InProcess, Lang::Fr);
    assert!(!test.passed());
    let fails = test
        .problems
        .iter()
        .find_map(|d| match &d.problem {
            LevelProblem::SolutionFails { seed, reason } => Some((*seed, reason.clone())),
            _ => None,
        })
        .expect("the solution fails");
    assert_eq!(fails.0, Some(0));
    let message = problem_message(
        Lang::Fr,
        &LevelProblem::SolutionFails {
            seed: fails.0,
            reason: fails.1,
        },
    );
    assert!(
        message.starts_with("la solution de référence échoue sur la variante 0"),
        "{message}"
    );
}

#[test]
fn saving_into_an_existing_pack_keeps_its_comments() {
    let pack_ron = "// My class: keep this comment.\n(\n  id: \"classe\",\n  title: (fr: \"Classe\", en: \"Class\"),\n  chapters: [\n    (\n      id: \"debut\",\n      title: (fr: \"Début\", en: \"Start\"),\n      // Borrowed first.\n      levels: [\"codebot/premiers-pas-01\", /* later */ ],\n    ),\n  ],\n)\n";
    let mut files = FileSet::new("classe");
    files.insert(PACK_FILE, pack_ron);
    let draft = coin_corridor().draft().clone();
    let into = |chapter: &str| Placement {
        pack_id: "ignored".into(),
        pack_title: Text::new("x", "x"),
        chapter_id: chapter.into(),
        chapter_title: Text::new("Boucles « for »", "For loops"),
    };
    let placed = place_level(&mut files, &draft, &into("debut")).unwrap();
    assert!(placed.pack_file_changed);
    let text = files.files[PACK_FILE].clone();
    assert!(text.contains("// Borrowed first."), "{text}");
    assert!(
        text.contains("levels: [\"codebot/premiers-pas-01\", \"couloir-pieces\", /* later */ ],"),
        "{text}"
    );
    let pack = level::Pack::from_files(&files).unwrap();
    assert_eq!(pack.chapters[0].levels.len(), 2);

    // Saved again (edited): the same file is replaced, pack.ron is left alone.
    let mut edited = draft.clone();
    edited.apply(&Action::SetMaxActions(150)).unwrap();
    let placed = place_level(&mut files, &edited, &into("autre")).unwrap();
    assert!(!placed.pack_file_changed);
    assert_eq!(files.files[PACK_FILE], text);
    assert_eq!(open_level(&files, "couloir-pieces").unwrap().0, edited);

    // Another level into a new chapter: appended to the list of chapters.
    let mut second = draft.clone();
    second.apply(&Action::SetId("couloir-2".into())).unwrap();
    place_level(&mut files, &second, &into("boucles")).unwrap();
    let text = &files.files[PACK_FILE];
    assert!(
        text.starts_with("// My class: keep this comment.\n"),
        "{text}"
    );
    let pack = level::Pack::from_files(&files).unwrap();
    let ids: Vec<_> = pack.chapters.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["debut", "boucles"]);
    assert_eq!(pack.chapters[1].title.fr, "Boucles « for »");
    assert_eq!(pack.chapters[1].levels[0].id, "couloir-2");
    assert!(files.files.contains_key("couloir-2.ron"));
}

#[test]
fn the_library_installs_only_valid_packs_and_packs_export_as_zips() {
    let dir = TempDir::new().unwrap();
    let library = Library::open(dir.path().join("packs")).unwrap();
    let placement = Placement {
        pack_id: "classe-5a".into(),
        pack_title: Text::new("5e A", "Year 8 A"),
        chapter_id: "debut".into(),
        chapter_title: Text::new("Début", "Start"),
    };
    let mut broken = coin_corridor().draft().clone();
    broken.apply(&paint(1, 1, Tool::Floor)).unwrap();
    match save_in_library(&library, &broken, &placement) {
        Err(SaveError::Library(PackError::Invalid(problems))) => {
            assert!(problems.iter().any(|d| d.problem == LevelProblem::NoRobot));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(library.packs().unwrap(), vec![]);

    let draft = coin_corridor().draft().clone();
    let pack = save_in_library(&library, &draft, &placement).unwrap();
    assert_eq!(pack.id, "classe-5a");
    let mut second = draft.clone();
    second.apply(&Action::SetId("deuxieme".into())).unwrap();
    let pack = save_in_library(&library, &second, &placement).unwrap();
    assert_eq!(pack.chapters[0].levels.len(), 2);
    assert_eq!(library.pack("classe-5a").unwrap(), pack);

    // Exported, the zip reads back as the same pack.
    let zip = dir.path().join("partage/classe.zip");
    export_zip(&library.root().join("classe-5a"), &zip).unwrap();
    let from_zip = level::load_pack(&zip).unwrap();
    assert_eq!(
        from_zip.chapters[0].levels[1].worlds(),
        second.to_level().worlds()
    );
    assert_eq!(from_zip.id, "classe-5a");
}

#[test]
fn every_problem_has_a_message_in_both_languages() {
    let s = String::new;
    let problems = [
        LevelProblem::Io { message: s() },
        LevelProblem::NotALevelOrPack,
        LevelProblem::NoPackFile,
        LevelProblem::Syntax { message: s() },
        LevelProblem::Symlink,
        LevelProblem::SpecialFile,
        LevelProblem::UnsafePath,
        LevelProblem::DuplicateEntry,
        LevelProblem::NameNotUtf8,
        LevelProblem::NotUtf8,
        LevelProblem::FileTooLarge { max_bytes: 1 },
        LevelProblem::TooManyFiles { max: 1 },
        LevelProblem::PackTooLarge { max_bytes: 1 },
        LevelProblem::BadArchive { message: s() },
        LevelProblem::BadId { id: s() },
        LevelProblem::EmptyText {
            field: "hints[2]".into(),
            lang: "fr".into(),
        },
        LevelProblem::UnknownFunction { name: s() },
        LevelProblem::NoGoals,
        LevelProblem::UnknownMark { mark: 'X' },
        LevelProblem::NoGoalCell,
        LevelProblem::ZeroLimit { field: s() },
        LevelProblem::StarAboveLimit { stars: 1, limit: 1 },
        LevelProblem::EmptySolution,
        LevelProblem::SolutionUsesForbidden { name: s() },
        LevelProblem::SolutionFails {
            seed: None,
            reason: s(),
        },
        LevelProblem::NoRobot,
        LevelProblem::TooManyRobots { count: 2 },
        LevelProblem::UnknownChar { ch: 'Z' },
        LevelProblem::ConflictingFeatures { mark: 'W' },
        LevelProblem::MapTooLarge {
            seed: 0,
            width: 70,
            height: 3,
            max: 64,
        },
        LevelProblem::WallOutsideMap { x: 9, y: 9 },
        LevelProblem::GoalUnreachable { seed: u64::MAX },
        LevelProblem::MarkUnreachable { mark: 'M', seed: 1 },
        LevelProblem::ItemUnreachable { seed: 1 },
        LevelProblem::NotEnoughItems {
            seed: 1,
            wanted: 2,
            available: 1,
        },
        LevelProblem::BadVariantCount { count: 0, max: 50 },
        LevelProblem::StretchOutsideMap {
            axis: "row".into(),
            index: 9,
            size: 3,
        },
        LevelProblem::RuleMarkNotOnMap { mark: 'R' },
        LevelProblem::NoItemToCount { mark: 'N' },
        LevelProblem::BadRange { min: 2, max: 1 },
        LevelProblem::IdenticalVariants {
            seed: 2,
            same_as: 1,
        },
        LevelProblem::DuplicateLevelId {
            id: s(),
            first_file: s(),
        },
        LevelProblem::UnknownLevel { id: s() },
        LevelProblem::LevelInTwoChapters { id: s() },
        LevelProblem::DuplicateChapterId { id: s() },
        LevelProblem::EmptyChapter { id: s() },
        LevelProblem::NoChapters,
        LevelProblem::UnknownBuiltinLevel { reference: s() },
        LevelProblem::BorrowedIdClash { id: s() },
        LevelProblem::BadTimeLimit {
            minutes: 0,
            max: 600,
        },
    ];
    for problem in &problems {
        let id = problem_id(problem).unwrap();
        for lang in Lang::ALL {
            assert!(Messages::get(lang).has(&id), "{lang}: no {id}");
            let message = problem_message(lang, problem);
            assert!(
                !message.contains('{') || message.contains("'{"),
                "{message}"
            );
            if lang == Lang::Fr {
                assert_ne!(message, problem.to_string(), "{id} not translated");
            }
        }
    }
    let hint = LevelProblem::EmptyText {
        field: "hints[2]".into(),
        lang: "en".into(),
    };
    assert_eq!(
        problem_message(Lang::Fr, &hint),
        "l'indice 3 est vide en anglais."
    );
    assert_eq!(
        problem_message(Lang::En, &hint),
        "hint 3 is empty in English."
    );
    assert_eq!(
        problem_message(Lang::Fr, &LevelProblem::TooManyRobots { count: 2 }),
        "la carte a 2 robots ; il en faut exactement un."
    );
}
