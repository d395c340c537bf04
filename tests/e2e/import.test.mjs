// Import in the dashboard, in headless Chromium: a table pasted from Excel and the template
// spreadsheet dropped on the file panel go through the import worker, their figures chart at
// once, "Tải JSON" saves exactly what `chiso import` writes (with its flags given as the
// import's options), a bad cell is named, and all of it runs under a strict
// Content-Security-Policy with `worker-src 'self'`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "../../scripts/lib/harness.mjs";
import { cli, launch, open, dist, out, serve, site, manifestOf, sample, tableText, figuresReady, desktop, STRICT_CSP, violations } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/// What `chiso import` writes for `bytes` saved as `name`, with `flags`.
function imported(name, bytes, flags = []) {
  assert.ok(cli, "the chiso binary is built (cargo build -p chiso-cli)");
  const dir = mkdtempSync(join(tmpdir(), "chiso-import-"));
  writeFileSync(join(dir, name), bytes);
  const output = join(dir, "out.json");
  try {
    execFileSync(cli, ["import", join(dir, name), ...flags, "-o", output], { stdio: "pipe" });
  } catch (e) {
    // Exit 1 (errors found) still writes the file.
    if (e.status !== 1) throw e;
  }
  return readFileSync(output);
}

/// Only Bắc Kạn's sample file, so every PCI figure on the page comes from the import.
const onlyBacKan = { "manifest.json": manifestOf(["bac-kan.json"]), "bac-kan.json": sample("bac-kan.json") };

/// A wide PCI table as Excel copies it: a title naming the index, years across, decimal commas.
const PASTE = ["Chỉ số PCI", "Tỉnh, thành phố\t2019\t2020", "Cao Bằng\t61,11\t62,26", "TP. Lai Châu\t57,48\t58,87", ""].join("\n");

async function paste(page, text) {
  await page.locator("#paste-table").fill(text);
  await page.locator("button.import-paste").click();
  const row = page.locator('li.import-result[data-file="bang-dan.json"]');
  await row.waitFor({ timeout: 30000 });
  return row;
}

/// Drops a file named `name` holding `bytes` on the file panel.
async function drop(page, name, bytes) {
  await page.evaluate(([name, b64]) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], name));
    document.querySelector("section.files").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [name, bytes.toString("base64")]);
}

async function downloaded(page, row) {
  const [download] = await Promise.all([page.waitForEvent("download"), row.locator("button.download-json").click()]);
  assert.equal(download.suggestedFilename(), await row.getAttribute("data-file"));
  return readFile(await download.path());
}

