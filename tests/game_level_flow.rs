//! The level screen played headless (no window, no GPU): open a level, run programs in
//! the sandbox worker through the screen's background grading, read the verdicts.

#![cfg(feature = "game")]

use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use codebot::game::level::{
    ActiveLevel, Code, LevelSaves, ProgramRun, Replay, ReplayCommand, RunProgram, StopProgram,
    WorkerExecutable, logic_plugin,
};
use codebot::game::{Packs, Screen, Session};
use codebot::grade::Failure;
use codebot::i18n::Lang;
use codebot::sandbox::{ErrorKind, Problem};
use codebot::sim::GoalFailure;

const LEVEL: &str = "codebot/premiers-pas-01";

/// An app with the level screen's logic, on `level`, with the real sandbox worker.
fn app_on(level: &str) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .init_state::<Screen>()
        .init_resource::<Packs>()
        .insert_resource(Session {
            lang: Lang::Fr,
            level: Some(level.to_owned()),
        })
        .insert_resource(WorkerExecutable(Some(env!("CARGO_BIN_EXE_codebot").into())))
        .add_plugins(logic_plugin);
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Level);
    for _ in 0..3 {
        app.update();
    }
    assert!(
        app.world().get_resource::<ActiveLevel>().is_some(),
        "the level {level} opens"
    );
    app
}

fn run(app: &mut App, code: &str) {
    app.world_mut().resource_mut::<Code>().set(code);
    app.world_mut().write_message(RunProgram);
}

/// Updates the app until the run's report arrives; returns how many updates that took.
fn wait_for_outcome(app: &mut App) -> u32 {
    let started = Instant::now();
    let mut updates = 0;
    app.update();
    while app.world().resource::<ProgramRun>().is_running() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no verdict after 30 s"
        );
        std::thread::sleep(Duration::from_millis(2));
        app.update();
        updates += 1;
    }
    updates
}

fn reference_solution(app: &App) -> String {
    app.world().resource::<ActiveLevel>().level.solution.clone()
}

#[test]
fn a_correct_program_passes_with_stars() {
    let mut app = app_on(LEVEL);
    let solution = reference_solution(&app);
    run(&mut app, &solution);
    wait_for_outcome(&mut app);
    let run_state = app.world().resource::<ProgramRun>();
    let report = run_state.report().expect("the program was graded");
    assert!(report.passed, "{:?}", report.first_failure());
    assert!(report.stars >= 1);
    assert_eq!(run_state.outcome().unwrap().code, solution);
    // The attempt and the stars are recorded for the level.
    app.update();
    let saves = app.world().resource::<LevelSaves>();
    let progress = saves.level(LEVEL).expect("the level has progress");
    assert!(progress.passed && progress.best_stars == report_stars(&app));
    assert_eq!(progress.attempts, 1);
    assert_eq!(progress.code, solution);
}

fn report_stars(app: &App) -> u8 {
    app.world().resource::<ProgramRun>().report().unwrap().stars
}

#[test]
fn a_wrong_program_fails_with_a_reason_and_its_replay_reaches_the_verdict() {
    let mut app = app_on(LEVEL);
    run(&mut app, "move()\n");
    wait_for_outcome(&mut app);
    let run_state = app.world().resource::<ProgramRun>();
    let report = run_state.report().expect("the program was graded");
    assert!(!report.passed);
    assert_eq!(report.stars, 0);
    let failed = report.first_failure().expect("a variant failed");
    // The reason: the robot stopped before the goal, said in the student's language.
    let failure = failed.failure.as_ref().unwrap();
    assert_eq!(failure, &Failure::Goal(GoalFailure::NotOnGoal));
    let reason = codebot::cli::failure_message(Lang::Fr, failed.seed, failure);
    assert_eq!(
        reason,
        codebot::i18n::goal_failure_message(Lang::Fr, &GoalFailure::NotOnGoal)
    );
    assert!(
        !reason.contains("goal-") && reason.contains("arrivée"),
        "{reason}"
    );
    // The failing variant is replayed; jumping to its end shows the verdict.
    app.world_mut().write_message(ReplayCommand::ToEnd);
    app.update();
    let replay = app.world().resource::<Replay>();
    assert!(replay.verdict_open);
    assert_eq!(replay.cursor, 1.0, "one action: move");
}

#[test]
fn an_endless_loop_never_freezes_the_game_and_times_out() {
    let mut app = app_on(LEVEL);
    run(&mut app, "while True:\n    pass\n");
    let updates = wait_for_outcome(&mut app);
    assert!(
        updates > 50,
        "the app kept updating while the program ran ({updates} updates)"
    );
    let report = app.world().resource::<ProgramRun>().report().unwrap();
    let failure = report.first_failure().and_then(|v| v.failure.as_ref());
    assert_eq!(
        failure.and_then(Failure::kind),
        Some(ErrorKind::Timeout),
        "{failure:?}"
    );
    let Some(Failure::Program(error)) = failure else {
        unreachable!()
    };
    assert!(matches!(error.problem, Problem::Timeout { .. }));
    // Nothing to replay: the verdict is shown at once.
    app.update();
    assert!(app.world().resource::<Replay>().verdict_open);
}

#[test]
fn stop_ends_a_running_program_at_once() {
    let mut app = app_on(LEVEL);
    run(&mut app, "while True:\n    pass\n");
    app.update();
    assert!(app.world().resource::<ProgramRun>().is_running());
    app.world_mut().write_message(StopProgram);
    app.update();
    let run_state = app.world().resource::<ProgramRun>();
    assert!(!run_state.is_running());
    assert!(run_state.stopped);
    assert!(run_state.outcome().is_none());
}

