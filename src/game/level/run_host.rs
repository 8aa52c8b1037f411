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

    use super::PendingRun;
    use crate::game::program_job::ProgramJob;
    use crate::grade::{Report, Runner};
    use crate::i18n::Lang;
    use crate::level::Level;

    impl PendingRun for ProgramJob<Result<Report, String>> {
        fn poll(&mut self) -> Option<Result<Report, String>> {
            ProgramJob::poll(self).map(Result::flatten)
        }
    }

    /// Grades `code` on a background thread with worker processes started from `worker`.
    pub(in crate::game::level) fn start(
        level: Level,
        code: String,
        worker: Option<PathBuf>,
        lang: Lang,
    ) -> Box<dyn PendingRun> {
        let grade = move |runner: &(dyn Runner + Sync)| {
            crate::grade::grade(&level, &code, runner).map_err(|e| e.to_string())
        };
        Box::new(ProgramJob::start("grading", grade, worker, lang))
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
