//! Headless tests of the menus' rules: `MinimalPlugins` + `StatesPlugin` + the game's
//! plugins, no window, no GPU, a temporary data folder per test.

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use tempfile::TempDir;

use super::*;
use crate::cli::GameArgs;
use crate::i18n::{Lang, Messages};
use crate::progress::Store;

fn app_with(dir: &TempDir, args: Option<GameArgs>) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(Saves::new(Store::open(dir.path()).expect("store")));
    if let Some(args) = args {
        app.insert_resource(StartOptions(args));
    }
    plugin(&mut app);
    app.update();
    app
}

fn app(dir: &TempDir) -> App {
    app_with(dir, None)
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn send<M: Message>(app: &mut App, message: M) {
    app.world_mut().write_message(message);
    // The message is handled in this frame, the state changes in the next one.
    app.update();
    app.update();
}

fn current(app: &App) -> Option<crate::progress::Profile> {
    app.world().resource::<CurrentProfile>().profile().cloned()
}

#[test]
fn creating_a_profile_saves_it_and_opens_the_map() {
    let dir = TempDir::new().unwrap();
    let mut app = app(&dir);
    send(&mut app, Navigate::To(Screen::Profiles));
    assert_eq!(screen(&app), Screen::Profiles);
    send(
        &mut app,
        ProfileRequest::Create {
            name: "Zoé".into(),
            avatar: 3,
        },
    );
    let profile = current(&app).expect("playing as the new profile");
    assert_eq!((profile.name.as_str(), profile.avatar), ("Zoé", 3));
    assert_eq!(screen(&app), Screen::Map);
    // On disk, seen by another store on the same folder.
    let listed = Store::open(dir.path()).unwrap().list_profiles().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].name, "Zoé");
    assert_eq!(app.world().resource::<ProfileList>().profiles.len(), 1);
}

