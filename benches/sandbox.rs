//! Sandbox benchmark: prints numbers, asserts nothing about time.
//!
//! Run it with `scripts/bench.sh` (release build, no `game` feature). Every timing is the
//! median, min and max over `BENCH_REPS` repetitions (default 20), after one warm-up run.
//! The bench process uses the worker's counting allocator, so in-process numbers match
//! what the worker process does.
//! Other processes on the same cores inflate medians and maxima; the minimum is then the
//! better estimate, so ratios are also given on minima. The load average is printed first.
//!
//! 1. Levels: wall time of `grade::grade(level, level.solution, Sandbox)` for each built-in
//!    level, through a real worker process (release `codebot __worker`), all variants.
//!    Includes spawning the worker, one fresh interpreter per variant, replay and goals.
//!    Target: median < 50 ms.
//! 2. Runaway loops: wall time from `Sandbox::run` to the verdict of a program that never
//!    ends (default `Limits`), through the worker; the bench itself stays alive.
//!    Target for `while True: pass`: < 1 s. Extra rows show other shapes, including a
//!    built-in that never returns to the interpreter (only the watchdog can stop it).
//! 3. Start-up: a bare `Interpreter::without_stdlib` created, entered and dropped; an
//!    empty program through `run_program` in process (thread + interpreter + sandbox set-up
//!    + source check); an empty program through the worker (process spawn + the same).
//! 4. Overhead: the same CPU-bound programs run (a) through `run_program` with budgets too
//!    high to trigger, (b) on bare RustPython in this process (interpreter, compile,
//!    `run_code_obj`, no monitoring), (c) by the machine's `python3`, whose start-up (an
//!    empty program) is subtracted. Ratios use medians; "net" ratios also subtract each
//!    engine's empty-program time, leaving the cost of the loop itself.
//! 5. Event budget: how long `while True: pass` runs in process before the event budget
//!    (`max_events`, time budget out of reach) or the time budget (`time_ms`, event budget
//!    out of reach) stops it, the events per second that gives, and the `max_events` that
//!    would stop that loop in about 0.5 s on this machine.
//! 6. Prototypes (bench code only, not the project's sandbox), to see where the overhead of
//!    4 comes from and what would remove it, all on bare RustPython in this process:
//!    "monitoring, no-op callback" registers a native callback on JUMP + PY_START that does
//!    nothing (the floor of any per-event budget through `sys.monitoring`); "deadline
//!    signal" installs nothing until a timer thread sends a RustPython user signal at the
//!    deadline, whose handler raises a BaseException-derived stop and only then turns on a
//!    JUMP + PY_START callback that raises it again on every event (so `except:` cannot
//!    keep the loop alive). Ratios are against bare RustPython.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use codebot::grade::{self, Failure};
use codebot::level;
use codebot::sandbox::{Limits, RunRecord, RunRequest, Sandbox, run_program};
use codebot::sim::World;
use rustpython_vm::builtins::PyBaseExceptionRef;
use rustpython_vm::compiler::Mode;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::{AsObject, Interpreter, PyObjectRef, PyResult, Settings, VirtualMachine};

#[global_allocator]
static ALLOCATOR: codebot::sandbox::memory::CappedAllocator =
    codebot::sandbox::memory::CappedAllocator;

/// Wall-clock target for a runaway loop that is stopped (section 5), in seconds.
const RUNAWAY_TARGET_S: f64 = 0.5;

const FOR_LOOP: &str = "n = 0\nfor i in range(300000):\n    n += i\n";
const PRIMES: &str = "\
n = 0
k = 2
while k < 20000:
    d = 2
    prime = True
    while d * d <= k:
        if k % d == 0:
            prime = False
            break
        d += 1
    if prime:
        n += 1
    k += 1
";
const LISTS: &str = "\
values = []
for i in range(20000):
    values.append((i * 7919) % 1000)
values.sort()
counts = {}
for v in values:
    counts[v] = counts.get(v, 0) + 1
