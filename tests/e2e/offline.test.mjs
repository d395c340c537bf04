// The offline demo: one file opened from disk (file://), with the network off, shows the
// dashboard and its sample data.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, open, dist, out, figuresReady, tableText, tablet } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("the single-file build works from file:// with no network", async (t) => {
  const url = "file://" + join(dist, "chiso-offline.html") + "#/dossiers?unit=bac-kan";
  const { page, errors, context } = await open(t, browser, "about:blank", { ...tablet, offline: true });
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  await page.goto(url);
  await figuresReady(page, "#dossiers-intake");
  assert.match(await tableText(page, "#dossiers-intake"), /quý II\/2020[\s\S]*58\.463/);
  // The embedded files went through the validator, checksums included.
  assert.match(await page.locator('li.file[data-file="minh-hoa.json"]').textContent(), /đã tải · 5087 số liệu/);
  // Nothing lies beside the single file: no link to the publisher's templates.
  assert.equal(await page.locator("p.template a").count(), 0);
  // Links inside the file work: the views are hash routes.
  await page.click('nav.views a:has-text("Chỉ số")');
  await page.selectOption("#unit", "tay-ninh");
  await figuresReady(page, "#index-ict_index-score");
  assert.match(await tableText(page, "#index-ict_index-score"), /0,4582/);
  await page.screenshot({ path: join(out, "offline-file-tablet.png"), fullPage: true });
  assert.deepEqual(requests.filter((r) => !r.startsWith("file://") && !r.startsWith("data:")), []);
  assert.deepEqual(errors, []);
});
