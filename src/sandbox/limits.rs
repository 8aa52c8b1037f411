//! The budgets a student's program runs under.

use serde::{Deserialize, Serialize};

/// Budgets for one run. Reaching one ends the run with a friendly verdict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Limits {
    /// Robot actions (moves, turns, picks...) before `too_many_actions`.
    pub max_actions: u32,
    /// Characters printed before `output_limit`.
    pub max_output_chars: u32,
    /// Interpreter events (function starts and loop jumps) before `timeout`: a budget
    /// that does not depend on the machine's speed.
    pub max_events: u64,
    /// Wall-clock time of one run, in milliseconds, checked inside the interpreter.
    pub time_ms: u64,
    /// Extra time, in milliseconds, before the worker process is killed from outside
    /// (built-ins that never return to the interpreter).
    pub kill_grace_ms: u64,
    /// Memory of the worker process, in megabytes.
    pub memory_mb: u32,
    /// Python call depth.
    pub recursion_limit: u32,
    /// Longest `range(...)` a program may create.
    pub max_range_len: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_actions: 1000,
            max_output_chars: 10_000,
            max_events: 2_000_000,
            time_ms: 800,
            kill_grace_ms: 700,
            memory_mb: 512,
            recursion_limit: 180,
            max_range_len: 10_000_000,
        }
    }
}

impl Limits {
    /// The default budgets with a level's own action budget.
    pub fn with_max_actions(max_actions: u32) -> Self {
        Self {
            max_actions,
            ..Self::default()
        }
    }
}
