//! Grading: runs a program over every variant of a level, checks the goals on the
//! replayed trace of each, and awards stars (1 for passing every variant, one more for
//! each of the level's targets met: lines of code, robot actions).

mod batch;

#[cfg(not(target_arch = "wasm32"))]
use std::time::Instant;

use serde::Serialize;
#[cfg(target_arch = "wasm32")]
use web_time::Instant;

use crate::level::{Level, LevelError, lines_of_code};
use crate::sandbox::{ErrorKind, Limits, ProgramError, RunRecord, RunRequest};
use crate::sim::{GoalFailure, Trace, World};

pub use batch::{Batch, StartedRun};

/// Runs a program on several worlds: the worker process natively, a Web Worker on the web.
pub trait Runner {
    /// One record per world, in order; `None` for worlds that were not run.
    fn run(&self, request: &RunRequest) -> Vec<Option<RunRecord>>;
}

#[cfg(not(target_arch = "wasm32"))]
impl Runner for crate::sandbox::Sandbox {
    fn run(&self, request: &RunRequest) -> Vec<Option<RunRecord>> {
        crate::sandbox::Sandbox::run(self, request)
    }
}

/// The worker process, stopped as soon as the flag rises (the player pressed Stop or left
/// the screen).
#[cfg(not(target_arch = "wasm32"))]
pub struct Cancellable<'a> {
    pub sandbox: crate::sandbox::Sandbox,
    pub cancel: &'a std::sync::atomic::AtomicBool,
}

#[cfg(not(target_arch = "wasm32"))]
impl Runner for Cancellable<'_> {
    fn run(&self, request: &RunRequest) -> Vec<Option<RunRecord>> {
        self.sandbox.run_cancellable(request, self.cancel)
    }
}

/// Runs programs in this process, one after the other, with the request's budgets but
/// without the worker process's memory cap and watchdog: an allocation bomb or a built-in
/// that never returns takes this process down with it. For tests and fuzzing only; the
/// game and the command line use the worker ([`crate::sandbox::Sandbox`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct InProcess;

impl Runner for InProcess {
    fn run(&self, request: &RunRequest) -> Vec<Option<RunRecord>> {
        let mut out = Vec::with_capacity(request.worlds.len());
        request.run_here(|record| {
            out.push(Some(record));
            std::ops::ControlFlow::Continue(())
        });
        out.resize(request.worlds.len(), None);
        out
    }
}

/// Why one variant did not pass.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Failure {
    /// The program stopped on an error or a limit.
    Program(ProgramError),
    /// The program ended normally but the level's goal is not met.
    Goal(GoalFailure),
    /// Not run, because an earlier variant already failed with an error.
    NotRun,
}

impl Failure {
    /// The verdict family, as in the CLI's JSON `error.kind`.
    pub fn kind(&self) -> Option<ErrorKind> {
        match self {
            Failure::Program(e) => Some(e.kind()),
            Failure::Goal(_) => Some(ErrorKind::GoalNotMet),
            Failure::NotRun => None,
        }
    }
}

/// The result of one variant.
#[derive(Clone, Debug)]
pub struct VariantResult {
    pub seed: u64,
    pub failure: Option<Failure>,
    /// The recorded run, replayed frame by frame (absent when not run).
    pub trace: Option<Trace>,
}

impl VariantResult {
    pub fn passed(&self) -> bool {
        self.failure.is_none()
    }

    pub fn actions(&self) -> u32 {
        self.trace.as_ref().map_or(0, |t| t.frames.len() as u32)
    }
}

/// The verdict on a program for a level.
#[derive(Clone, Debug)]
pub struct Report {
    pub passed: bool,
    /// 0 when failed, else 1 to 3.
    pub stars: u8,
    pub variants: Vec<VariantResult>,
    pub lines_of_code: u32,
    pub elapsed_ms: u64,
}

impl Report {
    /// The first variant that failed, which the student should look at.
    pub fn first_failure(&self) -> Option<&VariantResult> {
        self.variants
            .iter()
            .find(|v| matches!(v.failure, Some(Failure::Program(_) | Failure::Goal(_))))
    }

    /// What to show in the console: the output of the first failed variant, else of the first.
    pub fn output(&self) -> &str {
        self.first_failure()
            .or(self.variants.first())
            .and_then(|v| v.trace.as_ref())
            .map_or("", |t| t.output.as_str())
    }

    /// The most robot actions any variant took.
    pub fn max_actions(&self) -> u32 {
        self.variants
            .iter()
            .map(VariantResult::actions)
            .max()
            .unwrap_or(0)
    }
}

/// Runs `code` on every variant of `level` and grades it.
pub fn grade(level: &Level, code: &str, runner: &dyn Runner) -> Result<Report, LevelError> {
    let grading = Grading::new(level, code)?;
    let records = runner.run(grading.request());
    Ok(grading.finish(level, records))
}

/// A grading cut in two around the run, for runners that answer later (the Web Worker of
/// the browser build): [`Grading::new`] prepares the request, [`Grading::finish`] judges
/// the records. [`grade`] does both around a [`Runner`].
#[derive(Clone, Debug)]
pub struct Grading {
    seeds: Vec<u64>,
    request: RunRequest,
    started: Instant,
}

