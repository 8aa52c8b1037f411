//! Frame pacing: the menus (title, profiles, map, settings, credits) only redraw when
//! something happens (input, an egui animation, at least twice a second), so a room of
//! school PCs sitting on the map does not burn CPU; the level screen, where the robot
//! moves, redraws continuously. Screenshots and the frame-rate log keep every screen
//! continuous, to measure and capture reliably.

use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};

use bevy_egui::{EguiInput, EguiPreUpdateSet, egui};

use super::Screen;
use super::capture::wants_continuous;

pub(super) fn plugin(app: &mut App) {
    if wants_continuous(app) {
        return;
    }
    app.add_systems(
        PreUpdate,
        drop_unchanged_modifiers
            .after(EguiPreUpdateSet::ProcessInput)
            .before(EguiPreUpdateSet::BeginPass),
    );
    app.add_systems(
        OnEnter(Screen::Level),
        |s: Option<ResMut<WinitSettings>>| set_mode(s, false),
    );
    app.add_systems(OnExit(Screen::Level), |s: Option<ResMut<WinitSettings>>| {
        set_mode(s, true)
    });
    app.add_systems(Startup, |s: Option<ResMut<WinitSettings>>| {
        set_mode(s, true)
    });
}

/// How long a menu waits for something to happen before drawing a frame anyway.
const MENU_WAIT: Duration = Duration::from_millis(500);

fn set_mode(settings: Option<ResMut<WinitSettings>>, menus: bool) {
    let Some(mut settings) = settings else {
        return;
    };
    *settings = if menus {
        WinitSettings {
            focused_mode: UpdateMode::reactive(MENU_WAIT),
            unfocused_mode: UpdateMode::reactive_low_power(Duration::from_secs(2)),
        }
    } else {
        WinitSettings::game()
    };
}

/// bevy_egui tells egui the modifier keys on every frame, and egui repaints on any event:
/// a menu would then never rest. Only real changes are passed on.
fn drop_unchanged_modifiers(
    mut inputs: Query<&mut EguiInput>,
    mut last: Local<Option<egui::Modifiers>>,
) {
    for mut input in &mut inputs {
        input.0.events.retain(|event| match event {
            egui::Event::ModifiersChanged(modifiers) => {
                let changed = last.as_ref() != Some(modifiers);
                *last = Some(*modifiers);
                changed
            }
            _ => true,
        });
    }
}
