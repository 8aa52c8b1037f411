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
        include_str!("careers.rs"),
        include_str!("achievements.rs"),
    ];
    let prefixes = [
        "common-",
        "title-",
        "profiles-",
        "map-",
        "settings-",
        "credits-",
        "notice-",
        "careers-",
        "badges-",
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

// -- Career cards and badges --------------------------------------------------------------

/// Passes every level of the built-in chapter `chapter` in `profile`.
fn finish_chapter(profile: &mut crate::progress::Profile, chapter: &str) {
    let curriculum = crate::curriculum::builtin();
    let plan = curriculum.chapter(chapter).expect("a built-in chapter");
    for level in plan.level_ids() {
        profile.record_attempt(&curriculum.level_key(level), "move()", true, 2);
    }
}

fn playing(app: &mut App) -> Mut<'_, CurrentProfile> {
    app.world_mut().resource_mut::<CurrentProfile>()
}

#[test]
fn the_career_gallery_opens_from_the_map_and_the_profiles_and_back_returns_there() {
    let dir = TempDir::new().unwrap();
    let mut app = app(&dir);
    send(&mut app, Navigate::To(Screen::Profiles));
    send(
        &mut app,
        ProfileRequest::Create {
            name: "Nour".into(),
            avatar: 2,
        },
    );
    assert_eq!(screen(&app), Screen::Map);
    send(&mut app, Navigate::To(Screen::Careers));
    assert_eq!(screen(&app), Screen::Careers);
    send(&mut app, Navigate::Back);
    assert_eq!(screen(&app), Screen::Map);

    send(&mut app, Navigate::To(Screen::Profiles));
    send(&mut app, Navigate::To(Screen::Careers));
    assert_eq!(screen(&app), Screen::Careers);
    send(&mut app, Navigate::Back);
    assert_eq!(screen(&app), Screen::Profiles);

    // A script can open it directly.
    let args = GameArgs {
        profile: Some("Nour".into()),
        screen: Some("careers".into()),
        ..GameArgs::default()
    };
    let mut app = app_with(&dir, Some(args));
    app.update();
    assert_eq!(screen(&app), Screen::Careers);
}

#[test]
fn the_gallery_shows_the_cards_of_the_chapters_the_player_finished() {
    let curriculum = crate::curriculum::builtin();
    let shown = |profile: Option<&crate::progress::Profile>| -> Vec<(String, bool)> {
        let progress = profile.map(achievements::summary);
        careers::gallery(curriculum, progress.as_ref())
            .iter()
            .map(|card| (card.career.id.clone(), card.unlocked))
            .collect()
    };
    let unlocked = |cards: &[(String, bool)]| -> Vec<String> {
        cards
            .iter()
            .filter(|(_, open)| *open)
            .map(|(id, _)| id.clone())
            .collect()
    };
    let cards_of = |chapters: &[&str]| -> Vec<String> {
        curriculum
            .careers
            .iter()
            .filter(|c| chapters.contains(&c.unlocked_by_chapter.as_str()))
            .map(|c| c.id.clone())
            .collect()
    };

    // Every card is always there, locked or not, in the curriculum's order.
    let nobody = shown(None);
    assert_eq!(nobody.len(), curriculum.careers.len());
    assert!(unlocked(&nobody).is_empty());

    let mut profile = crate::progress::Profile::new("t", "T", 0);
    assert!(unlocked(&shown(Some(&profile))).is_empty());

    // All the first chapter but its last level: still nothing.
    let first = &curriculum.chapters[0];
    let mut levels: Vec<&str> = first.level_ids().collect();
    let last = levels.pop().unwrap();
    for level in &levels {
        profile.record_attempt(&curriculum.level_key(level), "", true, 1);
    }
    assert!(unlocked(&shown(Some(&profile))).is_empty());
    // A failed try of the last one changes nothing; passing it unlocks the chapter's cards.
    profile.record_attempt(&curriculum.level_key(last), "", false, 0);
    assert!(unlocked(&shown(Some(&profile))).is_empty());
    profile.record_attempt(&curriculum.level_key(last), "", true, 1);
    let after_first = unlocked(&shown(Some(&profile)));
    assert_eq!(after_first, cards_of(&[first.id.as_str()]));
    assert!(!after_first.is_empty());

    // A later chapter finished out of order (an old save) unlocks its own cards too.
    let third = &curriculum.chapters[2];
    finish_chapter(&mut profile, &third.id);
    assert_eq!(
        unlocked(&shown(Some(&profile))),
        cards_of(&[first.id.as_str(), third.id.as_str()])
    );

    // Each card names the chapter that unlocks it.
    let progress = achievements::summary(&profile);
    for card in careers::gallery(curriculum, Some(&progress)) {
        let chapter = &curriculum.chapters[card.chapter_number - 1];
        assert_eq!(chapter.id, card.career.unlocked_by_chapter);
        assert_eq!(card.chapter_title, &chapter.title);
    }

    // Everything finished: every card.
    for chapter in &curriculum.chapters {
        finish_chapter(&mut profile, &chapter.id);
    }
    assert!(shown(Some(&profile)).iter().all(|(_, open)| *open));
}

