// Compact by default, complete on demand: sources in one line with the full list on tap,
// tables built on tap, one or two figures as a card of figures, the indices as small
// multiples; and the one-page brief a leader prints.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, open, out, site, chartReady, figuresReady, pdfPages, tablet } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const phone = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

/// Opens a unit's indices view and waits until every chart in it is drawn.
async function indices(t, s, unit, options) {
  const opened = await open(t, browser, s.url + `#/indices?unit=${unit}`, options);
  const { page } = opened;
  await page.waitForSelector(".charts figure.chart", { timeout: 30000 });
  for (const id of await page.locator("figure.chart:has(canvas)").evaluateAll((l) => l.map((f) => f.id))) {
    await chartReady(page, `#${id} canvas`);
  }
  return opened;
}

test("a source line is one line; the full list of reports opens on tap", async (t) => {
  const s = await site(t);
  const { page, errors } = await indices(t, s, "da-nang", tablet);
  const source = page.locator("#index-papi-score details.source");
  const summary = await source.locator("summary").textContent();
  const [, count] = summary.match(/^Nguồn: Báo cáo kết quả cải cách hành chính 2018–2025, (\d+) báo cáo$/);
  const reports = source.locator("li");
  assert.equal(await reports.count(), Number(count));
  assert.ok(Number(count) >= 2);
  assert.equal(await reports.first().isVisible(), false);
  await source.locator("summary").click();
  assert.equal(await reports.first().isVisible(), true);
  assert.match(await reports.first().textContent(), /^Báo cáo kết quả cải cách hành chính năm 2018/);
  // One report is named as it is, with nothing to open.
  await page.goto(s.url + "#/dossiers?unit=bac-kan");
  await figuresReady(page, "#dossiers-intake");
  assert.equal(await page.locator("#dossiers-intake details.source").count(), 0);
  assert.match(await page.locator("#dossiers-intake p.source").textContent(), /^Nguồn: Kết quả công tác kiểm soát TTHC quý II năm 2020 của tỉnh Bắc Kạn$/);
  assert.deepEqual(errors, []);
});

test("a chart's table is built when tapped open, and gone when closed", async (t) => {
  const s = await site(t);
  const { page, errors } = await indices(t, s, "da-nang", tablet);
  assert.equal(await page.locator("table").count(), 0, "no table before a tap");
  const summary = page.locator("#index-pci-score details.table-wrap > summary");
  await summary.click();
  const table = page.locator("#index-pci-score table");
  await table.waitFor();
  assert.equal(await page.locator("table").count(), 1);
  // The same figure the scorecard shows: Đà Nẵng's PCI 2021 as VCCI published it.
  assert.match(await table.locator("tbody tr", { hasText: "năm 2021" }).textContent(), /70,42/);
  await summary.click();
  await table.waitFor({ state: "detached" });
  assert.deepEqual(errors, []);
});

test("one or two figures make a card of figures, not a tall empty chart", async (t) => {
  const s = await site(t);
  const { page, errors } = await indices(t, s, "da-nang", tablet);
  const chart = await page.locator("#index-ict_index-score").boundingBox();
  await page.goto(s.url + "#/indices?unit=tay-ninh");
  const card = page.locator("#index-ict_index-score");
  // No drawing: the table of its one figure, open from the start, and of the target's year
  // that has none yet.
  await card.locator("table").waitFor();
  assert.equal(await card.locator("canvas").count(), 0);
  assert.match(await card.locator("table").textContent(), /ICT Index – điểm\s*năm 2019\s*0,4582\s*năm 2025\s*–$/);
  assert.equal(await card.locator("td").first().evaluate((td) => parseFloat(getComputedStyle(td).fontSize) >= 24), true);
  // The status says what is known (no 2025 figure yet, and the latest), then the target.
  assert.match(await card.locator(".notes").textContent(), /^Chưa có số liệu năm 2025 \(mới nhất: 0,4582 năm 2019\)Mục tiêu 0,5000 \(năm 2025\)/);
  assert.doesNotMatch(await card.textContent(), /Không đạt/);
  const compact = await card.boundingBox();
  assert.ok(compact.height < chart.height * 0.8, `card ${compact.height} px, chart ${chart.height} px`);
  assert.match(await page.locator("#index-ict_index-rank table").textContent(), /năm 2019\s*25\s*năm 2025\s*–$/);
  assert.deepEqual(errors, []);
});

// Measured on the build before this layout: every index's score and rank chart one under the
// other, each with its full table and source list open.
const INDICES_HEIGHT_BEFORE = 14462;

