// The installable app: its manifest and icons, the service worker that opens the app with the
// server gone, a data file's last good copy when the network fails it (an error, a stall), the
// offer to reload into a newer build, the user's own files kept across reloads, and all of it
// under the strict Content-Security-Policy. Each test has its own server and a fresh context.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, open, fresh, out, dist, serve, figuresReady, tableText, sample, manifestOf, tablet, desktop, STRICT_CSP, violations } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const DATA = ["tay-ninh.json", "bac-kan.json", "tien-giang-kcn.json", "minh-hoa.json"];
const STAMP = /\d\d:\d\d \d\d\/\d\d\/\d{4}/;
const hanoi = { ...tablet, timezoneId: "Asia/Ho_Chi_Minh" };

/// Serves `root` (dist/ by default) with `data/` answers from `data(name)` when it gives one, an
/// optional CSP header, on `port` (a free one by default), until the test ends or `close()`.
async function host(t, { root = dist, port = 0, data = () => null, csp } = {}) {
  const s = await serve(root, {
    port,
    headers: () => (csp ? { "content-security-policy": csp } : {}),
    override: (path) => (path.startsWith("/data/") ? data(path.slice("/data/".length)) : null),
  });
  t.after(() => s.close());
  return { ...s, port: Number(new URL(s.url).port), close: () => s.close() };
}

/// Waits until the service worker controls the page and has stored the app and every data file.
/// (Polled here: `waitForFunction` takes a returned promise for a truthy answer.)
async function installed(page, dataFiles = DATA.length + 1) {
  const deadline = Date.now() + 30000;
  const ready = (n) =>
    page.evaluate(async (n) => {
      if (!navigator.serviceWorker.controller) return false;
      const names = await caches.keys();
      if (!names.includes("chiso-data") || !names.some((c) => c.startsWith("chiso-app-"))) return false;
      return (await (await caches.open("chiso-data")).keys()).length >= n;
    }, n);
  while (!(await ready(dataFiles))) {
    assert.ok(Date.now() < deadline, "the service worker did not install within 30 s");
    await page.waitForTimeout(200);
  }
}