#[test]
fn finishing_a_chapter_tells_the_player_once_with_a_button_to_the_gallery() {
    let dir = TempDir::new().unwrap();
    let mut app = app(&dir);
    send(&mut app, Navigate::To(Screen::Profiles));
    send(
        &mut app,
        ProfileRequest::Create {
            name: "Inès".into(),
            avatar: 1,
        },
    );
    assert_eq!(screen(&app), Screen::Map);
    assert!(app.world().resource::<Notices>().list.is_empty());

    // Played on the level screen: nothing is shown over it.
    send(&mut app, PlayLevel("codebot/premiers-pas-01".into()));
    assert_eq!(screen(&app), Screen::Level);
    let first = crate::curriculum::builtin().chapters[0].id.clone();
    finish_chapter(playing(&mut app).profile_mut().unwrap(), &first);
    app.update();
    assert!(
        !app.world()
            .resource::<Notices>()
            .has("careers-notice-unlocked")
    );

    // Back on the map, the player is told.
    send(&mut app, Navigate::To(Screen::Map));
    app.update();
    let notices = app.world().resource::<Notices>();
    let careers = notices
        .list
        .iter()
        .find(|n| n.id == "careers-notice-unlocked")
        .expect("a notice for the new cards");
    assert_eq!(
        careers.action,
        Some(NoticeAction {
            label: "careers-notice-open",
            to: Screen::Careers,
        })
    );
    assert!(notices.has("badges-notice-earned"), "the first badge too");
    for lang in Lang::ALL {
        let session = Session { lang, level: None };
        let text = careers.text(&session);
        let title = &crate::curriculum::builtin().careers[0].title;
        assert!(text.contains(title.in_lang(lang == Lang::Fr)), "{text}");
        assert!(!text.contains('{') && !text.contains("careers-"), "{text}");
    }

    // Remembered in the profile (and so in the save): told only once.
    let profile = current(&app).unwrap();
    assert!(profile.achievements.contains("career/developpeur"));
    assert!(profile.achievements.contains("premier-programme"));
    let count = app.world().resource::<Notices>().list.len();
    for _ in 0..3 {
        app.update();
    }
    send(&mut app, Navigate::To(Screen::Settings));
    send(&mut app, Navigate::Back);
    assert_eq!(app.world().resource::<Notices>().list.len(), count);

    // The notice's button opens the gallery; Back returns to the map.
    let target = careers_action_target(&app);
    send(&mut app, Navigate::To(target));
    assert_eq!(screen(&app), Screen::Careers);
    send(&mut app, Navigate::Back);
    assert_eq!(screen(&app), Screen::Map);
}

fn careers_action_target(app: &App) -> Screen {
    let notices = app.world().resource::<Notices>();
    let notice = notices
        .list
        .iter()
        .find(|n| n.id == "careers-notice-unlocked")
        .unwrap();
    notice.action.unwrap().to
}

#[test]
fn the_picker_counts_each_profiles_badges_and_cards() {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut ana = store.create_profile("Ana", 0).unwrap();
    let first = crate::curriculum::builtin().chapters[0].id.clone();
    finish_chapter(&mut ana, &first);
    store.save_profile(&ana).unwrap();
    let bob = store.create_profile("Bob", 1).unwrap();

    let mut app = app(&dir);
    send(&mut app, Navigate::To(Screen::Profiles));
    let trophies = app.world().resource::<achievements::ProfileTrophies>();
    let of_ana = trophies.0[&ana.id];
    let of_bob = trophies.0[&bob.id];
    let curriculum = crate::curriculum::builtin();
    assert_eq!(of_bob.badges, 0);
    assert_eq!(of_bob.careers, 0);
    assert_eq!(of_ana.badges_total, curriculum.badges.len());
    assert_eq!(of_ana.careers, curriculum.careers_unlocked_by(&first).len());
    let expected_badges = curriculum.earned_badges(&achievements::summary(&ana)).len();
    assert_eq!(of_ana.badges, expected_badges);
    assert!(of_ana.badges >= 1, "at least the first level's badge");

    // Progress made by the player is counted when the picker is opened again, even
    // before it is written to disk.
    send(&mut app, ProfileRequest::Open { id: bob.id.clone() });
    finish_chapter(playing(&mut app).profile_mut().unwrap(), &first);
    send(&mut app, Navigate::To(Screen::Profiles));
    let trophies = app.world().resource::<achievements::ProfileTrophies>();
    assert_eq!(trophies.0[&bob.id].careers, of_ana.careers);
}

#[test]
fn the_profile_view_shows_every_badge_earned_or_how_to_earn_it() {
    let curriculum = crate::curriculum::builtin();
    let mut profile = crate::progress::Profile::new("t", "T", 0);
    let progress = achievements::summary(&profile);
    let shelf = achievements::badge_shelf(curriculum, &progress);
    assert_eq!(shelf.len(), curriculum.badges.len());
    assert!(shelf.iter().all(|b| !b.earned));

    profile.record_attempt(
        "codebot/premiers-pas-01",
        "for _ in range(3):\n    move()\n",
        true,
        3,
    );
    let progress = achievements::summary(&profile);
    let shelf = achievements::badge_shelf(curriculum, &progress);
    let earned: Vec<&str> = shelf
        .iter()
        .filter(|b| b.earned)
        .map(|b| b.badge.id.as_str())
        .collect();
    assert_eq!(earned, ["premier-programme", "sans-copier-coller"]);
    for (i, view) in shelf.iter().enumerate() {
        assert_eq!(view.index, i);
    }

    // Each badge not earned says how to earn it, in both languages, with its number.
    for lang in Lang::ALL {
        let session = Session { lang, level: None };
        for badge in &curriculum.badges {
            let how = achievements::how_to_earn(&session, &badge.criterion);
            assert!(!how.is_empty() && !how.contains('{') && !how.contains("badges-"));
            if let crate::curriculum::Criterion::PassedWithoutHints(n) = badge.criterion {
                assert!(how.contains(&n.to_string()), "{how}");
            }
        }
    }
}
