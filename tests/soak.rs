//! Soak: many runs mixing correct, wrong and hostile programs through one session's
//! sandbox, the way the game runs them (each run graded on a background thread by a
//! worker process started from the `codebot` executable; some runs stopped by the
//! student while they run). Every run must end with a verdict (or, when stopped, with a
//! report), no worker process may be left behind and no file descriptor may leak; the
//! host's memory (VmRSS) is reported.
//!
//! `cargo test --test soak` runs a short version (100 runs) with those assertions;
//! `scripts/soak.sh [runs]` runs the long one (`CODEBOT_SOAK_RUNS`, default 2 000) and
//! prints the figures. Nothing here asserts on time.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use codebot::grade::{self, Failure, Report, Runner};
use codebot::level::{Level, builtin_packs};
use codebot::sandbox::{Problem, RunRecord, RunRequest, Sandbox};

/// Programs that try to freeze, exhaust or escape the sandbox; each ends in a verdict
/// by a different path (event budget, watchdog kill, memory cap, recursion limit, source
/// check, output budget). `tests/hostile_programs.rs` checks each verdict.
const HOSTILE: &[&str] = &[
    "while True:\n    pass\n",
    "x = 10**10**8\n",
    "x = [0] * 10**9\n",
    "x = 'a'\nwhile True:\n    x = x + x\n",
    "def f():\n    return f()\nf()\n",
    "while True:\n    try:\n        while True:\n            pass\n    except:\n        pass\n",
    "import os\nos.system('touch pwned')\n",
    "print(().__class__.__base__.__subclasses__())\n",
    "while True:\n    print('spam' * 100)\n",
    "x = [i for i in iter(int, 1)]\n",
];

/// What a run is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Correct,
    Wrong,
    Hostile,
    /// An endless loop stopped by the student after a moment.
    Stopped,
}

/// Run `i` of the mix: out of 10 runs, 4 correct, 3 wrong, 2 hostile, 1 stopped.
fn program(i: usize, level: &Level) -> (Kind, String) {
    match i % 10 {
        0 | 3 | 5 | 8 => (Kind::Correct, level.solution.clone()),
        1 => {
            let mut lines: Vec<&str> = level.solution.lines().collect();
            lines.pop();
            (Kind::Wrong, lines.join("\n"))
        }
        4 => (
            Kind::Wrong,
            format!("{}\nif x = 3:\n    pass\n", level.solution),
        ),
        7 => (Kind::Wrong, "voler()\nmove()\n".to_string()),
        2 | 6 => (Kind::Hostile, HOSTILE[(i / 5) % HOSTILE.len()].to_string()),
        _ => (Kind::Stopped, "while True:\n    pass\n".to_string()),
    }
}

/// The game's runner: the session's sandbox, stopped when the flag is raised.
struct Stoppable {
    sandbox: Sandbox,
    cancel: Arc<AtomicBool>,
}

impl Runner for Stoppable {
    fn run(&self, request: &RunRequest) -> Vec<Option<RunRecord>> {
        self.sandbox.run_cancellable(request, &self.cancel)
    }
}

/// The verdict of a finished run: passed, or the kind of its first failure.
fn verdict(report: &Report) -> Option<String> {
    if report.passed {
        return Some("passed".into());
    }
    let failure = report.first_failure()?.failure.as_ref()?;
    if let Failure::Program(error) = failure
        && error.problem == Problem::Crashed
    {
        return Some("crashed".into());
    }
    failure.kind().map(|k| k.as_str().to_string())
}

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").map_or(0, |d| d.count())
}

/// Processes whose parent is this process (zombies included).
fn children() -> Vec<u32> {
    let me = std::process::id().to_string();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            // `pid (name) state ppid ...`: the name may hold spaces, so split after `)`.
            stat.rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1))
                == Some(me.as_str())
        })
        .collect()
}

/// What a soak measured.
#[derive(Debug)]
struct Figures {
    runs: usize,
    by_kind: BTreeMap<(Kind, String), usize>,
    without_verdict: usize,
    correct_not_passed: usize,
    max_children_seen: usize,
    rss_start_kib: u64,
    rss_warm_kib: u64,
    rss_end_kib: u64,
    /// VmRSS after each tenth of the runs.
    rss_samples_kib: Vec<u64>,
    fds_start: usize,
    fds_end: usize,
    leftover_children: Vec<u32>,
    elapsed: Duration,
}

