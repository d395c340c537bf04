// The one static file server of serve.sh, the browser tests and the benchmark: one or more folders
// on loopback, with the MIME type browsers require for wasm; with an encoding, it serves like a good
// static host (each file compressed once, ETags, cache headers, 304 answers).
import { createServer } from "node:http";
import { readdir, readFile, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { extname, join, normalize, resolve, sep } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".svg", ".webmanifest"]);
/// Trunk's `name-<hex>` and esbuild's `name-<8 base32>` content hashes, and the app's folder
/// named by its content (`app-<hex>/`).
const HASHED = /-([0-9a-f]{12,16}|[0-9A-Z]{8})(_bg)?\.(js|css|wasm)$|\/app-[0-9a-f]{16}\//;

const cache = new Map();

/** A file's bytes in every encoding (gzip -9, brotli 11; brotli 9 above 4 MB), compressed on
 *  first use and kept for every later request. */
async function variants(file) {
  const { mtimeMs, size } = await stat(file);
  const key = `${file}:${mtimeMs}:${size}`;
  if (!cache.has(key)) {
    const raw = await readFile(file);
    const zip = COMPRESSIBLE.has(extname(file));
    const quality = raw.length > 4 << 20 ? 9 : 11;
    cache.set(key, {
      identity: raw,
      gzip: zip ? gzipSync(raw, { level: 9 }) : null,
      br: zip ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }) : null,
      etag: `"${createHash("sha1").update(raw).digest("hex").slice(0, 16)}"`,
    });
  }
  return cache.get(key);
}

/** Finds `path` in the first of `bases` that has it; `forbidden` when it escapes them. */
async function locate(bases, path) {
  let forbidden = false;
  for (const base of bases) {
    const file = normalize(join(base, path));
    if (!file.startsWith(base + sep)) {
      forbidden = true;
      continue;
    }
    try {
      if ((await stat(file)).isFile()) return { file };
    } catch {}
  }
  return { forbidden };
}

/** Which of a file's variants answers a request accepting `accepts`: `encoding` when accepted,
 *  else gzip when accepted, else the raw bytes. */
function pick(v, encoding, accepts) {
  for (const e of [encoding, "gzip"]) if (v[e] && accepts.includes(e)) return { body: v[e], encoding: e };
  return { body: v.identity, encoding: "identity" };
}

/**
 * Serves `roots` (a folder or a list, searched in order) on http://127.0.0.1:<port>/ (a free port
 * unless one is given). `headers(path)` adds response headers; `override(path)` may answer a path
 * with its own { status, type, body } (or a promise of one: a promise that never settles is a stall);
 * `encoding` ("gzip" or "br", none by default) compresses
 * responses that accept it and adds ETags and cache headers; `log(path, bytes, encoding)` hears
 * every answered request.
 */
export async function serve(roots, { port = 0, headers = () => ({}), override = () => null, encoding = null, log = () => {} } = {}) {
  const bases = [roots].flat().map((r) => resolve(r));
  const state = { encoding };
  const server = createServer((req, res) =>
    answer(req, res).catch(() => res.headersSent || res.writeHead(500, { "content-type": "text/plain" }).end("server error")),
  );
  async function answer(req, res) {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const special = await override(path);
    if (special) {
      res.writeHead(special.status ?? 200, { "content-type": special.type ?? "application/json", ...headers(path) });
      res.end(special.body);
      log(path, Buffer.byteLength(special.body ?? ""), "identity");
      return;
    }
    const { file, forbidden } = await locate(bases, path.endsWith("/") ? path + "index.html" : path);
    if (!file) return res.writeHead(forbidden ? 403 : 404, { "content-type": "text/plain" }).end(forbidden ? "forbidden" : "not found");
    const head = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", ...headers(path) };
    let body;
    if (state.encoding) {
      const v = await variants(file);
      Object.assign(head, {
        "cache-control": HASHED.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
        etag: v.etag,
        vary: "accept-encoding",
      });
      if (req.headers["if-none-match"] === v.etag) return res.writeHead(304, head).end();
      const accepts = (req.headers["accept-encoding"] ?? "").split(",").map((s) => s.trim().split(";")[0]);
      const chosen = pick(v, state.encoding, accepts);
      body = chosen.body;
      if (chosen.encoding !== "identity") head["content-encoding"] = chosen.encoding;
    } else {
      body = await readFile(file);
    }
    head["content-length"] = body.length;
    res.writeHead(200, head).end(body);
    log(path, body.length, head["content-encoding"] ?? "identity");
  }
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", ok);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    /** Switches the encoding of later responses. */
    set encoding(e) {
      state.encoding = e;
    },
    close() {
      server.closeAllConnections();
      return new Promise((ok) => server.close(ok));
    },
  };
}

/** Compresses ahead of time every file in `paths` (files, or folders walked) of up to `limit`
 *  bytes, so that no timed request waits on it. */
export async function warm(paths, limit = Infinity) {
  for (const p of paths) {
    const s = await stat(p);
    if (s.isDirectory()) await warm((await readdir(p)).map((f) => join(p, f)), limit);
    else if (s.size <= limit) await variants(p);
  }
}