/// What the page's `x-chiso-stored` time of a data file reads as in Hà Nội (UTC+7).
async function storedInHanoi(page, file) {
  const iso = await page.evaluate(async (f) => {
    const copy = await (await caches.open("chiso-data")).match(new URL(`data/${f}`, document.baseURI).href);
    return copy.headers.get("x-chiso-stored");
  }, file);
  const t = new Date(Date.parse(iso) + 7 * 3600e3);
  const two = (n) => String(n).padStart(2, "0");
  return `${two(t.getUTCHours())}:${two(t.getUTCMinutes())} ${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}

const build = (page) => page.locator('meta[name="chiso-build"]').getAttribute("content");

test("the manifest is linked and valid, with relative start and scope and PNG icons of their sizes", async (t) => {
  const s = await host(t);
  const { page, errors } = await open(t, browser, s.url, desktop);
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  assert.equal(href, "./manifest.webmanifest");
  const res = await fetch(new URL(href, s.url));
  assert.match(res.headers.get("content-type"), /application\/manifest\+json/);
  const m = await res.json();
  assert.equal(m.name, "Chỉ số cải cách hành chính");
  assert.equal(m.short_name, "Chỉ số");
  assert.equal(m.lang, "vi");
  assert.deepEqual([m.start_url, m.scope, m.display], ["./", "./", "standalone"]);
  assert.deepEqual([m.theme_color, m.background_color], ["#0072b2", "#f7f7f5"]);
  const seen = [];
  for (const icon of m.icons) {
    const png = Buffer.from(await (await fetch(new URL(icon.src, new URL(href, s.url)))).arrayBuffer());
    assert.equal(png.subarray(1, 4).toString("latin1"), "PNG", icon.src);
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.equal(`${w}x${h}`, icon.sizes, icon.src);
    assert.equal(icon.type, "image/png");
    seen.push(`${icon.sizes} ${icon.purpose}`);
  }
  assert.deepEqual(seen.sort(), ["192x192 any", "512x512 any", "512x512 maskable"]);
  const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  assert.equal((await fetch(new URL(touch, s.url))).status, 200);
  // The build's version is in the page and in the worker.
  const version = await build(page);
  assert.match(version, /^[0-9a-f]{16}$/);
  assert.match(await (await fetch(new URL("sw.js", s.url))).text(), new RegExp(`"version":"${version}"`));
  assert.deepEqual(errors, []);
});

test("after one online visit, with the server stopped, every view shows its figures and their age", async (t) => {
  const s = await host(t);
  const { page, errors } = await open(t, browser, s.url + "#/overview?unit=tay-ninh", hanoi);
  await page.locator('.card[data-index="ict_index"]').waitFor();
  await installed(page);
  assert.equal(await page.locator(".offline-age").count(), 0, "online, nothing is a stored copy");
  // A reader who never imports never downloads the import worker, not even into the cache.
  const cached = await page.evaluate(async () => {
    const app = (await caches.keys()).find((c) => c.startsWith("chiso-app-"));
    return (await (await caches.open(app)).keys()).map((r) => new URL(r.url).pathname);
  });
  assert.ok(cached.some((p) => /\/app-[0-9a-f]{16}\/chiso-web_bg\.wasm$/.test(p)), `the app's wasm is precached: ${cached}`);
  assert.deepEqual(cached.filter((p) => /import-worker|embed\.js/.test(p)), []);
  await s.close();
  await page.reload();
  const age = page.locator(".offline-age");
  await age.waitFor({ timeout: 30000 });
  assert.match(await age.textContent(), new RegExp(`^Dữ liệu ngoại tuyến, cập nhật ${await storedInHanoi(page, "manifest.json")}$`));
  assert.match(await page.locator('.card[data-index="ict_index"]').textContent(), /0,4582/);
  const views = [
    ["dossiers?unit=bac-kan", "#dossiers-intake", /58\.463/],
    ["services?unit=tien-giang-bql-kcn", "#services", /38[\s\S]*6[\s\S]*44/],
    ["procedures?unit=bac-kan", "#procedures", /14[\s\S]*207[\s\S]*93[\s\S]*198/],
    ["indices?unit=tay-ninh", "#index-ict_index-score", /0,4582/],
    ["compare?unit=bac-kan&indicator=dossiers.received&to=2020-Q2", "#compare", /58\.463/],
  ];
  for (const [route, card, figures] of views) {
    await page.evaluate((h) => (location.hash = h), `#/${route}`);
    await figuresReady(page, card);
    assert.match(await tableText(page, card), figures, route);
    assert.match(await age.textContent(), /Dữ liệu ngoại tuyến, cập nhật/, route);
  }
  // The file panel says which files are copies and offers a retry.
  assert.match(await page.locator('.last-good li[data-file="tay-ninh.json"]').textContent(), /đang hiển thị bản lưu lúc .*, vì không có mạng/);
  assert.equal(await page.locator(".last-good button.retry").textContent(), "Thử lại");
  await page.screenshot({ path: join(out, "pwa-offline-tablet.png"), fullPage: true });
  assert.deepEqual(errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(e)), []);
});

test("the worker is registered only once the first chart is shown: its install does not compete with the figures", async (t) => {
  const s = await host(t);
  const { page } = await fresh(t, browser, hanoi);
  // When the page asks to register, on its own clock.
  await page.addInitScript(() => {
    const container = navigator.serviceWorker;
    const register = container.register.bind(container);
    container.register = (...args) => {
      window.__registeredAt = performance.now();
      return register(...args);
    };
  });
  await page.goto(s.url + "#/dossiers");
  await figuresReady(page, "#dossiers-intake");
  await installed(page);
  const [chart, registered] = await page.evaluate(() => [performance.getEntriesByName("chiso:first-chart")[0]?.startTime, window.__registeredAt]);
  assert.ok(chart > 0 && registered > chart, `registered at ${registered} ms, the first chart at ${chart} ms`);
});