test("a table pasted from Excel charts at once, and its JSON is what chiso import writes", async (t) => {
  const s = await site(t, { files: onlyBacKan });
  const { page, errors } = await open(t, browser, s.url + "#/indices?unit=cao-bang", desktop);
  const fetched = [];
  page.on("request", (r) => fetched.push(r.url()));
  await page.locator("#paste-table").waitFor();
  // A reader who never imports downloads nothing of the import.
  await page.locator('li.file[data-file="bac-kan.json"]').waitFor();
  const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  assert.deepEqual([...loaded, ...fetched].filter((u) => /import-worker/.test(u)), []);
  const row = await paste(page, PASTE);
  assert.deepEqual(fetched.filter((u) => /import-worker/.test(u)).map((u) => u.replace(/^.*\//, "")).sort(), ["chiso-import-worker.js", "chiso-import-worker_bg.wasm", "import-worker.js"]);
  assert.match(await row.textContent(), /bang-dan\.tsv → bang-dan\.json · 4 số liệu/);
  // The converted file is checked with the rest, and its figures are on the unit's chart.
  await page.locator('li.file[data-file="bang-dan.json"]').waitFor();
  assert.match(await page.locator('li.file[data-file="bang-dan.json"]').textContent(), /đã tải.*4 số liệu/);
  const table = await tableText(page, "#index-pci-score");
  assert.match(table, /năm 2019[\s\S]*61,11/);
  assert.match(table, /năm 2020[\s\S]*62,26/);
  assert.deepEqual(await downloaded(page, row), imported("bang-dan.tsv", PASTE));
  await page.screenshot({ path: join(out, "import-paste.png"), fullPage: true });
  assert.deepEqual(errors, []);
});

test("the template spreadsheet dropped on the file panel charts, the CSV chosen too, and their JSON matches the CLI", async (t) => {
  const s = await site(t, { files: onlyBacKan });
  const { page, errors } = await open(t, browser, s.url + "#/indices?unit=tay-ninh", desktop);
  await page.locator("section.files").waitFor();
  const xlsx = readFileSync(join(root, "public/templates/mau-chi-so.xlsx"));
  // The panel's links serve the same templates.
  for (const [link, file] of [["Tải mẫu bảng tính", "mau-chi-so.xlsx"], ["CSV", "mau-chi-so.csv"]]) {
    const href = await page.locator(`p.template a:text-is("${link}")`).getAttribute("href");
    const got = await page.request.get(new URL(href, page.url()).href);
    assert.deepEqual(Buffer.from(await got.body()), readFileSync(join(root, "public/templates", file)));
  }
  await drop(page, "mau-chi-so.xlsx", xlsx);
  const row = page.locator('li.import-result[data-file="mau-chi-so.json"]');
  await row.waitFor({ timeout: 30000 });
  const table = await tableText(page, "#index-pci-score");
  assert.match(table, /năm 2018[\s\S]*64,54/);
  assert.match(table, /năm 2023[\s\S]*67,8/);
  assert.deepEqual(await downloaded(page, row), imported("mau-chi-so.xlsx", xlsx));
  // The CSV template, chosen rather than dropped, replaces it under the same file name.
  const csv = readFileSync(join(root, "public/templates/mau-chi-so.csv"));
  await page.setInputFiles("#open-files", [{ name: "mau-chi-so.csv", mimeType: "text/csv", buffer: csv }]);
  await page.waitForFunction(() => /^mau-chi-so\.csv → /.test(document.querySelector('li.import-result[data-file="mau-chi-so.json"]')?.textContent ?? ""));
  assert.equal(await page.locator("li.import-result").count(), 1);
  assert.deepEqual(await downloaded(page, row), imported("mau-chi-so.csv", csv));
  assert.deepEqual(errors, []);
});

test("the import's options are chiso import's flags: an index and a source for a bare table, a sheet of a workbook", async (t) => {
  const s = await site(t, { files: onlyBacKan });
  const { page, errors } = await open(t, browser, s.url + "#/indices?unit=da-nang", desktop);
  await page.locator("section.files").waitFor();
  // A table that names no index: the options give it one, and a source.
  const bare = ["Tỉnh\tNăm\tGiá trị", "Đà Nẵng\t2019\t70,15", ""].join("\n");
  await page.locator(".import-options summary").click();
  await page.locator("#import-indicator").fill("pci");
  await page.locator("#import-source").fill("VCCI, PCI 2019");
  const row = await paste(page, bare);
  assert.match(await row.textContent(), /bang-dan\.tsv → bang-dan\.json · 1 số liệu/);
  assert.match(await tableText(page, "#index-pci-score"), /năm 2019[\s\S]*70,15/);
  assert.deepEqual(await downloaded(page, row), imported("bang-dan.tsv", bare, ["--indicator", "pci", "--source", "VCCI, PCI 2019"]));
  // The panel drawn again keeps the options as typed, for the next table.
  assert.equal(await page.locator("#import-indicator").inputValue(), "pci");
  await page.locator(".import").screenshot({ path: join(out, "import-options.png") });

  // A sheet the workbook lacks is named; the one it has imports as the CLI imports it.
  await page.locator("#import-indicator").fill("");
  await page.locator("#import-source").fill("");
  const xlsx = readFileSync(join(root, "public/templates/mau-chi-so.xlsx"));
  await page.locator("#import-sheet").fill("Nope");
  await drop(page, "mau-chi-so.xlsx", xlsx);
  const sheetRow = page.locator('li.import-result[data-file="mau-chi-so.json"]');
  await sheetRow.waitFor({ timeout: 30000 });
  assert.match(await sheetRow.locator(".findings").textContent(), /không có trang tính "Nope"/);
  assert.match(await sheetRow.textContent(), /· 0 số liệu/);
  await page.locator("#import-sheet").fill("Số liệu");
  await drop(page, "mau-chi-so.xlsx", xlsx);
  await page.waitForFunction(() => !/· 0 số liệu/.test(document.querySelector('li.import-result[data-file="mau-chi-so.json"]')?.textContent ?? ""));
  assert.deepEqual(await downloaded(page, sheetRow), imported("mau-chi-so.xlsx", xlsx, ["--sheet", "Số liệu"]));
  assert.deepEqual(errors, []);
});

test("VCCI's table of all provinces, pasted with its year as an option, charts Tây Ninh's weakest components", async (t) => {
  const s = await site(t, { files: onlyBacKan });
  const { page, errors } = await open(t, browser, s.url + "#/components?unit=tay-ninh&index=pci", desktop);
  await page.locator("section.files").waitFor();
  // The table prints no year: it comes from the options, as `chiso import --period 2019`.
  const table = readFileSync(join(root, "tests/fixtures/vcci/pci-2019-subindices.tsv"), "utf8");
  await page.locator(".import-options summary").click();
  await page.locator("#import-period").fill("2019");
  const row = await paste(page, table);
  assert.match(await row.textContent(), /bang-dan\.tsv → bang-dan\.json · 264 số liệu/);
  assert.deepEqual(await downloaded(page, row), imported("bang-dan.tsv", table, ["--period", "2019"]));
  await figuresReady(page, "#components-pci");
  const first = await page.locator("#components-pci canvas").getAttribute("aria-label");
  assert.match(first, /Yếu nhất trước: Đào tạo lao động 6,15 \(hạng 21\/22\); Hỗ trợ doanh nghiệp 6,27 \(hạng 16\/22\); Tính năng động 6,56 \(hạng 12\/22\)/);
  await page.locator("#import-period").fill("");
  assert.deepEqual(errors, []);
});

test("a bad cell is named by its cell, in the reader's language", async (t) => {
  const s = await site(t, { files: onlyBacKan });
  const { page, errors } = await open(t, browser, s.url + "#/indices?unit=cao-bang&lang=en", desktop);
  await page.locator("#paste-table").waitFor();
  const row = await paste(page, PASTE.replace("62,26", "abc"));
  assert.match(await row.locator(".findings").textContent(), /^bang-dan\.tsv:C3: error: "abc" is not a number$/m);
  assert.match(await row.textContent(), /3 figures/);
  assert.deepEqual(errors, []);
});

test("import runs under a strict CSP with worker-src 'self'; from a file it says what to use", async (t) => {
  const s = await site(t, { csp: STRICT_CSP, files: onlyBacKan });
  const { page, errors } = await open(t, browser, s.url + "#/indices?unit=cao-bang", desktop);
  await page.locator("#paste-table").waitFor();
  await paste(page, PASTE);
  assert.match(await tableText(page, "#index-pci-score"), /61,11/);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);

  // The single-file build from file://: no worker can load there, and the panel says so.
  const offline = await open(t, browser, pathToFileURL(join(dist, "chiso-offline.html")).href, desktop);
  await offline.page.locator("#paste-table").fill(PASTE);
  await offline.page.locator("button.import-paste").click();
  assert.match(await offline.page.locator(".import-status").textContent(), /cần bản web[\s\S]*chiso import/);
  assert.equal(await offline.page.locator("li.import-result").count(), 0);
  assert.deepEqual(offline.errors, []);
});

test("when the import module cannot load, the panel says so and the page keeps working", async (t) => {
  const s = await serve(dist, { override: (path) => (path.endsWith("chiso-import-worker_bg.wasm") ? { status: 404, body: "gone" } : null) });
  t.after(() => s.close());
  const { page } = await open(t, browser, s.url + "#/dossiers", desktop);
  await figuresReady(page, "#dossiers-intake");
  await page.locator("#paste-table").fill(PASTE);
  await page.locator("button.import-paste").click();
  await page.waitForFunction(() => /Không nhập được bảng/.test(document.querySelector(".import-status")?.textContent ?? ""));
  assert.equal(await page.locator("li.import-result").count(), 0);
  assert.equal(await page.locator("button.import-paste").isEnabled(), true);
  await figuresReady(page, "#dossiers-intake");
});
