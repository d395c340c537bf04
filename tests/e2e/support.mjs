// Shared by the browser tests: a static file server on loopback and a headless Chromium from
// the system (nothing is downloaded). Screenshots go to tests/e2e/out/ to be looked at.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
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