test("a file answering 500 shows its last good copy with its date; a retry that succeeds shows the new figures", async (t) => {
  let mode = "ok";
  const changed = sample("tay-ninh.json").replace('"value": 0.4582', '"value": 0.4711');
  const s = await host(t, {
    data: (name) => {
      if (name === "manifest.json") return { body: manifestOf(DATA) };
      if (name !== "tay-ninh.json" || mode === "ok") return null;
      return mode === "fail" ? { status: 500, type: "text/plain", body: "Internal Server Error" } : { body: changed };
    },
  });
  const { page } = await open(t, browser, s.url + "#/indices?unit=tay-ninh", hanoi);
  await figuresReady(page, "#index-ict_index-score");
  await installed(page);
  mode = "fail";
  await page.reload();
  const note = page.locator('.last-good li[data-file="tay-ninh.json"]');
  await note.waitFor({ timeout: 30000 });
  const when = await storedInHanoi(page, "tay-ninh.json");
  assert.equal(await note.textContent(), `tay-ninh.json: đang hiển thị bản lưu lúc ${when}, vì máy chủ báo lỗi HTTP 500`);
  assert.equal(await page.locator(".last-good li").count(), 1, "only the failed file is a copy");
  assert.equal(await page.locator(".offline-age").textContent(), `Dữ liệu ngoại tuyến, cập nhật ${when}`);
  await figuresReady(page, "#index-ict_index-score");
  assert.match(await tableText(page, "#index-ict_index-score"), /0,4582/);
  assert.match(await page.locator('li.file[data-file="tay-ninh.json"]').textContent(), /đã tải/);
  await page.screenshot({ path: join(out, "pwa-last-good.png"), fullPage: true });

  mode = "changed";
  await page.locator(".last-good button.retry").click();
  await page.waitForFunction(() => !document.querySelector(".last-good"), null, { timeout: 30000 });
  await figuresReady(page, "#index-ict_index-score");
  assert.match(await tableText(page, "#index-ict_index-score"), /0,4711/);
  assert.equal(await page.locator(".offline-age").count(), 0);
  // The new answer is now the last good copy.
  await page.reload();
  await figuresReady(page, "#index-ict_index-score");
  mode = "fail";
  await page.reload();
  await note.waitFor({ timeout: 30000 });
  await figuresReady(page, "#index-ict_index-score");
  assert.match(await tableText(page, "#index-ict_index-score"), /0,4711/);
});

test("a file that stalls past the worker's timeout (8 s) falls back the same way", async (t) => {
  let stall = false;
  const s = await host(t, {
    // The file as the page fetches it: its packed copy, which the manifest lists.
    data: (name) => (stall && name === "bac-kan.chiso" ? new Promise(() => {}) : null),
  });
  const { page } = await open(t, browser, s.url + "#/dossiers?unit=bac-kan", hanoi);
  await figuresReady(page, "#dossiers-intake");
  await installed(page);
  stall = true;
  const started = Date.now();
  await page.reload();
  const note = page.locator('.last-good li[data-file="bac-kan.json"]');
  await note.waitFor({ timeout: 30000 });
  const waited = Date.now() - started;
  assert.ok(waited >= 7500 && waited < 20000, `fell back after ${waited} ms`);
  assert.match(await note.textContent(), /vì máy chủ không trả lời kịp$/);
  await figuresReady(page, "#dossiers-intake");
  assert.match(await tableText(page, "#dossiers-intake"), /58\.463/);
  assert.match(await page.locator(".offline-age").textContent(), STAMP);
});

/// A copy of the build under another version: its folder, the version now served, and the newer.
async function newerBuild(t) {
  const next = await mkdtemp(join(tmpdir(), "chiso-next-"));
  t.after(() => rm(next, { recursive: true, force: true }));
  await cp(dist, next, { recursive: true });
  const old = await readFile(join(dist, "index.html"), "utf8").then((h) => h.match(/name="chiso-build" content="([0-9a-f]+)"/)[1]);
  const newer = old.split("").reverse().join("");
  for (const f of ["sw.js", "index.html"]) {
    const text = await readFile(join(next, f), "utf8");
    assert.ok(text.includes(old), f);
    await writeFile(join(next, f), text.replaceAll(old, newer));
  }
  return { next, old, newer };
}

