// One page load measured over the DevTools protocol: time to the first chart (the page's own
// `chiso:first-chart` mark), first contentful paint, bytes and requests, the request chain
// before the first chart, long tasks, heap and wasm memory; and redraws after a unit change.

/** Runs in every page before its own scripts: records long tasks, the first-chart mark and
 *  the WebAssembly memories the page instantiates. */
const INSTRUMENT = `(() => {
  const tasks = (window.__longtasks = []);
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push([e.startTime, e.duration]); }).observe({ type: "longtask" });
  } catch {}
  window.__firstChart = new Promise((resolve) => {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (e.name === "chiso:first-chart") resolve(e.startTime);
    }).observe({ type: "mark", buffered: true });
  });
  const memories = (window.__wasmMemories = []);
  const grab = (r) => {
    const instance = r instanceof WebAssembly.Instance ? r : r && r.instance;
    if (instance) for (const v of Object.values(instance.exports)) if (v instanceof WebAssembly.Memory) memories.push(v);
    return r;
  };
  for (const k of ["instantiate", "instantiateStreaming"]) {
    const f = WebAssembly[k];
    if (f) WebAssembly[k] = function (...a) { return f.apply(this, a).then(grab); };
  }
})();`;

/** Network profiles: Lighthouse's slow 4G (150 ms RTT, 1.6 Mbps down, 750 kbps up). */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8, connectionType: "cellular4g" };

export const TABLET = { viewport: { width: 800, height: 1280 }, deviceScaleFactor: 2 };

/** A new page of `context` with the instrumentation, throttled as `profile` says. */
async function openPage(context, profile) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Performance.enable");
  if (profile.cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
  if (profile.network) await cdp.send("Network.emulateNetworkConditions", profile.network);
  return { page, cdp };
}

/** Records every request of a page as the DevTools protocol reports it. */
function recordRequests(cdp) {
  const requests = new Map();
  cdp.on("Network.requestWillBeSent", (e) => {
    requests.set(e.requestId, { url: e.request.url, initiator: e.initiator, sent: e.wallTime * 1000, sentMono: e.timestamp, offset: e.wallTime * 1000 - e.timestamp * 1000, bytes: 0, type: e.type });
  });
  cdp.on("Network.responseReceived", (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { status: e.response.status, mime: e.response.mimeType, cached: e.response.fromDiskCache || e.response.fromPrefetchCache, encoding: e.response.headers["content-encoding"] ?? "identity" });
  });
  cdp.on("Network.requestServedFromCache", (e) => {
    const r = requests.get(e.requestId);
    if (r) r.cached = true;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { bytes: e.encodedDataLength, finishedMono: e.timestamp });
  });
  return requests;
}

/** Longest chain of requests, each started by the one before (document → script → … → data),
 *  among those sent before `until` (epoch ms): by each request's initiator (the resources on
 *  its call stack), and for a data file also by the manifest that had arrived before it was sent.
 *  Returns its length and the names along it. */
