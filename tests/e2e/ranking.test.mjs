// Rankings that read on a tablet: 63 provinces as labelled rows, every name drawn with no
// overlap, the chart as tall as its rows and no wider than the screen, one table row per unit.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { launch, open, out, site, chartReady, manifestOf, tableText, tablet } from "./support.mjs";
import { root } from "../../scripts/lib/harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/// 63 provinces with a year of figures, from the deterministic generator: 62 and Quảng Nam.
function national() {
  const args = ["generate", "--units", "62", "--quarters", "4", "--start", "2024", "--agencies", "0"];
  return execFileSync("cargo", ["run", "-q", "-p", "chiso-cli", "--", ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
}

/// The texts of an SVG with their positions.
const texts = (svg) =>
  [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map(([, attrs, s]) => ({
    x: Number(attrs.match(/\bx="([-\d.]+)"/)?.[1]),
    y: Number(attrs.match(/\by="([-\d.]+)"/)?.[1]),
    s: s.trim(),
  }));

test("a comparison of 63 provinces on an 800-wide tablet names every one with no overlap, against the median or the average", async (t) => {
  const file = national();
  const names = JSON.parse(file).units.filter((u) => u.level === "province").map((u) => u.name);
  assert.equal(names.length, 63);
  const s = await site(t, { files: { "manifest.json": manifestOf(["national.json"]), "national.json": file } });
  const link = "#/compare?unit=da-nang&indicator=papi.score&to=2024";
  const { page, errors } = await open(t, browser, s.url + link, { ...tablet, acceptDownloads: true });
  await chartReady(page, "#compare canvas");
  const canvas = await page.locator("#compare canvas").boundingBox();
  // As tall as 63 rows need, and no wider than the screen.
  assert.ok(canvas.height >= 63 * 20, `${canvas.height} px tall`);
  assert.ok(canvas.x + canvas.width <= 800);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 800));
  await page.screenshot({ path: join(out, "compare-63-tablet.png"), fullPage: true });

  // Every name in the drawing, once, each row at least a line of text from the next.
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#compare .export-svg").click()]);
  const drawn = texts(await readFile(await download.path(), "utf8"));
  // A row reads "rank. name", a merged unit's with its successor after an arrow.
  const row = (name) => new RegExp(`^(\\d+\\. )?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( → .*)?$`);
  const rows = names.map((name) => {
    const hits = drawn.filter((d) => row(name).test(d.s));
    assert.equal(hits.length, 1, `${name}: ${JSON.stringify(hits)}`);
    return hits[0];
  });
  const ys = rows.map((r) => r.y).sort((a, b) => a - b);
  for (let i = 1; i < ys.length; i++) assert.ok(ys[i] - ys[i - 1] >= 14, `rows ${ys[i - 1]} and ${ys[i]} overlap`);

  // The median as a rule, or the average when the address asks for it.
  assert.ok(drawn.some((d) => /^Trung vị: \d/.test(d.s)));
  await page.goto(s.url + link + "&stat=average");
  await chartReady(page, "#compare canvas");
  const [average] = await Promise.all([page.waitForEvent("download"), page.locator("#compare .export-svg").click()]);
  const rules = texts(await readFile(await average.path(), "utf8")).filter((d) => /^(Trung vị|Trung bình): /.test(d.s));
  assert.deepEqual(rules.map((d) => d.s.split(":")[0]), ["Trung bình"]);

  // The table: one row per unit, with its name, figure and rank.
  await tableText(page, "#compare");
  const table = await page.locator("#compare tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(table.length, 63);
  assert.ok(table.every((r) => r.length === 3 && names.some((n) => row(n).test(r[0]))), JSON.stringify(table));

  // A handful of units make a short chart: the height follows the count.
  const few = await open(t, browser, (await site(t)).url + link, tablet);
  await chartReady(few.page, "#compare canvas");
  const small = await few.page.locator("#compare canvas").boundingBox();
  assert.ok(canvas.height > small.height * 4, `${canvas.height} vs ${small.height}`);
  assert.deepEqual([...errors, ...few.errors], []);
});