test("a newer build at the same address is offered, and reloading into it shows the new version", async (t) => {
  const { next, old, newer } = await newerBuild(t);
  const first = await host(t);
  const { page, errors } = await open(t, browser, first.url + "#/dossiers?unit=bac-kan", desktop);
  await figuresReady(page, "#dossiers-intake");
  await installed(page);
  assert.equal(await build(page), old);
  await first.close();
  await host(t, { root: next, port: first.port });
  await page.reload();
  const offer = page.locator(".new-version");
  await offer.waitFor({ timeout: 30000 });
  assert.equal(await build(page), old, "the page still runs the version it opened with");
  assert.match(await offer.textContent(), /Có phiên bản mới/);
  await Promise.all([page.waitForEvent("load", { timeout: 30000 }), offer.locator("button").click()]);
  await page.waitForFunction((v) => document.querySelector('meta[name="chiso-build"]')?.content === v, newer, { timeout: 30000 });
  await figuresReady(page, "#dossiers-intake");
  assert.equal(await page.locator(".new-version").count(), 0);
  const caches = await page.evaluate(() => caches.keys());
  assert.deepEqual(caches.filter((c) => c.startsWith("chiso-app-")), [`chiso-app-${newer}`], "the old version's cache is gone");
  assert.deepEqual(errors, []);
});

test("a page left open for days asks for a newer build when it is shown again after an hour", async (t) => {
  const { next, old } = await newerBuild(t);
  const first = await host(t);
  const { page, errors } = await open(t, browser, first.url + "#/dossiers?unit=bac-kan", desktop);
  await figuresReady(page, "#dossiers-intake");
  await installed(page);
  await first.close();
  await host(t, { root: next, port: first.port });
  // The page's clock moved on by `ms`, then the page shown again (another tab, the screen woken).
  const shownAfter = (ms) =>
    page.evaluate((ms) => {
      const now = Date.now() + ms;
      Date.now = () => now;
      document.dispatchEvent(new Event("visibilitychange"));
    }, ms);
  await shownAfter(10 * 60 * 1000);
  await page.waitForTimeout(2000);
  assert.equal(await page.locator(".new-version").count(), 0, "within the hour, no check");
  await shownAfter(2 * 60 * 60 * 1000);
  const offer = page.locator(".new-version");
  await offer.waitFor({ timeout: 30000 });
  assert.match(await offer.textContent(), /Có phiên bản mới/);
  assert.equal(await build(page), old, "offered, not forced: the page runs on until the reader chooses");
  assert.deepEqual(errors, []);
});

