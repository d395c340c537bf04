// Packed copies, in headless Chromium: a publication `chiso manifest` validated is read from the
// packed copies beside its files, proven by their sha256, without the validator; a copy that
// does not hold, or a file the reader opens, sends every file through the validator, as JSON. The
// validator is a part of the page's wasm of its own, fetched only then.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dist, launch, open, site, sample, manifestOf, figuresReady, tableText, desktop } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const NAMES = ["tay-ninh", "bac-kan", "tien-giang-kcn", "pci", "minh-hoa"];
const packedCopy = (name) => readFileSync(join(dist, "data", `${name}.chiso`));

/** Counts the data files the page asks for, by name. */
function counted(page) {
  const asked = {};
  page.on("request", (r) => {
    const m = r.url().match(/\/data\/([^?#]+)$/);
    if (m) asked[m[1]] = (asked[m[1]] ?? 0) + 1;
  });
  return asked;
}

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
