//! The game window: Bevy plugins, one concern per file, each with one `plugin(app)`.
//! Screens are a Bevy `State`; what a screen spawns is despawned when it is left.
//! The rules, levels, grading, sandbox and saves live outside (plain Rust).

mod achievements;
mod art;
mod background;
mod camera;
mod capture;
mod careers;
mod crash;
mod credits;
mod dialogs;
mod editor;
#[cfg(not(target_arch = "wasm32"))]
mod egui_shader;
mod exam;
mod exports;
mod graphics;
pub mod level;
mod library;
mod library_ui;
mod map;
mod navigation;
mod notices;
mod player;
mod power;
mod profiles;
mod program_job;
#[cfg(not(target_arch = "wasm32"))]
mod renderer;
mod session;
mod settings;
mod start;
pub mod teacher;
mod theme;
mod title;
mod unlock;
#[cfg(target_arch = "wasm32")]
mod web_files;
#[cfg(target_arch = "wasm32")]
mod web_library;
#[cfg(target_arch = "wasm32")]
mod web_page;

#[cfg(test)]
mod tests;

use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy_egui::EguiPlugin;

use crate::cli::GameArgs;

pub use art::{ArtTextures, GameArt, egui_texture};
pub use dialogs::{DialogAnswer, DialogAnswered, DialogPurpose, FileDialogs, OpenDialog};
pub use exam::{ExamCopy, ExamRequest, Exams};
pub use exports::{ExportDir, ExportMyProgress};
pub use library::{InstallOutcome, PackInstall, PackLibrary, PackRequest};
pub use map::PlayLevel;
pub use navigation::Navigate;
pub use notices::{Notice, NoticeAction, NoticeArg, NoticeKind, Notices};
pub use player::{CurrentProfile, ProfileList, ProfileRequest, Saves};
pub use session::{Packs, Session};
pub use settings::{ActiveSettings, SettingsChange};
pub use theme::{Palette, Theme};
pub use unlock::{LevelState, level_states, next_level};

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
    /// The gallery of career cards the player has unlocked.
    Careers,
    /// The teacher's screen: packs, class progress, exams.
    Teacher,
    /// The level editor (reached from the teacher's screen).
    Editor,
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
            "careers" => Some(Screen::Careers),
            "teacher" => Some(Screen::Teacher),
            "editor" => Some(Screen::Editor),
            _ => None,
        }
    }
}

/// The options the game was started with.
#[derive(Resource, Clone, Debug, Default)]
pub struct StartOptions(pub GameArgs);

/// Starts the game window and returns when it closes.
pub fn run(args: GameArgs) -> std::process::ExitCode {
    capture::mark_start();
    let lang = args.lang.unwrap_or_else(crate::i18n::Lang::detect);
    if let Some(path) = &args.write_icon {
        return write_icon(path, lang);
    }
    let crash_reports = crash::install(lang);
    crate::crash::test_panic_point("start");
    let backend = graphics::chosen_backend(args.backend, lang);
    let (width, height) = args
        .window
        .as_deref()
        .and_then(|s| s.split_once('x'))
        .and_then(|(w, h)| Some((w.parse::<u32>().ok()?, h.parse::<u32>().ok()?)))
        .unwrap_or((1366, 768));
    let mut app = App::new();
    let default_plugins = DefaultPlugins
        .set(WindowPlugin {
            primary_window: Some(Window {
                title: "Codebot".into(),
                // The X11 class / Wayland app id: docks match it with codebot.desktop.
                name: Some("codebot".into()),
                resolution: WindowResolution::new(width, height),
                // The browser build draws on the page's `<canvas id="codebot">` sized by the
                // page, and lets key events through so that paste reaches the code editor
                // (the desktop ignores these three fields).
                canvas: Some("#codebot".into()),
                fit_canvas_to_parent: true,
                prevent_default_event_handling: false,
                ..default()
            }),
            ..default()
        })
        .set(AssetPlugin {
            meta_check: bevy::asset::AssetMetaCheck::Never,
            ..default()
        });
    if let Err(failure) = graphics::add_default_plugins(&mut app, default_plugins, backend) {
        drop(app);
        return graphics::after_failure(&failure, backend, lang);
    }
    app.add_plugins(EguiPlugin::default())
        .insert_resource(StartOptions(args));
    // Software rendering on school PCs; the browser draws with the real graphics card.
    #[cfg(not(target_arch = "wasm32"))]
    egui_shader::plugin(&mut app);
    if let Some(reports) = crash_reports {
        app.insert_resource(reports);
    }
    plugin(&mut app);
    match app.run() {
        AppExit::Success => std::process::ExitCode::SUCCESS,
        AppExit::Error(code) => std::process::ExitCode::from(code.get()),
    }
}

/// `--write-icon`: the game's icon as a PNG file, without opening a window.
fn write_icon(path: &std::path::Path, lang: crate::i18n::Lang) -> std::process::ExitCode {
    match art::write_logo_png(path, 256) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            let args = [
                ("path", path.display().to_string().into()),
                ("reason", error.to_string().into()),
            ];
            eprintln!("{}", crate::i18n::tr(lang, "crash-icon-not-written", &args));
            std::process::ExitCode::from(crate::cli::EXIT_BAD_INPUT)
        }
    }
}

/// The order of the egui systems of a frame: the style first, then the screen, then
/// what is drawn over it (notices), then the keys no one else used (Esc = back).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiSet {
    Theme,
    Screens,
    Overlays,
    Keys,
}

/// Everything of the game but the window and renderer, so headless tests can add it
/// to an `App` built on `MinimalPlugins` (+ `StatesPlugin`). The egui systems are
/// registered too but only run when bevy_egui drives its pass; the rules (profiles,
/// saving, settings, navigation, unlocking) run in `Update` and are tested headless.
/// Insert `StartOptions` and `Saves` before calling it to choose them.
pub fn plugin(app: &mut App) {
    app.init_state::<Screen>();
    app.configure_sets(
        bevy_egui::EguiPrimaryContextPass,
        (UiSet::Theme, UiSet::Screens, UiSet::Overlays, UiSet::Keys).chain(),
    );
    app.add_plugins((
        art::plugin,
        camera::plugin,
        session::plugin,
        notices::plugin,
        settings::plugin,
        player::plugin,
        navigation::plugin,
        theme::plugin,
        start::plugin,
        capture::plugin,
        power::plugin,
        crash::plugin,
    ));
    app.add_plugins((
        title::plugin,
        profiles::plugin,
        map::plugin,
        credits::plugin,
        careers::plugin,
        achievements::plugin,
    ));
    app.add_plugins(level::plugin);
    #[cfg(target_arch = "wasm32")]
    app.add_plugins((web_page::plugin, web_files::plugin));
    // Teachers' tools: packs, files for the teacher, exams, the teacher's screen.
    app.add_plugins((
        dialogs::plugin,
        library::plugin,
        library_ui::plugin,
        exports::plugin,
        exam::plugin,
        teacher::plugin,
        editor::plugin,
    ));
}
