// Every view of the dashboard, as a leader and a publisher would use it: figures on screen,
// deep links, the language choice, exports, present mode, local files, empty and error states.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { launch, open, out, site, chartReady, figuresReady, tableText, sample, tablet, desktop } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const text = (page, sel) => page.locator(sel).first().textContent();

test("every view shows the sample figures, at 800×1280 with touch and at 1920×1080", async (t) => {
  const s = await site(t);
  for (const [device, options] of [["tablet", tablet], ["desktop", desktop]]) {
    const { page, errors } = await open(t, browser, s.url + "#/overview?unit=tay-ninh", options);
    const ict = page.locator('.card[data-index="ict_index"]');
    await ict.waitFor();
    assert.match(await ict.textContent(), /0,4582[\s\S]*năm 2019[\s\S]*25\/63[\s\S]*Mục tiêu 0,5000 \(năm 2025\)/);
    // One figure (2019) and a 2025 target: no figure for 2025 yet, which is not "missed".
    assert.match(await ict.locator(".status").textContent(), /Chưa có số liệu kỳ mục tiêu/);
    assert.doesNotMatch(await ict.textContent(), /Không đạt/);
    // PCI as VCCI published it, with the two weakest components.
    assert.match(await text(page, '.card[data-index="pci"]'), /67,05[\s\S]*năm 2019[\s\S]*15\/63[\s\S]*Yếu nhất: Đào tạo lao động 6,15/);
    assert.match(await text(page, '.card[data-index="par_index"]'), /Chưa có số liệu/);
    await page.screenshot({ path: join(out, `overview-${device}.png`), fullPage: true });

    await page.goto(s.url + "#/overview?unit=bac-kan");
    await page.waitForSelector(".headline");
    assert.match(await text(page, ".headline"), /quý II\/2020[\s\S]*58\.463[\s\S]*11,4 %/);

    await page.goto(s.url + "#/indices?unit=tay-ninh");
    await figuresReady(page, "#index-ict_index-score");
    const score = page.locator("#index-ict_index-score");
    assert.match(await tableText(page, "#index-ict_index-score"), /năm 2019[\s\S]*0,4582/);
    assert.match(await score.locator(".notes").textContent(), /Mục tiêu 0,5000 \(năm 2025\)/);
    assert.match(await text(page, "#index-ict_index-rank .notes"), /hạng 15 trở lên/);
    await page.screenshot({ path: join(out, `indices-${device}.png`), fullPage: true });

    await page.goto(s.url + "#/services?unit=tien-giang-bql-kcn");
    await figuresReady(page, "#services");
    assert.match(await tableText(page, "#services"), /quý III \(28\/05\/2020–28\/08\/2020\)[\s\S]*38[\s\S]*6[\s\S]*44/);

    await page.goto(s.url + "#/procedures?unit=bac-kan");
    await figuresReady(page, "#procedures");
    assert.match(await tableText(page, "#procedures"), /14[\s\S]*207[\s\S]*93[\s\S]*198/);
    await page.goto(s.url + "#/procedures?unit=tay-ninh");
    await figuresReady(page, "#feedback");
    assert.match(await tableText(page, "#feedback"), /quý II\/2020[\s\S]*15[\s\S]*15[\s\S]*100,0 %/);

    await page.goto(s.url + "#/compare?unit=bac-kan&indicator=dossiers.received&to=2020-Q2");
    await figuresReady(page, "#compare");
    assert.match(await tableText(page, "#compare"), /Bắc Kạn → Thái Nguyên[\s\S]*58\.463/);
    await page.goto(s.url + "#/compare?unit=da-nang&indicator=dossiers.received&to=2025-Q3");
    await figuresReady(page, "#compare");
    const notes = await text(page, "#compare .notes");
    assert.match(notes, /Đã sáp nhập sau 30\/06\/2025: [^]*Quảng Nam \(vào Đà Nẵng\)/);
    assert.doesNotMatch(notes, /Đà Nẵng → Đà Nẵng/);
    await page.screenshot({ path: join(out, `compare-${device}.png`), fullPage: true });
    assert.deepEqual(errors, []);
  }
});

