// The first paint does not wait for the code: index.html's static shell (title bar, navigation,
// a card the first chart's size) shows while the wasm is held back, under the strict CSP, and
// gives way to the app with nothing doubled; an embed's shell has no dashboard chrome. The data
// is in flight with the code: the default manifest and its files are requested before the wasm
// has arrived, each once (the app takes the shell script's answers), through the service worker
// too; another data set (`?data=`) has the document it names requested ahead, and nothing of the
// default. The single-file build shows the shell and fetches nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { launch, fresh, out, dist, serve, figuresReady, tablet, STRICT_CSP, violations, slowLine, resources } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const NAV = ["Tổng quan", "Hồ sơ", "Dịch vụ công", "TTHC và PAKN", "Chỉ số", "Thành phần", "So sánh"];
const DATA = ["manifest.json", ...["tay-ninh", "bac-kan", "tien-giang-kcn", "minh-hoa"].flatMap((n) => [`${n}.json`, `${n}.chiso`])];
/// The default data's files as the page fetches them: the manifest, and each validated file's
/// packed copy in place of its JSON.
const ONCE_PACKED = Object.fromEntries(DATA.map((f) => [f, f.endsWith(".chiso") || f === "manifest.json" ? 1 : 0]));

/// Serves dist/ gzip-compressed under the strict CSP, counting the requests for each path; with
/// `hold`, the wasm is answered only once `release()` is called; with `worker: false`, the service
/// worker is one that does nothing (its install would fetch the data files too).
async function host(t, { hold = false, worker = true } = {}) {
  const hits = {};
  let release = () => {};
  const held = hold ? new Promise((ok) => (release = ok)) : null;
  const s = await serve(dist, {
    encoding: "gzip",
    headers: () => ({ "content-security-policy": STRICT_CSP }),
    override: async (path) => {
      hits[path] = (hits[path] ?? 0) + 1;
      if (!worker && path === "/sw.js") return { type: "text/javascript", body: "// none in this test\n" };
      if (held && path.endsWith("_bg.wasm")) {
        await held;
        return { type: "application/wasm", body: await readFile(join(dist, path)) };
      }
      return null;
    },
  });
  t.after(() => s.close());
  const dataHits = () => Object.fromEntries(DATA.map((f) => [f, hits[`/data/${f}`] ?? 0]));
  return { url: s.url, hits, dataHits, release: () => release() };
}