export function chainDepth(requests, until) {
  const list = [...requests.values()].filter((r) => r.sent <= until && !r.url.startsWith("data:"));
  const byUrl = new Map(list.map((r) => [r.url.split("#")[0], r]));
  const wasm = list.find((r) => r.mime === "application/wasm" || r.url.endsWith(".wasm"));
  const fetches = list.filter((r) => r.type === "Fetch" || r.type === "XHR");
  const manifests = fetches.filter((r) => /manifest\.json$/.test(r.url));
  const depth = new Map();
  const parentOf = new Map();
  const of = (r, seen = new Set()) => {
    if (depth.has(r)) return depth.get(r);
    if (seen.has(r)) return 1;
    seen.add(r);
    const urls = [];
    const i = r.initiator ?? {};
    if (i.url) urls.push(i.url);
    for (let s = i.stack; s; s = s.parent) for (const f of s.callFrames) urls.push(f.url);
    const parents = urls.map((u) => (u.startsWith("wasm://") ? wasm : byUrl.get(u.split("#")[0])));
    // The files a manifest lists wait for it, whoever fetches them.
    if (fetches.includes(r)) parents.push(...manifests.filter((p) => p.finishedMono !== undefined && p.finishedMono <= r.sentMono));
    let best = null;
    for (const p of parents) if (p && p !== r && (!best || of(p, seen) > of(best, seen))) best = p;
    depth.set(r, best ? of(best, seen) + 1 : 1);
    parentOf.set(r, best);
    return depth.get(r);
  };
  let deepest = null;
  for (const r of list) if (!deepest || of(r) > of(deepest)) deepest = r;
  const chain = [];
  for (let r = deepest; r; r = parentOf.get(r)) chain.unshift(new URL(r.url).pathname.replace(/^.*\//, "") || "index.html");
  return { depth: deepest ? of(deepest) : 0, chain };
}

/** Loads `url` in a fresh page of `context` and measures it; `settle` ms after the first chart
 *  the load is over. `parseProbe` also times JSON.parse of that data URL in the page. */
export async function measureLoad(context, url, profile, { settle = 1000, parseProbe = null, timeout = 180000 } = {}) {
  const { page, cdp } = await openPage(context, profile);
  const requests = recordRequests(cdp);
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: "commit", timeout });
  const firstChart = await page.evaluate(
    (ms) => Promise.race([window.__firstChart, new Promise((_, no) => setTimeout(() => no(new Error("no first chart")), ms))]),
    timeout,
  ).catch((e) => {
    throw new Error(`${url}: ${e.message}${errors.length ? ` (page errors: ${errors.join("; ")})` : ""}`);
  });
  await page.waitForTimeout(settle);
  const info = await page.evaluate(() => ({
    origin: performance.timeOrigin,
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    tasks: window.__longtasks,
    // Ours reads a packed copy in two steps: its proof and unzipping as it arrives, then the model.
    parse: ["chiso:parse", "chiso:unpack"].flatMap((n) => performance.getEntriesByName(n)).reduce((a, e) => a + e.duration, 0) || null,
    manifestRead: performance.getEntriesByName("chiso:manifest")[0]?.duration ?? null,
    wasm: window.__wasmMemories.reduce((a, m) => a + m.buffer.byteLength, 0),
  }));
  await cdp.send("HeapProfiler.collectGarbage");
  const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  const loadTasks = info.tasks.filter(([start]) => start <= firstChart + settle);
  const done = [...requests.values()].filter((r) => r.finishedMono !== undefined);
  const data = done.filter((r) => /\/data\/|\/national\/|\/files-\d+\//.test(r.url));
  // The data the first chart waited for: files fetched after it (by need) do not count.
  const ends = data.map((r) => r.finishedMono * 1000 + r.offset - info.origin).filter((t) => t <= firstChart);
  const dataEnd = Math.max(...ends);
  const result = {
    firstChart,
    fcp: info.fcp,
    bytes: done.reduce((a, r) => a + r.bytes, 0),
    bytesBefore: done.filter((r) => r.finishedMono * 1000 + r.offset - info.origin <= firstChart).reduce((a, r) => a + r.bytes, 0),
    codeBytes: done.filter((r) => !data.includes(r)).reduce((a, r) => a + r.bytes, 0),
    dataToChart: ends.length ? firstChart - dataEnd : null,
    // When the manifest was in hand, and (ours) how long reading it took.
    manifestAt: data.filter((r) => /manifest\.json$/.test(r.url)).map((r) => r.finishedMono * 1000 + r.offset - info.origin)[0] ?? null,
    manifestRead: info.manifestRead,
    requests: done.length,
    requestsBefore: [...requests.values()].filter((r) => r.sent - info.origin <= firstChart).length,
    fromCache: done.filter((r) => r.cached || r.status === 304).length,
    ...chainDepth(requests, info.origin + firstChart),
    longTasks: loadTasks.length,
    longest: Math.max(0, ...loadTasks.map((t) => t[1])),
    tbt: loadTasks.reduce((a, t) => a + Math.max(0, t[1] - 50), 0),
    jsHeap: metrics.JSHeapUsedSize,
    wasm: info.wasm,
    script: metrics.ScriptDuration * 1000,
    layout: (metrics.LayoutDuration + metrics.RecalcStyleDuration) * 1000,
    nodes: metrics.Nodes,
    parse: info.parse,
    encodings: [...new Set(done.map((r) => r.encoding).filter(Boolean))],
    errors,
  };
  if (parseProbe) result.jsonParse = await jsonParseTime(page, parseProbe);
  await page.close();
  return result;
}

/** Median time of TextDecoder + JSON.parse of the bytes at `url` (from the HTTP cache), and
 *  their size. */
async function jsonParseTime(page, url) {
  return page.evaluate(async (u) => {
    const bytes = new Uint8Array(await (await fetch(u)).arrayBuffer());
    const times = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      JSON.parse(new TextDecoder().decode(bytes));
      times.push(performance.now() - t);
    }
    return { ms: times.sort((a, b) => a - b)[1], bytes: bytes.length };
  }, url);
}

/** Counts canvas drawing calls, so a redraw's end can be seen whoever draws. */
const COUNT_DRAWING = `(() => {
  window.__drew = 0;
  const P = CanvasRenderingContext2D.prototype;
  for (const m of ["fillRect", "clearRect", "strokeRect", "fill", "stroke", "fillText", "strokeText", "drawImage", "putImageData"]) {
    const f = P[m];
    P[m] = function (...a) { window.__drew++; return f.apply(this, a); };
  }
  /* Sets the hash and resolves with the time to the animation frame after the last drawing
     call, once 5 frames and 100 ms have passed with no drawing. */
  window.__redraw = (hash) => new Promise((resolve) => {
    window.__drew = 0;
    const t0 = performance.now();
    let last = null, quiet = 0;
    location.hash = hash;
    const tick = () => {
      const now = performance.now();
      if (window.__drew) { window.__drew = 0; last = now; quiet = 0; }
      else if (last !== null && ++quiet >= 5 && now - last >= 100) return resolve(last - t0);
      if (now - t0 > 30000) return resolve(null);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
})();`;

/** Opens `url` (a view with many charts) and times `hashes.length` unit changes on it. */
export async function measureRedraws(context, url, profile, hashes) {
  const { page } = await openPage(context, profile);
  await page.goto(url, { waitUntil: "commit" });
  await page.evaluate(() => window.__firstChart);
  await page.evaluate(COUNT_DRAWING);
  // Let the first view finish drawing before the first change.
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 1500)));
  const times = [];
  for (const h of hashes) times.push(await page.evaluate((x) => window.__redraw(x), h));
  const charts = await page.evaluate(() => document.querySelectorAll("canvas").length);
  await page.close();
  return { times, charts };
}

export { INSTRUMENT };
