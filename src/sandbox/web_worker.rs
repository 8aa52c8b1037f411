//! Inside the browser's sandbox Web Worker (the twin of the native `worker` process):
//! `web/sandbox-worker.js` instantiates the game's own wasm module, then hands it one
//! request; this runs it with the memory cap and posts one message per world, each as
//! soon as it is ready. The page watches the clock and terminates the worker when it
//! runs over (`web_sandbox`).

use std::ops::ControlFlow;

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::DedicatedWorkerGlobalScope;

use super::memory;
use super::python::RunRecord;
use super::request::RunRequest;

/// What the Web Worker tells the page, as JSON text. `Ready` and `Died` are written by
/// `web/sandbox-worker.js` itself (`"ready"`, `{"died":{"out_of_memory":..,"message":..}}`):
/// after a trap the wasm instance must not allocate any more.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkerMessage {
    /// The module is instantiated: the worker takes a request.
    Ready,
    /// The record of the next world.
    Record(RunRecord),
    /// Every world asked for was run (or the run stopped at the first error).
    Done,
    /// The run trapped: over the memory cap, or a crash.
    Died {
        out_of_memory: bool,
        message: String,
    },
}

/// Runs one request (JSON text of a [`RunRequest`]) and posts its messages to the page.
/// Called by `web/sandbox-worker.js`, once per worker.
#[wasm_bindgen]
pub fn sandbox_worker_run(request: &str) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = |message: &WorkerMessage| {
        let text = serde_json::to_string(message).expect("messages always serialize");
        // The page only stops listening when it has terminated this worker.
        let _ = scope.post_message(&JsValue::from_str(&text));
    };
    let request = match serde_json::from_str::<RunRequest>(request) {
        Ok(request) => request,
        Err(error) => {
            post(&WorkerMessage::Died {
                out_of_memory: false,
                message: format!("unreadable request: {error}"),
            });
            return;
        }
    };
    memory::set_cap(memory::live_bytes() + request.limits.memory_mb as usize * 1024 * 1024);
    request.run_here(|record| {
        post(&WorkerMessage::Record(record));
        ControlFlow::Continue(())
    });
    post(&WorkerMessage::Done);
}

/// Whether the run trapped because it went over its memory cap (read by
/// `web/sandbox-worker.js` after a trap; allocates nothing).
#[wasm_bindgen]
pub fn sandbox_worker_out_of_memory() -> bool {
    memory::went_over_cap()
}
