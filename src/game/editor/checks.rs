//! Checking the level while it is drawn: the draft's file is validated a moment after
//! each change ([`Validation`], the same `file:line:col` problems as `codebot validate`),
//! and Test ([`TestSolution`]) runs the reference solution on every variant in the
//! sandbox's worker process, on a background thread: the game never waits for it. The
//! run belongs to an entity of the screen, so leaving the editor (or a new Test) stops
//! the worker.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use bevy::prelude::*;

use super::LevelEditor;
use crate::editor::{SolutionTest, Written};
use crate::game::background::{Background, JobState};
use crate::game::level::WorkerExecutable;
use crate::game::{Screen, Session};
use crate::level::Diagnostic;

/// Seconds to wait after a change before checking again (painting a stroke changes the
/// draft every frame).
const SETTLE_SECONDS: f64 = 0.25;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Validation>()
        .init_resource::<SolutionRun>()
        .add_message::<TestSolution>()
        .add_systems(
            Update,
            (validate, start_test, poll_test)
                .chain()
                .run_if(in_state(Screen::Editor)),
        );
}

/// The problems of the draft as it was at `revision`.
#[derive(Resource, Debug, Default)]
pub struct Validation {
    pub revision: Option<u64>,
    /// The file checked, to place problems on the map.
    pub written: Option<Written>,
    pub problems: Vec<Diagnostic>,
    /// The map cells the problems point at.
    pub cells: Vec<(u32, u32)>,
    checked_at: f64,
}

fn validate(editor: Res<LevelEditor>, time: Res<Time<Real>>, mut validation: ResMut<Validation>) {
    let revision = editor.editor.revision();
    let now = time.elapsed_secs_f64();
    if validation.revision == Some(revision)
        || (validation.revision.is_some() && now - validation.checked_at < SETTLE_SECONDS)
    {
        return;
    }
    let draft = editor.draft();
    let written = draft.write();
    let problems = draft.problems();
    validation.cells = problems
        .iter()
        .filter_map(|d| draft.cell_of(&written, d))
        .collect();
    validation.problems = problems;
    validation.written = Some(written);
    validation.revision = Some(revision);
    validation.checked_at = now;
}

/// Runs the reference solution (the Test button).
#[derive(Message, Clone, Copy, Debug, Default)]
pub struct TestSolution;

/// The last Test and the one running.
#[derive(Resource, Debug, Default)]
pub struct SolutionRun {
    /// The revision tested and the result (or why it could not run).
    pub last: Option<(u64, Result<SolutionTest, String>)>,
    /// When the run under way started (real seconds), if one is.
    pub running_since: Option<f64>,
}

/// A run under way; dropping it stops the worker.
#[derive(Component)]
struct TestJob {
    job: Background<Result<SolutionTest, String>>,
    cancel: Arc<AtomicBool>,
    revision: u64,
}

impl Drop for TestJob {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

#[allow(clippy::too_many_arguments)]
fn start_test(
    mut requests: MessageReader<TestSolution>,
    mut commands: Commands,
    running: Query<Entity, With<TestJob>>,
    editor: Res<LevelEditor>,
    worker: Option<Res<WorkerExecutable>>,
    session: Res<Session>,
    time: Res<Time<Real>>,
    mut run: ResMut<SolutionRun>,
) {
    if requests.read().count() == 0 {
        return;
    }
    for entity in &running {
        commands.entity(entity).despawn();
    }
    let draft = editor.draft().clone();
    let worker = worker.and_then(|w| w.0.clone());
    let lang = session.lang;
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    let job = Background::spawn("editor-test", move || match worker {
        Some(worker) => run_in_sandbox(&draft, worker, &flag, lang),
        None => Err(crate::i18n::tr(lang, "level-run-no-worker", &[])),
    });
    commands.spawn((
        Name::new("Reference solution run"),
        TestJob {
            job,
            cancel,
            revision: editor.editor.revision(),
        },
        DespawnOnExit(Screen::Editor),
    ));
    run.running_since = Some(time.elapsed_secs_f64());
}

fn poll_test(
    mut commands: Commands,
    mut jobs: Query<(Entity, &mut TestJob)>,
    session: Res<Session>,
    mut run: ResMut<SolutionRun>,
) {
    for (entity, mut job) in &mut jobs {
        let result = match job.job.poll() {
            JobState::Running => continue,
            JobState::Done(result) => result,
            JobState::Lost => Err(session.t("level-run-crashed")),
        };
        run.last = Some((job.revision, result));
        run.running_since = None;
        commands.entity(entity).despawn();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run_in_sandbox(
    draft: &crate::editor::LevelDraft,
    worker: std::path::PathBuf,
    cancel: &AtomicBool,
    lang: crate::i18n::Lang,
) -> Result<SolutionTest, String> {
    use crate::grade::Runner;
    use crate::sandbox::{RunRecord, RunRequest, Sandbox};

    /// The worker, stopped when the flag is raised.
    struct Stoppable<'a>(Sandbox, &'a AtomicBool);

    impl Runner for Stoppable<'_> {
        fn run(&self, request: &RunRequest) -> Vec<Option<RunRecord>> {
            self.0.run_cancellable(request, self.1)
        }
    }

    Ok(draft.test(&Stoppable(Sandbox::new(worker), cancel), lang))
}

#[cfg(target_arch = "wasm32")]
fn run_in_sandbox(
    _draft: &crate::editor::LevelDraft,
    _worker: std::path::PathBuf,
    _cancel: &AtomicBool,
    lang: crate::i18n::Lang,
) -> Result<SolutionTest, String> {
    Err(crate::i18n::tr(lang, "level-run-no-worker", &[]))
}
