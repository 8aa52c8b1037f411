//! Running the student's program without ever freezing the game: grading happens on a
//! background thread that calls `grade::grade` with a runner starting the sandbox
//! worker process, and the frame loop only polls for the report. Stop (or leaving the
//! level) raises a cancel flag that kills the worker.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use bevy::prelude::*;

use super::LevelSet;
use super::code::Code;
use super::open::{ActiveLevel, LevelOpened};
use super::saves::SaveWork;
use crate::game::{Screen, Session};
use crate::grade::Report;
use crate::i18n::{Lang, tr};
use crate::level::Level;

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
        if let Some(job) = self.job.take() {
            // The thread ends on its own once the worker is killed; nobody waits for it.
            job.cancel.store(true, Ordering::Relaxed);
        }
    }
}

#[derive(Debug)]
struct Job {
    cancel: Arc<AtomicBool>,
    /// In a mutex only because resources must be `Sync`; only the poll touches it.
    receiver: Mutex<Receiver<Result<Report, String>>>,
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
    run.cancel();
    if let Some(work) = code.take_save() {
        save.write(work);
    }
    run.job = Some(start_job(
        active.level.clone(),
        code.text.clone(),
        worker.0.clone(),
        session.lang,
    ));
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
    session: Res<Session>,
    mut finished: MessageWriter<ProgramFinished>,
    mut save: MessageWriter<SaveWork>,
) {
    let Some(job) = run.job.as_mut() else {
        return;
    };
    job.frames += 1;
    let receiver = job
        .receiver
        .get_mut()
        .unwrap_or_else(PoisonError::into_inner);
    let report = match receiver.try_recv() {
        Ok(report) => report,
        Err(TryRecvError::Empty) => return,
        Err(TryRecvError::Disconnected) => Err(tr(session.lang, "level-run-crashed", &[])),
    };
    let job = run.job.take().expect("checked above");
    let waited = job.started.elapsed();
    debug!(
        "program graded in {} ms; {} frames drawn meanwhile ({:.0} per second)",
        waited.as_millis(),
        job.frames,
        f64::from(job.frames) / waited.as_secs_f64().max(1e-3)
    );
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

fn start_job(level: Level, code: String, worker: Option<PathBuf>, lang: Lang) -> Job {
    let cancel = Arc::new(AtomicBool::new(false));
    let (sender, receiver) = mpsc::channel();
    let flag = Arc::clone(&cancel);
    let program = code.clone();
    let grading = move || {
        let report = match worker {
            Some(worker) => grade_in_sandbox(&level, &program, worker, &flag),
            None => Err(tr(lang, "level-run-no-worker", &[])),
        };
        // Nobody listens any more when the run was stopped: that is fine.
        let _ = sender.send(report);
    };
    // If the thread cannot start, the sender is dropped and the poll reports a crash.
    let _ = std::thread::Builder::new()
        .name("codebot-grading".into())
        .spawn(grading);
    Job {
        cancel,
        receiver: Mutex::new(receiver),
        started: Instant::now(),
        code,
        frames: 0,
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn grade_in_sandbox(
    level: &Level,
    code: &str,
    worker: PathBuf,
    cancel: &AtomicBool,
) -> Result<Report, String> {
    use crate::grade::Runner;
    use crate::sandbox::{RunRecord, RunRequest, Sandbox};

    struct Cancellable<'a> {
        sandbox: Sandbox,
        cancel: &'a AtomicBool,
    }

    impl Runner for Cancellable<'_> {
        fn run(&self, request: &RunRequest) -> Vec<Option<RunRecord>> {
            self.sandbox.run_cancellable(request, self.cancel)
        }
    }

    let runner = Cancellable {
        sandbox: Sandbox::new(worker),
        cancel,
    };
    crate::grade::grade(level, code, &runner).map_err(|e| e.to_string())
}

#[cfg(target_arch = "wasm32")]
fn grade_in_sandbox(
    _level: &Level,
    _code: &str,
    _worker: PathBuf,
    _cancel: &AtomicBool,
) -> Result<Report, String> {
    Err("the web build runs programs in a Web Worker, not wired to the game yet".into())
}
