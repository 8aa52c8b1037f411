//! A synchronous computation over a [`Runner`] (grading an exam, testing a level's
//! solution) carried out with runs that answer later (the browser's Web Workers), without
//! ever blocking: [`Batch`] runs the computation against a caching runner; the requests
//! it has no records for yet get placeholders (every world "not run") and are noted. The
//! noted requests are then started and polled, their records cached, and the computation
//! runs again, until a pass needs nothing new: that pass's result is the answer, made of
//! real records only. A computation whose later requests depend on earlier results takes
//! one pass per step; requests made only because of a placeholder are run for nothing,
//! but never reach the answer.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use super::Runner;
use crate::sandbox::{RunRecord, RunRequest};

/// A run started by a [`Batch`]'s starter. Dropping it must stop it.
pub trait StartedRun {
    /// The records once the run is over: one per world, `None` for worlds not run.
    fn poll(&mut self) -> Option<Vec<Option<RunRecord>>>;
}

type Records = Vec<Option<RunRecord>>;

/// The computation, run once a pass.
type Compute<T> = Box<dyn Fn(&(dyn Runner + Sync)) -> T + Send + Sync>;

/// A computation's runs, started a few at a time and polled once a frame; dropping the
/// batch drops (so stops) the runs under way.
pub struct Batch<T, R> {
    compute: Compute<T>,
    start: Box<dyn Fn(&RunRequest) -> R + Send + Sync>,
    max_running: usize,
    /// Records by request (its JSON text: requests hold worlds, which have no `Hash`).
    cache: HashMap<String, Records>,
    waiting: VecDeque<(String, RunRequest)>,
    running: Vec<(String, R)>,
    passes: u32,
}

impl<T, R: std::fmt::Debug> std::fmt::Debug for Batch<T, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batch")
            .field("cached", &self.cache.len())
            .field("waiting", &self.waiting.len())
            .field("running", &self.running)
            .field("passes", &self.passes)
            .finish_non_exhaustive()
    }
}

impl<T, R: StartedRun> Batch<T, R> {
    /// `compute`'s answer, with its runs started by `start`, at most `max_running` at
    /// once (at least one). Nothing runs before the first [`Batch::poll`].
    pub fn new(
        compute: impl Fn(&(dyn Runner + Sync)) -> T + Send + Sync + 'static,
        start: impl Fn(&RunRequest) -> R + Send + Sync + 'static,
        max_running: usize,
    ) -> Self {
        Batch {
            compute: Box::new(compute),
            start: Box::new(start),
            max_running: max_running.max(1),
            cache: HashMap::new(),
            waiting: VecDeque::new(),
            running: Vec::new(),
            passes: 0,
        }
    }

    /// How many times the computation ran so far.
    pub fn passes(&self) -> u32 {
        self.passes
    }

    /// How many runs were over (their records are kept).
    pub fn runs_done(&self) -> usize {
        self.cache.len()
    }

    /// Moves the runs on; the answer once a pass needed no new run.
    pub fn poll(&mut self) -> Option<T> {
        let cache = &mut self.cache;
        self.running.retain_mut(|(key, run)| match run.poll() {
            Some(records) => {
                cache.insert(std::mem::take(key), records);
                false
            }
            None => true,
        });
        if self.waiting.is_empty() && self.running.is_empty() {
            let pass = Pass {
                cache: &self.cache,
                missing: Mutex::new(Vec::new()),
            };
            let answer = (self.compute)(&pass);
            self.passes += 1;
            let missing = pass.missing.into_inner().unwrap_or_else(|e| e.into_inner());
            if missing.is_empty() {
                return Some(answer);
            }
            self.waiting.extend(missing);
        }
        while self.running.len() < self.max_running {
            let Some((key, request)) = self.waiting.pop_front() else {
                break;
            };
            let run = (self.start)(&request);
            self.running.push((key, run));
        }
        None
    }
}

/// One pass of the computation: cached records, placeholders for the rest.
struct Pass<'a> {
    cache: &'a HashMap<String, Records>,
    /// The requests without records, each once, in the order asked.
    missing: Mutex<Vec<(String, RunRequest)>>,
}

