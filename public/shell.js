// Runs in the page's head, before the first paint and long before the wasm: fits the static
// shell of index.html to the address (an embed shows no dashboard chrome; the view in the hash
// is the one marked in the navigation; its words are in the reader's language) and starts
// fetching the data, so that it is in flight while the code downloads and compiles: the
// manifest (the default one, or another data set's from `?data=…`) and the files the view needs
// first; a `?data=` metric file alone. The
// app takes each answer once, by the same address (`window.chisoEarly`, read by
// src/browser/fetch.rs), with the controller that aborts it past the app's time limit; a retry
// fetches anew. It also starts fetching the dashboard's own wasm modules (src/split.rs), which
// the app asks for only once the first module runs; an embed needs none of them.
// The build writes PRELOAD (the bundled data) and PARTS (those modules) before this text.

(() => {
  const root = document.documentElement;
  // The hash as the app's router reads it: `#/embed/<view>…` or `#/<view>…`.
  const path = location.hash.replace(/^#\/*/, "").split("?")[0].split("/").filter(Boolean);
  if (path[0] === "embed") {
    root.setAttribute("data-embed", "");
    path.shift();
  }
  root.setAttribute("data-shell-view", path[0] || "overview");
  // The language as the app will choose it: the address's `lang=`, else (not in an embed,
  // which speaks its address's alone) the one the reader last chose, else Vietnamese.
  const code = (v) => ["vi", "en"].find((l) => (v || "").split(/[-_]/)[0].toLowerCase() === l);
  let lang = code(new URLSearchParams(location.hash.split("?")[1] || "").get("lang"));
  if (!lang && !root.hasAttribute("data-embed")) {
    try {
      lang = code(localStorage.getItem("chiso.lang"));
    } catch {
      // Storage may be off (a private window, some file:// pages): Vietnamese then.
    }
  }
  if (lang === "en") root.lang = "en";
  if (!root.hasAttribute("data-embed")) {
    for (const address of PARTS) {
      // Taken by the module loader's own fetch() of the same address: same mode, same credentials.
      const link = document.createElement("link");
      link.rel = "preload";
      link.as = "fetch";
      link.crossOrigin = "anonymous";
      link.href = address;
      document.head.append(link);
    }
  }
  const early = new Map();
  window.chisoEarly = early;
  const start = (address) => {
    const controller = new AbortController();
    const answer = fetch(address, { signal: controller.signal });
    // A failure is reported when the app takes the answer, not as an unhandled rejection.
    answer.catch(() => {});
    early.set(address, { answer, controller });
    return answer;
  };
  // The manifest the app will read: another data set's (`?data=…`, keyed as the app reads the
  // address; it needs none of the default files), else the default one (PRELOAD[0]). The
  // single-file build carries its data and fetches none.
  const other = new URLSearchParams(location.search).get("data");
  const [bundledManifest, ...bundled] = PRELOAD;
  const manifest = other || bundledManifest;
  if (!manifest) return;
  // A listed path as the app resolves it, against the manifest's address (ingest/manifest.rs).
  const resolve = (p) =>
    p.includes("://") || p.startsWith("/") ? p : manifest.slice(0, manifest.lastIndexOf("/") + 1) + p;
  // Of the default data, only what the build bundles.
  const fetchable = (address) => Boolean(other) || bundled.includes(address);
  // Another data set's document, if it is a manifest: its first 4 KiB name its format, and a
  // metric file (which may be large) is read no further here. Decoded as chunks come, with no
  // extra task between (each would wait behind the app's long tasks).
  const manifestOf = async (answer) => {
    if (!answer.body) return null;
    const reader = answer.body.getReader();
    const decoder = new TextDecoder();
    const named = (text) => text.slice(0, 4096).includes('"chiso-manifest/');
    let text = "";
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      const before = text.length;
      text += decoder.decode(read.value, { stream: true });
      if (before < 4096 && text.length >= 4096 && !named(text)) {
        reader.cancel();
        return null;
      }
    }
    text += decoder.decode();
    return named(text) ? JSON.parse(text) : null;
  };
  // Then the files the view needs first, as the manifest's `holds` says: the rule of the app's
  // fetching by need (crates/chiso-core/src/ingest/need.rs and views/route.rs). The app fetches
  // the rest once its first chart is painted, taking these answers where it can.
  const params = new URLSearchParams(location.hash.split("?")[1] || "");
  start(manifest)
    // The default manifest is known to be one: read at once, in one step.
    .then((answer) => (!answer.ok ? null : other ? manifestOf(answer.clone()) : answer.clone().json()))
    .then((doc) => {
      // The app has read the manifest before this script did (its code came from the browser's
      // cache, or the machine is slow): it fetches the files itself (src/browser/fetch.rs closes
      // the map then), and answers started here would go stale.
      if (early.closed) return;
      const entries = (doc && Array.isArray(doc.files) ? doc.files : []).filter(
        (e) => e && typeof e.path === "string" && fetchable(resolve(e.path)),
      );
      const units = (e) => (e.holds && Array.isArray(e.holds.units) ? e.holds.units : []);
      const held = entries.filter((e) => units(e).length > 0);
      // Its families, and an older manifest's indicators read as theirs.
      const list = (e, key) => (Array.isArray(e.holds[key]) ? e.holds[key].map(String) : []);
      const family = (id) => id.split(".")[0];
      const families = (e) => [...list(e, "families"), ...list(e, "indicators").map(family)];
      const first = held.find((e) => families(e).includes("dossiers")) || held[0];
      const unit = params.get("unit") || (first && units(first)[0]);
      // The family a comparison or an index's components draw across every unit ("" for all).
      const across =
        path[0] === "compare" ? family(params.get("indicator") || "")
        : path[0] === "components" ? params.get("index") || ""
        : null;
      const compared = (e) => across !== null && (across === "" ? families(e).length > 0 : families(e).includes(across));
      // A validated file's packed copy where the manifest gives one, as the app reads it.
      const address = (e) => {
        const packed = e.packed && typeof e.packed.path === "string" && resolve(e.packed.path);
        return packed && fetchable(packed) ? packed : resolve(e.path);
      };
      for (const e of entries) {
        if (units(e).length === 0 || units(e).includes(unit) || compared(e)) start(address(e));
      }
    })
    .catch(() => {});
})();

// The release wasm aborts on a panic with no message (it carries no panic machinery): the trap
// reaches the page as a WebAssembly.RuntimeError, and the reader is told the page has stopped.
(() => {
  const stopped = (error) => {
    if (!(error instanceof WebAssembly.RuntimeError) || document.getElementById("stopped")) return;
    const note = document.createElement("p");
    note.id = "stopped";
    note.className = "error";
    note.setAttribute("role", "alert");
    note.textContent =
      "Chỉ số đã dừng vì một lỗi: hãy tải lại trang. / Chỉ số stopped on an error: please reload the page.";
    document.body.prepend(note);
  };
  addEventListener("error", (e) => stopped(e.error));
  addEventListener("unhandledrejection", (e) => stopped(e.reason));
})();
