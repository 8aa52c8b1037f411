//! Headless tests of the editor screen: `MinimalPlugins` + `StatesPlugin` + the game's
//! plugins, no window, a temporary data folder.

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use tempfile::TempDir;

use super::checks::{SolutionRun, TestSolution, Validation};
use super::*;
use crate::cli::GameArgs;
use crate::editor::{Action, Placement};
use crate::game::level::WorkerExecutable;
use crate::game::{Navigate, Packs, Saves, StartOptions};
use crate::level::{Text, is_valid_id};
use crate::progress::Store;

fn app(dir: &TempDir, args: GameArgs) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(Saves::new(Store::open(dir.path()).expect("store")));
    app.insert_resource(StartOptions(args));
    // No worker process in these tests: Test answers at once that it cannot run.
    app.insert_resource(WorkerExecutable(None));
    crate::game::plugin(&mut app);
    app.update();
    app
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn screens_entities(app: &mut App) -> usize {
    app.world_mut()
        .query_filtered::<Entity, With<EditorScreen>>()
        .iter(app.world())
        .count()
}

fn settle(app: &mut App, until: impl Fn(&App) -> bool) {
    for _ in 0..500 {
        app.update();
        if until(app) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the editor never got there");
}

#[test]
fn the_editor_opens_edits_and_is_despawned_when_left() {
    let dir = TempDir::new().unwrap();
    let mut app = app(&dir, GameArgs::default());
    app.world_mut().write_message(Navigate::To(Screen::Editor));
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Editor);
    assert_eq!(screens_entities(&mut app), 1);

    // A built-in level opens in the editor; the checks run on it.
    app.world_mut()
        .write_message(EditorRequest::OpenLevel("codebot/premiers-pas-01".into()));
    settle(&mut app, |app| {
        let editor = app.world().resource::<LevelEditor>();
        editor.draft().id == "premiers-pas-01"
            && app.world().resource::<Validation>().revision == Some(editor.editor.revision())
    });
    let validation = app.world().resource::<Validation>();
    assert_eq!(validation.problems, vec![], "a built-in level is valid");
    let editor = app.world().resource::<LevelEditor>();
    assert!(!editor.unsaved() && editor.spot.is_none());

    // Test without a worker says so, and the run's entity goes away.
    app.world_mut().write_message(TestSolution);
    settle(&mut app, |app| {
        app.world().resource::<SolutionRun>().last.is_some()
    });
    assert!(matches!(
        app.world().resource::<SolutionRun>().last,
        Some((_, Err(_)))
    ));

    app.world_mut()
        .resource_mut::<LevelEditor>()
        .apply(Action::SetId("mon-couloir".into()));
    assert!(app.world().resource::<LevelEditor>().unsaved());

    // Back goes to the teacher's screen; the screen's entities go, the level stays.
    app.world_mut().write_message(Navigate::Back);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Teacher);
    assert_eq!(screens_entities(&mut app), 0);
    assert_eq!(
        app.world().resource::<LevelEditor>().draft().id,
        "mon-couloir"
    );
}

#[test]
fn a_level_saved_into_the_library_joins_the_packs_and_edit_opens_it() {
    let dir = TempDir::new().unwrap();
    let args = GameArgs {
        edit: Some("codebot/premiers-pas-03".into()),
        ..GameArgs::default()
    };
    let mut app = app(&dir, args);
    settle(&mut app, |app| {
        screen(app) == Screen::Editor
            && app.world().resource::<LevelEditor>().draft().id == "premiers-pas-03"
    });
    let placement = Placement {
        pack_id: "classe-4b".into(),
        pack_title: Text::new("4e B", "Year 9 B"),
        chapter_id: "debut".into(),
        chapter_title: Text::new("Début", "Start"),
    };
    assert!(is_valid_id(&placement.pack_id));
    let spot = SaveSpot {
        target: SaveWhere::Library,
        placement,
    };
    app.world_mut()
        .write_message(EditorRequest::Save(spot.clone()));
    settle(&mut app, |app| {
        let status = &app.world().resource::<LevelEditor>().status;
        status
            .as_ref()
            .is_some_and(|s| s.id.starts_with("editor-status-save"))
    });
    let editor = app.world().resource::<LevelEditor>();
    let status = editor.status.clone().unwrap();
    assert_eq!(status.id, "editor-status-saved-library", "{status:?}");
    assert_eq!(editor.spot.as_ref(), Some(&spot));
    assert!(!editor.unsaved());
    let packs = app.world().resource::<Packs>();
    assert!(packs.level("classe-4b/premiers-pas-03").is_some());
    assert!(dir.path().join("packs/classe-4b/pack.ron").is_file());

    // Opened again from the library, it comes back with where to save it.
    app.world_mut().write_message(EditorRequest::New);
    app.update();
    assert_eq!(
        app.world().resource::<LevelEditor>().draft().id,
        "mon-niveau"
    );
    app.world_mut()
        .write_message(EditorRequest::OpenLevel("classe-4b/premiers-pas-03".into()));
    app.update();
    let editor = app.world().resource::<LevelEditor>();
    assert_eq!(editor.draft().id, "premiers-pas-03");
    assert_eq!(
        editor
            .spot
            .as_ref()
            .map(|s| s.placement.chapter_id.as_str()),
        Some("debut")
    );
}

#[test]
fn a_level_file_chosen_in_the_open_window_opens_and_closes_the_window() {
    let dir = TempDir::new().unwrap();
    let mut app = app(&dir, GameArgs::default());
    app.world_mut().write_message(Navigate::To(Screen::Editor));
    app.update();
    let folder = dir.path().join("mon-pack");
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join("couloir.ron");
    std::fs::write(&file, include_str!("../../../tests/fixtures/corridor.ron")).unwrap();
    app.world_mut().resource_mut::<LevelEditor>().open_window = true;
    app.world_mut()
        .write_message(EditorRequest::OpenFile(file.clone()));
    app.update();
    let editor = app.world().resource::<LevelEditor>();
    assert_eq!(editor.draft().id, "couloir");
    assert!(!editor.open_window, "the Open window closes");
    assert_eq!(
        editor.status.as_ref().map(|s| s.id),
        Some("editor-status-opened")
    );
    // Saved back into its own folder.
    assert_eq!(
        editor.spot.as_ref().map(|s| &s.target),
        Some(&SaveWhere::Folder(folder))
    );
}

#[test]
fn refused_edits_are_explained_in_both_languages() {
    use crate::editor::EditError;
    use crate::i18n::{Lang, tr};

    let errors = [
        EditError::OutsideMap { x: 3, y: 9 },
        EditError::BadSize {
            width: 40,
            height: 2,
            max: 32,
        },
        EditError::UnknownMark { mark: 'Q' },
        EditError::BadMark { mark: '"' },
        EditError::MarkInUse { mark: 'r' },
        EditError::NoFreeMark,
        EditError::NoSuchEntry {
            what: "hint",
            index: 2,
        },
    ];
    for error in &errors {
        let status = super::refusal(error);
        assert!(!status.ok);
        let args = status.fluent_args();
        let fr = tr(Lang::Fr, status.id, &args);
        let en = tr(Lang::En, status.id, &args);
        for text in [&fr, &en] {
            assert!(
                !text.starts_with("editor-") && !text.contains('{'),
                "{text}"
            );
        }
        assert_ne!(fr, en);
    }
    let hint = super::refusal(&errors[6]);
    assert!(tr(Lang::Fr, hint.id, &hint.fluent_args()).contains("pas d'indice numéro 3"));
}
