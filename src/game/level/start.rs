//! The command-line options of the level screen (`--level`, `--code`, `--run`): open a
//! level directly, put a program in the editor and run it, so scripts can take
//! screenshots of a level with code, a replay under way and a verdict.

use bevy::prelude::*;

use super::LevelSet;
use super::code::{Code, load_code};
use super::open::LevelOpened;
use super::run::RunProgram;
use crate::game::{Screen, Session, StartOptions};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, open_start_level).add_systems(
        Update,
        apply_start_program
            .in_set(LevelSet::Prepare)
            .after(load_code),
    );
}

fn open_start_level(
    options: Option<Res<StartOptions>>,
    mut session: ResMut<Session>,
    mut screen: ResMut<NextState<Screen>>,
) {
    let Some(options) = options else {
        return;
    };
    // `--game-lang` is applied by the session, `--profile` and `--screen` by the menus.
    if let Some(level) = &options.0.level {
        session.level = Some(level.clone());
        screen.set(Screen::Level);
    }
}

/// On the first level opened: the `--code` file in the editor, and `--run`.
fn apply_start_program(
    mut opened: MessageReader<LevelOpened>,
    options: Option<Res<StartOptions>>,
    mut code: ResMut<Code>,
    mut run: MessageWriter<RunProgram>,
    mut done: Local<bool>,
) {
    if opened.read().count() == 0 || *done {
        return;
    }
    *done = true;
    let Some(options) = options else {
        return;
    };
    if let Some(path) = &options.0.code {
        match std::fs::read(path) {
            // Not UTF-8 is still a program: the student gets a syntax error, as in the CLI.
            Ok(bytes) => code.set(String::from_utf8_lossy(&bytes)),
            Err(error) => warn!("--code {}: {error}", path.display()),
        }
    }
    if options.0.run {
        run.write(RunProgram);
    }
}
