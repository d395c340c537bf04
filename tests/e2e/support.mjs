// Shared by the browser tests: the static server of scripts/lib/server.mjs and the Chromium of
// scripts/lib/harness.mjs, pages
// that record their errors, sites with data files swapped. Screenshots go to tests/e2e/out/.
import { mkdir } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { root, dist, launch as chromium } from "../../scripts/lib/harness.mjs";
import { serve } from "../../scripts/lib/server.mjs";

export { dist, serve };
export const out = join(root, "tests/e2e/out");

/// The CLI the test command builds (`cargo build -p chiso-cli`), debug or release.
export const cli = ["target/debug/chiso", "target/release/chiso"].map((p) => join(root, p)).find(existsSync);

/// Headless Chromium, with the screenshot folder ready.
export async function launch() {
  await mkdir(out, { recursive: true });
  return chromium();
}

/// The policy every part of Chỉ số runs under (the site, embeds, embed.js, the service worker
/// and the import worker), sent as an HTTP header by the tests that check it.
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; manifest-src 'self'";

/// Makes every page and frame of `context` record Content-Security-Policy violations from its
/// first script on; `violations(page)` reads them.
export function watchViolations(context) {
  return context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${location.origin} ${e.violatedDirective} ${e.blockedURI}`));
  });
}

/// Every violation any frame of `page` saw.
export async function violations(page) {
  const all = await Promise.all(page.frames().map((f) => f.evaluate(() => window.__violations ?? []).catch(() => [])));
  return all.flat();
}

/// A new page that records every uncaught error and console error (a wasm panic shows as one) and
/// every CSP violation; `t`, a test's context, closes it when the test ends, passed or failed.
export async function fresh(t, browser, options = {}) {
  const context = await browser.newContext(options);
  t.after(() => context.close());
  await watchViolations(context);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${m.text()} ${m.location().url}`);
  });
  return { page, context, errors };
}

/// `fresh`, opened at `url`.
export async function open(t, browser, url, options = {}) {
  const opened = await fresh(t, browser, options);
  await opened.page.goto(url);
  return opened;
}

/// Slows `page` to a provincial 4G line (150 ms round trip, 1.6 Mbps down); the function it
/// returns takes the limits off.
export async function slowLine(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  return () => cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
}

/// What the page has fetched so far: each resource's path, and when it started and ended (ms).
export const resources = (page) =>
  page.evaluate(() =>
    performance.getEntriesByType("resource").map((e) => ({ name: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd })),
  );

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

/** Counts the data files the page asks for, by their path under `data/`. */
export function counted(page) {
  const asked = {};
  page.on("request", (r) => {
    const m = r.url().match(/\/data\/([^?#]+)$/);
    if (m) asked[m[1]] = (asked[m[1]] ?? 0) + 1;
  });
  return asked;
}

export function manifestOf(names) {
  return JSON.stringify({ format: "chiso-manifest/1", files: names.map((path) => ({ path })) });
}

/// Waits until a chart's canvas has been drawn on (coloured pixels, not just a blank box).
export async function chartReady(page, selector = "#dossiers-intake canvas") {
  await page.waitForSelector(selector, { timeout: 30000 });
  // A chart is drawn when it comes near the screen, as a reader scrolling to it would see.
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => {
    const c = document.querySelector(sel);
    if (!c || c.width < 50) return false;
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    for (let i = 0; i < d.length; i += 4 * 7) if (d[i] !== d[i + 1] || d[i + 1] !== d[i + 2]) coloured++;
    return coloured > 20;
  }, selector, { timeout: 30000 });
}

/// Waits until a chart card shows its figures: a drawn canvas, or for one or two figures the
/// table that stands in for a chart.
export async function figuresReady(page, card) {
  await page.waitForSelector(`${card} canvas, ${card} table`, { timeout: 30000 });
  if (await page.locator(`${card} canvas`).count()) await chartReady(page, `${card} canvas`);
}

/// Opens a chart card's table (built only on tap) and returns its text.
export async function tableText(page, card) {
  const table = page.locator(`${card} table`);
  if (!(await table.count())) await page.locator(`${card} details.table-wrap > summary`).click();
  return table.textContent();
}

/// The number of pages of a PDF: its page objects.
export const pdfPages = (pdf) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