#[test]
fn code_is_kept_per_level() {
    let mut app = app_on(LEVEL);
    run(&mut app, "# mine\nmove()\n");
    wait_for_outcome(&mut app);
    let other = "codebot/premiers-pas-02";
    app.world_mut().resource_mut::<Session>().level = Some(other.into());
    app.update();
    app.update();
    assert_eq!(app.world().resource::<ActiveLevel>().key, other);
    assert_ne!(app.world().resource::<Code>().text, "# mine\nmove()\n");
    app.world_mut().resource_mut::<Session>().level = Some(LEVEL.into());
    app.update();
    app.update();
    assert_eq!(app.world().resource::<Code>().text, "# mine\nmove()\n");
}

/// The whole game (menus, saves, level screen) headless, started as the screenshot
/// script starts it: `--profile`, `--level`, `--code`, `--run`. The attempt and the
/// code land in the profile's file.
#[test]
fn start_options_open_run_and_save_into_the_profile() {
    use codebot::cli::GameArgs;
    use codebot::game::{CurrentProfile, Saves, StartOptions};
    use codebot::progress::Store;

    let dir = tempfile::tempdir().unwrap();
    let program = dir.path().join("program.py");
    std::fs::write(&program, "move()\nmove()\n").unwrap();
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(Saves::new(Store::open(dir.path().join("data")).unwrap()))
        .insert_resource(StartOptions(GameArgs {
            profile: Some("Zoé".into()),
            level: Some(LEVEL.into()),
            code: Some(program),
            run: true,
            ..GameArgs::default()
        }))
        .insert_resource(WorkerExecutable(Some(env!("CARGO_BIN_EXE_codebot").into())));
    codebot::game::plugin(&mut app);
    for _ in 0..3 {
        app.update();
    }
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Level
    );
    assert_eq!(app.world().resource::<Code>().text, "move()\nmove()\n");
    wait_for_outcome(&mut app);
    let report = app.world().resource::<ProgramRun>().report().unwrap();
    assert!(!report.passed, "two moves do not reach the goal");
    app.update();
    let profile = app.world().resource::<CurrentProfile>().profile().cloned();
    let progress = profile.unwrap().level(LEVEL).cloned().unwrap();
    assert_eq!(progress.attempts, 1);
    assert_eq!(progress.code, "move()\nmove()\n");
}

/// An app of the whole game (menus, saves, level screen) on the data folder `data`.
fn game_on(data: &std::path::Path) -> App {
    use codebot::game::Saves;
    use codebot::progress::Store;

    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(Saves::new(Store::open(data).unwrap()))
        .insert_resource(WorkerExecutable(Some(env!("CARGO_BIN_EXE_codebot").into())));
    codebot::game::plugin(&mut app);
    app.update();
    app
}

fn send<M: Message>(app: &mut App, message: M) {
    app.world_mut().write_message(message);
    for _ in 0..3 {
        app.update();
    }
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

/// The player's path: create a profile, open the first level from the map, run a correct
/// program, pass; the progress is on disk, and a new game on the same folder finds it
/// (stars, code, the next level open).
#[test]
fn create_a_profile_pass_a_level_and_find_the_progress_after_a_restart() {
    use codebot::game::{
        CurrentProfile, LevelState, Navigate, PlayLevel, ProfileRequest, level_states,
    };

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut app = game_on(&data);
    send(&mut app, Navigate::To(Screen::Profiles));
    send(
        &mut app,
        ProfileRequest::Create {
            name: "Inès".into(),
            avatar: 2,
        },
    );
    assert_eq!(screen(&app), Screen::Map);
    let id = app
        .world()
        .resource::<CurrentProfile>()
        .profile()
        .expect("playing as Inès")
        .id
        .clone();
    send(&mut app, PlayLevel(LEVEL.into()));
    assert_eq!(screen(&app), Screen::Level);
    assert_eq!(app.world().resource::<ActiveLevel>().key, LEVEL);

    let solution = reference_solution(&app);
    run(&mut app, &solution);
    wait_for_outcome(&mut app);
    let report = app.world().resource::<ProgramRun>().report().unwrap();
    assert!(report.passed, "{:?}", report.first_failure());
    let stars = report.stars;
    assert!(stars >= 1);
    for _ in 0..3 {
        app.update();
    }
    // Back to the map: the level is passed there, and the next one is open.
    send(&mut app, Navigate::Back);
    assert_eq!(screen(&app), Screen::Map);
    // The player closes the window: the game writes what is not saved yet.
    app.world_mut().write_message(AppExit::Success);
    app.update();
    drop(app);

    let mut app = game_on(&data);
    send(&mut app, Navigate::To(Screen::Profiles));
    send(&mut app, ProfileRequest::Open { id: id.clone() });
    assert_eq!(screen(&app), Screen::Map);
    let profile = app
        .world()
        .resource::<CurrentProfile>()
        .profile()
        .cloned()
        .expect("Inès is back");
    assert_eq!(profile.name, "Inès");
    let progress = profile.level(LEVEL).expect("the level was saved");
    assert!(progress.passed);
    assert_eq!(progress.best_stars, stars);
    assert_eq!(progress.code, solution);
    let packs = app.world().resource::<Packs>();
    let pack = packs.0.iter().find(|p| p.id == "codebot").unwrap();
    let states = level_states(pack, &profile);
    assert_eq!(states[0][0], LevelState::Passed { stars });
    assert_eq!(states[0][1], LevelState::Open, "the second level opened");
}
