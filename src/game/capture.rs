//! Pictures and numbers for scripts: `--screenshot out.png` saves the window after
//! `--after` seconds (2 by default) and quits; `--after` alone quits after that time.
//! With the environment variable `CODEBOT_FPS_LOG=1` the game logs how long the first
//! frame took to appear, then every 5 seconds the frame rate and resident memory (and
//! the level screen, for each program run, the frames drawn while it ran).

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use bevy::platform::time::Instant; // the browser has no std clock
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};

use super::StartOptions;

/// The environment variable turning the frame-rate log on.
pub const FPS_LOG_ENV: &str = "CODEBOT_FPS_LOG";

/// Seconds before the screenshot when `--after` is not given.
const DEFAULT_DELAY: f32 = 2.0;
/// Frames drawn before a screenshot at the earliest (the first ones may be blank).
const MIN_FRAMES: u32 = 10;
/// Give up waiting for the screenshot after this long past the planned time.
const CAPTURE_TIMEOUT: Duration = Duration::from_secs(30);

static STARTED: OnceLock<Instant> = OnceLock::new();

/// Remembers when the program started (call first thing in `run`).
pub(super) fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

/// Whether the game must draw every frame: a screenshot or a timed run is under way
/// (`--screenshot`, `--after`).
pub(super) fn wants_continuous(app: &App) -> bool {
    app.world()
        .get_resource::<StartOptions>()
        .is_some_and(|o| o.0.screenshot.is_some() || o.0.after.is_some())
}

pub(super) fn plugin(app: &mut App) {
    let options = app
        .world()
        .get_resource::<StartOptions>()
        .map(|o| o.0.clone());
    if let Some(args) = options
        && (args.screenshot.is_some() || args.after.is_some())
    {
        let delay = args
            .after
            .unwrap_or(DEFAULT_DELAY)
            .clamp(0.0, 24.0 * 3600.0);
        app.insert_resource(Capture {
            path: args.screenshot,
            delay: Duration::from_secs_f32(delay),
            frames: 0,
            stage: Stage::Waiting,
        })
        .add_systems(Last, capture);
    }
    if fps_log_enabled() {
        app.add_systems(Last, log_frame_rate);
    }
}

/// Whether `CODEBOT_FPS_LOG` asks for the frame-rate log (the level screen then also
/// logs the frames drawn while each program ran).
pub(super) fn fps_log_enabled() -> bool {
    std::env::var_os(FPS_LOG_ENV).is_some_and(|v| !v.is_empty() && v != "0")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Waiting,
    Requested { at: Duration },
    Saved,
}

#[derive(Resource, Debug)]
struct Capture {
    path: Option<PathBuf>,
    delay: Duration,
    frames: u32,
    stage: Stage,
}

fn capture(
    mut commands: Commands,
    mut state: ResMut<Capture>,
    time: Res<Time<Real>>,
    mut exit: MessageWriter<AppExit>,
) {
    state.frames += 1;
    let now = time.elapsed();
    match state.stage {
        Stage::Waiting if now >= state.delay && state.frames >= MIN_FRAMES => {
            let Some(path) = state.path.clone() else {
                exit.write(AppExit::Success);
                return;
            };
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                let _ = std::fs::create_dir_all(dir);
            }
            let mut save = save_to_disk(path);
            commands.spawn(Screenshot::primary_window()).observe(
                move |captured: On<ScreenshotCaptured>, mut state: ResMut<Capture>| {
                    save(captured);
                    state.stage = Stage::Saved;
                },
            );
            state.stage = Stage::Requested { at: now };
        }
        Stage::Requested { at } if now.saturating_sub(at) > CAPTURE_TIMEOUT => {
            error!("the screenshot was not taken in {CAPTURE_TIMEOUT:?}");
            exit.write(AppExit::error());
        }
        Stage::Saved => {
            exit.write(AppExit::Success);
        }
        _ => {}
    }
}

#[derive(Default)]
struct FrameRate {
    first_frame_logged: bool,
    window_start: Option<Duration>,
    frames: u32,
}

fn log_frame_rate(time: Res<Time<Real>>, mut rate: Local<FrameRate>) {
    if !rate.first_frame_logged {
        rate.first_frame_logged = true;
        if let Some(start) = STARTED.get() {
            info!(
                "first frame after {:.0} ms from start",
                start.elapsed().as_secs_f64() * 1000.0
            );
        }
    }
    let now = time.elapsed();
    let start = *rate.window_start.get_or_insert(now);
    rate.frames += 1;
    let span = now.saturating_sub(start);
    if span >= Duration::from_secs(5) {
        let fps = f64::from(rate.frames) / span.as_secs_f64();
        let memory = resident_memory_mib()
            .map(|m| format!("{m:.0} MiB"))
            .unwrap_or_else(|| "unknown".to_owned());
        info!("fps {fps:.1}, resident memory {memory}");
        rate.window_start = Some(now);
        rate.frames = 0;
    }
}

/// The resident memory of this process (Linux only).
fn resident_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}
