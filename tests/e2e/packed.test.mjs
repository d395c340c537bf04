// Packed copies, in headless Chromium: a publication `chiso manifest` validated is read from the
// packed copies beside its files, proven by their sha256, without the validator; a copy that
// does not hold, or a file the reader opens, sends every file through the validator, as JSON. The
// validator is a part of the page's wasm of its own, fetched only then.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, counted, dist, launch, open, site, sample, manifestOf, figuresReady, tableText, desktop } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const NAMES = ["tay-ninh", "bac-kan", "tien-giang-kcn", "pci", "minh-hoa"];
const packedCopy = (name) => readFileSync(join(dist, "data", `${name}.chiso`));

/** The parts of the page's wasm it fetches, by name (`split_NAME.wasm`). */
function partsFetched(page) {
  const parts = new Set();
  page.on("request", (r) => {
    const m = r.url().match(/\/split_(\w+)\.wasm$/);
    if (m) parts.add(m[1]);
  });
  return parts;
}

const allJoined = (page) => page.waitForFunction(() => !document.querySelector(".pending-files"), null, { timeout: 30000 });

/** The files panel's line for each file: its name, state and counts as shown. */
async function panel(page) {
  await page.locator("section.files li.file").first().waitFor();
  return page.locator("li.file").evaluateAll((items) => items.map((li) => `${li.dataset.file} ${li.className}`));
}

test("a validated publication is read from its packed copies, with the figures the validator reads from the JSON", async (t) => {
  // The same files through an older manifest, which has no packed copies: the validator's reading.
  const s = await site(t, { files: { "json-only.json": manifestOf(NAMES.map((n) => `${n}.json`)) } });
  const view = "#/dossiers?unit=bac-kan&lang=en";
  const read = async (address) => {
    const { page, errors } = await open(t, browser, "about:blank", desktop);
    const asked = counted(page);
    const parts = partsFetched(page);
    await page.goto(s.url + address + view);
    await figuresReady(page, "#dossiers-intake");
    await allJoined(page);
    const shown = { intake: await tableText(page, "#dossiers-intake"), files: await panel(page) };
    assert.deepEqual(errors, []);
    return { asked, parts, shown };
  };
  const packed = await read("");
  const json = await read("?data=data/json-only.json");
  assert.deepEqual(
    Object.keys(packed.asked).sort(),
    ["manifest.json", ...NAMES.map((n) => `${n}.chiso`)].sort(),
    "the manifest and each packed copy, no JSON",
  );
  assert.ok(NAMES.every((n) => json.asked[`${n}.json`] === 1), JSON.stringify(json.asked));
  assert.ok(packed.parts.has("dashboard") && !packed.parts.has("validator"), [...packed.parts].join());
  assert.ok(json.parts.has("validator"), "the older manifest's files go through the validator's part");
  assert.match(packed.shown.intake, /Q2 2020/);
  assert.equal(packed.shown.intake, json.shown.intake, "the same figures on screen");
  assert.deepEqual(packed.shown.files, json.shown.files, "the same files, all read");
});

test("a packed copy changed after publishing is not trusted: every file is read from its JSON by the validator", async (t) => {
  const changed = Buffer.from(packedCopy("bac-kan"));
  changed[changed.length - 9] ^= 0xff;
  const s = await site(t, { files: { "bac-kan.chiso": changed } });
  const { page, errors } = await open(t, browser, "about:blank", desktop);
  const asked = counted(page);
  const parts = partsFetched(page);
  await page.goto(s.url + "#/dossiers?unit=bac-kan");
  await figuresReady(page, "#dossiers-intake");
  await allJoined(page);
  assert.match(await page.locator("#dossiers-intake h2").innerText(), /Bắc Kạn/);
  assert.ok(parts.has("validator"), [...parts].join());
  // The JSON of each file, the copy's own and, for the validator to read all together, the others'.
  for (const n of NAMES) assert.equal(asked[`${n}.json`], 1, `${n}.json: ${JSON.stringify(asked)}`);
  assert.ok((await panel(page)).every((line) => / file ok$/.test(line)), (await panel(page)).join("; "));
  assert.deepEqual(errors, []);
});

test("a file changed after publishing, its packed copy too, is rejected with the validator's message", async (t) => {
  const changed = Buffer.from(packedCopy("bac-kan"));
  changed[changed.length - 9] ^= 0xff;
  const json = sample("bac-kan.json").replace('"value": 14', '"value": 15');
  const s = await site(t, { files: { "bac-kan.chiso": changed, "bac-kan.json": json } });
  // Bắc Kạn's only file is rejected: its dossiers are not drawn, the other files are.
  const { page, errors } = await open(t, browser, s.url + "#/indices?unit=tay-ninh", desktop);
  await allJoined(page);
  const rejected = page.locator('li.file.rejected[data-file="bac-kan.json"]');
  await rejected.waitFor();
  assert.match(await rejected.textContent(), /tệp không khớp mã sha256 trong manifest/);
  assert.deepEqual(errors, []);
});

