//! The graphics backend the game draws with, and a clear message instead of a panic
//! when it cannot draw at all.
//!
//! `auto` (the default) offers wgpu every backend built in: Vulkan (DirectX 12 on
//! Windows, Metal on macOS) and OpenGL. wgpu takes the best card (a real GPU before a
//! software renderer, Vulkan before OpenGL for the same card), so a school PC whose old
//! card has no Vulkan driver draws with OpenGL. If the renderer still fails to start (a
//! driver lists a card but cannot open it), the game starts itself again, once, with
//! OpenGL only. `--backend vulkan|gl` or `CODEBOT_BACKEND` force one (for IT staff);
//! in `auto`, wgpu's own `WGPU_BACKEND` is honoured.
//!
//! Bevy panics when it finds no display or no graphics card. Those two start-up steps
//! run under `crash::expect_failures`: the panic is caught, the player reads why (on
//! stderr, and in a native message box when started without a terminal), the exit code
//! is [`EXIT_NO_GRAPHICS`], and no crash report is written (Codebot is not broken).

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU8, Ordering};

use bevy::app::PluginGroupBuilder;
use bevy::prelude::*;
use bevy::render::RenderPlugin;
use bevy::render::settings::{Backends, WgpuSettings};
use bevy::winit::WinitPlugin;
use clap::ValueEnum;

#[cfg(not(target_arch = "wasm32"))]
use super::renderer::{self, RendererWithDisplay};
use crate::cli::GraphicsBackend;
use crate::i18n::{self, Lang};

/// Exit code of the game when it found no display or no usable graphics card.
pub const EXIT_NO_GRAPHICS: u8 = 3;
/// The environment variable choosing the backend (`auto`, `vulkan`, `gl`).
pub const BACKEND_ENV: &str = "CODEBOT_BACKEND";
/// Set by the game on the copy of itself it starts again with OpenGL only.
const RETRY_ENV: &str = "CODEBOT_GRAPHICS_RETRY";
/// The start of the message when no adapter at all was found (Bevy's, and
/// `renderer`'s): OpenGL was among the backends tried already, starting again would
/// not help.
pub(super) const NO_ADAPTER: &str = "Unable to find a GPU";

/// The backend asked for: the retry's, else `--backend`, else `CODEBOT_BACKEND`, else
/// `auto`.
pub(super) fn chosen_backend(flag: Option<GraphicsBackend>, lang: Lang) -> GraphicsBackend {
    let from_env = |name: &str| {
        let value = std::env::var(name).ok().filter(|v| !v.is_empty())?;
        let parsed = GraphicsBackend::from_str(&value, true);
        if parsed.is_err() {
            let args = [("value", value.into())];
            eprintln!("{}", i18n::tr(lang, "crash-backend-unknown", &args));
        }
        parsed.ok()
    };
    from_env(RETRY_ENV)
        .or(flag)
        .or_else(|| from_env(BACKEND_ENV))
        .unwrap_or_default()
}

fn backends(choice: GraphicsBackend) -> Backends {
    match choice {
        GraphicsBackend::Auto => Backends::from_env().unwrap_or(Backends::all()),
        GraphicsBackend::Vulkan => Backends::VULKAN,
        GraphicsBackend::Gl => Backends::GL,
    }
}

/// Why the window could not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum StartFailure {
    /// No screen to open a window on (the reason given by the windowing library).
    NoDisplay(String),
    /// No graphics card could be started (the reason given by the renderer).
    NoGraphics(String),
}

/// The start-up step Bevy's default plugins are in (set by [`StepMarker`]s).
static STEP: AtomicU8 = AtomicU8::new(OTHER_PLUGINS);
const OTHER_PLUGINS: u8 = 0;
const DISPLAY: u8 = 1;
const RENDERER: u8 = 2;

/// A plugin doing nothing but noting that the next plugins are step `S`.
struct StepMarker<const S: u8>;

impl<const S: u8> Plugin for StepMarker<S> {
    fn build(&self, _app: &mut App) {
        STEP.store(S, Ordering::SeqCst);
        crate::crash::expect_failures(S == DISPLAY || S == RENDERER);
    }
}