test("a file the user opens survives a reload and is gone after Remove; one too big to keep is still shown", async (t) => {
  const s = await host(t);
  const { page, errors } = await open(t, browser, s.url + "#/dossiers?unit=bac-kan", desktop);
  await figuresReady(page, "#dossiers-intake");
  const mine = sample("bac-kan.json").replace('"value": 58463', '"value": 58999');
  await page.setInputFiles("#open-files", { name: "cua-toi.json", mimeType: "application/json", buffer: Buffer.from(mine) });
  const row = page.locator('li.file[data-file="cua-toi.json"]');
  await row.waitFor();
  assert.match(await row.textContent(), /tệp của bạn, lưu trong trình duyệt/);

  await page.reload();
  await row.waitFor({ timeout: 30000 });
  assert.match(await row.textContent(), /đã tải[\s\S]*tệp của bạn, lưu trong trình duyệt/);
  // Joined with the published files, as when it was opened: the same figure differs.
  assert.match(await page.locator("section.files").textContent(), /58999|58\.999/);

  await row.locator("button.remove").click();
  await page.waitForFunction(() => !document.querySelector('li.file[data-file="cua-toi.json"]'), null, { timeout: 30000 });
  await page.reload();
  await figuresReady(page, "#dossiers-intake");
  assert.equal(await row.count(), 0);

  // A national file, more than localStorage's 5 MB, is kept too.
  const national = sample("bac-kan.json").replace(/\}\s*$/, " ".repeat(12 << 20) + "}");
  await page.setInputFiles("#open-files", { name: "lon.json", mimeType: "application/json", buffer: Buffer.from(national) });
  const big = page.locator('li.file[data-file="lon.json"]');
  await big.waitFor({ timeout: 30000 });
  await page.waitForFunction(() => /lưu trong trình duyệt/.test(document.querySelector('li.file[data-file="lon.json"]')?.textContent ?? ""), null, { timeout: 30000 });
  await page.reload();
  await big.waitFor({ timeout: 30000 });
  assert.match(await big.textContent(), /đã tải[\s\S]*tệp của bạn, lưu trong trình duyệt/);
  await big.locator("button.remove").click();
  await page.waitForFunction(() => !document.querySelector('li.file[data-file="lon.json"]'), null, { timeout: 30000 });

  // Bigger than the browser lets this page store: said so, and the file is still checked and
  // shown. (The quota is set before the page opens its database, which reads it once.)
  const small = await fresh(t, browser, desktop);
  const cdp = await small.context.newCDPSession(small.page);
  await cdp.send("Storage.overrideQuotaForOrigin", { origin: new URL(s.url).origin, quotaSize: 1 << 20 });
  await small.page.goto(s.url + "#/dossiers?unit=bac-kan");
  await figuresReady(small.page, "#dossiers-intake");
  await small.page.setInputFiles("#open-files", { name: "qua-lon.json", mimeType: "application/json", buffer: Buffer.from(national) });
  const refused = small.page.locator('li.file[data-file="qua-lon.json"]');
  await refused.waitFor({ timeout: 30000 });
  assert.match(await refused.textContent(), /không lưu được: bộ nhớ của trình duyệt đã đầy/);
  await small.page.reload();
  await figuresReady(small.page, "#dossiers-intake");
  assert.equal(await refused.count(), 0);
  assert.deepEqual([...errors, ...small.errors], []);
});

test("a file an earlier version kept in localStorage still joins, and moves to IndexedDB", async (t) => {
  const s = await host(t);
  const { page, errors } = await open(t, browser, "about:blank", desktop);
  const mine = sample("bac-kan.json").replace('"value": 58463', '"value": 58777');
  await page.goto(s.url + "#/dossiers?unit=bac-kan");
  await page.evaluate((text) => localStorage.setItem("chiso.file:cu.json", text), mine);
  await page.reload();
  const row = page.locator('li.file[data-file="cu.json"]');
  await row.waitFor({ timeout: 30000 });
  assert.match(await row.textContent(), /đã tải[\s\S]*tệp của bạn, lưu trong trình duyệt/);
  assert.match(await page.locator("section.files").textContent(), /58777|58\.777/);
  assert.equal(await page.evaluate(() => localStorage.getItem("chiso.file:cu.json")), null, "moved out of localStorage");
  await page.reload();
  await row.waitFor({ timeout: 30000 });
  assert.deepEqual(errors, []);
});

test("under the strict CSP header the worker registers and the figures show with no violation", async (t) => {
  const s = await host(t, { csp: STRICT_CSP });
  const { page, errors } = await open(t, browser, s.url + "#/indices?unit=tay-ninh", tablet);
  await figuresReady(page, "#index-ict_index-score");
  await installed(page);
  // Controlled by the worker now: a reload goes through it, still without a violation.
  await page.reload();
  await figuresReady(page, "#index-ict_index-score");
  assert.match(await tableText(page, "#index-ict_index-score"), /0,4582/);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL), s.url + "sw.js");
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
});

test("the single-file build on file:// registers no worker and asks for no sw.js", async (t) => {
  const { page, context, errors } = await open(t, browser, "about:blank", { ...desktop, offline: true });
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  await page.goto("file://" + join(dist, "chiso-offline.html") + "#/dossiers?unit=bac-kan");
  await figuresReady(page, "#dossiers-intake");
  // Long enough for a registration to have asked for its script.
  await page.waitForTimeout(1000);
  assert.deepEqual(requests.filter((r) => /sw\.js|manifest\.webmanifest/.test(r)), []);
  assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null);
  assert.equal(await page.locator(".new-version, .offline-age").count(), 0);
  assert.deepEqual(errors, []);
});
