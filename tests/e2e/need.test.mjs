// Fetching by need, in headless Chromium: a manifest that says what each file holds lets the
// page fetch first the files the view on screen draws, and the rest once the first chart is
// painted (an embed fetches no others); an older manifest's files are all fetched first, as
// before.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { counted, launch, open, site, sample, manifestOf, figuresReady, tableText, resources, tablet } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** When the first chart was drawn, and when each data file was requested (ms, page clock). */
async function timeline(page) {
  const chart = await page.evaluate(() => performance.getEntriesByName("chiso:first-chart")[0]?.startTime);
  const files = Object.fromEntries(
    (await resources(page)).filter((r) => r.name.includes("/data/")).map((r) => [r.name.replace(/^.*\/data\//, ""), r.start]),
  );
  return { chart, files };
}

const allJoined = (page) => page.waitForFunction(() => !document.querySelector(".pending-files"), null, { timeout: 30000 });

test("the first chart is drawn from its unit's files; the others are fetched after it, once each, and join the page", async (t) => {
  const { page, errors } = await open(t, browser, "about:blank", tablet);
  const requested = counted(page);
  const s = await site(t);
  await page.goto(s.url + "#/dossiers");
  await figuresReady(page, "#dossiers-intake");
  assert.match(await page.locator("#dossiers-intake h2").innerText(), /Bắc Kạn/, "the default unit, whose file holds dossiers");
  await allJoined(page);
  const { chart, files } = await timeline(page);
  assert.ok(chart > 0, "the first chart is marked");
  // Each validated file comes as its packed copy, and none as JSON.
  assert.ok(files["bac-kan.chiso"] < chart, "its unit's file came first");
  for (const later of ["tay-ninh.chiso", "tien-giang-kcn.chiso", "pci.chiso", "minh-hoa.chiso"]) {
    assert.ok(files[later] > chart, `${later} was requested after the first chart (${files[later]} vs ${chart} ms)`);
  }
  // The shell's early fetches and the app's agree: no file was asked for twice.
  assert.deepEqual(Object.values(requested).filter((n) => n !== 1), [], JSON.stringify(requested));
  assert.deepEqual(Object.keys(requested).filter((f) => f.endsWith(".json")), ["manifest.json"]);
  // The files that came later are in the page: another unit, and the index all provinces share.
  await page.evaluate(() => (location.hash = "#/components?unit=tay-ninh&index=pci&to=2019"));
  await page.waitForFunction(() => /Tây Ninh/.test(document.querySelector("main h2")?.textContent ?? ""));
  assert.deepEqual(errors, []);
});

test("an embed fetches the files its view needs and no others; asked for another unit, it loads what that one needs", async (t) => {
  const { page, errors } = await open(t, browser, "about:blank", tablet);
  const requested = counted(page);
  const s = await site(t);
  await page.goto(s.url + "#/embed/dossiers/dossiers-intake?unit=bac-kan");
  await figuresReady(page, "#dossiers-intake");
  assert.match(await page.locator("#dossiers-intake h2").innerText(), /Bắc Kạn/);
  // Long after its chart, still nothing else: the portal's page downloads what it shows.
  await page.waitForTimeout(1500);
  assert.deepEqual(requested, { "manifest.json": 1, "bac-kan.chiso": 1 });
  assert.equal(await page.locator(".pending-files").count(), 0, "no files are said to be on their way");
  // The portal points the frame at another unit: the embed loads again, with that unit's file.
  await page.evaluate(() => (location.hash = "#/embed/indices/index-ict_index-score?unit=tay-ninh"));
  await figuresReady(page, "#index-ict_index-score");
  assert.match(await page.locator("#index-ict_index-score h2").innerText(), /Tây Ninh/);
  assert.equal(requested["tay-ninh.chiso"], 1, JSON.stringify(requested));
  assert.equal(requested["tien-giang-kcn.chiso"], undefined, JSON.stringify(requested));
  assert.deepEqual(errors, []);
});

test("an embed of a unit no file holds shows the default unit, with every file", async (t) => {
  const { page, errors } = await open(t, browser, "about:blank", tablet);
  const requested = counted(page);
  const s = await site(t);
  await page.goto(s.url + "#/embed/dossiers/dossiers-intake?unit=khong-co");
  await figuresReady(page, "#dossiers-intake");
  assert.match(await page.locator("#dossiers-intake h2").innerText(), /Bắc Kạn/);
  for (const f of ["bac-kan", "tay-ninh", "tien-giang-kcn", "pci", "minh-hoa"]) assert.ok(requested[`${f}.chiso`] >= 1, `${f}: ${JSON.stringify(requested)}`);
  assert.deepEqual(errors, []);
});

test("a comparison waits for every file that holds its indicator, and only those", async (t) => {
  const s = await site(t);
  // The shell's early fetches follow the same rule.
  const { page } = await open(t, browser, s.url + "?data=data/manifest.json#/compare?indicator=pci.score&unit=tay-ninh", tablet);
  await page.waitForFunction(() => performance.getEntriesByName("chiso:first-chart").length > 0, null, { timeout: 30000 });
  await allJoined(page);
  const { chart, files } = await timeline(page);
  for (const first of ["tay-ninh.chiso", "pci.chiso"]) assert.ok(files[first] < chart, `${first} before the chart`);
  for (const later of ["bac-kan.chiso", "tien-giang-kcn.chiso", "minh-hoa.chiso"]) {
    assert.ok(files[later] > chart, `${later} after the chart`);
  }
});

test("an older manifest, which does not say what its files hold, has every file fetched before the first chart", async (t) => {
  const names = ["bac-kan.json", "tay-ninh.json", "tien-giang-kcn.json"];
  const s = await site(t, { files: { "manifest.json": manifestOf(names) } });
  const { page } = await open(t, browser, s.url + "#/dossiers?unit=bac-kan", tablet);
  await figuresReady(page, "#dossiers-intake");
  const { chart, files } = await timeline(page);
  for (const name of names) assert.ok(files[name] < chart, `${name} before the chart`);
  assert.equal(await page.locator(".pending-files").count(), 0);
});

/** A site whose manifest lists Bắc Kạn's file, then `count` files of other units, each answered
 *  by `answer` (by default never: each holds its place in flight), then Tây Ninh's file if `last`. */
async function withOthers(t, count, { answer = () => new Promise(() => {}), last = false } = {}) {
  const others = Array.from({ length: count }, (_, k) => `don-vi-${k + 1}.json`);
  const holding = (unit, family = "dossiers") => ({ units: [unit], families: [family] });
  const entries = [{ path: "bac-kan.json", holds: holding("bac-kan") }, ...others.map((path, k) => ({ path, holds: holding(`don-vi-${k + 1}`) }))];
  const files = { "bac-kan.json": sample("bac-kan.json"), ...Object.fromEntries(others.map((name) => [name, answer])) };
  if (last) {
    entries.push({ path: "tay-ninh.json", holds: holding("tay-ninh", "ict_index") });
    files["tay-ninh.json"] = sample("tay-ninh.json");
  }
  return site(t, { files: { "manifest.json": JSON.stringify({ format: "chiso-manifest/1", files: entries }), ...files } });
}

test("many files still on their way are counted, not listed; the charts stay on screen meanwhile", async (t) => {
  const s = await withOthers(t, 6);
  const { page } = await open(t, browser, s.url + "#/dossiers", tablet);
  await figuresReady(page, "#dossiers-intake");
  assert.match(await tableText(page, "#dossiers-intake"), /58\.463/, "Bắc Kạn's figures");
  assert.match(await page.locator(".pending-files").innerText(), /Đang tải: 6 tệp\./);
});

test("a long list's other files are fetched sixteen at a time", async (t) => {
  const s = await withOthers(t, 40);
  const { page } = await open(t, browser, "about:blank", tablet);
  const requested = [];
  page.on("request", (r) => {
    const m = r.url().match(/\/data\/(don-vi-\d+\.json)$/);
    if (m) requested.push(m[1]);
  });
  await page.goto(s.url + "#/dossiers");
  await figuresReady(page, "#dossiers-intake");
  await page.waitForFunction(() => /40 tệp/.test(document.querySelector(".pending-files")?.textContent ?? ""));
  // Time for more to start, were they not held back.
  await page.waitForTimeout(1500);
  assert.equal(requested.length, 16, requested.join(" "));
  assert.deepEqual(requested.slice(0, 3), ["don-vi-1.json", "don-vi-2.json", "don-vi-3.json"], "in the manifest's order");
});

test("a unit asked for while the other files are still coming has its file fetched next", async (t) => {
  // Each of the others answers, with nothing, after a while: sixteen at a time take 40 × 0.6 s / 16.
  const answer = () => new Promise((ok) => setTimeout(() => ok({ status: 404, body: "not found" }), 600));
  const s = await withOthers(t, 40, { answer, last: true });
  const { page } = await open(t, browser, "about:blank", tablet);
  const requested = [];
  page.on("request", (r) => {
    const m = r.url().match(/\/data\/((?:don-vi-\d+|tay-ninh)\.json)$/);
    if (m) requested.push(m[1]);
  });
  await page.goto(s.url + "#/dossiers");
  await figuresReady(page, "#dossiers-intake");
  await page.evaluate(() => (location.hash = "#/overview?unit=tay-ninh"));
  await page.waitForFunction(() => /Tây Ninh/.test(document.querySelector("main h2")?.textContent ?? ""), null, { timeout: 30000 });
  // In the manifest's order it would be the 41st; asked for, it takes the first place that frees.
  const place = requested.indexOf("tay-ninh.json");
  assert.ok(place >= 0 && place <= 32, `tay-ninh.json was request ${place + 1}: ${requested.join(" ")}`);
});

