// The benchmark's static server: one per page, on loopback, each file compressed once the way a
// good static host serves it (gzip -9, brotli 11; brotli 9 above 4 MB), with ETags and cache
// headers (content-hashed names immutable, everything else revalidated), and 304 answers.
import { createServer } from "node:http";
import { readdir, readFile, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { extname, join, normalize } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".wasm", ".json", ".svg"]);
/// Trunk's `name-<hex>` and esbuild's `name-<8 base32>` content hashes.
const HASHED = /-([0-9a-f]{12,16}|[0-9A-Z]{8})(_bg)?\.(js|css|wasm)$/;

const cache = new Map();

/** A file's bytes in every encoding, compressed on first use and kept for every later run. */
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

/** Finds `path` in the first of `roots` that has it. */
async function locate(roots, path) {
  for (const root of roots) {
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) continue;
    try {
      if ((await stat(file)).isFile()) return file;
    } catch {}
  }
  return null;
}

/**
 * Serves `roots` (searched in order) on http://127.0.0.1:<port>/. `encoding` is "gzip" or
 * "br" (what a response is compressed with when the request accepts it); `log` gets every
 * request's path and the bytes sent.
 */
export async function serve(roots, { encoding = "gzip", log = () => {} } = {}) {
  const state = { encoding };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = await locate(roots, path.endsWith("/") ? path + "index.html" : path);
    if (!file) return res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    const v = await variants(file);
    const headers = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": HASHED.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
      etag: v.etag,
      vary: "accept-encoding",
    };
    if (req.headers["if-none-match"] === v.etag) return res.writeHead(304, headers).end();
    const accepts = (req.headers["accept-encoding"] ?? "").split(",").map((s) => s.trim().split(";")[0]);
    let body = v.identity;
    if (v[state.encoding] && accepts.includes(state.encoding)) {
      body = v[state.encoding];
      headers["content-encoding"] = state.encoding;
    } else if (v.gzip && accepts.includes("gzip")) {
      body = v.gzip;
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = body.length;
    res.writeHead(200, headers).end(body);
    log(path, body.length, headers["content-encoding"] ?? "identity");
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
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

/** Compresses ahead of the timed runs every file in `paths` (files, or folders walked) of up
 *  to `limit` bytes. */
export async function warm(paths, limit = Infinity) {
  for (const p of paths) {
    const s = await stat(p);
    if (s.isDirectory()) await warm((await readdir(p)).map((f) => join(p, f)), limit);
    else if (s.size <= limit) await variants(p);
  }
}
