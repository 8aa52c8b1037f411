//! Replaying a recorded run on screen: which variant is shown, where the cursor stands
//! (in actions, see `animation`), playing, pausing, stepping and scrubbing. A run is
//! graded first and replayed after, as in Reeborg's World, so the replay can go backwards.

use bevy::prelude::*;

use super::LevelSet;
use super::open::{ActiveLevel, LevelOpened};
use super::run::{ProgramFinished, ProgramRun, RunProgram};
use crate::game::settings::ActiveSettings;
use crate::sim::Trace;

/// Replay speeds offered, in actions per second.
pub(super) const SPEEDS: std::ops::RangeInclusive<f32> = 0.5..=30.0;
const DEFAULT_SPEED: f32 = 3.0;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Replay>()
        .add_message::<ReplayCommand>()
        .add_systems(
            Update,
            (
                follow_settings,
                reset_on_open,
                start_replay,
                apply_commands,
                advance,
            )
                .chain()
                .in_set(LevelSet::Replay),
        );
}

/// What the replay shows.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct Replay {
    /// Index of the variant shown (in the level's order).
    pub variant: usize,
    /// In actions: `k` is the world after `k` actions.
    pub cursor: f32,
    pub playing: bool,
    /// Actions per second.
    pub speed: f32,
    /// Where a step is heading.
    target: Option<f32>,
    /// The replay reached the end of the run once: the verdict is shown.
    pub verdict_open: bool,
    /// The student hid the verdict (it can be shown again).
    pub verdict_hidden: bool,
    /// Step was pressed before any run: run, then show the first action only.
    step_when_ready: bool,
}

impl Default for Replay {
    fn default() -> Self {
        Self {
            variant: 0,
            cursor: 0.0,
            playing: false,
            speed: DEFAULT_SPEED,
            target: None,
            verdict_open: false,
            verdict_hidden: false,
            step_when_ready: false,
        }
    }
}

impl Replay {
    /// Whether the cursor is moving (playing or stepping).
    pub fn is_moving(&self) -> bool {
        self.playing || self.target.is_some()
    }
}

/// What the student asks of the replay (buttons, shortcuts, sliders).
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub enum ReplayCommand {
    TogglePlay,
    /// One action forward (runs the program first if it has not run).
    StepForward,
    /// One action back.
    StepBack,
    /// Back to the start, paused.
    Rewind,
    /// To the end of the run.
    ToEnd,
    /// To this cursor, paused (the timeline slider).
    Seek(f32),
    SetSpeed(f32),
    /// Shows another variant from its start.
    ShowVariant(usize),
    /// Hides the verdict and goes back to the start, to edit the program.
    Retry,
    /// Shows or hides the verdict panel.
    ShowVerdict(bool),
}

/// The trace shown: the chosen variant's run, else its starting world.
pub(super) fn shown_trace<'a>(
    active: &'a ActiveLevel,
    run: &'a ProgramRun,
    replay: &Replay,
) -> Option<&'a Trace> {
    recorded_trace(run, replay).or_else(|| {
        active
            .previews
            .get(replay.variant)
            .or(active.previews.first())
    })
}

/// The recorded run of the chosen variant, if it ran.
pub(super) fn recorded_trace<'a>(run: &'a ProgramRun, replay: &Replay) -> Option<&'a Trace> {
    run.report()?.variants.get(replay.variant)?.trace.as_ref()
}

/// The replay speed follows the animation speed of the settings (1.0 = normal).
fn follow_settings(settings: Option<Res<ActiveSettings>>, mut replay: ResMut<Replay>) {
    if let Some(settings) = settings.filter(|s| s.is_changed()) {
        let speed = DEFAULT_SPEED * settings.0.animation_speed;
        replay.speed = speed.clamp(*SPEEDS.start(), *SPEEDS.end());
    }
}

/// The cursor to draw: whole actions only when the player asked for reduced motion.
pub(super) fn drawn_cursor(replay: &Replay, reduced_motion: bool) -> f32 {
    if reduced_motion {
        replay.cursor.floor()
    } else {
        replay.cursor
    }
}

fn reset_on_open(mut opened: MessageReader<LevelOpened>, mut replay: ResMut<Replay>) {
    if opened.read().count() > 0 {
        *replay = Replay {
            speed: replay.speed,
            ..Replay::default()
        };
    }
}