impl Grading {
    /// The request that runs `code` on every variant of `level`.
    pub fn new(level: &Level, code: &str) -> Result<Grading, LevelError> {
        let started = Instant::now();
        let worlds = level.worlds()?;
        let seeds = worlds.iter().map(|(seed, _)| *seed).collect();
        let request = RunRequest {
            code: code.to_string(),
            worlds: worlds.into_iter().map(|(_, w)| w).collect(),
            allowed: level
                .allowed_functions()
                .iter()
                .map(|f| f.english().to_string())
                .collect(),
            limits: Limits::with_max_actions(level.max_actions),
            stop_at_first_error: true,
        };
        Ok(Grading {
            seeds,
            request,
            started,
        })
    }

    pub fn request(&self) -> &RunRequest {
        &self.request
    }

    /// The report on the runner's records (one per variant, `None` when not run).
    pub fn finish(self, level: &Level, records: Vec<Option<RunRecord>>) -> Report {
        let variants: Vec<VariantResult> = self
            .seeds
            .iter()
            .zip(&self.request.worlds)
            .zip(records)
            .map(|((seed, world), record)| judge(level, *seed, world, record))
            .collect();
        let passed = !variants.is_empty() && variants.iter().all(VariantResult::passed);
        let mut report = Report {
            passed,
            stars: 0,
            variants,
            lines_of_code: lines_of_code(&self.request.code),
            elapsed_ms: 0,
        };
        report.stars = stars(level, &report);
        report.elapsed_ms = self.started.elapsed().as_millis() as u64;
        report
    }
}

/// Runs the level's own reference solution.
pub fn grade_reference(level: &Level, runner: &dyn Runner) -> Result<Report, LevelError> {
    grade(level, &level.solution, runner)
}

fn judge(level: &Level, seed: u64, world: &World, record: Option<RunRecord>) -> VariantResult {
    let Some(record) = record else {
        return VariantResult {
            seed,
            failure: Some(Failure::NotRun),
            trace: None,
        };
    };
    // The host replays the steps itself: what the worker claims about the world is not trusted.
    let trace = Trace::replay(world, &record.steps, &record.output);
    let failure = match record.error {
        Some(error) => Some(Failure::Program(error)),
        None => level
            .check_goals(world, trace.final_world(), &trace.output)
            .err()
            .map(Failure::Goal),
    };
    VariantResult {
        seed,
        failure,
        trace: Some(trace),
    }
}

/// One star for passing, one for the lines target, one for the actions target.
/// A level without a target gives that star to every passing program.
fn stars(level: &Level, report: &Report) -> u8 {
    if !report.passed {
        return 0;
    }
    let short = level
        .stars
        .max_lines
        .is_none_or(|max| report.lines_of_code <= max);
    let efficient = level
        .stars
        .max_actions
        .is_none_or(|max| report.max_actions() <= max);
    1 + u8::from(short) + u8::from(efficient)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sandbox::Problem;
    use crate::sim::ActionError;

    /// The corridor of `tests/fixtures/corridor.ron`: only a loop passes its 3 variants.
    pub(super) fn corridor_level() -> Level {
        let text = include_str!("../../tests/fixtures/corridor.ron");
        Level::load("tests/fixtures/corridor.ron", text).expect("valid test level")
    }

    #[test]
    fn reference_passes_with_three_stars() {
        let level = corridor_level();
        let report = grade_reference(&level, &InProcess).unwrap();
        assert!(report.passed, "{:?}", report.first_failure());
        assert_eq!(report.stars, 3);
        assert_eq!(report.variants.len(), 3);
        assert_eq!(report.lines_of_code, 2);
    }

    #[test]
    fn hard_coded_moves_fail_another_variant() {
        let level = corridor_level();
        let reference = grade_reference(&level, &InProcess).unwrap();
        let moves = reference.variants[0].actions();
        let hard_coded = "move()\n".repeat(moves as usize);
        let report = grade(&level, &hard_coded, &InProcess).unwrap();
        assert!(!report.passed);
        assert!(report.variants[0].passed());
        assert_eq!(report.stars, 0);
        let failed = report.first_failure().unwrap();
        assert!(matches!(
            failed.failure,
            Some(Failure::Goal(GoalFailure::NotOnGoal)) | Some(Failure::Program(_))
        ));
    }

    #[test]
    fn long_programs_lose_the_lines_star() {
        let level = corridor_level();
        let code = "# walk\nx = 0\nwhile not at_goal():\n    move()\n";
        let report = grade(&level, code, &InProcess).unwrap();
        assert!(report.passed);
        assert_eq!(report.stars, 2);
    }

    #[test]
    fn errors_stop_the_remaining_variants() {
        let level = corridor_level();
        let report = grade(&level, "while True:\n    move()\n", &InProcess).unwrap();
        assert!(!report.passed);
        let first = &report.variants[0];
        assert_eq!(
            first.failure,
            Some(Failure::Program(ProgramError::new(
                Problem::Robot {
                    error: ActionError::HitWall
                },
                Some(2)
            )))
        );
        assert!(
            report.variants[1..]
                .iter()
                .all(|v| v.failure == Some(Failure::NotRun))
        );
    }

    #[test]
    fn forbidden_function_in_this_level() {
        let level = corridor_level();
        let report = grade(&level, "turn_left()\n", &InProcess).unwrap();
        assert_eq!(
            report
                .first_failure()
                .unwrap()
                .failure
                .as_ref()
                .unwrap()
                .kind(),
            Some(ErrorKind::Forbidden)
        );
    }
}