test("a deep link restores view, unit, period range and language; the language sticks", async (t) => {
  const s = await site(t);
  const link = s.url + "#/dossiers?unit=da-nang&from=2020-Q1&to=2020-Q4&lang=en";
  const { page, errors, context } = await open(t, browser, link, desktop);
  await chartReady(page);
  await tableText(page, "#dossiers-intake");
  const rows = await page.locator("#dossiers-intake tbody tr th").allTextContents();
  assert.deepEqual(rows, ["Q1 2020", "Q2 2020", "Q3 2020", "Q4 2020"]);
  assert.equal(await page.locator("#unit").inputValue(), "da-nang");
  assert.equal(await page.locator("#from").inputValue(), "2020-Q1");
  assert.equal(await page.locator("#to").inputValue(), "2020-Q4");
  assert.equal(await page.locator('nav.views a[aria-current="page"]').textContent(), "Dossiers");
  assert.match(await text(page, "#dossiers-intake h2"), /Dossiers received – Đà Nẵng/);
  // Changing the unit updates the address, so the link can be shared.
  await page.selectOption("#unit", "can-tho");
  await page.waitForFunction(() => location.hash.includes("unit=can-tho"));
  // A new visit without `lang` keeps English: the choice sticks.
  const again = await context.newPage();
  await again.goto(s.url + "#/dossiers");
  await figuresReady(again, "#dossiers-intake");
  assert.match(await again.locator("#dossiers-intake h2").textContent(), /Dossiers received/);
  assert.deepEqual(errors, []);
});

test("exports download PNG and SVG with title and badge, and CSV of exactly the figures", async (t) => {
  const s = await site(t);
  const { page, errors } = await open(t, browser, s.url + "#/dossiers?unit=bac-kan", { ...desktop, acceptDownloads: true });
  await figuresReady(page, "#dossiers-intake");
  const card = page.locator("#dossiers-intake");
  const grab = async (button) => {
    const [download] = await Promise.all([page.waitForEvent("download"), card.locator(button).click()]);
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  };
  const csv = await grab(".export-csv");
  assert.equal(csv.name, "chiso-dossiers-intake.csv");
  assert.equal(
    csv.bytes.toString("utf8"),
    "\ufeffperiod,dossiers.online,dossiers.received,derived.intake_unspecified,derived.online_share\n2020-Q2,6687,58463,51776,11.43800352359612\n",
  );
  const svg = await grab(".export-svg");
  const svgText = svg.bytes.toString("utf8");
  assert.match(svgText, /^<svg/);
  assert.match(svgText, /Hồ sơ tiếp nhận – Bắc Kạn/);
  assert.match(svgText, /Nguồn: Kết quả công tác kiểm soát TTHC quý II năm 2020 của tỉnh Bắc Kạn/);
  const png = await grab(".export-png");
  assert.equal(png.name, "chiso-dossiers-intake.png");
  assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.ok(png.bytes.length > 20000, `PNG of ${png.bytes.length} bytes`);
  // Illustrative figures carry their badge into the exported image.
  await page.goto(s.url + "#/dossiers?unit=da-nang");
  await chartReady(page);
  const badge = await grab(".export-svg");
  assert.match(badge.bytes.toString("utf8"), /SỐ LIỆU MINH HỌA/);
  assert.deepEqual(errors, []);
});

test("present mode steps through the unit's charts by key and by swipe", async (t) => {
  const s = await site(t);
  const { page, errors } = await open(t, browser, s.url + "#/overview?unit=da-nang", tablet);
  await page.locator("button.present").click();
  const position = page.locator(".present-mode .position");
  await position.waitFor();
  const total = Number((await position.textContent()).split("/")[1]);
  assert.ok(total >= 10, `only ${total} charts`);
  assert.match(await position.textContent(), /^1 \/ /);
  await chartReady(page, ".present-mode canvas");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector(".present-mode .position")?.textContent.startsWith("2 /"));
  // A swipe to the left goes forward.
  const box = await page.locator(".present-mode").boundingBox();
  await page.mouse.move(box.width * 0.8, box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.width * 0.2, box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector(".present-mode .position")?.textContent.startsWith("3 /"));
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction(() => document.querySelector(".present-mode .position")?.textContent.startsWith("2 /"));
  await page.screenshot({ path: join(out, "present-tablet.png") });
  await page.keyboard.press("Escape");
  await page.locator(".present-mode").waitFor({ state: "detached" });
  assert.deepEqual(errors, []);
});