n = len(counts) + values[-1]
";

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!(
            "sandbox bench: run it with `scripts/bench.sh` (or `cargo bench --bench sandbox`)"
        );
        return;
    }
    let reps: usize = std::env::var("BENCH_REPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(20);
    let exe = worker_exe();
    let sandbox = Sandbox::new(&exe);
    let python = python3();

    println!("# Codebot sandbox benchmark\n");
    println!("- repetitions: {reps} per row (after one warm-up), unless the row says otherwise");
    println!("- worker: `{}`", shown_path(&exe));
    println!(
        "- python3: {}",
        python
            .as_ref()
            .map_or("not found".to_owned(), |p| p.version.clone())
    );
    println!(
        "- load average at start: {}",
        std::fs::read_to_string("/proc/loadavg")
            .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|_| "n/a".to_owned())
    );
    let defaults = Limits::default();
    println!(
        "- default limits: max_events {}, time_ms {}, kill_grace_ms {}\n",
        defaults.max_events, defaults.time_ms, defaults.kill_grace_ms
    );

    levels(&sandbox, reps);
    runaway(&sandbox, reps);
    let setup = startup(&sandbox, reps);
    overhead(python.as_ref(), reps, &setup);
    event_budget(reps, setup.run_program_empty);
    prototypes(reps);
}

// ---------------------------------------------------------------- statistics

#[derive(Clone, Copy)]
struct Stats {
    n: usize,
    median: Duration,
    min: Duration,
    max: Duration,
}

impl Stats {
    fn of(mut samples: Vec<Duration>) -> Stats {
        assert!(!samples.is_empty(), "no samples");
        samples.sort();
        let n = samples.len();
        let median = if n % 2 == 1 {
            samples[n / 2]
        } else {
            (samples[n / 2 - 1] + samples[n / 2]) / 2
        };
        Stats {
            n,
            median,
            min: samples[0],
            max: samples[n - 1],
        }
    }

    fn ms(&self) -> f64 {
        ms(self.median)
    }

    /// `median | min | max` in milliseconds, as table cells.
    fn cells(&self) -> String {
        format!(
            "{:.1} | {:.1} | {:.1}",
            ms(self.median),
            ms(self.min),
            ms(self.max)
        )
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs `f` once to warm up, then `reps` times; `f` returns the time it measured.
fn measure(reps: usize, mut f: impl FnMut() -> Duration) -> Stats {
    f();
    Stats::of((0..reps).map(|_| f()).collect())
}

fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let value = f();
    (start.elapsed(), value)
}

// ---------------------------------------------------------------- helpers

/// The release `codebot` binary cargo built for this bench (`CODEBOT_EXE` overrides it).
fn worker_exe() -> PathBuf {
    std::env::var_os("CODEBOT_EXE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_codebot")))
}

/// A path relative to the package, so no machine path lands in the output.
fn shown_path(path: &std::path::Path) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    match path.strip_prefix(root) {
        Ok(relative) => relative.display().to_string(),
        Err(_) => path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
    }
}

/// A small world for programs that do not move the robot.
fn plain_world() -> World {
    World::new(5, 5)
}

fn request(code: &str, limits: Limits) -> RunRequest {
    RunRequest {
        code: code.to_owned(),
        worlds: vec![plain_world()],
        allowed: Vec::new(),
        limits,
        stop_at_first_error: true,
    }
}

/// The verdict of a record: `ok`, or the error kind (with the seconds of a timeout).
fn verdict(record: Option<&RunRecord>) -> String {
    match record {
        None => "not run".to_owned(),
        Some(RunRecord { error: None, .. }) => "ok".to_owned(),
        Some(RunRecord {
            error: Some(error), ..
        }) => match &error.problem {
            codebot::sandbox::Problem::Timeout { seconds } => {
                format!("timeout ({seconds} s)")
            }
            other => format!("{} ({other:?})", error.kind().as_str()),
        },
    }
}

