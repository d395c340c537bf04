// The service worker: the app opens with no network, and data files fall back to their last good
// copy. App files are cached per build version, cache-first: precached, except those loaded on
// demand (the import worker), which are kept once fetched; data files (data/…) are network-first
// with a stall timeout, and each good answer is stored as the file's last good copy. A new version waits until the page asks it to take over (the reload offer).
// The build writes BUILD (the build's files and version) before this text.

const APP_CACHE = `chiso-app-${BUILD.version}`;
const DATA_CACHE = "chiso-data";
const DATA_TIMEOUT_MS = 8000;
const SCOPE = new URL("./", self.location.href).href;
const DATA_PREFIX = SCOPE + "data/";
const INDEX = SCOPE + "index.html";

self.addEventListener("install", (event) => {
  event.waitUntil(Promise.all([precacheApp(), precacheData()]));
});

/// Hashed names never change content, so the HTTP cache (filled by the page's own load) may answer
/// them; the others are revalidated, so a new version never stores an old index.html.
async function precacheApp() {
  const cache = await caches.open(APP_CACHE);
  // `name-<hash>.ext`, or any file of the app's folder `app-<hash>/`.
  const hashed = /-[0-9a-f]{16}(_bg)?\.(js|css|wasm)$|^app-[0-9a-f]{16}\//;
  await cache.addAll(BUILD.app.map((path) => new Request(new URL(path, SCOPE), { cache: hashed.test(path) ? "default" : "no-cache" })));
}

/// The bundled data files become the first last good copies, fetched now (the network is there).
async function precacheData() {
  const cache = await caches.open(DATA_CACHE);
  await Promise.all(
    BUILD.data.map(async (path) => {
      const url = new URL(path, SCOPE).href;
      const answer = await fetchWithin(new Request(url, { cache: "no-cache" }), DATA_TIMEOUT_MS).catch(() => null);
      if (answer && answer.ok && looksLikeTheFile(url, answer)) await store(cache, url, answer);
    }),
  );
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith("chiso-app-") && n !== APP_CACHE).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

// The page's "reload into the new version" button.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  const path = url.origin + url.pathname;
  if (path.startsWith(DATA_PREFIX)) {
    event.respondWith(dataFirst(request));
  } else if (request.mode === "navigate" && (path === SCOPE || path === INDEX)) {
    event.respondWith(fromApp(INDEX, request));
  } else {
    event.respondWith(fromApp(path, request));
  }
});

/// An app file from this version's cache, else from the network; one not precached (loaded on
/// demand) is kept once fetched, so that it works offline after its first use.
async function fromApp(key, request) {
  const cache = await caches.open(APP_CACHE);
  const hit = await cache.match(key);
  if (hit) return hit;
  const answer = await fetch(request);
  if (answer.status === 200 && answer.type === "basic") await cache.put(key, answer.clone());
  return answer;
}

/// The whole body, aborted when `ms` pass with no byte arriving (before the headers or during the
/// body): a stall, whereas a big file on a slow line that keeps arriving is waited for. Rejects
/// with a TypeError offline and an AbortError on a stall.
async function fetchWithin(request, ms) {
  const controller = new AbortController();
  let timer;
  const waitAgain = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), ms);
  };
  waitAgain();
  try {
    const response = await fetch(request, { signal: controller.signal });
    const chunks = [];
    const reader = response.body?.getReader();
    for (;;) {
      waitAgain();
      const { done, value } = reader ? await reader.read() : { done: true };
      if (done) break;
      chunks.push(value);
    }
    const body = await new Blob(chunks).arrayBuffer();
    return { ok: response.ok, status: response.status, statusText: response.statusText, headers: response.headers, body };
  } finally {
    clearTimeout(timer);
  }
}

/// A 2xx answer is the file when it is not an HTML page (a portal's or proxy's error page) and,
/// for JSON, when it parses.
function looksLikeTheFile(url, answer) {
  if (/text\/html/i.test(answer.headers.get("content-type") ?? "")) return false;
  if (!/\.json$/i.test(new URL(url).pathname)) return true;
  try {
    JSON.parse(new TextDecoder().decode(answer.body));
    return true;
  } catch {
    return false;
  }
}

async function store(cache, key, answer) {
  const headers = { "content-type": answer.headers.get("content-type") ?? "application/octet-stream", "x-chiso-stored": new Date().toISOString() };
  await cache.put(key, new Response(answer.body, { status: 200, headers }));
}

async function dataFirst(request) {
  const key = request.url.split("#")[0];
  const cache = await caches.open(DATA_CACHE);
  let reason;
  let answer = null;
  try {
    answer = await fetchWithin(request, DATA_TIMEOUT_MS);
    if (answer.ok && looksLikeTheFile(key, answer)) {
      await store(cache, key, answer);
      return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
    }
    reason = answer.ok ? "invalid" : `http ${answer.status}`;
  } catch (e) {
    reason = e?.name === "AbortError" ? "timeout" : "offline";
  }
  const copy = await cache.match(key);
  if (copy) {
    const headers = new Headers(copy.headers);
    headers.set("x-chiso-fallback", reason);
    return new Response(copy.body, { status: 200, headers });
  }
  // No copy: the original failure.
  if (answer) return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
  return Response.error();
}