/// Runs `runs` programs through one sandbox, as the game does, and measures.
fn soak(runs: usize) -> Figures {
    let levels: Vec<Level> = builtin_packs()
        .expect("the built-in packs are valid")
        .iter()
        .flat_map(|p| p.levels().cloned().collect::<Vec<_>>())
        .collect();
    let sandbox = Sandbox::new(env!("CARGO_BIN_EXE_codebot"));
    let started = Instant::now();
    let rss_start_kib = rss_kib();
    let fds_start = open_fds();
    let mut figures = Figures {
        runs,
        by_kind: BTreeMap::new(),
        without_verdict: 0,
        correct_not_passed: 0,
        max_children_seen: 0,
        rss_start_kib,
        rss_warm_kib: rss_start_kib,
        rss_end_kib: 0,
        rss_samples_kib: Vec::new(),
        fds_start,
        fds_end: 0,
        leftover_children: Vec::new(),
        elapsed: Duration::ZERO,
    };
    let warm_after = (runs / 10).max(1);
    for i in 0..runs {
        let level = levels[i % levels.len()].clone();
        let (kind, code) = program(i, &level);
        let cancel = Arc::new(AtomicBool::new(false));
        let runner = Stoppable {
            sandbox: sandbox.clone(),
            cancel: Arc::clone(&cancel),
        };
        let (sender, receiver) = mpsc::channel();
        let grading = std::thread::Builder::new()
            .name("codebot-grading".into())
            .spawn(move || {
                let _ = sender.send(grade::grade(&level, &code, &runner));
            })
            .expect("a grading thread");
        if kind == Kind::Stopped {
            std::thread::sleep(Duration::from_millis(50 + (i as u64 * 37) % 200));
            figures.max_children_seen = figures.max_children_seen.max(children().len());
            cancel.store(true, Ordering::Relaxed);
        }
        let report = receiver.recv_timeout(Duration::from_secs(60));
        grading.join().expect("grading never panics");
        let label = match report {
            Ok(Ok(report)) if kind == Kind::Stopped => {
                verdict(&report).unwrap_or_else(|| "stopped".into())
            }
            Ok(Ok(report)) => match verdict(&report) {
                Some(verdict) => verdict,
                None => {
                    figures.without_verdict += 1;
                    "none".into()
                }
            },
            Ok(Err(_)) | Err(_) => {
                figures.without_verdict += 1;
                "none".into()
            }
        };
        if kind == Kind::Correct && label != "passed" {
            figures.correct_not_passed += 1;
        }
        *figures.by_kind.entry((kind, label)).or_default() += 1;
        if (i + 1) % warm_after == 0 {
            figures.rss_samples_kib.push(rss_kib());
        }
        if i + 1 == warm_after {
            figures.rss_warm_kib = rss_kib();
        }
    }
    figures.elapsed = started.elapsed();
    figures.rss_end_kib = rss_kib();
    figures.fds_end = open_fds();
    figures.leftover_children = children();
    figures
}

fn print_figures(f: &Figures) {
    let growth = |from: u64| (f.rss_end_kib as f64 - from as f64) * 100.0 / from.max(1) as f64;
    println!("soak: {} runs in {:.1} s", f.runs, f.elapsed.as_secs_f64());
    for ((kind, verdict), count) in &f.by_kind {
        println!("  {kind:?} -> {verdict}: {count}");
    }
    println!("  runs without a verdict: {}", f.without_verdict);
    println!(
        "  correct programs that did not pass: {}",
        f.correct_not_passed
    );
    println!(
        "  host RSS: start {} KiB, after {} runs {} KiB, end {} KiB ({:+.1} % from start, {:+.1} % from warm-up)",
        f.rss_start_kib,
        (f.runs / 10).max(1),
        f.rss_warm_kib,
        f.rss_end_kib,
        growth(f.rss_start_kib),
        growth(f.rss_warm_kib)
    );
    println!(
        "  host RSS every {} runs (KiB): {:?}",
        (f.runs / 10).max(1),
        f.rss_samples_kib
    );
    println!(
        "  open file descriptors: start {}, end {}",
        f.fds_start, f.fds_end
    );
    println!(
        "  worker processes: at most {} seen while a run was stopped, {} left at the end",
        f.max_children_seen,
        f.leftover_children.len()
    );
}

fn assert_clean(f: &Figures) {
    assert_eq!(f.without_verdict, 0, "{f:?}");
    assert!(
        !f.by_kind.keys().any(|(_, v)| v == "crashed"),
        "a worker crashed: {f:?}"
    );
    assert_eq!(f.leftover_children, Vec::<u32>::new(), "{f:?}");
    assert!(f.fds_end <= f.fds_start, "file descriptors leaked: {f:?}");
}

/// The two soaks must not run at once: they count this process's children and files.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

#[test]
fn a_hundred_runs_leave_nothing_behind() {
    let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let figures = soak(100);
    print_figures(&figures);
    assert_clean(&figures);
}

/// `scripts/soak.sh [runs]`.
#[test]
#[ignore = "long: run with scripts/soak.sh"]
fn long_soak() {
    let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let runs = std::env::var("CODEBOT_SOAK_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let figures = soak(runs);
    print_figures(&figures);
    assert_clean(&figures);
}
