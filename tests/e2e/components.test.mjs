// Where a province is weakest: the components of an index, weakest first, from the PCI figures
// VCCI published (public/data/pci.json), on the tablet a leader holds; reached from the
// overview's card, which names the two weakest.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, open, out, site, figuresReady, tableText, tablet, desktop } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("Tây Ninh's PCI components in 2019, weakest first, on an 800×1280 tablet", async (t) => {
  const s = await site(t);
  const { page, errors } = await open(t, browser, s.url + "#/components?unit=tay-ninh&index=pci&to=2019", tablet);
  const card = "#components-pci";
  await figuresReady(page, card);
  const canvas = page.locator(`${card} canvas`);
  // The alt text reads the components in the order drawn, each with its figure and rank.
  const alt = await canvas.getAttribute("aria-label");
  assert.match(alt, /^PCI – chỉ số thành phần, năm 2019 – Tây Ninh\. Yếu nhất trước: Đào tạo lao động 6,15 \(hạng \d+\/\d+\); Hỗ trợ doanh nghiệp 6,27 \(hạng \d+\/\d+\); Tính năng động 6,56 \(hạng \d+\/\d+\);/);
  const table = await tableText(page, card);
  const rows = await page.locator(`${card} tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())),
  );
  assert.equal(rows.length, 10, table);
  assert.deepEqual(rows.slice(0, 3).map((r) => [r[0], r[1]]), [
    ["Đào tạo lao động", "6,15"],
    ["Hỗ trợ doanh nghiệp", "6,27"],
    ["Tính năng động", "6,56"],
  ]);
  // Every other component scores higher (the next is 6,71); ranks are "n/of".
  for (const r of rows.slice(3)) assert.ok(Number(r[1].replace(",", ".")) >= 6.71, r.join(" "));
  for (const r of rows) assert.match(r.at(-1), /^\d+\/\d+$/);
  // The notes say how "weakest" was read and name the lowest-scoring group.
  const notes = await page.locator(`${card} .notes`).textContent();
  assert.match(notes, /Yếu nhất trước: theo thứ hạng/);
  assert.match(notes, /Nhóm đạt điểm thấp nhất: Đào tạo lao động 6,15/);
  // Real figures: no illustrative badge, and the source is VCCI's 2019 table.
  assert.equal(await page.locator(`${card} .badge`).count(), 0);
  assert.match(await page.locator(`${card} .source`).first().textContent(), /PCI 2019/);
  // A touch on a row reads out its figures and its rank.
  const box = await canvas.boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  const tip = page.locator(`${card} .tooltip`);
  await tip.waitFor({ timeout: 5000 });
  assert.match(await tip.textContent(), /\d+\/\d+/);
  // Each component over the years follows, as small multiples.
  assert.ok(await page.locator('.charts figure.chart[id^="component-pci-"]').count() >= 10);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 800));
  // All seven views' names fit across the tablet, none scrolled out of sight.
  assert.ok(await page.locator("nav.views").evaluate((n) => n.scrollWidth <= n.clientWidth));
  await page.screenshot({ path: join(out, "components-800x1280.png") });
  assert.deepEqual(errors, []);
});

test("the overview's PCI card names the two weakest and leads to the components", async (t) => {
  const s = await site(t);
  const { page, errors } = await open(t, browser, s.url + "#/overview?unit=tay-ninh", desktop);
  const pci = page.locator('.card[data-index="pci"]');
  await pci.waitFor();
  assert.equal(await pci.locator(".weakest").textContent(), "Yếu nhất: Đào tạo lao động 6,15; Hỗ trợ doanh nghiệp 6,27");
  // Figures for 2015 and 2019 only: two dots in the sparkline, no line rising across the gap.
  assert.equal(await pci.locator(".spark polyline.lone").count(), 2);
  assert.equal(await pci.locator(".spark polyline:not(.lone)").count(), 0);
  await pci.locator("a.parts").click();
  await figuresReady(page, "#components-pci");
  assert.match(page.url(), /#\/components\?unit=tay-ninh.*&index=pci/);
  assert.equal(await page.locator("#index").inputValue(), "pci");
  // Quảng Ninh's card says which component fell most since the year before.
  await page.goto(s.url + "#/overview?unit=quang-ninh&lang=en");
  const qn = page.locator('.card[data-index="pci"] .fall');
  await qn.waitFor();
  assert.match(await qn.textContent(), /^Largest fall: .+ −\d\.\d\d$/);
  await page.screenshot({ path: join(out, "overview-components-1920x1080.png"), fullPage: true });
  assert.deepEqual(errors, []);
});