/// Adds Bevy's default plugins to `app`, the renderer drawing with `choice`. Fails,
/// instead of panicking, when there is no display or no graphics card; any other panic
/// goes on (a bug: it is reported).
pub(super) fn add_default_plugins(
    app: &mut App,
    plugins: PluginGroupBuilder,
    choice: GraphicsBackend,
) -> Result<(), StartFailure> {
    let plugins = with_renderer(
        plugins
            .add_before::<WinitPlugin>(StepMarker::<DISPLAY>)
            .add_before::<RenderPlugin>(StepMarker::<RENDERER>),
        backends(choice),
    );
    STEP.store(OTHER_PLUGINS, Ordering::SeqCst);
    let added = catch_unwind(AssertUnwindSafe(|| {
        app.add_plugins(plugins);
    }));
    crate::crash::expect_failures(false);
    let Err(payload) = added else {
        return Ok(());
    };
    let reason = panic_text(payload.as_ref());
    match STEP.load(Ordering::SeqCst) {
        DISPLAY => Err(StartFailure::NoDisplay(reason)),
        RENDERER => Err(StartFailure::NoGraphics(reason)),
        _ => resume_unwind(payload),
    }
}

/// The plugins with a renderer offering wgpu `backends`: Bevy's own start of the
/// renderer, or `renderer`'s where OpenGL needs the display.
fn with_renderer(plugins: PluginGroupBuilder, backends: Backends) -> PluginGroupBuilder {
    #[cfg(not(target_arch = "wasm32"))]
    if renderer::needed(backends) {
        return plugins
            .disable::<RenderPlugin>()
            .add_after::<RenderPlugin>(RendererWithDisplay { backends })
            .add_after::<RendererWithDisplay>(StepMarker::<OTHER_PLUGINS>);
    }
    let settings = WgpuSettings {
        backends: Some(backends),
        ..default()
    };
    plugins
        .set(RenderPlugin {
            render_creation: settings.into(),
            ..default()
        })
        .add_after::<RenderPlugin>(StepMarker::<OTHER_PLUGINS>)
}

/// The first line of a panic's message.
fn panic_text(payload: &(dyn Any + Send)) -> String {
    let text = crate::crash::panic_message(payload);
    text.lines().next().unwrap_or_default().to_string()
}

/// What to do when the window could not open: in `auto`, start again with OpenGL only
/// if that could help; otherwise explain and give [`EXIT_NO_GRAPHICS`].
pub(super) fn after_failure(
    failure: &StartFailure,
    choice: GraphicsBackend,
    lang: Lang,
) -> ExitCode {
    if let StartFailure::NoGraphics(reason) = failure
        && choice == GraphicsBackend::Auto
        && !reason.starts_with(NO_ADAPTER)
        && let Some(code) = start_again_with_gl(lang)
    {
        return code;
    }
    explain(failure, backends(choice).contains(Backends::GL), lang);
    ExitCode::from(EXIT_NO_GRAPHICS)
}

/// Runs this program again, same arguments, OpenGL only; its exit code.
#[cfg(not(target_arch = "wasm32"))]
fn start_again_with_gl(lang: Lang) -> Option<ExitCode> {
    eprintln!("{}", i18n::tr(lang, "crash-graphics-retry", &[]));
    let exe = std::env::current_exe().ok()?;
    let status = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env(RETRY_ENV, "gl")
        .status()
        .ok()?;
    let code = status.code().map_or(1, |c| u8::try_from(c).unwrap_or(1));
    Some(ExitCode::from(code))
}

#[cfg(target_arch = "wasm32")]
fn start_again_with_gl(_lang: Lang) -> Option<ExitCode> {
    None
}