#[test]
fn a_bad_name_is_refused_with_a_reason_and_nothing_is_created() {
    let dir = TempDir::new().unwrap();
    let mut app = app(&dir);
    send(
        &mut app,
        ProfileRequest::Create {
            name: "Sam".into(),
            avatar: 0,
        },
    );
    for (name, expected) in [
        ("   ", player::ProfileProblem::NameEmpty),
        (
            "SAM",
            player::ProfileProblem::NameTaken { name: "SAM".into() },
        ),
    ] {
        send(
            &mut app,
            ProfileRequest::Create {
                name: name.into(),
                avatar: 0,
            },
        );
        let feedback = app.world().resource::<player::ProfileFeedback>();
        assert_eq!(feedback.problem.as_ref(), Some(&expected));
        assert!(feedback.in_form);
    }
    assert_eq!(
        Store::open(dir.path())
            .unwrap()
            .list_profiles()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn progress_and_settings_are_saved_automatically() {
    let dir = TempDir::new().unwrap();
    let mut app = app(&dir);
    send(
        &mut app,
        ProfileRequest::Create {
            name: "Lou".into(),
            avatar: 1,
        },
    );
    let id = current(&app).unwrap().id;
    app.world_mut()
        .resource_mut::<CurrentProfile>()
        .profile_mut()
        .unwrap()
        .record_attempt("codebot/premiers-pas-01", "avance()", true, 3);
    app.update();
    let saved = Store::open(dir.path())
        .unwrap()
        .load_profile(&id)
        .unwrap()
        .value;
    assert_eq!(saved.total_stars(), 3);
    assert!(!app.world().resource::<CurrentProfile>().unsaved());
}

#[test]
fn switching_language_changes_the_session_and_the_profile() {
    let dir = TempDir::new().unwrap();
    let mut app = app(&dir);
    for lang in [Lang::En, Lang::Fr, Lang::En] {
        send(&mut app, SettingsChange::Lang(lang));
        assert_eq!(app.world().resource::<Session>().lang, lang);
        assert_eq!(app.world().resource::<ActiveSettings>().0.lang, Some(lang));
    }
    // A profile created now keeps the choice; changing it later is saved in it.
    send(
        &mut app,
        ProfileRequest::Create {
            name: "Ana".into(),
            avatar: 0,
        },
    );
    let id = current(&app).unwrap().id;
    assert_eq!(current(&app).unwrap().settings.lang, Some(Lang::En));
    send(&mut app, SettingsChange::Lang(Lang::Fr));
    send(&mut app, SettingsChange::HighContrast(true));
    // Saves are at most twice a second: wait for the second one.
    std::thread::sleep(std::time::Duration::from_millis(600));
    app.update();
    let saved = Store::open(dir.path())
        .unwrap()
        .load_profile(&id)
        .unwrap()
        .value;
    assert_eq!(saved.settings.lang, Some(Lang::Fr));
    assert!(saved.settings.high_contrast);
    assert_eq!(
        app.world().resource::<Theme>().palette,
        Palette::HIGH_CONTRAST
    );
}

#[test]
fn opening_a_profile_applies_its_language_unless_forced() {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut profile = store.create_profile("Noé", 0).unwrap();
    profile.settings.lang = Some(Lang::En);
    profile.settings.text_scale = 1.4;
    store.save_profile(&profile).unwrap();

    let mut app = app(&dir);
    send(&mut app, SettingsChange::Lang(Lang::Fr));
    send(
        &mut app,
        ProfileRequest::Open {
            id: profile.id.clone(),
        },
    );
    assert_eq!(app.world().resource::<Session>().lang, Lang::En);
    assert_eq!(app.world().resource::<Theme>().text_scale, 1.4);

    let forced = GameArgs {
        lang: Some(Lang::Fr),
        profile: Some("noé".into()),
        ..GameArgs::default()
    };
    let app = app_with(&dir, Some(forced));
    assert_eq!(app.world().resource::<Session>().lang, Lang::Fr);
    assert_eq!(
        current(&app).unwrap().id,
        profile.id,
        "found by name, any case"
    );
}

#[test]
fn a_corrupted_save_is_recovered_from_the_backup_and_the_player_is_told() {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut profile = store.create_profile("Inès", 5).unwrap();
    profile.record_attempt("codebot/premiers-pas-01", "avance()", true, 2);
    store.save_profile(&profile).unwrap();
    // The save after that one is cut short by a crash.
    profile.record_attempt("codebot/premiers-pas-03", "avance()", true, 3);
    store.save_profile(&profile).unwrap();
    let main = dir
        .path()
        .join("profiles")
        .join(format!("{}.ron", profile.id));
    let text = std::fs::read_to_string(&main).unwrap();
    std::fs::write(&main, &text[..text.len() / 2]).unwrap();

    let mut app = app(&dir);
    send(&mut app, Navigate::To(Screen::Profiles));
    let summary = &app.world().resource::<ProfileList>().profiles[0];
    assert!(summary.is_corrupt(), "the picker warns before opening");
    send(
        &mut app,
        ProfileRequest::Open {
            id: profile.id.clone(),
        },
    );

    let opened = current(&app).expect("opened from the backup");
    assert_eq!(
        opened.total_stars(),
        2,
        "the backup's progress, not a reset"
    );
    let notices = app.world().resource::<Notices>();
    assert!(notices.has("notice-profile-recovered"));
    for lang in Lang::ALL {
        let session = Session { lang, level: None };
        let text = notices.list[0].text(&session);
        assert!(text.contains("Inès"), "{text}");
        assert!(!text.contains('{') && !text.contains("notice-"), "{text}");
    }
    // The damaged file is kept for the teacher.
    let kept = std::fs::read_dir(dir.path().join("profiles"))
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().contains(".broken-"));
    assert!(kept);
}

#[test]
fn renaming_changing_avatar_and_deleting_profiles() {
    let dir = TempDir::new().unwrap();
    let mut app = app(&dir);
    send(
        &mut app,
        ProfileRequest::Create {
            name: "Max".into(),
            avatar: 0,
        },
    );
    let id = current(&app).unwrap().id;
    send(
        &mut app,
        ProfileRequest::Edit {
            id: id.clone(),
            name: "Maxime".into(),
            avatar: 6,
        },
    );
    let profile = current(&app).unwrap();
    assert_eq!((profile.name.as_str(), profile.avatar), ("Maxime", 6));
    let listed = Store::open(dir.path()).unwrap().list_profiles().unwrap();
    assert_eq!((listed[0].name.as_str(), listed[0].avatar), ("Maxime", 6));

    send(&mut app, ProfileRequest::Delete { id });
    assert!(current(&app).is_none());
    assert!(app.world().resource::<ProfileList>().profiles.is_empty());
}

#[test]
fn back_goes_up_and_side_screens_return_where_they_came_from() {
    let dir = TempDir::new().unwrap();
    let mut app = app(&dir);
    assert_eq!(screen(&app), Screen::Title);
    send(&mut app, Navigate::Back);
    assert_eq!(screen(&app), Screen::Title, "nothing above the title");
    send(&mut app, Navigate::To(Screen::Credits));
    assert_eq!(screen(&app), Screen::Credits);
    send(&mut app, Navigate::Back);
    assert_eq!(screen(&app), Screen::Title);

    send(
        &mut app,
        ProfileRequest::Create {
            name: "Eli".into(),
            avatar: 0,
        },
    );
    send(&mut app, Navigate::To(Screen::Map));
    send(&mut app, Navigate::To(Screen::Settings));
    assert_eq!(screen(&app), Screen::Settings);
    send(&mut app, Navigate::Back);
    assert_eq!(screen(&app), Screen::Map);
    send(&mut app, Navigate::Back);
    assert_eq!(screen(&app), Screen::Profiles);
}

#[test]
fn the_map_needs_a_profile() {
    let dir = TempDir::new().unwrap();
    let mut app = app(&dir);
    send(&mut app, Navigate::To(Screen::Map));
    app.update();
    assert_eq!(screen(&app), Screen::Profiles);
}

#[test]
fn choosing_a_level_opens_the_level_screen() {
    let dir = TempDir::new().unwrap();
    let mut app = app(&dir);
    send(&mut app, PlayLevel("codebot/premiers-pas-01".into()));
    assert_eq!(screen(&app), Screen::Level);
    assert_eq!(
        app.world().resource::<Session>().level.as_deref(),
        Some("codebot/premiers-pas-01")
    );
}

#[test]
fn start_options_open_a_profile_and_a_screen() {
    let dir = TempDir::new().unwrap();
    let args = GameArgs {
        profile: Some("Classe 4B".into()),
        ..GameArgs::default()
    };
    let mut app = app_with(&dir, Some(args));
    app.update();
    assert_eq!(current(&app).unwrap().name, "Classe 4B");
    assert_eq!(screen(&app), Screen::Map);

    let args = GameArgs {
        screen: Some("credits".into()),
        ..GameArgs::default()
    };
    let mut app = app_with(&dir, Some(args));
    app.update();
    assert_eq!(screen(&app), Screen::Credits);
}

#[test]
fn the_builtin_map_opens_level_by_level() {
    let packs = Packs::default();
    let pack = &packs.0[0];
    let mut profile = crate::progress::Profile::new("t", "T", 0);
    let states = level_states(pack, &profile);
    assert_eq!(next_level(&states), Some((0, 0)));
    assert_eq!(states.iter().flatten().filter(|s| s.is_open()).count(), 1);
    let first = &pack.chapters[0].levels[0];
    profile.record_attempt(&format!("{}/{}", pack.id, first.id), "", true, 1);
    let states = level_states(pack, &profile);
    assert_eq!(next_level(&states), Some((0, 1)));
}

/// Every message id written in the menus' sources exists in French and in English.
#[test]
fn every_menu_message_exists_in_both_languages() {
    let sources = [
        include_str!("title.rs"),
        include_str!("profiles.rs"),
        include_str!("map.rs"),
        include_str!("settings.rs"),
        include_str!("credits.rs"),
        include_str!("notices.rs"),
        include_str!("player.rs"),
        include_str!("start.rs"),
        include_str!("navigation.rs"),
    ];
    let prefixes = [
        "common-",
        "title-",
        "profiles-",
        "map-",
        "settings-",
        "credits-",
        "notice-",
    ];
    let mut ids = Vec::new();
    for source in sources {
        for piece in source.split('"').skip(1).step_by(2) {
            let is_id = prefixes.iter().any(|p| piece.starts_with(p))
                && piece
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if is_id && !piece.ends_with('-') {
                ids.push(piece.to_owned());
            }
        }
    }
    assert!(ids.len() > 60, "found only {} ids", ids.len());
    for lang in Lang::ALL {
        let messages = Messages::get(lang);
        let missing: Vec<_> = ids.iter().filter(|id| !messages.has(id)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}
