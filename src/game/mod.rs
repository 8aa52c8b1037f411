//! The game window: Bevy plugins, one concern per file, each with one `plugin(app)`.
//! Screens are a Bevy `State`; what a screen spawns is despawned when it is left.
//! The rules, levels, grading, sandbox and saves live outside (plain Rust).

mod camera;
mod session;

use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy_egui::EguiPlugin;

use crate::cli::GameArgs;

pub use session::{Packs, Session};

/// The screen shown. Entities spawned for a screen carry `DespawnOnExit(Screen::X)`.
#[derive(States, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Title,
    Profiles,
    Map,
    Level,
    Settings,
    Credits,
}

impl Screen {
    /// Parses the `--screen` option.
    pub fn from_arg(name: &str) -> Option<Screen> {
        match name {
            "title" => Some(Screen::Title),
            "profiles" => Some(Screen::Profiles),
            "map" => Some(Screen::Map),
            "level" => Some(Screen::Level),
            "settings" => Some(Screen::Settings),
            "credits" => Some(Screen::Credits),
            _ => None,
        }
    }
}

/// The options the game was started with.
#[derive(Resource, Clone, Debug, Default)]
pub struct StartOptions(pub GameArgs);

/// Starts the game window and returns when it closes.
pub fn run(args: GameArgs) -> std::process::ExitCode {
    let (width, height) = args
        .window
        .as_deref()
        .and_then(|s| s.split_once('x'))
        .and_then(|(w, h)| Some((w.parse::<u32>().ok()?, h.parse::<u32>().ok()?)))
        .unwrap_or((1366, 768));
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Codebot".into(),
                    resolution: WindowResolution::new(width, height),
                    ..default()
                }),
                ..default()
            })
            .set(AssetPlugin { meta_check: bevy::asset::AssetMetaCheck::Never, ..default() }),
    )
    .add_plugins(EguiPlugin::default())
    .insert_resource(StartOptions(args));
    plugin(&mut app);
    match app.run() {
        AppExit::Success => std::process::ExitCode::SUCCESS,
        AppExit::Error(code) => std::process::ExitCode::from(code.get()),
    }
}

/// Everything of the game but the window and renderer, so headless tests can add it
/// to an `App` built on `MinimalPlugins`.
pub fn plugin(app: &mut App) {
    app.init_state::<Screen>();
    app.add_plugins((camera::plugin, session::plugin));
}
