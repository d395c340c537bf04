// The page in parts (src/split.rs): an embed fetches the first module alone. The dashboard's own
// module is requested by the shell's script while the first module is still downloading, the file
// panel's once the first chart is painted; present mode, the embed dialog's snippets and the
// downloads each arrive when first used, once. A part that does not arrive is a note with a retry, and the rest
// of the page goes on. The validator is a part too, fetched only for files it must read.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, fresh, dist, serve, figuresReady, tablet, STRICT_CSP, violations, slowLine, resources } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/// Serves dist/ gzip-compressed under the strict CSP with a service worker that does nothing
/// (its install would fetch every part), counting the requests per part; the parts whose names
/// start with one of `failing` answer 503 until `mend()`.
async function host(t, { failing = [] } = {}) {
  const hits = {};
  let broken = failing;
  const s = await serve(dist, {
    encoding: "gzip",
    headers: () => ({ "content-security-policy": STRICT_CSP }),
    override: (path) => {
      if (path === "/sw.js") return { type: "text/javascript", body: "// none in this test\n" };
      // The parts in the app's folder, `split_<name>.wasm`; any other module but the first counts
      // under its own name (the build folds the splitter's shared chunks into the parts).
      const part = path.match(/^\/app-[0-9a-f]{16}\/(.+)\.wasm$/)?.[1].replace(/^split_/, "").replaceAll("_", "-");
      if (!part || part === "chiso-web-bg") return null;
      hits[part] = (hits[part] ?? 0) + 1;
      return broken.some((b) => part.startsWith(b)) ? { status: 503, type: "text/plain", body: "unavailable" } : null;
    },
  });
  t.after(() => s.close());
  return { url: s.url, hits, mend: () => (broken = []) };
}

test("an embed fetches none of the dashboard's parts", async (t) => {
  const site = await host(t);
  const { page, errors } = await fresh(t, browser, tablet);
  await page.goto(site.url + "#/embed/dossiers/dossiers-intake?unit=bac-kan");
  await figuresReady(page, "#dossiers-intake");
  await page.waitForTimeout(500);
  assert.deepEqual(site.hits, {});
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
});

test("the dashboard's module is in flight with the first; the others come when shown, each once", async (t) => {
  const site = await host(t);
  const { page, context, errors } = await fresh(t, browser, tablet);
  const fastLine = await slowLine(context, page);
  await page.goto(site.url + "#/dossiers", { waitUntil: "commit" });
  await figuresReady(page, "#dossiers-intake");
  const timing = await resources(page);
  const wasm = timing.find((e) => e.name.endsWith("_bg.wasm"));
  const dashboard = timing.find((e) => e.name.endsWith("/split_dashboard.wasm"));
  assert.ok(dashboard.start < wasm.end, `the dashboard's module started at ${dashboard.start} ms, the first module ended at ${wasm.end} ms`);
  await fastLine();

  // The file panel's module is fetched once the first chart is painted, not before.
  await page.locator("section.files li.file").first().waitFor();
  const files = await page.evaluate(() => {
    const entry = performance.getEntriesByType("resource").find((e) => new URL(e.name).pathname.endsWith("/split_files.wasm"));
    return { start: entry.startTime, chart: performance.getEntriesByName("chiso:first-chart")[0].startTime };
  });
  assert.ok(files.start >= files.chart, `the file panel's module started at ${files.start} ms, the first chart at ${files.chart} ms`);
  assert.equal(site.hits.present, undefined, "present mode is not fetched before it is opened");
  assert.equal(site.hits["embed-snippets"], undefined, "the snippets are not fetched before a dialog opens");
  assert.equal(site.hits.export, undefined, "the downloads are not fetched before a download");

  for (let i = 0; i < 2; i++) {
    await page.locator("button.present").click();
    await page.locator(".present-mode .position").waitFor();
    await page.keyboard.press("Escape");
    await page.locator(".present-mode").waitFor({ state: "detached" });
  }

  for (const format of ["csv", "svg"]) {
    const download = page.waitForEvent("download");
    await page.locator(`#dossiers-intake button.export-${format}`).click();
    assert.equal((await download).suggestedFilename(), `chiso-dossiers-intake.${format}`);
  }

  await page.locator("#dossiers-intake button.embed-open").click();
  const snippet = page.locator("#dossiers-intake dialog textarea").first();
  await snippet.waitFor();
  assert.match(await snippet.inputValue(), /<iframe [^>]*src="[^"]*#\/embed\/dossiers\/dossiers-intake/);

  // One module a part, each fetched once: no shared chunk is fetched besides.
  assert.deepEqual(site.hits, { dashboard: 1, files: 1, present: 1, "embed-snippets": 1, export: 1 });
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
});

test("a part that does not arrive is a note with a retry; the charts stay and the retry brings it", async (t) => {
  const site = await host(t, { failing: ["present"] });
  const { page, errors } = await fresh(t, browser, tablet);
  await page.goto(site.url + "#/dossiers");
  await figuresReady(page, "#dossiers-intake");
  await page.locator("button.present").click();
  const note = page.locator(".part-missing[role=alert]");
  await note.waitFor();
  assert.match(await note.innerText(), /Không tải được phần này của trang/);
  // The page lives on: its charts are there, and it has not stopped.
  assert.equal(await page.locator("#stopped").count(), 0);
  await figuresReady(page, "#dossiers-intake");
  // The failed load is reported on the console: that, and nothing else.
  assert.ok(errors.length > 0 && errors.every((e) => /\b503\b|HTTP status code is not ok/.test(e)), errors.join("\n"));

  site.mend();
  await note.locator("button").click();
  await page.locator(".present-mode .position").waitFor();
  assert.equal(await page.locator(".part-missing").count(), 0);
  assert.equal(site.hits.present, 2);
});

test("a download whose module does not arrive says so by its buttons; the next click downloads", async (t) => {
  const site = await host(t, { failing: ["export"] });
  const { page } = await fresh(t, browser, tablet);
  await page.goto(site.url + "#/dossiers");
  await figuresReady(page, "#dossiers-intake");
  const card = page.locator("#dossiers-intake");
  await card.locator("button.export-csv").click();
  const note = card.locator(".part-missing[role=alert]");
  await note.waitFor();
  assert.match(await note.innerText(), /Không tải được phần này của trang/);
  await figuresReady(page, "#dossiers-intake");

  site.mend();
  const download = page.waitForEvent("download");
  await card.locator("button.export-csv").click();
  assert.equal((await download).suggestedFilename(), "chiso-dossiers-intake.csv");
  await note.waitFor({ state: "detached" });
  assert.equal(site.hits.export, 2);
});

test("files read by the validator wait for its part; if it does not arrive, the page says so and its retry reads them", async (t) => {
  // One metric file, not a validated publication: the validator reads it, from its own part.
  const site = await host(t, { failing: ["validator"] });
  const { page } = await fresh(t, browser, tablet);
  await page.goto(site.url + "?data=data/bac-kan.json#/dossiers");
  const failed = page.locator(".error[role=alert]");
  await failed.waitFor();
  assert.match(await failed.innerText(), /Không tải được phần này của trang/);

  site.mend();
  await failed.locator("button").click();
  await figuresReady(page, "#dossiers-intake");
  assert.match(await page.locator("#dossiers-intake h2").innerText(), /Bắc Kạn/);
  assert.equal(site.hits.validator, 2);
});