/// Budgets that a benchmark loop never reaches.
fn unlimited() -> Limits {
    Limits {
        max_events: u64::MAX,
        time_ms: 3_600_000,
        ..Limits::default()
    }
}

// ---------------------------------------------------------------- 1. levels

fn levels(sandbox: &Sandbox, reps: usize) {
    println!("## 1. Reference solutions through the worker (grade, all variants)\n");
    let packs = match level::builtin_packs() {
        Ok(packs) => packs,
        Err(diagnostics) => {
            println!(
                "built-in packs do not load ({} problems):",
                diagnostics.len()
            );
            for d in diagnostics.iter().take(10) {
                println!("- {d}");
            }
            println!();
            return;
        }
    };
    println!("| level | variants | verdict | median ms | min ms | max ms | < 50 ms |");
    println!("|---|---:|---|---:|---:|---:|:---:|");
    let mut medians = Vec::new();
    for pack in &packs {
        for level in pack.levels() {
            let name = format!("{}/{}", pack.id, level.id);
            let first = grade::grade_reference(level, sandbox);
            let report = match first {
                Ok(report) => report,
                Err(error) => {
                    println!("| {name} | - | level error: {error:?} | - | - | - | - |");
                    continue;
                }
            };
            let stats = Stats::of(
                (0..reps)
                    .map(|_| timed(|| grade::grade_reference(level, sandbox)).0)
                    .collect(),
            );
            let verdict = if report.passed {
                format!("passed, {} stars", report.stars)
            } else {
                let failure = report.first_failure().and_then(|v| v.failure.as_ref());
                match failure {
                    Some(Failure::Program(e)) => format!("FAILED: {}", e.kind().as_str()),
                    Some(other) => format!("FAILED: {other:?}"),
                    None => "FAILED".to_owned(),
                }
            };
            medians.push(stats.median);
            println!(
                "| {name} | {} | {verdict} | {} | {} |",
                report.variants.len(),
                stats.cells(),
                if stats.ms() < 50.0 { "yes" } else { "NO" }
            );
        }
    }
    if !medians.is_empty() {
        let all = Stats::of(medians.clone());
        println!(
            "\n{} levels; median of the per-level medians {:.1} ms, slowest {:.1} ms.\n",
            medians.len(),
            all.ms(),
            ms(all.max)
        );
    }
}

// ---------------------------------------------------------------- 2. runaway loops

fn runaway(sandbox: &Sandbox, reps: usize) {
    println!("## 2. Runaway programs through the worker (default limits)\n");
    println!("| program | verdict | n | median ms | min ms | max ms | caller alive |");
    println!("|---|---|---:|---:|---:|---:|:---:|");
    let cases: [(&str, &str, usize); 3] = [
        ("`while True: pass`", "while True:\n    pass\n", reps),
        (
            "bare `except:` around the loop",
            "while True:\n    try:\n        while True:\n            pass\n    except:\n        pass\n",
            reps,
        ),
        // A built-in that never returns to the interpreter: only the watchdog stops it.
        ("`x = 10**10**8` (built-in)", "x = 10**10**8\n", reps.min(5)),
    ];
    for (label, code, n) in cases {
        let req = request(code, Limits::default());
        let mut last = String::new();
        let stats = measure(n, || {
            let (took, records) = timed(|| sandbox.run(&req));
            last = verdict(records.first().and_then(Option::as_ref));
            took
        });
        println!(
            "| {label} | {last} | {} | {} | yes |",
            stats.n,
            stats.cells()
        );
    }
    println!();
}

// ---------------------------------------------------------------- 3. start-up

struct Setup {
    bare_empty: Duration,
    run_program_empty: Duration,
}

