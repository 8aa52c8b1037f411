//! Checking the level while it is drawn: the draft's file is validated a moment after
//! each change ([`Validation`], the same `file:line:col` problems as `codebot validate`),
//! and Test ([`TestSolution`]) runs the reference solution on every variant in the
//! sandbox (a [`ProgramJob`]: the worker process on a background thread, Web Workers in
//! the browser): the game never waits for it. The run belongs to an entity of the
//! screen, so leaving the editor (or a new Test) stops it.

use bevy::prelude::*;

use super::LevelEditor;
use crate::editor::{SolutionTest, Written};
use crate::game::level::WorkerExecutable;
use crate::game::program_job::ProgramJob;
use crate::game::{Screen, Session};
use crate::grade::Runner;
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
    job: ProgramJob<SolutionTest>,
    revision: u64,
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
    let lang = session.lang;
    let job = ProgramJob::start(
        "editor-test",
        move |runner: &(dyn Runner + Sync)| draft.test(runner, lang),
        worker.and_then(|w| w.0.clone()),
        lang,
    );
    commands.spawn((
        Name::new("Reference solution run"),
        TestJob {
            job,
            revision: editor.editor.revision(),
        },
        DespawnOnExit(Screen::Editor),
    ));
    run.running_since = Some(time.elapsed_secs_f64());
}

fn poll_test(
    mut commands: Commands,
    mut jobs: Query<(Entity, &mut TestJob)>,
    mut run: ResMut<SolutionRun>,
) {
    for (entity, mut job) in &mut jobs {
        let Some(result) = job.job.poll() else {
            continue;
        };
        run.last = Some((job.revision, result));
        run.running_since = None;
        commands.entity(entity).despawn();
    }
}