impl Runner for Pass<'_> {
    fn run(&self, request: &RunRequest) -> Records {
        let key = serde_json::to_string(request).expect("requests always serialize");
        if let Some(records) = self.cache.get(&key) {
            return records.clone();
        }
        let mut missing = self.missing.lock().unwrap_or_else(|e| e.into_inner());
        if !missing.iter().any(|(k, _)| *k == key) {
            missing.push((key, request.clone()));
        }
        vec![None; request.worlds.len()]
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::grade::{InProcess, Report, grade};

    /// Answers with the in-process runner's records after `polls` polls; counts the runs
    /// started and the runs dropped before their end.
    #[derive(Debug)]
    struct Slow {
        request: RunRequest,
        polls: u32,
        dropped_early: Arc<AtomicUsize>,
    }

    impl StartedRun for Slow {
        fn poll(&mut self) -> Option<Records> {
            if self.polls > 0 {
                self.polls -= 1;
                return None;
            }
            self.polls = u32::MAX;
            Some(InProcess.run(&self.request))
        }
    }

    impl Drop for Slow {
        fn drop(&mut self) {
            if self.polls != u32::MAX {
                self.dropped_early.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    struct Counters {
        started: Arc<AtomicUsize>,
        dropped_early: Arc<AtomicUsize>,
    }

    fn slow_starter(polls: u32) -> (impl Fn(&RunRequest) -> Slow + Send + Sync, Counters) {
        let counters = Counters {
            started: Arc::default(),
            dropped_early: Arc::default(),
        };
        let started = Arc::clone(&counters.started);
        let dropped_early = Arc::clone(&counters.dropped_early);
        let start = move |request: &RunRequest| {
            started.fetch_add(1, Ordering::Relaxed);
            Slow {
                request: request.clone(),
                polls,
                dropped_early: Arc::clone(&dropped_early),
            }
        };
        (start, counters)
    }

    /// What a report says, without its timing.
    fn summary(report: &Report) -> (bool, u8, Vec<Option<crate::grade::Failure>>, Vec<u32>) {
        (
            report.passed,
            report.stars,
            report.variants.iter().map(|v| v.failure.clone()).collect(),
            report.variants.iter().map(|v| v.actions()).collect(),
        )
    }

    /// Grades the reference solution, then a program as many moves long as the reference
    /// took on the first variant (a request that depends on an earlier result), then a
    /// failing one and the reference again (cached).
    fn dependent(runner: &(dyn Runner + Sync)) -> Vec<Report> {
        let level = crate::grade::tests::corridor_level();
        let reference = grade(&level, &level.solution, runner).expect("gradable");
        let moves = reference.variants[0].actions().max(1) as usize;
        let hard_coded = grade(&level, &"move()\n".repeat(moves), runner).expect("gradable");
        let failing = grade(&level, "turn_left()\nturn_right()\n", runner).expect("gradable");
        let again = grade(&level, &level.solution, runner).expect("gradable");
        vec![reference, hard_coded, failing, again]
    }

    fn answer<T, R: StartedRun>(batch: &mut Batch<T, R>) -> (T, u32) {
        for polls in 1..=1000 {
            if let Some(answer) = batch.poll() {
                return (answer, polls);
            }
        }
        panic!("the batch never answered: {:?}", batch.passes());
    }

    #[test]
    fn the_answer_is_the_synchronous_runners_answer() {
        let expected: Vec<_> = dependent(&InProcess).iter().map(summary).collect();
        let (start, counters) = slow_starter(3);
        let mut batch = Batch::new(dependent, start, 2);
        let (reports, polls) = answer(&mut batch);
        let got: Vec<_> = reports.iter().map(summary).collect();
        assert_eq!(got, expected);
        assert!(expected[0].0 && !expected[1].0 && !expected[2].0);
        // The hard-coded program's length depends on the reference's record: it is only
        // asked for (with the right length) once that record is there.
        assert_eq!(batch.passes(), 3);
        // Reference + failing (same pass), the hard-coded program from the first pass's
        // placeholder (0 actions: 1 move), the right hard-coded program.
        assert_eq!(counters.started.load(Ordering::Relaxed), 4);
        assert_eq!(batch.runs_done(), 4);
        assert!(
            polls > 3,
            "runs that answer after 3 polls took {polls} polls"
        );
    }

    #[test]
    fn runs_are_started_a_few_at_a_time() {
        let programs = ["move()\n", "move()\nmove()\n", "turn_left()\n", "x = 1\n"];
        let level = crate::grade::tests::corridor_level();
        let compute = move |runner: &(dyn Runner + Sync)| {
            programs
                .iter()
                .map(|code| grade(&level, code, runner).expect("gradable").passed)
                .collect::<Vec<bool>>()
        };
        let (start, counters) = slow_starter(0);
        let mut batch = Batch::new(compute, start, 2);
        assert_eq!(batch.poll(), None);
        assert_eq!(counters.started.load(Ordering::Relaxed), 2);
        assert_eq!(batch.poll(), None);
        assert_eq!(counters.started.load(Ordering::Relaxed), 4);
        assert_eq!(batch.poll(), Some(vec![false; 4]));
        assert_eq!(batch.passes(), 2);
    }

    #[test]
    fn a_computation_without_runs_answers_at_once() {
        let (start, counters) = slow_starter(5);
        let mut batch = Batch::new(|_: &(dyn Runner + Sync)| 42, start, 1);
        assert_eq!(batch.poll(), Some(42));
        assert_eq!(counters.started.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn dropping_the_batch_stops_its_runs() {
        let (start, counters) = slow_starter(100);
        let mut batch = Batch::new(dependent, start, 2);
        assert!(batch.poll().is_none());
        assert!(batch.poll().is_none());
        assert_eq!(counters.started.load(Ordering::Relaxed), 2);
        drop(batch);
        assert_eq!(counters.dropped_early.load(Ordering::Relaxed), 2);
    }
}