fn startup(sandbox: &Sandbox, reps: usize) -> Setup {
    println!("## 3. Interpreter ready for a run\n");
    println!("| what | median ms | min ms | max ms |");
    println!("|---|---:|---:|---:|");
    let bare_ready = measure(reps, || {
        timed(|| {
            let interpreter = Interpreter::without_stdlib(bare_settings());
            interpreter.enter(|_vm| ());
            drop(interpreter);
        })
        .0
    });
    println!(
        "| bare `Interpreter::without_stdlib` + enter + drop | {} |",
        bare_ready.cells()
    );
    let bare_empty = measure(reps, || bare_run("", "n").0);
    println!(
        "| bare RustPython, empty program (interpreter + compile + run) | {} |",
        bare_empty.cells()
    );
    let world = plain_world();
    let limits = Limits::default();
    let in_process = measure(reps, || timed(|| run_program("", &world, &[], &limits)).0);
    println!(
        "| `run_program(\"\")` in process (thread, checks, interpreter, budgets) | {} |",
        in_process.cells()
    );
    let req = request("", Limits::default());
    let worker = measure(reps, || timed(|| sandbox.run(&req)).0);
    println!(
        "| worker round trip, empty program (spawn + `run_program` + exit) | {} |",
        worker.cells()
    );
    println!();
    Setup {
        bare_empty: bare_empty.median,
        run_program_empty: in_process.median,
    }
}

// ---------------------------------------------------------------- 4. overhead

fn bare_settings() -> Settings {
    let mut settings = Settings::default();
    settings.install_signal_handlers = false;
    settings
}

/// Bare RustPython: fresh interpreter, compile, run, read back global `var`.
fn bare_run(code: &str, var: &str) -> (Duration, Option<i64>) {
    timed(|| {
        let interpreter = Interpreter::without_stdlib(bare_settings());
        interpreter.enter(|vm| {
            let code = match vm.compile(code, Mode::Exec, "<bench>".to_owned()) {
                Ok(code) => code,
                Err(error) => panic!("bench program does not compile: {error:?}"),
            };
            let scope = vm.new_scope_with_builtins();
            if let Err(exc) = vm.run_code_obj(code, scope.clone()) {
                let mut text = String::new();
                let _ = vm.write_exception(&mut text, &exc);
                panic!("bench program failed: {text}");
            }
            scope
                .globals
                .get_item(var, vm)
                .ok()
                .and_then(|v| v.try_into_value::<i64>(vm).ok())
        })
    })
}

struct Python3 {
    exe: PathBuf,
    version: String,
}

/// The real `python3` executable (not a version-manager shim, whose start-up is noisy).
fn python3() -> Option<Python3> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys; sys.stdout.write(sys.executable + '\\n' + sys.version.split()[0])",
        ])
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let (exe, version) = text.split_once('\n')?;
    Some(Python3 {
        exe: PathBuf::from(exe),
        version: format!("CPython {version}"),
    })
}

fn python_run(python: &Python3, code: &str) -> (Duration, Option<i64>) {
    let (took, out) = timed(|| {
        Command::new(&python.exe)
            .args(["-c", code])
            .stdin(Stdio::null())
            .output()
    });
    let value = out
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok());
    (took, value)
}

fn ratio(a: Duration, b: Duration) -> String {
    if b.is_zero() {
        "-".to_owned()
    } else {
        format!("{:.2}x", a.as_secs_f64() / b.as_secs_f64())
    }
}

