// Injection in headless Chromium: a metric file whose every text field carries markup, script
// and formula payloads (tests/fixtures/hostile.json), listed under a file name that is itself a
// payload, next to a good file. Over every view (the brief, compare, indices…), the file panel
// and the tooltips, nothing runs (the canary the payloads set stays unset), no element they
// describe appears, and their text shows as text.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, open, site, sample, desktop } from "./support.mjs";
import { root } from "../../scripts/lib/harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const hostile = readFileSync(join(root, "tests/fixtures/hostile.json"), "utf8");
const NAME = `<img src=x onerror="window.__pwned='file'">.json`;
const manifest = JSON.stringify({
  format: "chiso-manifest/1",
  files: [{ path: NAME }, { path: "bac-kan.json" }],
  "<svg onload=window.__pwned='manifest'>": "{{constructor.constructor('window.__pwned=1')()}}",
});
const F1 = encodeURIComponent("=cmd|' /C calc'!A0");

const VIEWS = [
  "#/overview?unit=tay-ninh",
  "#/dossiers?unit=tay-ninh",
  "#/indices?unit=tay-ninh",
  "#/compare?unit=tay-ninh&indicator=pci.score",
  `#/compare?unit=tay-ninh&indicator=${encodeURIComponent("-2+3")}`,
  `#/overview?unit=${F1}&lang=en`,
  `#/compare?unit=${F1}&indicator=pci.score&lang=en`,
  "#/dossiers?unit=tay-ninh&lang=en",
];

/** Whatever a payload would have left behind: the canary, handlers, script, links. */
const traces = () =>
  [
    window.__pwned !== undefined && `canary ${window.__pwned}`,
    ...[...document.querySelectorAll("body *")].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
    ...[...document.querySelectorAll("img[src=x], body script, iframe, object, embed")].map((el) => el.tagName),
    ...[...document.querySelectorAll("a[href]")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href"))).map((a) => `link ${a.getAttribute("href")}`),
  ].filter(Boolean);

test("markup and script in every text field run nothing and show as text, over every view", async (t) => {
  const s = await site(t, { files: { "manifest.json": manifest, [NAME]: hostile, "bac-kan.json": sample("bac-kan.json") } });
  const { page, errors } = await open(t, browser, s.url + VIEWS[0], desktop);
  const seen = [];
  for (const view of VIEWS) {
    await page.evaluate((h) => (location.hash = h), view);
    await page.waitForFunction(() => (document.querySelector("main")?.textContent ?? "").length > 40, null, { timeout: 30000 });
    await page.waitForTimeout(400);
    // Every chart's tooltip: hover each canvas at a few points.
    for (const canvas of await page.locator("main canvas").all()) {
      const box = await canvas.boundingBox();
      if (!box) continue;
      for (const fx of [0.3, 0.6, 0.9]) await page.mouse.move(box.x + box.width * fx, box.y + box.height * 0.5);
    }
    // Every table and list built on tap.
    for (const summary of await page.locator("main details > summary").all()) await summary.click().catch(() => {});
    await page.waitForTimeout(200);
    seen.push(await page.evaluate(() => document.body.innerText));
    assert.deepEqual(await page.evaluate(traces), [], `after ${view}`);
  }
  const text = seen.join("\n");
  for (const literal of ["<img src=x onerror=", "<script>window.__pwned='script'</script>", `"><svg onload=window.__pwned='svg'>`, "@SUM(1+1) <script>", "{{constructor.constructor("]) {
    assert.ok(text.includes(literal), `${literal} is not shown as text`);
  }
  // The file panel names the hostile file by its name, as text.
  const files = await page.locator("section.files").textContent();
  assert.ok(files.includes(NAME), files);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
});
