// The release build in headless Chromium: what a user sees on a tablet and a desktop, what a
// broken or hostile file does, and the page under a strict Content-Security-Policy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serve, launch, open, dist, out, site, manifestOf, chartReady, figuresReady, tableText, sample, tablet, desktop, STRICT_CSP, violations } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("the dossiers chart and its table show the sample figures, on a tablet and a desktop", async (t) => {
  const s = await site(t);
  for (const [name, options] of [["tablet-800x1280", tablet], ["desktop-1920x1080", desktop]]) {
    const { page, errors } = await open(t, browser, s.url + "#/dossiers", options);
    // One quarter of figures: its table, open, not a chart of one bar.
    await figuresReady(page, "#dossiers-intake");
    const intake = page.locator("#dossiers-intake");
    assert.match(await intake.locator("h2").textContent(), /Hồ sơ tiếp nhận – Bắc Kạn/);
    assert.equal(await intake.locator("canvas").count(), 0);
    const table = await intake.locator("table").textContent();
    assert.match(table, /quý II\/2020/);
    assert.match(table, /58\.463/);
    assert.match(table, /6\.687/);
    assert.match(table, /11,4 %/);
    assert.match(await intake.locator(".source").textContent(), /quý II năm 2020 của tỉnh Bắc Kạn/);
    assert.match(await tableText(page, "#dossiers-outcome"), /57\.064[\s\S]*1\.399/);
    await page.screenshot({ path: join(out, `dossiers-${name}.png`), fullPage: true });
    // A unit with years of figures gets its chart, crisp on a high-density screen: the
    // backing store has the device's pixels.
    await page.goto(s.url + "#/dossiers?unit=da-nang");
    await chartReady(page);
    const canvas = page.locator("#dossiers-intake canvas");
    const [css, backing] = await canvas.evaluate((c) => [c.getBoundingClientRect().width, c.width]);
    assert.equal(backing, Math.round(Math.floor(css) * (options.deviceScaleFactor ?? 1)));
    assert.match(await canvas.getAttribute("aria-label"), /Hồ sơ tiếp nhận – Đà Nẵng/);
    assert.deepEqual(errors, []);
  }
});

test("touching a bar shows the exact figure, its period and its source", async (t) => {
  const s = await site(t);
  const { page, errors } = await open(t, browser, s.url + "#/dossiers?unit=da-nang&from=2020-Q1&to=2020-Q4", tablet);
  await chartReady(page);
  // The table opened first: a tap on its summary would close a read-out.
  await tableText(page, "#dossiers-intake");
  const canvas = page.locator("#dossiers-intake canvas");
  const box = await canvas.boundingBox();
  const at = [box.x + box.width / 2, box.y + box.height * 0.6];
  await page.touchscreen.tap(...at);
  const tip = page.locator("#dossiers-intake .tooltip");
  await tip.waitFor({ timeout: 5000 });
  const text = await tip.textContent();
  const period = await tip.locator("strong").textContent();
  assert.match(period, /^quý (I|II|III|IV)\/2020$/);
  // The quarter's figures, as its row in the table has them, each with its report.
  const row = page.locator("#dossiers-intake tbody tr", { has: page.locator("th", { hasText: new RegExp(`^${period}$`) }) });
  const figures = (await row.locator("td").allTextContents()).filter((c) => /\d/.test(c));
  assert.ok(figures.length >= 2, figures.join(" "));
  for (const f of figures) assert.ok(text.includes(`: ${f}`), `${f} not in ${text}`);
  assert.match(text, /Báo cáo kết quả cải cách hành chính năm 2020/);
  await page.screenshot({ path: join(out, "tooltip-tablet.png") });
  // A second tap on the same period closes it.
  await page.touchscreen.tap(...at);
  await tip.waitFor({ state: "detached", timeout: 5000 });
  // So does a tap anywhere else on the page.
  await page.touchscreen.tap(...at);
  await tip.waitFor({ timeout: 5000 });
  await page.touchscreen.tap(20, 20);
  await tip.waitFor({ state: "detached", timeout: 5000 });
  assert.deepEqual(errors, []);
});

test("another unit, and English, change the figures as readers expect", async (t) => {
  const s = await site(t);
  const { page, errors } = await open(t, browser, s.url + "#/dossiers?lang=en&unit=tien-giang-bql-kcn", desktop);
  await figuresReady(page, "#dossiers-intake");
  const table = await tableText(page, "#dossiers-intake");
  assert.match(table, /quý III \(28 May 2020–28 Aug 2020\)/);
  assert.match(await page.locator("#dossiers-intake h2").textContent(), /Dossiers received/);
  // The card of figures follows the unit and the language.
  await page.selectOption("#unit", "bac-kan");
  await page.waitForFunction(() => /58,463/.test(document.querySelector("#dossiers-intake table")?.textContent ?? ""));
  assert.match(await tableText(page, "#dossiers-intake"), /Q2 2020/);
  await page.click("text=VI");
  await page.waitForFunction(() => /58\.463/.test(document.querySelector("#dossiers-intake table")?.textContent ?? ""));
  assert.equal(await page.evaluate(() => document.documentElement.lang), "vi");
  assert.deepEqual(errors, []);
});