fn overhead(python: Option<&Python3>, reps: usize, setup: &Setup) {
    println!("## 4. Sandbox overhead on CPU-bound programs (in process)\n");
    let python_start = python.map(|p| measure(reps, || python_run(p, "").0));
    if let Some(start) = python_start {
        println!(
            "python3 start-up (empty program, subtracted below): {} ms median\n",
            format_args!("{:.1}", start.ms())
        );
    }
    println!(
        "| program | engine | result | median ms | min ms | max ms |\n|---|---|---:|---:|---:|---:|"
    );
    let world = plain_world();
    let limits = unlimited();
    let mut ratios = Vec::new();
    for (label, code) in [
        ("for loop, 300 000 `n += i`", FOR_LOOP),
        ("primes < 20 000, nested while", PRIMES),
        ("20 000 appends, sort, dict counting", LISTS),
    ] {
        let printing = format!("{code}print(n)\n");
        let mut sandbox_value = None;
        let sandbox = measure(reps, || {
            let (took, record) = timed(|| run_program(&printing, &world, &[], &limits));
            sandbox_value = match &record.error {
                None => record.output.trim().parse::<i64>().ok(),
                Some(_) => None,
            };
            took
        });
        let mut bare_value = None;
        let bare = measure(reps, || {
            let (took, value) = bare_run(code, "n");
            bare_value = value;
            took
        });
        let show = |v: Option<i64>| v.map_or("ERROR".to_owned(), |v| v.to_string());
        println!(
            "| {label} | sandbox `run_program` | {} | {} |",
            show(sandbox_value),
            sandbox.cells()
        );
        println!(
            "| {label} | bare RustPython | {} | {} |",
            show(bare_value),
            bare.cells()
        );
        let mut cpython = None;
        if let (Some(python), Some(start)) = (python, python_start) {
            let mut value = None;
            let stats = measure(reps, || {
                let (took, v) = python_run(python, &printing);
                value = v;
                took.saturating_sub(start.median)
            });
            println!(
                "| {label} | python3 (minus start-up) | {} | {} |",
                show(value),
                stats.cells()
            );
            cpython = Some(stats.median);
        }
        ratios.push((label, sandbox, bare, cpython));
    }
    println!(
        "\n| program | sandbox / bare | sandbox / bare, mins | sandbox / bare, net of empty-program time | sandbox / python3 | sandbox net / python3 | bare / python3 |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (label, sandbox_stats, bare_stats, cpython) in ratios {
        let (sandbox, bare) = (sandbox_stats.median, bare_stats.median);
        let sandbox_net = sandbox.saturating_sub(setup.run_program_empty);
        let bare_net = bare.saturating_sub(setup.bare_empty);
        let vs_python = |a: Duration| cpython.map_or("-".to_owned(), |c| ratio(a, c));
        println!(
            "| {label} | {} | {} | {} | {} | {} | {} |",
            ratio(sandbox, bare),
            ratio(sandbox_stats.min, bare_stats.min),
            ratio(sandbox_net, bare_net),
            vs_python(sandbox),
            vs_python(sandbox_net),
            vs_python(bare_net),
        );
    }
    println!();
}

// ---------------------------------------------------------------- 5. event budget

fn event_budget(reps: usize, setup: Duration) {
    println!("## 5. Event budget vs time budget (in process, `run_program`)\n");
    let defaults = Limits::default();
    let events_only = Limits {
        time_ms: 3_600_000,
        ..Limits::default()
    };
    let time_only = Limits {
        max_events: u64::MAX,
        ..Limits::default()
    };
    println!(
        "| loop | budgets | verdict | median ms | min ms | max ms | events/s (net of {:.1} ms set-up) |",
        ms(setup)
    );
    println!("|---|---|---|---:|---:|---:|---:|");
    let world = plain_world();
    let mut pass_rate = None;
    let shapes = [
        ("`while True: pass`", "while True:\n    pass\n"),
        ("`while True: n += 1`", "n = 0\nwhile True:\n    n += 1\n"),
        (
            "`while True: f()` (2 events/turn)",
            "def f():\n    pass\nwhile True:\n    f()\n",
        ),
    ];
    for (i, (label, code)) in shapes.into_iter().enumerate() {
        let mut cases = vec![("events only", &events_only)];
        if i == 0 {
            cases.insert(0, ("default", &defaults));
            cases.push(("time only", &time_only));
        }
        for (budgets, limits) in cases {
            let mut last = String::new();
            let stats = measure(reps, || {
                let (took, record) = timed(|| run_program(code, &world, &[], limits));
                last = verdict(Some(&record));
                took
            });
            let rate = if budgets != "events only" {
                "-".to_owned()
            } else {
                let net = stats.median.saturating_sub(setup).as_secs_f64();
                let rate = limits.max_events as f64 / net.max(1e-9);
                if i == 0 {
                    pass_rate = Some(rate);
                }
                format!("{:.2} M", rate / 1e6)
            };
            println!(
                "| {label} | {budgets} | {last} | {} | {rate} |",
                stats.cells()
            );
        }
    }
    if let Some(rate) = pass_rate {
        let wanted = rate * (RUNAWAY_TARGET_S - setup.as_secs_f64());
        // Rounded down to two significant figures.
        let scale = 10f64.powi(wanted.log10().floor() as i32 - 1);
        let rounded = (wanted / scale).floor() * scale;
        println!(
            "\n`while True: pass` makes {:.2} M events/s: the default max_events ({}) lasts {:.0} ms \
             of looping; for about {:.0} ms per run (set-up included) max_events ≈ {:.0}.\n",
            rate / 1e6,
            defaults.max_events,
            defaults.max_events as f64 / rate * 1000.0,
            RUNAWAY_TARGET_S * 1000.0,
            rounded
        );
    }
}

