//! Fuzz target: random but plausible student programs (see `codebot_fuzz::program`) run
//! on a built-in level through the path of `codebot check --json --trace`: grading over
//! every variant, replay of each run on the host, stars, and the JSON report in French
//! and English.
//!
//! The program runs in this process (`grade::InProcess`) with the same budgets as the
//! worker process (`Limits::with_max_actions` of the level: events, time, actions,
//! output, recursion, `range` size), but without the worker's memory cap and watchdog:
//! those need the `codebot` executable, and the generator leaves out the allocation
//! bombs and stuck built-ins that only they can stop.
//!
//! `CODEBOT_FUZZ_SHOW=1` prints each program with its verdict and time.
//!
//! Beyond "never panics": every variant gets a result, a passing report has stars and a
//! trace for every variant, and the JSON follows the command line's contract.

#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use codebot::cli::report_json;
use codebot::grade::{self, Failure, InProcess};
use codebot::i18n::Lang;
use codebot::level::{Level, builtin_packs};
use codebot::sandbox::Problem;
use codebot_fuzz::program::Program;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    level: u8,
    french: bool,
    program: Program,
}

fn levels() -> &'static [Level] {
    static LEVELS: OnceLock<Vec<Level>> = OnceLock::new();
    LEVELS.get_or_init(|| {
        builtin_packs()
            .expect("the built-in packs are valid")
            .iter()
            .flat_map(|pack| pack.levels().cloned().collect::<Vec<_>>())
            .collect()
    })
}

const KINDS: &[&str] = &[
    "syntax",
    "runtime",
    "forbidden",
    "timeout",
    "memory",
    "too_many_actions",
    "output_limit",
    "goal_not_met",
];

fuzz_target!(|input: Input| {
    let level = &levels()[usize::from(input.level) % levels().len()];
    let code = input.program.render();
    let started = std::time::Instant::now();
    let report = grade::grade(level, &code, &InProcess).expect("built-in levels build");
    if std::env::var_os("CODEBOT_FUZZ_SHOW").is_some() {
        let verdict = report
            .first_failure()
            .and_then(|v| v.failure.as_ref()?.kind());
        eprintln!(
            "--- {} on {}: {:?} in {} ms\n{code}",
            if report.passed { "passed" } else { "failed" },
            level.id,
            verdict.map(|k| k.as_str()),
            started.elapsed().as_millis()
        );
    }
    let variants = level.seeds().end as usize;
    assert_eq!(report.variants.len(), variants);
    if report.passed {
        assert!((1..=3).contains(&report.stars));
        assert!(report.variants.iter().all(|v| v.trace.is_some()));
    } else {
        assert_eq!(report.stars, 0);
        let failure = report.first_failure().expect("a failed report says why");
        if let Some(Failure::Program(error)) = &failure.failure {
            assert_ne!(
                error.problem,
                Problem::Crashed,
                "the sandbox crashed on {code:?}"
            );
        }
    }
    let lang = if input.french { Lang::Fr } else { Lang::En };
    let json = report_json(&report, lang, true);
    assert_eq!(json["passed"], report.passed);
    assert_eq!(json["variants"].as_array().map(Vec::len), Some(variants));
    match json["error"].as_object() {
        None => assert!(report.passed),
        Some(error) => {
            let kind = error["kind"].as_str().unwrap_or_default();
            assert!(
                KINDS.contains(&kind),
                "kind {kind:?} is not in the contract"
            );
            let message = error["message"].as_str().unwrap_or_default();
            assert!(!message.trim().is_empty(), "an error without a message");
        }
    }
});