test("a publisher opens local files and sees the validator's findings", async (t) => {
  const s = await site(t);
  const { page, errors } = await open(t, browser, s.url + "#/dossiers", desktop);
  await figuresReady(page, "#dossiers-intake");
  const bad = sample("tay-ninh.json").replace('"value": 0.4582', '"value": 4.582');
  const mine = sample("bac-kan.json").replaceAll("bac-kan", "cao-bang").replace('"Bắc Kạn"', '"Cao Bằng"').replace('"successor": "thai-nguyen", ', "");
  await page.setInputFiles("#open-files", [
    { name: "sai.json", mimeType: "application/json", buffer: Buffer.from(bad) },
    { name: "cao-bang.json", mimeType: "application/json", buffer: Buffer.from(mine) },
    { name: "hong.json", mimeType: "application/json", buffer: Buffer.from("{ \"format\": ") },
  ]);
  const wrong = page.locator('li.file[data-file="sai.json"]');
  await wrong.waitFor();
  assert.match(await wrong.textContent(), /sai\.json:\d+:\d+: lỗi: giá trị 4\.582 nằm ngoài thang điểm 0–1 \(tại observations\[7\]\.value\)/);
  assert.match(await text(page, 'li.file[data-file="hong.json"]'), /bị từ chối[\s\S]*tệp bị cắt cụt/);
  // The good local file's unit joins the picker and charts.
  await page.selectOption("#unit", "cao-bang");
  await page.waitForFunction(() => /Cao Bằng/.test(document.querySelector("#dossiers-intake h2")?.textContent ?? ""));
  await page.screenshot({ path: join(out, "local-files.png"), fullPage: true });
  assert.deepEqual(errors, []);
});

test("empty views say what is missing; a failed load says why and retries", async (t) => {
  const s = await site(t, {
    files: { "manifest.json": (n) => (n === 1 ? { status: 503, body: "busy" } : { body: sample("manifest.json") }) },
  });
  const { page } = await open(t, browser, s.url + "#/services?unit=tay-ninh", tablet);
  const alert = page.locator(".error[role=alert]");
  await alert.waitFor();
  assert.match(await alert.textContent(), /Không tải được số liệu: data\/manifest\.json: HTTP 503/);
  await alert.locator("button").click();
  const empty = page.locator("div.empty");
  await empty.waitFor();
  assert.match(await empty.textContent(), /chưa có số liệu cho trang này[\s\S]*Chưa có số liệu: DVC trực tuyến toàn trình, DVC trực tuyến một phần, Số TTHC, dịch vụ công của đơn vị/);
  await page.screenshot({ path: join(out, "empty-tablet.png") });
});

test("from a 360 px phone to 1920 px: nothing overflows, and every control takes a thumb", async (t) => {
  const s = await site(t);
  for (const width of [360, 1920]) {
    const options = { viewport: { width, height: width === 360 ? 740 : 1080 }, hasTouch: width === 360 };
    const { page, errors } = await open(t, browser, s.url + "#/dossiers?unit=bac-kan", options);
    await figuresReady(page, "#dossiers-intake");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow} px wider than a ${width} px screen`);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll("button, select, nav.views a, summary")]
        .map((el) => [el.className || el.tagName, el.getBoundingClientRect()])
        .filter(([, r]) => r.width > 0 && (r.height < 44 || r.width < 44))
        .map(([name, r]) => `${name} ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    assert.deepEqual(small, [], "touch targets under 44 px");
    await page.screenshot({ path: join(out, `dossiers-${width}.png`), fullPage: width === 360 });
    assert.deepEqual(errors, []);
  }
});
