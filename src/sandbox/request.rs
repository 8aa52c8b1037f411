//! One program to run on several worlds, as sent to whatever runs it: the worker process
//! natively (JSON on its stdin), a Web Worker in the browser (a JSON message), or this
//! process in tests. [`RunRequest::run_here`] is the loop every one of them runs.

use std::ops::ControlFlow;

use serde::{Deserialize, Serialize};

use super::api::RobotFn;
use super::limits::Limits;
use super::python::{RunRecord, run_program};
use crate::sim::World;

/// One program to run on several worlds (the variants of a level).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RunRequest {
    pub code: String,
    pub worlds: Vec<World>,
    /// English names of the robot functions the level allows.
    pub allowed: Vec<String>,
    pub limits: Limits,
    /// Stop after the first world whose run ends in an error or a limit.
    pub stop_at_first_error: bool,
}

impl RunRequest {
    /// The allowed robot functions (unknown names are ignored).
    pub fn allowed_functions(&self) -> Vec<RobotFn> {
        self.allowed
            .iter()
            .filter_map(|n| RobotFn::from_name(n))
            .collect()
    }

    /// Runs the program on each world in turn, in this process, handing each record to
    /// `emit` as soon as it is ready. Stops when `emit` breaks, or after the first failed
    /// world with `stop_at_first_error`.
    pub fn run_here(&self, mut emit: impl FnMut(RunRecord) -> ControlFlow<()>) {
        let allowed = self.allowed_functions();
        for world in &self.worlds {
            let record = run_program(&self.code, world, &allowed, &self.limits);
            let failed = record.error.is_some();
            if emit(record).is_break() || (failed && self.stop_at_first_error) {
                break;
            }
        }
    }
}
