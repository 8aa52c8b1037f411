//! Moving between screens: the [`Navigate`] message (sent by buttons and keys), the
//! screen to come back to from the settings and credits, and the keyboard: Esc goes back
//! everywhere except on the level screen, which handles its own Esc (it can send
//! `Navigate::Back`). Tab / Shift+Tab and the arrows move the focus, Enter or Space
//! clicks (egui); each screen puts the focus on its main button when it opens.

use bevy::prelude::*;
use bevy::state::state::StateTransitionEvent;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{Screen, UiSet};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ReturnTo>()
        .init_resource::<FreshScreen>()
        .add_message::<Navigate>()
        .add_systems(PreUpdate, (navigate, mark_fresh).chain())
        .add_systems(
            EguiPrimaryContextPass,
            escape_goes_back
                .in_set(UiSet::Keys)
                .run_if(not(in_state(Screen::Level))),
        );
}

/// A request to change screen.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Navigate {
    To(Screen),
    /// The screen "above" this one (Esc, the Back buttons).
    Back,
}

/// Where the settings and credits screens return to.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct ReturnTo(pub Option<Screen>);

/// True on the first frame of a screen, so it can put the keyboard focus on its main
/// button. Screens call [`FreshScreen::take`] once per frame.
#[derive(Resource, Debug, Default)]
pub struct FreshScreen(bool);

impl FreshScreen {
    pub fn take(&mut self) -> bool {
        std::mem::take(&mut self.0)
    }
}

/// The screen Back leads to from `screen`.
pub fn parent(screen: Screen, return_to: Option<Screen>) -> Option<Screen> {
    match screen {
        Screen::Title => None,
        Screen::Profiles => Some(Screen::Title),
        Screen::Map => Some(Screen::Profiles),
        Screen::Level => Some(Screen::Map),
        Screen::Settings | Screen::Credits | Screen::Careers => {
            Some(return_to.unwrap_or(Screen::Title))
        }
        Screen::Teacher => Some(Screen::Title),
        Screen::Editor => Some(Screen::Teacher),
    }
}

fn navigate(
    mut requests: MessageReader<Navigate>,
    state: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
    mut return_to: ResMut<ReturnTo>,
) {
    // Only the last request of a frame counts (two clicks in one frame are one).
    let Some(request) = requests.read().last().copied() else {
        return;
    };
    let current = *state.get();
    let target = match request {
        Navigate::To(screen) => Some(screen),
        Navigate::Back => parent(current, return_to.0),
    };
    let Some(target) = target else {
        return;
    };
    let side_screen = |s: Screen| matches!(s, Screen::Settings | Screen::Credits | Screen::Careers);
    if side_screen(target) && !side_screen(current) {
        return_to.0 = Some(current);
    }
    if target != current {
        next.set(target);
    }
}

fn mark_fresh(
    mut transitions: MessageReader<StateTransitionEvent<Screen>>,
    mut fresh: ResMut<FreshScreen>,
) {
    if transitions.read().count() > 0 {
        fresh.0 = true;
    }
}

fn escape_goes_back(mut contexts: EguiContexts, mut navigate: MessageWriter<Navigate>) -> Result {
    let ctx = contexts.ctx_mut()?;
    // Dialogs consume Esc before this runs (they are drawn first).
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        navigate.write(Navigate::Back);
    }
    Ok(())
}