test("a file the reader opens is checked with the published files, read again from their JSON", async (t) => {
  const s = await site(t);
  const { page, errors } = await open(t, browser, "about:blank", desktop);
  const asked = counted(page);
  await page.goto(s.url + "#/dossiers?unit=bac-kan");
  await figuresReady(page, "#dossiers-intake");
  await allJoined(page);
  assert.deepEqual(Object.keys(asked).filter((f) => f.endsWith(".json")), ["manifest.json"]);
  // Tây Ninh's 2019 ICT Index again, with another value: a conflict with the published figure.
  const mine = sample("tay-ninh.json").replace('"value": 0.4582', '"value": 0.4');
  await page.setInputFiles("#open-files", [{ name: "cua-toi.json", mimeType: "application/json", buffer: Buffer.from(mine) }]);
  const local = page.locator('li.file[data-file="cua-toi.json"]');
  await local.waitFor();
  await page.waitForFunction(() => /cua-toi\.json:\d+:\d+/.test(document.querySelector('li.file[data-file="tay-ninh.json"]')?.textContent ?? ""));
  for (const n of NAMES) assert.equal(asked[`${n}.json`], 1, `${n}.json fetched for the validator`);
  // The conflict is placed in both files, each at its line.
  assert.match(await page.locator('li.file[data-file="tay-ninh.json"]').textContent(), /tay-ninh\.json:\d+:\d+/);
  assert.match(await local.textContent(), /cua-toi\.json:\d+:\d+/);
  assert.deepEqual(errors, []);
});

/// Tây Ninh's file with a custom score whose maximum is `max` (as JSON text), and a figure for
/// it, published by `chiso manifest`: the manifest, the file and its packed copy, by name.
function publishedWithMax(max) {
  assert.ok(cli, "the chiso binary is built (cargo build -p chiso-cli)");
  const file = JSON.parse(sample("tay-ninh.json"));
  file.indicators = [
    { id: "training.score", name: { vi: "Điểm tập huấn", en: "Training score" }, kind: "score", aggregation: "stock", min: 0, max: "MAX" },
  ];
  file.observations.push({ unit: "tay-ninh", indicator: "training.score", period: "2020-Q2", value: 0.25, source: "q2" });
  const dir = mkdtempSync(join(tmpdir(), "chiso-packed-"));
  writeFileSync(join(dir, "tay-ninh.json"), JSON.stringify(file).replace('"MAX"', max));
  execFileSync(cli, ["manifest", dir], { stdio: "pipe" });
  return Object.fromEntries(["manifest.json", "tay-ninh.json", "tay-ninh.chiso"].map((n) => [`own/${n}`, readFileSync(join(dir, n))]));
}

test("a number in a file's facts beyond the page's quick reading sends the file to the validator, which reads it", async (t) => {
  // 0.30000000000000004 needs 17 digits, and packing keeps the shortest form: the first module
  // reads numbers of up to 15 digits, the validator's part every number exactly.
  const read = async (max) => {
    const s = await site(t, { files: publishedWithMax(max) });
    const { page, errors } = await open(t, browser, "about:blank", desktop);
    const asked = counted(page);
    const parts = partsFetched(page);
    await page.goto(s.url + "?data=data/own/manifest.json#/indices?unit=tay-ninh&lang=en");
    await figuresReady(page, "#index-ict_index-score");
    await allJoined(page);
    assert.deepEqual(await panel(page), ["own/tay-ninh.json file ok"]);
    assert.deepEqual(errors, []);
    return { asked, parts, ict: await tableText(page, "#index-ict_index-score") };
  };
  const quick = await read("0.5");
  const exact = await read("0.30000000000000004");
  assert.ok(!quick.parts.has("validator") && quick.asked["own/tay-ninh.chiso"] === 1, JSON.stringify(quick.asked));
  assert.ok(exact.parts.has("validator"), [...exact.parts].join());
  assert.equal(exact.asked["own/tay-ninh.json"], 1, JSON.stringify(exact.asked));
  // Tây Ninh's ICT Index of 2019, as published.
  assert.match(exact.ict, /0[.,]4582/);
  assert.equal(exact.ict, quick.ict, "the same figures on screen");
});