/// What the player reads when the window could not open. `gl_tried`: OpenGL was among
/// the backends tried (then `--backend gl` is not suggested: it would not help).
fn failure_text(failure: &StartFailure, gl_tried: bool, lang: Lang) -> String {
    match failure {
        StartFailure::NoDisplay(reason) => i18n::tr(
            lang,
            "crash-no-display",
            &[("reason", reason.clone().into())],
        ),
        StartFailure::NoGraphics(reason) => i18n::tr(
            lang,
            "crash-no-graphics",
            &[
                ("reason", reason.clone().into()),
                ("gl", if gl_tried { "tried" } else { "not-tried" }.into()),
            ],
        ),
    }
}

/// The message for the player: on stderr, and in a message box when nobody may read
/// stderr (started from a menu or a file manager, not from a terminal).
fn explain(failure: &StartFailure, gl_tried: bool, lang: Lang) {
    let text = failure_text(failure, gl_tried, lang);
    eprintln!("{text}");
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::io::IsTerminal;
        // On Linux the message box is zenity's: only if there is a screen and zenity.
        let can_show = !cfg!(target_os = "linux")
            || (matches!(failure, StartFailure::NoGraphics(_)) && in_path("zenity"));
        if can_show && !std::io::stderr().is_terminal() {
            let _ = rfd::MessageDialog::new()
                .set_level(rfd::MessageLevel::Error)
                .set_title(i18n::tr(lang, "crash-graphics-title", &[]))
                .set_description(text)
                .set_buttons(rfd::MessageButtons::Ok)
                .show();
        }
    }
}

/// Whether a program of this name is in one of the folders of `PATH`.
#[cfg(not(target_arch = "wasm32"))]
fn in_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// A short description of the graphics card in use, for crash reports.
pub(super) fn describe(info: &bevy::render::renderer::RenderAdapterInfo) -> String {
    let driver = [info.driver.as_str(), info.driver_info.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "{:?}, {} ({:?}{}{})",
        info.backend,
        info.name,
        info.device_type,
        if driver.is_empty() { "" } else { ", " },
        driver
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice_becomes_the_backends_offered_to_wgpu() {
        assert_eq!(backends(GraphicsBackend::Vulkan), Backends::VULKAN);
        assert_eq!(backends(GraphicsBackend::Gl), Backends::GL);
        if std::env::var_os("WGPU_BACKEND").is_none() {
            assert!(backends(GraphicsBackend::Auto).contains(Backends::VULKAN | Backends::GL));
        }
    }

    #[test]
    fn the_flag_wins_over_the_environment() {
        // Only read here when the variables are unset (the test must not set them: other
        // tests run in the same process).
        if std::env::var_os(BACKEND_ENV).is_none() && std::env::var_os(RETRY_ENV).is_none() {
            assert_eq!(
                chosen_backend(Some(GraphicsBackend::Gl), Lang::En),
                GraphicsBackend::Gl
            );
            assert_eq!(chosen_backend(None, Lang::En), GraphicsBackend::Auto);
        }
    }

    #[test]
    fn without_a_card_opengl_is_suggested_only_if_it_was_not_tried() {
        let failure = StartFailure::NoGraphics("Unable to find a GPU!".into());
        for lang in [Lang::Fr, Lang::En] {
            let tried = failure_text(&failure, true, lang);
            let not_tried = failure_text(&failure, false, lang);
            for text in [&tried, &not_tried] {
                assert!(text.contains("Unable to find a GPU!"), "{text}");
                assert!(
                    text.contains("navigateur") || text.contains("browser"),
                    "{text}"
                );
            }
            assert!(!tried.contains("--backend gl"), "{tried}");
            assert!(not_tried.contains("--backend gl"), "{not_tried}");
        }
        let no_display = failure_text(&StartFailure::NoDisplay("no X".into()), true, Lang::En);
        assert!(no_display.contains("no screen") && no_display.contains("no X"));
    }

    #[test]
    fn panic_messages_are_cut_to_their_first_line() {
        let payload: Box<dyn Any + Send> = Box::new(String::from("no GPU\nsee the docs"));
        assert_eq!(panic_text(payload.as_ref()), "no GPU");
        let payload: Box<dyn Any + Send> = Box::new("static text");
        assert_eq!(panic_text(payload.as_ref()), "static text");
    }
}
