// What the browser tests, the benchmark and serve.sh share: a static file server on loopback
// (with the MIME type browsers require for wasm) and a headless Chromium from the system
// (nothing is downloaded).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

export const root = resolve(import.meta.dirname, "../..");
export const dist = join(root, "dist");

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

/// Serves `dir` at http://127.0.0.1:<port>/ (a free port unless one is given); `headers(path)`
/// adds response headers, and `override(path)` may answer a path with its own { status, body }.
export async function serve(dir, { port = 0, headers = () => ({}), override = () => null } = {}) {
  const base = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const special = override(path);
    if (special) {
      res.writeHead(special.status ?? 200, { "content-type": special.type ?? "application/json", ...headers(path) });
      res.end(special.body);
      return;
    }
    const file = normalize(join(base, path.endsWith("/") ? path + "index.html" : path));
    if (!file.startsWith(base + sep)) {
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
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", ok);
  });
  const close = () => {
    server.closeAllConnections();
    return new Promise((ok) => server.close(ok));
  };
  return { url: `http://127.0.0.1:${server.address().port}/`, close };
}

/// Headless Chromium (`$CHROMIUM`, else Debian's); Playwright gives every launch a fresh,
/// temporary profile of its own. Imported lazily, so serving needs no browser driver.
export async function launch() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
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