test("a unit's indices view at 800×1280 is at most half as tall as before, score beside rank", async (t) => {
  const s = await site(t);
  const { page, errors } = await indices(t, s, "da-nang", tablet);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height <= INDICES_HEIGHT_BEFORE / 2, `${height} px`);
  // Six indices, each its score then its rank, side by side.
  const cards = page.locator(".charts figure.chart");
  const ids = await cards.evaluateAll((l) => l.map((f) => f.id));
  assert.equal(ids.length, 12);
  for (let i = 0; i < ids.length; i += 2) {
    assert.match(ids[i], /^index-\w+-score$/);
    assert.equal(ids[i + 1], ids[i].replace(/score$/, "rank"));
    const [a, b] = [await cards.nth(i).boundingBox(), await cards.nth(i + 1).boundingBox()];
    assert.equal(a.y, b.y);
    assert.ok(a.x + a.width <= b.x, "rank right of score");
  }
  await page.screenshot({ path: join(out, "indices-pairs-tablet.png") });
  // On a phone, one column: the rank under the score.
  const small = await indices(t, s, "da-nang", phone);
  const [score, rank] = await small.page.locator(".charts figure.chart").all();
  const [a, b] = [await score.boundingBox(), await rank.boundingBox()];
  assert.ok(b.y >= a.y + a.height, "rank under score");
  assert.ok(await small.page.evaluate(() => document.documentElement.scrollWidth <= 360));
  assert.deepEqual([...errors, ...small.errors], []);
});

test("printing a unit's overview gives a one-page A4 brief with its scorecard", async (t) => {
  const s = await site(t);
  const units = [
    ["da-nang", "Đà Nẵng", /PCI\s*70,42 năm 2021[\s\S]*Yếu nhất: /, true, 2],
    ["tay-ninh", "Tây Ninh", /PCI\s*67,05 năm 2019[\s\S]*Yếu nhất: Đào tạo lao động 6,15; Hỗ trợ doanh nghiệp 6,27[\s\S]*ICT Index\s*0,4582/, false, 0],
  ];
  for (const [unit, name, figure, illustrative, charts] of units) {
    const { page, errors } = await open(t, browser, s.url + `#/overview?unit=${unit}`, tablet);
    const head = page.locator(".brief-head");
    await head.waitFor();
    assert.equal(await head.locator("h2").textContent(), name);
    assert.match(await head.locator("p").textContent(), /^Chỉ số cải cách hành chính · \d{2}\/\d{2}\/\d{4}$/);
    assert.equal(await head.locator(".badge").count(), illustrative ? 1 : 0);
    const scorecard = page.locator(".overview .scorecard");
    assert.equal(await scorecard.locator(".card").count(), 6);
    assert.match(await scorecard.textContent(), figure);
    // Small charts of the dossiers, where there are more than two figures to draw (drawn by a
    // part of the wasm fetched once the brief shows).
    await page.waitForFunction((n) => document.querySelectorAll(".small-charts svg").length === n, charts);
    await page.waitForTimeout(300);
    assert.equal(await page.locator(".small-charts svg").count(), charts);
    assert.match(await page.locator(".brief-sources").textContent(), /^Nguồn: \S/);
    // "In / Print" opens the browser's print dialog (stood in for here: a headless one
    // would hold the page).
    await page.evaluate(() => {
      window.printed = 0;
      window.print = () => window.printed++;
    });
    await head.locator("button.print").click();
    assert.equal(await page.evaluate(() => window.printed), 1);
    await page.emulateMedia({ media: "print" });
    // On paper the brief is all there is: no navigation, controls, buttons or file panel.
    for (const hidden of ["header.top", "nav.views", ".controls", "section.files", ".brief-head button"]) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, hidden);
    }
    assert.equal(await scorecard.isVisible(), true);
    const pdf = await page.pdf({ format: "A4" });
    assert.equal(pdfPages(pdf), 1, `${unit}: ${pdfPages(pdf)} pages`);
    await page.screenshot({ path: join(out, `brief-${unit}.png`), fullPage: true });
    // The page count is real: the long indices view prints to many pages.
    if (unit === "da-nang") {
      await page.goto(s.url + `#/indices?unit=${unit}`);
      await chartReady(page, "#index-pci-score canvas");
      assert.ok(pdfPages(await page.pdf({ format: "A4" })) > 1);
    }
    assert.deepEqual(errors, []);
  }
});