/// Waits until the server has been asked for a path ending with `suffix`.
async function requested(hits, suffix) {
  const deadline = Date.now() + 15000;
  while (!Object.keys(hits).some((p) => p.endsWith(suffix))) {
    assert.ok(Date.now() < deadline, `no request for …${suffix}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

// As shown: the shell holds each word in both languages and shows the reader's.
const navLabels = (page, scope) => page.locator(`${scope} nav.views a`).allInnerTexts();
const NAV_EN = ["Overview", "Dossiers", "Services", "Procedures", "Indices", "Components", "Compare"];
const paints = (page) => page.evaluate(() => performance.getEntriesByType("paint").map((e) => e.name));

test("the shell paints the title, the navigation and a chart-sized card while the wasm is held back, then gives way to the app", async (t) => {
  const site = await host(t, { hold: true });
  const { page, errors } = await fresh(t, browser, tablet);
  await page.goto(site.url + "#/dossiers?unit=da-nang", { waitUntil: "commit" });
  await requested(site.hits, "_bg.wasm");
  await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
  assert.ok((await paints(page)).includes("first-contentful-paint"), "a paint with content before the wasm");
  assert.equal(await page.locator("header.top h1").textContent(), "Chỉ số");
  assert.deepEqual(await navLabels(page, "#shell"), NAV);
  // The view in the address is the one marked, as the app will mark it.
  const marked = await page.locator('#shell nav.views a[data-view="dossiers"]').evaluate((a) => getComputedStyle(a).fontWeight);
  assert.equal(marked, "600");
  const card = await page.locator("#shell figure.placeholder").boundingBox();
  assert.ok(card && card.width > 700 && card.height >= 260, `placeholder ${JSON.stringify(card)}`);
  assert.equal(await page.locator("#shell .loading").innerText(), "Đang tải…");
  await page.screenshot({ path: join(out, "shell-held.png") });

  site.release();
  await figuresReady(page, "#dossiers-intake");
  assert.equal(await page.locator("#dossiers-intake canvas").count(), 1);
  assert.equal(await page.locator("#shell").count(), 0, "the shell is gone");
  assert.equal(await page.locator("header.top").count(), 1, "one title bar");
  assert.equal(await page.locator("h1").count(), 1);
  assert.equal(await page.locator("figure.placeholder").count(), 0);
  assert.deepEqual(await navLabels(page, "main"), NAV, "the app's navigation has the shell's labels");
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute("data-shell-view")), false);
  // The placeholder stood where the first chart now is, about its size.
  const real = await page.locator("#dossiers-intake").boundingBox();
  assert.ok(Math.abs(real.y - card.y) < 8, `card top ${card.y} → ${real.y}`);
  assert.ok(Math.abs(real.height - card.height) < 0.25 * real.height, `card height ${card.height} → ${real.height}`);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
});

test("the shell speaks the reader's language: the address's, else the one last chosen; an embed only the address's", async (t) => {
  const site = await host(t, { hold: true });
  const held = async (page, address) => {
    await page.goto(site.url + address, { waitUntil: "commit" });
    await requested(site.hits, "_bg.wasm");
    await page.waitForSelector("#shell figure.placeholder", { state: "visible" });
  };
  const { page, errors } = await fresh(t, browser, tablet);
  await held(page, "#/indices?lang=en");
  assert.deepEqual(await navLabels(page, "#shell"), NAV_EN);
  assert.equal(await page.locator("#shell .tagline").innerText(), "Administrative-reform indicators");
  assert.equal(await page.locator("#shell .loading").innerText(), "Loading…");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");

  // A reader who chose English before sees it with no `lang=` in the address.
  const again = await fresh(t, browser, tablet);
  await again.page.addInitScript(() => localStorage.setItem("chiso.lang", "en"));
  await held(again.page, "#/dossiers");
  assert.deepEqual(await navLabels(again.page, "#shell"), NAV_EN);
  // The address wins over what was remembered, and an embed ignores what was remembered.
  // (A query of its own each time: a change of the hash alone would not load the page anew.)
  await held(again.page, "?n=2#/dossiers?lang=vi");
  assert.deepEqual(await navLabels(again.page, "#shell"), NAV);
  await held(again.page, "?n=3#/embed/dossiers/dossiers-intake");
  assert.equal(await again.page.locator("#shell .loading").innerText(), "Đang tải…");

  site.release();
  await figuresReady(again.page, "#dossiers-intake");
  await page.waitForSelector("main nav.views a");
  assert.deepEqual(await navLabels(page, "main"), NAV_EN, "the app's navigation has the shell's labels");
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(again.errors, []);
});

test("an embed's shell shows the card and no dashboard chrome before the wasm, then the embed alone", async (t) => {
  const site = await host(t, { hold: true });
  const { page, errors } = await fresh(t, browser, tablet);
  await page.goto(site.url + "#/embed/dossiers/dossiers-intake?unit=bac-kan", { waitUntil: "commit" });
  await requested(site.hits, "_bg.wasm");
  await page.waitForSelector("#shell figure.placeholder", { state: "visible" });
  for (const chrome of ["header.top", "nav.views", ".controls"]) {
    assert.equal(await page.locator(`#shell ${chrome}`).isVisible(), false, chrome);
  }
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), "rgb(255, 255, 255)");

  site.release();
  await figuresReady(page, "#dossiers-intake");
  assert.equal(await page.locator("#shell").count(), 0);
  for (const chrome of ["header.top", "nav.views", ".controls"]) assert.equal(await page.locator(chrome).count(), 0, chrome);
  assert.equal(await page.locator("figure.chart").count(), 1);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
});

/// Opens `address` on a slow line without the service worker, until the dossiers' first chart;
/// asserts that each of `files` (in data/) was requested before the wasm had arrived, and that
/// the app took every early answer (one it did not would show twice at the server).
async function earlyFetches(t, address, files) {
  const site = await host(t, { worker: false });
  const { page, context, errors } = await fresh(t, browser, tablet);
  await slowLine(context, page);
  await page.goto(site.url + address, { waitUntil: "commit" });
  await figuresReady(page, "#dossiers-intake");
  const timing = await resources(page);
  const wasm = timing.find((e) => e.name.endsWith("_bg.wasm"));
  for (const f of files) {
    const entry = timing.find((e) => e.name === `/data/${f}`);
    assert.ok(entry, `${f} has a timing entry`);
    assert.ok(entry.start < wasm.end, `${f} started at ${entry.start} ms, the wasm ended at ${wasm.end} ms`);
  }
  assert.equal(await page.evaluate(() => window.chisoEarly.size), 0, "the app took every early answer");
  return { site, page, errors, timing, wasm };
}

