//! Where the student's program runs while the game keeps drawing, behind one small trait
//! so that `run` does not care: natively a background thread grades with the sandbox's
//! worker processes; in the browser a Web Worker runs the program
//! (`sandbox::web_sandbox`) and the page grades its records once they arrive. Either is
//! polled once a frame and stopped by dropping it.

use crate::grade::Report;

/// A run in progress.
pub(super) trait PendingRun: Send + Sync + std::fmt::Debug {
    /// The report once the run is over (`Err`: why the level could not be graded).
    fn poll(&mut self) -> Option<Result<Report, String>>;
}

#[cfg(not(target_arch = "wasm32"))]
pub(super) use native::start;
#[cfg(target_arch = "wasm32")]
pub(super) use web::start;

/// Gets ready for a run on the level just opened: in the browser, starts a Web Worker now
/// so that the first run does not wait for the module to load. Nothing to do natively.
pub(super) fn prepare() {
    #[cfg(target_arch = "wasm32")]
    crate::sandbox::web_sandbox::warm_up();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::mpsc::{self, Receiver, TryRecvError};
    use std::sync::{Arc, Mutex, PoisonError};

    use super::PendingRun;
    use crate::grade::{Report, Runner};
    use crate::i18n::{Lang, tr};
    use crate::level::Level;
    use crate::sandbox::{RunRecord, RunRequest, Sandbox};

    /// Grading on a thread of its own, with a cancel flag that kills the worker process.
    #[derive(Debug)]
    struct GradingThread {
        cancel: Arc<AtomicBool>,
        /// In a mutex only because resources must be `Sync`; only the poll touches it.
        receiver: Mutex<Receiver<Result<Report, String>>>,
        lang: Lang,
    }

    impl PendingRun for GradingThread {
        fn poll(&mut self) -> Option<Result<Report, String>> {
            let receiver = self
                .receiver
                .get_mut()
                .unwrap_or_else(PoisonError::into_inner);
            match receiver.try_recv() {
                Ok(report) => Some(report),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => {
                    Some(Err(tr(self.lang, "level-run-crashed", &[])))
                }
            }
        }
    }

    impl Drop for GradingThread {
        fn drop(&mut self) {
            // The thread ends on its own once the worker is killed; nobody waits for it.
            self.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// The sandbox, stopped as soon as the flag rises.
    struct Cancellable<'a> {
        sandbox: Sandbox,
        cancel: &'a AtomicBool,
    }

    impl Runner for Cancellable<'_> {
        fn run(&self, request: &RunRequest) -> Vec<Option<RunRecord>> {
            self.sandbox.run_cancellable(request, self.cancel)
        }
    }

    /// Grades `code` on a background thread with worker processes started from `worker`.
    pub(in crate::game::level) fn start(
        level: Level,
        code: String,
        worker: Option<PathBuf>,
        lang: Lang,
    ) -> Box<dyn PendingRun> {
        let cancel = Arc::new(AtomicBool::new(false));
        let (sender, receiver) = mpsc::channel();
        let flag = Arc::clone(&cancel);
        let grading = move || {
            let report = match worker {
                Some(worker) => {
                    let runner = Cancellable {
                        sandbox: Sandbox::new(worker),
                        cancel: &flag,
                    };
                    crate::grade::grade(&level, &code, &runner).map_err(|e| e.to_string())
                }
                None => Err(tr(lang, "level-run-no-worker", &[])),
            };
            // Nobody listens any more when the run was stopped: that is fine.
            let _ = sender.send(report);
        };
        // If the thread cannot start, the sender is dropped and the poll reports a crash.
        let _ = std::thread::Builder::new()
            .name("codebot-grading".into())
            .spawn(grading);
        Box::new(GradingThread {
            cancel,
            receiver: Mutex::new(receiver),
            lang,
        })
    }
}

#[cfg(target_arch = "wasm32")]
mod web {
    use std::path::PathBuf;

    use super::PendingRun;
    use crate::grade::{Grading, Report};
    use crate::i18n::Lang;
    use crate::level::Level;
    use crate::sandbox::web_sandbox::WebRun;

    /// The program in a Web Worker; the page grades its records.
    #[derive(Debug)]
    struct InWebWorker {
        level: Level,
        /// `None` once the report was given, or when the level could not be graded.
        run: Option<(Grading, WebRun)>,
        /// Why the level could not be graded at all, given at the first poll.
        failed: Option<String>,
    }

    impl PendingRun for InWebWorker {
        fn poll(&mut self) -> Option<Result<Report, String>> {
            if let Some(error) = self.failed.take() {
                return Some(Err(error));
            }
            let records = self.run.as_ref()?.1.poll()?;
            let (grading, _) = self.run.take()?;
            Some(Ok(grading.finish(&self.level, records)))
        }
    }

    /// Hands `code` to a Web Worker (the worker executable is a native notion: unused).
    pub(in crate::game::level) fn start(
        level: Level,
        code: String,
        _worker: Option<PathBuf>,
        _lang: Lang,
    ) -> Box<dyn PendingRun> {
        let (run, failed) = match Grading::new(&level, &code) {
            Ok(grading) => {
                let run = WebRun::start(grading.request());
                (Some((grading, run)), None)
            }
            Err(error) => (None, Some(error.to_string())),
        };
        Box::new(InWebWorker { level, run, failed })
    }
}
