//! Jobs that run students' programs while the game keeps drawing: a computation over a
//! [`Runner`] (testing a level's reference solution, grading an exam). Natively it runs
//! on a `game::background::Background` thread with the sandbox's worker processes; in
//! the browser it is a [`crate::grade::Batch`] whose runs go to Web Workers
//! (`sandbox::web_sandbox`), moved on at each poll. Either is polled once a frame and
//! stopped by dropping it.

#[cfg(not(target_arch = "wasm32"))]
use std::sync::{Arc, atomic::AtomicBool};

use std::path::PathBuf;

#[cfg(not(target_arch = "wasm32"))]
use super::background::{Background, JobState};
use crate::grade::Runner;
use crate::i18n::Lang;
#[cfg(not(target_arch = "wasm32"))]
use crate::i18n::tr;

/// Web Workers running programs at once for one job (each loads its own copy of the
/// game's module).
#[cfg(target_arch = "wasm32")]
const WEB_RUNS_AT_ONCE: usize = 2;

/// A computation over a runner, under way.
#[derive(Debug)]
pub struct ProgramJob<T> {
    #[cfg(not(target_arch = "wasm32"))]
    thread: Background<Result<T, String>>,
    /// Raised when the job is dropped: kills the worker process running.
    #[cfg(not(target_arch = "wasm32"))]
    cancel: Arc<AtomicBool>,
    #[cfg(target_arch = "wasm32")]
    batch: crate::grade::Batch<T, crate::sandbox::web_sandbox::WebRun>,
    /// The language of the job's own errors.
    #[cfg(not(target_arch = "wasm32"))]
    lang: Lang,
}

#[cfg(target_arch = "wasm32")]
impl crate::grade::StartedRun for crate::sandbox::web_sandbox::WebRun {
    fn poll(&mut self) -> Option<Vec<Option<crate::sandbox::RunRecord>>> {
        crate::sandbox::web_sandbox::WebRun::poll(self)
    }
}

impl<T: Send + 'static> ProgramJob<T> {
    /// Starts `compute` (a thread named after `name` natively), its programs run by
    /// worker processes started from `worker` (a native notion: unused on the web).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn start(
        name: &str,
        compute: impl Fn(&(dyn Runner + Sync)) -> T + Send + Sync + 'static,
        worker: Option<PathBuf>,
        lang: Lang,
    ) -> Self {
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cancel);
        let thread = Background::spawn(name, move || {
            let worker = worker.ok_or_else(|| tr(lang, "level-run-no-worker", &[]))?;
            let runner = crate::grade::Cancellable {
                sandbox: crate::sandbox::Sandbox::new(worker),
                cancel: &flag,
            };
            Ok(compute(&runner))
        });
        ProgramJob {
            thread,
            cancel,
            lang,
        }
    }

    /// Starts `compute`, its programs run by Web Workers (`name` and `worker` are native
    /// notions: unused on the web).
    #[cfg(target_arch = "wasm32")]
    pub fn start(
        _name: &str,
        compute: impl Fn(&(dyn Runner + Sync)) -> T + Send + Sync + 'static,
        _worker: Option<PathBuf>,
        _lang: Lang,
    ) -> Self {
        let batch = crate::grade::Batch::new(
            compute,
            crate::sandbox::web_sandbox::WebRun::start,
            WEB_RUNS_AT_ONCE,
        );
        ProgramJob { batch }
    }

    /// The answer once the job is over (`Err`: why it could not run).
    pub fn poll(&mut self) -> Option<Result<T, String>> {
        #[cfg(not(target_arch = "wasm32"))]
        return match self.thread.poll() {
            JobState::Running => None,
            JobState::Done(result) => Some(result),
            JobState::Lost => Some(Err(tr(self.lang, "level-run-crashed", &[]))),
        };
        #[cfg(target_arch = "wasm32")]
        self.batch.poll().map(Ok)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<T> Drop for ProgramJob<T> {
    fn drop(&mut self) {
        // The thread ends on its own once its worker is killed; nobody waits for it.
        self.cancel
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn without_the_worker_executable_the_job_says_so() {
        let mut job = ProgramJob::start(
            "test-no-worker",
            |_: &(dyn Runner + Sync)| 1,
            None,
            Lang::En,
        );
        let answer = loop {
            if let Some(answer) = job.poll() {
                break answer;
            }
            std::thread::yield_now();
        };
        assert_eq!(answer, Err(tr(Lang::En, "level-run-no-worker", &[])));
    }
}
