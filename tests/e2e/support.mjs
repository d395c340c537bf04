// Shared by the browser tests: a static file server on loopback and a headless Chromium from
// the system (nothing is downloaded). Screenshots go to tests/e2e/out/ to be looked at.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";

export const root = resolve(import.meta.dirname, "../..");
export const dist = join(root, "dist");
export const out = join(root, "tests/e2e/out");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/// Serves `dir` at http://127.0.0.1:<port>/; `headers(path)` adds response headers, and
/// `override(path)` may answer a path with its own { status, body }.
export async function serve(dir, { headers = () => ({}), override = () => null } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const special = override(path);
    if (special) {
      res.writeHead(special.status ?? 200, { "content-type": special.type ?? "application/json", ...headers(path) });
      res.end(special.body);
      return;
    }
    const file = normalize(join(dir, path.endsWith("/") ? path + "index.html" : path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", ...headers(path) });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  const close = () => {
    server.closeAllConnections();
    return new Promise((ok) => server.close(ok));
  };
  return { url: `http://127.0.0.1:${port}/`, close };
}

/// Playwright gives every launch a fresh, temporary profile of its own.
export async function launch() {
  await mkdir(out, { recursive: true });
  const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/// A page that records every uncaught error and console error (a wasm panic shows as one);
/// `t`, a test's context, closes it when the test ends, passed or failed.
export async function open(t, browser, url, options = {}) {
  const context = await browser.newContext(options);
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(url);
  return { page, context, errors };
}

export const tablet = { viewport: { width: 800, height: 1280 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
export const desktop = { viewport: { width: 1920, height: 1080 } };

/// A bundled sample file's text.
export const sample = (f) => readFileSync(join(dist, "data", f), "utf8");

/// Serves dist/ with `data/` files replaced or added (a function gets the request count), and
/// an optional CSP header, until the test `t` ends.
export async function site(t, { files = {}, csp } = {}) {
  const hits = {};
  const s = await serve(dist, {
    headers: () => (csp ? { "content-security-policy": csp } : {}),
    override: (path) => {
      const name = path.replace(/^.*\/data\//, "");
      if (!path.includes("/data/") || !(name in files)) return null;
      hits[name] = (hits[name] ?? 0) + 1;
      const f = files[name];
      return typeof f === "function" ? f(hits[name]) : { body: f };
    },
  });
  t.after(() => s.close());
  return s;
}

export function manifestOf(names) {
  return JSON.stringify({ format: "chiso-manifest/1", files: names.map((path) => ({ path })) });
}

/// Waits until a chart's canvas has been drawn on (coloured pixels, not just a blank box).
export async function chartReady(page, selector = "#dossiers-intake canvas") {
  await page.waitForSelector(selector, { timeout: 30000 });
  await page.waitForFunction((sel) => {
    const c = document.querySelector(sel);
    if (!c || c.width < 50) return false;
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    for (let i = 0; i < d.length; i += 4 * 7) if (d[i] !== d[i + 1] || d[i + 1] !== d[i + 2]) coloured++;
    return coloured > 20;
  }, selector, { timeout: 30000 });
}
