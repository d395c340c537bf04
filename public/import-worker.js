// Starts the import worker (crates/chiso-import-worker): wasm-bindgen's glue, then the module.
// Tables the page sends while the module loads wait here; a module that fails to load is
// thrown as an uncaught error, which the page hears as the worker's "error" event.
const early = [];
self.onmessage = (e) => early.push(e);
importScripts("./chiso-import-worker.js");
wasm_bindgen("./chiso-import-worker_bg.wasm").then(
  () => early.forEach((e) => self.onmessage(e)),
  (e) => setTimeout(() => { throw e; }),
);
