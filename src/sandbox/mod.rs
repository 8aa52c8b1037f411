//! Runs untrusted student Python in RustPython, in a worker process with budgets, and
//! turns whatever happens into a record of robot steps and a typed, friendly error.
//!
//! Layers, innermost first: `source_check` refuses what must never run; `python` runs
//! one program on one world in a fresh interpreter with budgets; `request` is what a
//! runner receives (a program and its worlds); `worker` (native) runs that in a separate
//! process with a memory cap and a watchdog; in the browser `web_sandbox` (the page) runs
//! it in a Web Worker (`web_worker`) that the page terminates when over time; `memory`
//! is the allocator that enforces the cap; `modules` holds the two importable modules
//! (`math`, `random` seeded by the world).

pub mod api;
pub mod error;
pub mod limits;
pub mod memory;
pub mod modules;
pub mod python;
mod request;
pub mod source_check;
mod translate;
#[cfg(target_arch = "wasm32")]
pub mod web_sandbox;
#[cfg(target_arch = "wasm32")]
pub mod web_worker;
#[cfg(not(target_arch = "wasm32"))]
pub mod worker;

pub use api::RobotFn;
pub use error::{ErrorKind, Problem, ProgramError};
pub use limits::Limits;
pub use python::{RunRecord, run_program};
pub use request::RunRequest;
#[cfg(not(target_arch = "wasm32"))]
pub use worker::Sandbox;
