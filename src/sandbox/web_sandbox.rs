//! On the page: runs requests in Web Workers (`web/sandbox-worker.js` running the game's
//! own wasm module, see `web_worker`), never on the page's thread, and watches them like
//! the native `worker` does its processes: a worker over its time is terminated from the
//! page (the only hard stop in a browser), a dead worker becomes a `timeout`, `memory` or
//! `crashed` verdict, and every run gets a fresh worker, started one run in advance so
//! that a run does not wait for the module to load.
//!
//! The workers and their message handlers are JavaScript objects, which stay on the
//! page's thread: they live in a thread-local table, and a [`WebRun`] is only its key.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};
use web_time::Instant;

use super::error::{Problem, ProgramError};
use super::python::RunRecord;
use super::request::RunRequest;
use super::web_worker::WorkerMessage;

/// The Web Worker's script, next to the page (copied into `dist/` by scripts/build-web.sh).
pub const WORKER_SCRIPT: &str = "./sandbox-worker.js";

/// How long a new worker may take to load the module before the run counts as crashed.
const START_UP: Duration = Duration::from_secs(20);

/// A run handed to a Web Worker. Poll it once a frame; dropping it terminates the worker.
#[derive(Debug)]
pub struct WebRun {
    id: u64,
}

impl WebRun {
    /// Hands `request` to a worker (the one started in advance, if any) and starts the
    /// next run's worker.
    pub fn start(request: &RunRequest) -> WebRun {
        BRIDGE.with(|bridge| {
            let mut bridge = bridge.borrow_mut();
            let worker = bridge.spare.take().map_or_else(spawn, Ok);
            bridge.spare = spawn().ok();
            bridge.next_id += 1;
            let id = bridge.next_id;
            bridge.runs.insert(id, Active::new(request, worker));
            WebRun { id }
        })
    }

    /// The records once the run is over: one per world, `None` for worlds not run.
    pub fn poll(&self) -> Option<Vec<Option<RunRecord>>> {
        BRIDGE.with(|bridge| {
            let mut bridge = bridge.borrow_mut();
            let active = bridge.runs.get_mut(&self.id)?;
            if !active.step(Instant::now()) {
                return None;
            }
            bridge.runs.remove(&self.id).map(|active| active.records)
        })
    }
}

impl Drop for WebRun {
    fn drop(&mut self) {
        // Dropping the run's `Started` terminates its worker.
        let removed = BRIDGE.with(|bridge| bridge.borrow_mut().runs.remove(&self.id));
        drop(removed);
    }
}

/// Starts a worker now so that the next run finds it ready (the game calls this when a
/// level opens).
pub fn warm_up() {
    BRIDGE.with(|bridge| {
        let mut bridge = bridge.borrow_mut();
        if bridge.spare.is_none() {
            bridge.spare = spawn().ok();
        }
    });
}

thread_local! {
    static BRIDGE: RefCell<Bridge> = RefCell::new(Bridge::default());
}

#[derive(Default)]
struct Bridge {
    spare: Option<Started>,
    runs: HashMap<u64, Active>,
    next_id: u64,
}

/// A Web Worker and what it said so far.
struct Started {
    worker: Worker,
    inbox: Rc<RefCell<Inbox>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl Drop for Started {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

#[derive(Default)]
struct Inbox {
    ready: bool,
    messages: VecDeque<WorkerMessage>,
    /// The worker failed outside a run (its script or module did not load).
    error: Option<String>,
}

/// Starts a worker and sends it the page's compiled module.
fn spawn() -> Result<Started, String> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(WORKER_SCRIPT, &options).map_err(js_text)?;
    let inbox = Rc::new(RefCell::new(Inbox::default()));
    let on_message = {
        let inbox = Rc::clone(&inbox);
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let mut inbox = inbox.borrow_mut();
            let text = event.data().as_string().unwrap_or_default();
            match serde_json::from_str::<WorkerMessage>(&text) {
                Ok(WorkerMessage::Ready) => inbox.ready = true,
                Ok(message) => inbox.messages.push_back(message),
                Err(error) => inbox.error = Some(format!("unreadable message: {error}")),
            }
        })
    };
    let on_error = {
        let inbox = Rc::clone(&inbox);
        Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            inbox.borrow_mut().error = Some(event.message());
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    worker
        .post_message(&wasm_bindgen::module())
        .map_err(js_text)?;
    Ok(Started {
        worker,
        inbox,
        _on_message: on_message,
        _on_error: on_error,
    })
}