test("after a change of unit, a chart off the screen is blank until scrolled to or printed, never the old unit's", async (t) => {
  const s = await site(t);
  const { page, errors } = await open(t, browser, s.url + "#/indices?unit=da-nang", tablet);
  await chartReady(page, "figure.chart canvas");
  const canvases = page.locator("figure.chart canvas");
  const count = await canvases.count();
  assert.ok(count >= 6, `${count} charts`);
  const first = canvases.first();
  const last = canvases.nth(count - 1);
  const blank = (c) => c.evaluate((el) => el.getContext("2d").getImageData(0, 0, el.width, el.height).data.every((v, i) => i % 4 !== 3 || v === 0));
  const title = (c) => c.evaluate((el) => el.closest("figure").querySelector("h2").textContent);
  assert.ok(!(await last.isVisible()) || (await last.boundingBox()).y > 2 * 1280, "the last chart is far below");

  await page.evaluate(() => (location.hash = "#/indices?unit=can-tho"));
  await page.waitForFunction(() => /Cần Thơ/.test(document.querySelector("figure.chart h2")?.textContent ?? ""));
  await chartReady(page, "figure.chart canvas");
  assert.match(await title(last), /Cần Thơ/);
  assert.equal(await blank(last), true, "not drawn while far off the screen");
  // Scrolled to, it shows the new unit's figures.
  await chartReady(page, `#${await last.evaluate((el) => el.closest("figure").id)} canvas`);
  assert.equal(await blank(last), false);

  // The first chart, now far above, waits in turn; printing draws it.
  await page.evaluate(() => (location.hash = "#/indices?unit=da-nang"));
  await page.waitForFunction(() => /Đà Nẵng/.test(document.querySelector("figure.chart h2")?.textContent ?? ""));
  await page.waitForFunction(() => {
    const cs = document.querySelectorAll("figure.chart canvas");
    const c = cs[cs.length - 1];
    return c.getContext("2d").getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v !== 0);
  });
  assert.equal(await blank(first), true);
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  assert.equal(await blank(first), false);
  assert.deepEqual(errors, []);
});

test("a broken file among good ones shows its error while the good figures still show", async (t) => {
  const cut = sample("tay-ninh.json").slice(0, 700);
  const s = await site(t, {
    files: {
      "manifest.json": manifestOf(["broken.json", "bac-kan.json", "missing.json", "minh-hoa.json"]),
      "broken.json": cut,
    },
  });
  const { page } = await open(t, browser, s.url + "#/dossiers", desktop);
  await figuresReady(page, "#dossiers-intake");
  assert.match(await tableText(page, "#dossiers-intake"), /58\.463/);
  const broken = await page.locator('li.file[data-file="broken.json"]').textContent();
  assert.match(broken, /bị từ chối/);
  assert.match(broken, /broken\.json:\d+:\d+: lỗi: tệp bị cắt cụt/);
  const missing = await page.locator('li.file[data-file="missing.json"]').textContent();
  assert.match(missing, /404/);
  // Every failed fetch can be retried from the panel.
  assert.match(await page.locator("section.files button.reload").textContent(), /Tải lại số liệu/);
  await page.screenshot({ path: join(out, "broken-file.png"), fullPage: true });
});

test("markup in a unit name is shown as text and runs nothing", async (t) => {
  const hostile = sample("bac-kan.json").replace('"name": "Bắc Kạn"', '"name": "<img src=x onerror=window.__owned=1>"');
  const s = await site(t, { files: { "manifest.json": manifestOf(["bac-kan.json"]), "bac-kan.json": hostile } });
  const { page, errors } = await open(t, browser, s.url + "#/dossiers", desktop);
  await figuresReady(page, "#dossiers-intake");
  assert.match(await page.locator("#dossiers-intake h2").textContent(), /<img src=x onerror=window.__owned=1>/);
  assert.equal(await page.locator("main img").count(), 0);
  assert.equal(await page.evaluate(() => window.__owned), undefined);
  assert.deepEqual(errors, []);
});

test("the whole site runs under the strict CSP header, and from a sub-path", async (t) => {
  const s = await site(t, { csp: STRICT_CSP });
  const { page, errors } = await open(t, browser, s.url + "#/overview?unit=tay-ninh", desktop);
  await page.locator('.card[data-index="ict_index"]').waitFor();
  // Every view with its figures, drawn on canvas or shown as tables.
  for (const [hash, card, figure] of [
    ["#/dossiers?unit=da-nang", "#dossiers-intake", /\d\.\d{3}/],
    ["#/services?unit=tien-giang-bql-kcn", "#services", /38/],
    ["#/procedures?unit=bac-kan", "#procedures", /207/],
    ["#/indices?unit=tay-ninh", "#index-ict_index-score", /0,4582/],
    ["#/compare?unit=bac-kan&indicator=dossiers.received&to=2020-Q2", "#compare", /58\.463/],
  ]) {
    await page.goto(s.url + hash);
    await figuresReady(page, card);
    assert.match(await tableText(page, card), figure);
  }
  // What the page makes on demand: the embed dialog and the exports (blob: and data: URLs).
  await page.goto(s.url + "#/dossiers?unit=da-nang");
  await figuresReady(page, "#dossiers-intake");
  await page.locator("#dossiers-intake button.embed-open").click();
  await page.locator("dialog[open] textarea").first().waitFor();
  await page.keyboard.press("Escape");
  for (const kind of ["png", "svg", "csv"]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(`#dossiers-intake .export-${kind}`)]);
    assert.match(download.suggestedFilename(), new RegExp(`\\.${kind}$`));
  }
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);

  // Served from /portal/chiso/ instead of the root: every URL in the build is relative.
  const sub = await serve(join(dist, ".."), {});
  t.after(() => sub.close());
  const nested = await open(t, browser, sub.url + "dist/#/dossiers?unit=da-nang", desktop);
  await chartReady(nested.page);
  assert.deepEqual(nested.errors, []);
});