// ---------------------------------------------------------------- 6. prototypes

const PY_START: i32 = 1;
const JUMP: i32 = 1 << 7;

/// How a prototype run is watched.
#[derive(Clone, Copy)]
enum Watch {
    /// `sys.monitoring` on JUMP + PY_START with a native callback that does nothing.
    NoopMonitoring,
    /// Nothing until the deadline; then a user signal stops the run and arms monitoring.
    Deadline(Duration),
}

/// Registers `callback` for JUMP and PY_START events on tool 0.
fn monitor(vm: &VirtualMachine, callback: PyObjectRef) -> PyResult<()> {
    let sys = vm.import("sys", 0)?;
    let monitoring = sys.get_attr("monitoring", vm)?;
    vm.call_method(&monitoring, "use_tool_id", (0, "bench"))?;
    vm.call_method(
        &monitoring,
        "register_callback",
        (0, PY_START, callback.clone()),
    )?;
    vm.call_method(&monitoring, "register_callback", (0, JUMP, callback))?;
    vm.call_method(&monitoring, "set_events", (0, PY_START | JUMP))?;
    Ok(())
}

/// The deadline's signal handler: from now on every event raises the stop, and so does
/// the handler itself, at whatever instruction the program is.
fn stop_at_deadline(vm: &VirtualMachine) -> PyResult<()> {
    let stop = vm.ctx.new_exception_type(
        "bench",
        "DeadlineStop",
        Some(vec![vm.ctx.exceptions.base_exception_type.to_owned()]),
    );
    let again = stop.clone();
    let callback = vm.new_function(
        "deadline",
        move |_args: FuncArgs, vm: &VirtualMachine| -> PyResult<()> {
            Err(vm.new_exception_empty(again.clone()))
        },
    );
    monitor(vm, callback.into())?;
    Err(vm.new_exception_empty(stop))
}