fn start_replay(
    mut finished: MessageReader<ProgramFinished>,
    run: Res<ProgramRun>,
    mut replay: ResMut<Replay>,
) {
    if finished.read().count() == 0 {
        return;
    }
    let variant = run.report().map_or(0, |report| {
        report
            .first_failure()
            .and_then(|failed| report.variants.iter().position(|v| v.seed == failed.seed))
            .unwrap_or(0)
    });
    let stepping = std::mem::take(&mut replay.step_when_ready);
    let frames = run
        .report()
        .and_then(|r| r.variants.get(variant)?.trace.as_ref())
        .map_or(0, |t| t.frames.len());
    *replay = Replay {
        variant,
        playing: !stepping && frames > 0,
        target: (stepping && frames > 0).then_some(1.0),
        speed: replay.speed,
        // Nothing to replay (a syntax error...): the verdict at once.
        verdict_open: frames == 0,
        ..Replay::default()
    };
}

fn apply_commands(
    mut commands: MessageReader<ReplayCommand>,
    mut replay: ResMut<Replay>,
    run: Res<ProgramRun>,
    mut run_program: MessageWriter<RunProgram>,
) {
    let total = recorded_trace(&run, &replay).map(|t| t.frames.len() as f32);
    for command in commands.read() {
        let end = total.unwrap_or(0.0);
        match *command {
            ReplayCommand::TogglePlay => {
                if total.is_none() {
                    if !run.is_running() {
                        run_program.write(RunProgram);
                    }
                } else if replay.is_moving() {
                    replay.playing = false;
                    replay.target = None;
                } else {
                    if replay.cursor >= end {
                        replay.cursor = 0.0;
                    }
                    replay.playing = true;
                }
            }
            ReplayCommand::StepForward => {
                if total.is_none() {
                    if !run.is_running() {
                        replay.step_when_ready = true;
                        run_program.write(RunProgram);
                    }
                    continue;
                }
                replay.playing = false;
                let from = replay.target.unwrap_or(replay.cursor);
                replay.target = Some((from.floor() + 1.0).min(end));
            }
            ReplayCommand::StepBack => {
                replay.playing = false;
                replay.target = None;
                replay.cursor = (replay.cursor.ceil() - 1.0).max(0.0);
            }
            ReplayCommand::Rewind => {
                replay.playing = false;
                replay.target = None;
                replay.cursor = 0.0;
            }
            ReplayCommand::ToEnd => {
                replay.playing = false;
                replay.target = None;
                replay.cursor = end;
                replay.verdict_open |= total.is_some();
            }
            ReplayCommand::Seek(cursor) => {
                replay.playing = false;
                replay.target = None;
                replay.cursor = cursor.clamp(0.0, end);
                replay.verdict_open |= total.is_some() && replay.cursor >= end;
            }
            ReplayCommand::SetSpeed(speed) => {
                replay.speed = speed.clamp(*SPEEDS.start(), *SPEEDS.end());
            }
            ReplayCommand::ShowVariant(variant) => {
                let speed = replay.speed;
                let (verdict_open, verdict_hidden) = (replay.verdict_open, replay.verdict_hidden);
                *replay = Replay {
                    variant,
                    speed,
                    verdict_open,
                    verdict_hidden,
                    playing: run
                        .report()
                        .and_then(|r| r.variants.get(variant))
                        .is_some_and(|v| v.trace.is_some()),
                    ..Replay::default()
                };
            }
            ReplayCommand::ShowVerdict(open) => {
                replay.verdict_open = open && run.outcome().is_some();
                replay.verdict_hidden = !replay.verdict_open;
            }
            ReplayCommand::Retry => {
                replay.playing = false;
                replay.target = None;
                replay.cursor = 0.0;
                replay.verdict_open = false;
                replay.verdict_hidden = true;
            }
        }
    }
}

fn advance(time: Res<Time>, run: Res<ProgramRun>, mut replay: ResMut<Replay>) {
    let Some(end) = recorded_trace(&run, &replay).map(|t| t.frames.len() as f32) else {
        return;
    };
    let before = replay.cursor;
    let step = time.delta_secs() * replay.speed;
    if let Some(target) = replay.target {
        // Steps go at least at a brisk pace, whatever the speed.
        let step = step.max(time.delta_secs() * 4.0);
        replay.cursor = if (target - replay.cursor).abs() <= step {
            replay.target = None;
            target
        } else {
            replay.cursor + step * (target - replay.cursor).signum()
        };
    } else if replay.playing {
        replay.cursor = (replay.cursor + step).min(end);
        if replay.cursor >= end {
            replay.playing = false;
        }
    }
    replay.cursor = replay.cursor.clamp(0.0, end);
    // The verdict appears when the replay reaches the end, not when it is left there.
    if before < end && replay.cursor >= end {
        replay.verdict_open = true;
    }
}