fn js_text(value: JsValue) -> String {
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

/// One run: its worker until it ends, and the records so far.
struct Active {
    /// `None` once the run is over (the worker is terminated then).
    worker: Option<Started>,
    /// The request as JSON, until it is sent to the worker.
    request: Option<String>,
    stop_at_first_error: bool,
    per_world: Duration,
    memory_mb: u32,
    records: Vec<Option<RunRecord>>,
    next: usize,
    deadline: Instant,
}

impl Active {
    fn new(request: &RunRequest, worker: Result<Started, String>) -> Active {
        let mut active = Active {
            worker: None,
            request: Some(serde_json::to_string(request).expect("requests always serialize")),
            stop_at_first_error: request.stop_at_first_error,
            per_world: Duration::from_millis(request.limits.time_ms + request.limits.kill_grace_ms),
            memory_mb: request.limits.memory_mb,
            records: vec![None; request.worlds.len()],
            next: 0,
            deadline: Instant::now() + START_UP,
        };
        match worker {
            _ if active.records.is_empty() => {}
            Ok(worker) => active.worker = Some(worker),
            Err(_) => active.end_with(Problem::Crashed),
        }
        active
    }

    /// Reads what the worker said; true once the run is over.
    fn step(&mut self, now: Instant) -> bool {
        let Some(worker) = &self.worker else {
            return true;
        };
        let inbox = Rc::clone(&worker.inbox);
        let mut inbox = inbox.borrow_mut();
        if inbox.ready
            && let Some(request) = self.request.take()
        {
            if worker
                .worker
                .post_message(&JsValue::from_str(&request))
                .is_err()
            {
                drop(inbox);
                self.end_with(Problem::Crashed);
                return true;
            }
            self.deadline = now + self.per_world;
        }
        while let Some(message) = inbox.messages.pop_front() {
            match message {
                WorkerMessage::Record(record) => {
                    let failed = record.error.is_some();
                    if let Some(slot) = self.records.get_mut(self.next) {
                        *slot = Some(record);
                    }
                    self.next += 1;
                    self.deadline = now + self.per_world;
                    if self.next >= self.records.len() || (failed && self.stop_at_first_error) {
                        self.worker = None;
                        return true;
                    }
                }
                WorkerMessage::Done => {
                    self.worker = None;
                    return true;
                }
                WorkerMessage::Died {
                    out_of_memory,
                    message,
                } => {
                    drop(inbox);
                    self.end_with(died_of(out_of_memory, &message, self.memory_mb));
                    return true;
                }
                WorkerMessage::Ready => {}
            }
        }
        let failed_to_load = inbox.error.is_some();
        drop(inbox);
        if failed_to_load {
            self.end_with(Problem::Crashed);
            return true;
        }
        if now >= self.deadline {
            let problem = if self.request.is_some() {
                // The worker never became ready.
                Problem::Crashed
            } else {
                Problem::Timeout {
                    seconds: self.per_world.as_secs_f32(),
                }
            };
            self.end_with(problem);
            return true;
        }
        false
    }

    /// Terminates the worker and gives the world it was on `problem`.
    fn end_with(&mut self, problem: Problem) {
        self.worker = None;
        if let Some(slot) = self.records.get_mut(self.next) {
            *slot = Some(RunRecord {
                error: Some(ProgramError::new(problem, None)),
                ..RunRecord::default()
            });
        }
    }
}

/// Why a worker that trapped died (the message is the browser's text of the trap).
fn died_of(out_of_memory: bool, message: &str, memory_mb: u32) -> Problem {
    if out_of_memory {
        Problem::Memory {
            megabytes: memory_mb,
        }
    } else if message.contains("call stack") {
        Problem::RecursionTooDeep
    } else {
        Problem::Crashed
    }
}