/// Runs `code` on bare RustPython under `watch`; returns the wall time and how it ended
/// (`ok n=<value of n>`, `stopped`, or the exception).
fn prototype_run(code: &str, watch: Watch) -> (Duration, String) {
    let start = Instant::now();
    let (signals, receiver) = rustpython_vm::signal::user_signal_channel();
    let interpreter = Interpreter::with_init(bare_settings(), move |vm| {
        vm.set_user_signal_channel(receiver)
    });
    let (done, finished) = std::sync::mpsc::channel::<()>();
    let timer = match watch {
        Watch::Deadline(after) => Some(std::thread::spawn(move || {
            if finished.recv_timeout(after).is_err() {
                let _ = signals.send(Box::new(stop_at_deadline));
            }
        })),
        Watch::NoopMonitoring => None,
    };
    let outcome = interpreter.enter(|vm| {
        if let Watch::NoopMonitoring = watch {
            let noop = vm.new_function(
                "noop",
                |_args: FuncArgs, _vm: &VirtualMachine| -> PyResult<()> { Ok(()) },
            );
            if let Err(exc) = monitor(vm, noop.into()) {
                return describe(vm, &exc);
            }
        }
        let compiled = match vm.compile(code, Mode::Exec, "<bench>".to_owned()) {
            Ok(compiled) => compiled,
            Err(error) => return format!("compile error: {error:?}"),
        };
        let scope = vm.new_scope_with_builtins();
        match vm.run_code_obj(compiled, scope.clone()) {
            Ok(_) => match scope.globals.get_item("n", vm) {
                Ok(n) => format!(
                    "ok n={}",
                    n.str(vm).map(|s| s.to_string()).unwrap_or_default()
                ),
                Err(_) => "ok".to_owned(),
            },
            Err(exc) => describe(vm, &exc),
        }
    });
    drop(interpreter);
    drop(done);
    if let Some(timer) = timer {
        let _ = timer.join();
    }
    (start.elapsed(), outcome)
}

fn describe(vm: &VirtualMachine, exc: &PyBaseExceptionRef) -> String {
    if exc.class().name().to_string() == "DeadlineStop" {
        return "stopped".to_owned();
    }
    let mut text = String::new();
    let _ = vm.write_exception(&mut text, exc);
    format!("error: {}", text.lines().last().unwrap_or_default())
}

fn prototypes(reps: usize) {
    println!(
        "## 6. Prototypes: where the overhead is, and a budget without it (bare RustPython)\n"
    );
    let far = Watch::Deadline(Duration::from_secs(3600));
    println!(
        "| program | bare ms | no-op monitoring ms | ratio | ratio of mins | deadline signal (not reached) ms | ratio | ratio of mins |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (label, code) in [
        ("for loop, 300 000 `n += i`", FOR_LOOP),
        ("primes < 20 000, nested while", PRIMES),
        ("20 000 appends, sort, dict counting", LISTS),
    ] {
        let bare = measure(reps, || bare_run(code, "n").0);
        let mut outcomes = Vec::new();
        let mut stats = Vec::new();
        for watch in [Watch::NoopMonitoring, far] {
            let mut last = String::new();
            stats.push(measure(reps, || {
                let (took, outcome) = prototype_run(code, watch);
                last = outcome;
                took
            }));
            outcomes.push(last);
        }
        let checked = if outcomes.iter().all(|o| o.starts_with("ok")) {
            ""
        } else {
            " (NOT ok)"
        };
        println!(
            "| {label}{checked} | {:.1} | {:.1} | {} | {} | {:.1} | {} | {} |",
            bare.ms(),
            stats[0].ms(),
            ratio(stats[0].median, bare.median),
            ratio(stats[0].min, bare.min),
            stats[1].ms(),
            ratio(stats[1].median, bare.median),
            ratio(stats[1].min, bare.min),
        );
    }
    let deadline = Duration::from_millis(500);
    println!(
        "\n| runaway program, deadline signal at {} ms | ends | median ms | min ms | max ms |",
        deadline.as_millis()
    );
    println!("|---|---|---:|---:|---:|");
    for (label, code) in [
        ("`while True: pass`", "while True:\n    pass\n"),
        (
            "bare `except:` around the loop",
            "while True:\n    try:\n        while True:\n            pass\n    except:\n        pass\n",
        ),
        (
            "`while True: f()`",
            "def f():\n    pass\nwhile True:\n    f()\n",
        ),
    ] {
        let mut last = String::new();
        let stats = measure(reps, || {
            let (took, outcome) = prototype_run(code, Watch::Deadline(deadline));
            last = outcome;
            took
        });
        println!("| {label} | {last} | {} |", stats.cells());
    }
    println!();
}
