//! The start options of the menus: `--profile NAME` plays as that profile (created if
//! needed) and opens the map, `--screen NAME` opens a screen directly. `--game-lang` is
//! applied by the session; `--level`, `--code` and `--run` by the level screen, and
//! `--edit` by the level editor (both win over `--screen`).

use bevy::prelude::*;

use super::notices::Notice;
use super::player::Player;
use super::{Screen, StartOptions};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, apply_start_options);
}

fn apply_start_options(
    options: Option<Res<StartOptions>>,
    mut player: Player,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(options) = options else {
        return;
    };
    let args = &options.0;
    let mut has_profile = false;
    if let Some(name) = &args.profile {
        match player.open_or_create(name) {
            Ok(()) => has_profile = true,
            Err(error) => {
                warn!("--profile {name}: {error}");
                player.notify(Notice::error(
                    "notice-start-profile-failed",
                    vec![
                        ("name", name.clone().into()),
                        ("reason", error.to_string().into()),
                    ],
                ));
            }
        }
    }
    // `--level` and `--edit` open their screens themselves.
    if args.level.is_some() || args.edit.is_some() {
        return;
    }
    match args.screen.as_deref() {
        Some(name) => match Screen::from_arg(name) {
            Some(screen) => next.set(screen),
            None => warn!(
                "--screen {name}: unknown screen (title, profiles, map, level, settings, credits, careers, teacher, editor)"
            ),
        },
        None if has_profile => next.set(Screen::Map),
        None => {}
    }
}