test("the default data the first chart needs is requested before the wasm has arrived, and each file once", async (t) => {
  // The manifest, then the file of the unit shown (it holds dossiers); the rest follow the chart.
  const { site, page, errors } = await earlyFetches(t, "#/dossiers", ["manifest.json", "bac-kan.chiso"]);
  await page.waitForFunction(() => !document.querySelector(".pending-files"), null, { timeout: 60000 });
  assert.deepEqual(site.dataHits(), ONCE_PACKED);
  assert.deepEqual(errors, []);
});

test("through the service worker the early fetches are used and each file is fetched once", async (t) => {
  const site = await host(t);
  const { page, errors } = await fresh(t, browser, tablet);
  await page.goto(site.url + "#/dossiers");
  await figuresReady(page, "#dossiers-intake");
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  // The worker's install stores the data too; count the controlled reload's requests alone.
  await page.waitForTimeout(1000);
  for (const k of Object.keys(site.hits)) delete site.hits[k];
  await page.reload();
  await figuresReady(page, "#dossiers-intake");
  await page.waitForTimeout(1000);
  assert.deepEqual(await page.evaluate(() => [...window.chisoEarly.keys()]), []);
  assert.deepEqual(site.dataHits(), ONCE_PACKED);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
});

test("another data set (?data=) is requested before the wasm has arrived, once, and nothing of the default", async (t) => {
  const { site, errors } = await earlyFetches(t, "?data=data/bac-kan.json#/dossiers?unit=bac-kan", ["bac-kan.json"]);
  assert.deepEqual(site.dataHits(), { ...Object.fromEntries(DATA.map((f) => [f, 0])), "bac-kan.json": 1 });
  assert.deepEqual(errors, []);
});

test("another data set's manifest (?data=) and the file its view needs are requested before the wasm has arrived, each once", async (t) => {
  // The industrial zones board's file (its packed copy), not Bắc Kạn's, which the default view wants.
  const address = "?data=data/manifest.json#/dossiers?unit=tien-giang-bql-kcn";
  const { site, page, errors, timing, wasm } = await earlyFetches(t, address, ["manifest.json", "tien-giang-kcn.chiso"]);
  const bacKan = timing.find((e) => e.name === "/data/bac-kan.chiso");
  assert.ok(!bacKan || bacKan.start > wasm.end, "a file the view does not need waits for the app");
  await page.waitForFunction(() => !document.querySelector(".pending-files"), null, { timeout: 60000 });
  assert.deepEqual(site.dataHits(), ONCE_PACKED);
  assert.deepEqual(errors, []);
});

test("the single-file build carries the shell, fetches nothing and replaces the shell with the app", async (t) => {
  const file = join(dist, "chiso-offline.html");
  const text = await readFile(file, "utf8");
  assert.match(text, /<div id="shell">/);
  assert.match(text, /^const PRELOAD = \[\]; \/\/ written by the build$/m);
  const { page, context, errors } = await fresh(t, browser, tablet);
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href + "#/dossiers");
  await figuresReady(page, "#dossiers-intake");
  assert.equal(await page.locator("#shell").count(), 0);
  assert.equal(await page.locator("header.top").count(), 1);
  assert.deepEqual(requests.filter((u) => /\/data\//.test(u)), []);
  assert.deepEqual(errors, []);
});

test("a wasm trap (a panic aborts at once in the release build) tells the reader the page has stopped; other errors do not", async (t) => {
  const site = await host(t);
  const { page, errors } = await fresh(t, browser, tablet);
  await page.goto(site.url + "#/dossiers?unit=da-nang");
  await figuresReady(page, "#dossiers-intake");
  // A script error that is not the wasm's leaves the page as it is.
  await page.evaluate(() => setTimeout(() => { throw new TypeError("not ours"); }));
  await page.waitForTimeout(100);
  assert.equal(await page.locator("#stopped").count(), 0);
  // What a trap in an event handler or a task looks like to the page, thrown and rejected.
  await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError("unreachable"); }));
  const note = page.locator('#stopped[role="alert"]');
  await note.waitFor();
  assert.equal(await note.textContent(), "Chỉ số đã dừng vì một lỗi: hãy tải lại trang. / Chỉ số stopped on an error: please reload the page.");
  await page.evaluate(() => {
    Promise.reject(new WebAssembly.RuntimeError("unreachable"));
  });
  await page.waitForTimeout(100);
  assert.equal(await page.locator("#stopped").count(), 1, "said once");
  assert.ok(errors.length >= 2 && errors.every((e) => /not ours|unreachable/.test(e)), errors.join("\n"));
});
