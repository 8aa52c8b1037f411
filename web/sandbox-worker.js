// The sandbox's Web Worker (docs/web.md). It instantiates the game's own wasm module,
// sent by the page already compiled, and runs one student program in it: the page's
// thread never runs Python, and the page terminates this worker when the program runs
// over its time. Messages to the page are JSON text (`WorkerMessage` in
// src/sandbox/web_worker.rs): "ready", then one record per world, then "done"; or, when
// the module traps (memory cap, crash), {"died": ...} written here, because a trapped
// instance must not allocate any more.
import init, { sandbox_worker_run, sandbox_worker_out_of_memory } from './codebot.js';

let loaded = false;

self.onmessage = async (event) => {
  if (!loaded) {
    loaded = true;
    try {
      await init({ module_or_path: event.data });
      self.postMessage(JSON.stringify('ready'));
    } catch (error) {
      died(false, error);
    }
    return;
  }
  try {
    sandbox_worker_run(event.data);
  } catch (error) {
    let outOfMemory = false;
    try {
      outOfMemory = sandbox_worker_out_of_memory();
    } catch (_) {
      // The instance is beyond use: the verdict stays "crashed".
    }
    died(outOfMemory, error);
  }
};

function died(outOfMemory, error) {
  const message = String(error && error.stack ? error.stack : error);
  self.postMessage(JSON.stringify({ died: { out_of_memory: outOfMemory, message } }));
}
