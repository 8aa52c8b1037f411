//! The worker process: the game's own executable started as `codebot __worker`, running
//! programs with a memory cap, watched from the host by a wall-clock timer. Whatever
//! the program does, the host gets one record per world: a killed or crashed worker
//! becomes a `timeout`, `memory` or `crashed` verdict, and the next run gets a new process.

use std::io::{BufRead, BufReader, Read, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::error::{Problem, ProgramError};
use super::limits::Limits;
use super::memory;
use super::python::RunRecord;
use super::request::RunRequest;

/// The hidden first argument that starts the executable as a worker.
pub const WORKER_ARG: &str = "__worker";

/// Starts worker processes and watches them.
#[derive(Clone, Debug)]
pub struct Sandbox {
    executable: PathBuf,
}

impl Sandbox {
    /// Workers are started from the given executable (the `codebot` binary).
    pub fn new(executable: impl Into<PathBuf>) -> Self {
        Self {
            executable: executable.into(),
        }
    }

    /// Workers are started from the running executable.
    pub fn from_current_exe() -> std::io::Result<Self> {
        Ok(Self::new(std::env::current_exe()?))
    }

    /// Runs the request; returns one record per world, in order. Worlds not run (after an
    /// error with `stop_at_first_error`, or after the worker died) are `None`.
    pub fn run(&self, request: &RunRequest) -> Vec<Option<RunRecord>> {
        self.run_cancellable(request, &AtomicBool::new(false))
    }

    /// Like `run`, and stops the worker as soon as `cancel` becomes true.
    pub fn run_cancellable(
        &self,
        request: &RunRequest,
        cancel: &AtomicBool,
    ) -> Vec<Option<RunRecord>> {
        let mut records: Vec<Option<RunRecord>> = vec![None; request.worlds.len()];
        if request.worlds.is_empty() {
            return records;
        }
        let crashed = |problem| {
            Some(RunRecord {
                error: Some(ProgramError::new(problem, None)),
                ..RunRecord::default()
            })
        };
        let mut child = match Command::new(&self.executable)
            .arg(WORKER_ARG)
            .env_clear()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
        {
            Ok(child) => child,
            Err(_) => {
                records[0] = crashed(Problem::Crashed);
                return records;
            }
        };
        let mut stdin = child.stdin.take().expect("stdin was piped");
        let payload = serde_json::to_vec(request).expect("requests always serialize");
        // A worker that dies early closes its stdin: the error shows up below as a crash.
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&payload);
        });
        let stdout = child.stdout.take().expect("stdout was piped");
        let (lines_tx, lines_rx) = mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if lines_tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut stderr = child.stderr.take().expect("stderr was piped");
        let stderr_reader = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = (&mut stderr).take(64 * 1024).read_to_string(&mut text);
            text
        });

        let per_world =
            Duration::from_millis(request.limits.time_ms + request.limits.kill_grace_ms);
        let mut deadline = Instant::now() + per_world + Duration::from_millis(500); // start-up
        let mut next = 0;
        let mut ended_by_watchdog = None;
        let mut stopped_on_error = false;
        while next < records.len() && !cancel.load(Ordering::Relaxed) {
            let wait = deadline
                .saturating_duration_since(Instant::now())
                .min(Duration::from_millis(50));
            match lines_rx.recv_timeout(wait) {
                Ok(line) => {
                    let record = serde_json::from_str::<RunRecord>(&line).ok();
                    let failed = record.as_ref().is_none_or(|r| r.error.is_some());
                    records[next] = record.or_else(|| crashed(Problem::Crashed));
                    next += 1;
                    deadline = Instant::now() + per_world;
                    if failed && request.stop_at_first_error {
                        stopped_on_error = true;
                        break;
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if Instant::now() >= deadline {
                        let seconds = per_world.as_secs_f32();
                        ended_by_watchdog = Some(Problem::Timeout { seconds });
                        break;
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
        let _ = child.kill();
        let status = child.wait().ok();
        let _ = writer.join();
        let _ = reader.join();
        let stderr_text = stderr_reader.join().unwrap_or_default();
        if next < records.len() && !stopped_on_error && !cancel.load(Ordering::Relaxed) {
            let problem =
                ended_by_watchdog.unwrap_or_else(|| died_of(status, &stderr_text, &request.limits));
            records[next] = crashed(problem);
        }
        records
    }
}

/// Why a worker that stopped answering died.
fn died_of(status: Option<std::process::ExitStatus>, stderr: &str, limits: &Limits) -> Problem {
    if status.and_then(|s| s.code()) == Some(memory::EXIT_OUT_OF_MEMORY)
        || stderr.contains("memory allocation of")
    {
        Problem::Memory {
            megabytes: limits.memory_mb,
        }
    } else if stderr.contains("overflowed its stack") {
        Problem::RecursionTooDeep
    } else {
        Problem::Crashed
    }
}

/// The worker's main: reads one request on stdin, writes one JSON record per world on
/// stdout, each as soon as it is ready.
pub fn worker_main() -> std::process::ExitCode {
    let mut input = String::new();
    if std::io::stdin().read_to_string(&mut input).is_err() {
        return std::process::ExitCode::from(2);
    }
    let Ok(request) = serde_json::from_str::<RunRequest>(&input) else {
        return std::process::ExitCode::from(2);
    };
    drop(input);
    memory::set_cap(memory::live_bytes() + request.limits.memory_mb as usize * 1024 * 1024);
    let mut stdout = std::io::stdout().lock();
    request.run_here(|record| {
        let line = serde_json::to_string(&record).expect("records always serialize");
        match writeln!(stdout, "{line}").and_then(|_| stdout.flush()) {
            Ok(()) => ControlFlow::Continue(()),
            Err(_) => ControlFlow::Break(()),
        }
    });
    std::process::ExitCode::SUCCESS
}
