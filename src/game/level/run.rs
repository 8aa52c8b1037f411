//! Running the student's program without ever freezing the game: the program runs
//! elsewhere (`run_host`: the sandbox's worker process from a background thread
//! natively, a Web Worker in the browser) and the frame loop only polls for the report.
//! Stop (or leaving the level) drops the run, which kills the worker.

use std::path::PathBuf;
use std::time::Duration;

use bevy::platform::time::Instant;
use bevy::prelude::*;

use super::LevelSet;
use super::code::Code;
use super::open::{ActiveLevel, LevelOpened};
use super::run_host::{self, PendingRun};
use super::saves::SaveWork;
use crate::game::capture::fps_log_enabled;
use crate::game::{Screen, Session};
use crate::grade::Report;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<WorkerExecutable>()
        .init_resource::<ProgramRun>()
        .add_message::<RunProgram>()
        .add_message::<StopProgram>()
        .add_message::<ProgramFinished>()
        .add_systems(
            Update,
            (forget_on_open, stop_program, run_program, poll_program)
                .chain()
                .in_set(LevelSet::Run),
        )
        .add_systems(OnExit(Screen::Level), forget_program);
}

/// The executable started as the sandbox worker (`codebot __worker`). The game uses its
/// own executable; tests point it at the built `codebot` binary.
#[derive(Resource, Clone, Debug)]
pub struct WorkerExecutable(pub Option<PathBuf>);

impl Default for WorkerExecutable {
    fn default() -> Self {
        Self(std::env::current_exe().ok())
    }
}

/// Runs the program in the editor on every variant of the level.
#[derive(Message, Clone, Copy, Debug, Default)]
pub struct RunProgram;

/// Stops the program running, if any.
#[derive(Message, Clone, Copy, Debug, Default)]
pub struct StopProgram;

/// Sent when a run's report arrives.
#[derive(Message, Clone, Copy, Debug, Default)]
pub struct ProgramFinished;

/// The result of one run.
#[derive(Debug)]
pub struct Outcome {
    /// The code that ran (the editor may have changed since).
    pub code: String,
    /// The report, or why the level could not be graded at all.
    pub report: Result<Report, String>,
    /// How long the student waited.
    pub waited: Duration,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.report.as_ref().is_ok_and(|r| r.passed)
    }
}

/// The program running or last run on this level.
#[derive(Resource, Debug, Default)]
pub struct ProgramRun {
    job: Option<Job>,
    outcome: Option<Outcome>,
    /// Goes up with every run started, so views can tell runs apart.
    pub generation: u64,
    /// The last run was stopped by the student.
    pub stopped: bool,
}

impl ProgramRun {
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// How long the program has been running.
    pub fn running_for(&self) -> Option<Duration> {
        self.job.as_ref().map(|j| j.started.elapsed())
    }

    pub fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    /// The report of the last run, if it could be graded.
    pub fn report(&self) -> Option<&Report> {
        self.outcome.as_ref().and_then(|o| o.report.as_ref().ok())
    }

    fn cancel(&mut self) {
        // Dropping the pending run stops its worker.
        self.job = None;
    }
}

#[derive(Debug)]
struct Job {
    pending: Box<dyn PendingRun>,
    started: Instant,
    code: String,
    /// Frames drawn while the program ran (diagnostics: the game must not freeze).
    frames: u32,
}

fn run_program(
    mut requests: MessageReader<RunProgram>,
    mut run: ResMut<ProgramRun>,
    active: Option<Res<ActiveLevel>>,
    mut code: ResMut<Code>,
    worker: Res<WorkerExecutable>,
    session: Res<Session>,
    mut save: MessageWriter<SaveWork>,
) {
    if requests.read().count() == 0 {
        return;
    }
    let Some(active) = active else {
        return;
    };
    if active.exam.as_ref().is_some_and(|exam| !exam.allow_runs) {
        // This exam only collects code.
        return;
    }
    run.cancel();
    if let Some(work) = code.take_save() {
        save.write(work);
    }
    run.job = Some(Job {
        pending: run_host::start(
            active.level.clone(),
            code.text.clone(),
            worker.0.clone(),
            session.lang,
        ),
        started: Instant::now(),
        code: code.text.clone(),
        frames: 0,
    });
    run.outcome = None;
    run.stopped = false;
    run.generation += 1;
}

fn stop_program(mut requests: MessageReader<StopProgram>, mut run: ResMut<ProgramRun>) {
    if requests.read().count() > 0 && run.is_running() {
        run.cancel();
        run.stopped = true;
    }
}

fn poll_program(
    mut run: ResMut<ProgramRun>,
    active: Option<Res<ActiveLevel>>,
    mut finished: MessageWriter<ProgramFinished>,
    mut save: MessageWriter<SaveWork>,
) {
    let Some(job) = run.job.as_mut() else {
        return;
    };
    job.frames += 1;
    let Some(report) = job.pending.poll() else {
        return;
    };
    let job = run.job.take().expect("checked above");
    let waited = job.started.elapsed();
    let frames = format!(
        "program graded in {} ms; {} frames drawn meanwhile ({:.1} per second)",
        waited.as_millis(),
        job.frames,
        f64::from(job.frames) / waited.as_secs_f64().max(1e-3)
    );
    if fps_log_enabled() {
        info!("{frames}");
    } else {
        debug!("{frames}");
    }
    if let (Ok(report), Some(active)) = (&report, active) {
        save.write(SaveWork::Attempt {
            key: active.key.clone(),
            code: job.code.clone(),
            passed: report.passed,
            stars: report.stars,
        });
    }
    run.outcome = Some(Outcome {
        code: job.code,
        report,
        waited,
    });
    finished.write(ProgramFinished);
}

fn forget_on_open(mut opened: MessageReader<LevelOpened>, mut run: ResMut<ProgramRun>) {
    if opened.read().count() > 0 {
        run_host::prepare();
        run.cancel();
        run.outcome = None;
        run.stopped = false;
    }
}

fn forget_program(mut run: ResMut<ProgramRun>) {
    run.cancel();
    run.outcome = None;
    run.stopped = false;
}
