// Embeds in headless Chromium: a portal page on another origin, under its own strict CSP,
// embeds charts with embed.js (sized from height messages, deaf to forged ones); an iframe pasted
// as is reports its height in both forms; the embed itself under the app's strict CSP; and what
// one embed transfers against the full dashboard.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch, dist, out, figuresReady, tableText, STRICT_CSP, violations, fresh as freshPage } from "./support.mjs";

const desktop = { viewport: { width: 1280, height: 800 } };

let browser, app, portal, evil, folder;
const sent = []; // [path, bytes] the app's server answered, gzip where accepted

/// The portal's pages: each gets the strict CSP a careful portal sends, framing only the app
/// (and, for the forgery test, the other site's page).
const pages = {};
const origin = (s) => s.url.replace(/\/$/, "");

before(async () => {
  browser = await launch();
  app = await serve(dist, { encoding: "gzip", headers: () => ({ "content-security-policy": STRICT_CSP }), log: (path, bytes) => sent.push([path, bytes]) });
  folder = await mkdtemp(join(tmpdir(), "chiso-portal-"));
  // Records every message the portal hears, for the tests to read.
  // The portal's own icon, so that its absence is not an error in the tests.
  await writeFile(join(folder, "favicon.ico"), "");
  await writeFile(join(folder, "record.js"), "window.heard = [];\naddEventListener('message', function (e) { window.heard.push({ origin: e.origin, data: e.data }); });\n");
  evil = await serve(folder, {});
  portal = await serve(folder, {
    headers: (path) => {
      const frames = path.includes("forged") ? `${origin(app)} ${origin(evil)}` : origin(app);
      return { "content-security-policy": `default-src 'self'; script-src 'self' ${origin(app)}; frame-src ${frames}` };
    },
  });
});
after(async () => {
  await browser?.close();
  await Promise.all([app, portal, evil].map((s) => s?.close()));
  if (folder) await rm(folder, { recursive: true, force: true });
});

/// Writes a portal page and returns its address.
async function portalPage(name, body) {
  await writeFile(join(folder, name), `<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin</title><script src="./record.js"></script></head>\n<body><h1>Cổng thông tin điện tử tỉnh</h1>\n${body}\n</body></html>\n`);
  return portal.url + name;
}

/// A new page recording errors and CSP violations in every frame.
const fresh = (t, options = desktop) => freshPage(t, browser, options);

/// The iframe's height and its content's: the root element's box and its scrollHeight.
async function heights(iframe) {
  const frame = await iframe.contentFrame();
  const outer = await iframe.evaluate((el) => el.getBoundingClientRect().height);
  const [box, scroll] = await frame.evaluate(() => [document.documentElement.getBoundingClientRect().height, document.documentElement.scrollHeight]);
  return { outer, box, scroll };
}

/// Waits until the iframe is as tall as its content (within 2 px) and returns the heights.
async function fitted(iframe) {
  let h;
  for (let i = 0; i < 100; i++) {
    h = await heights(iframe);
    if (Math.abs(h.outer - h.box) <= 2 && Math.abs(h.outer - h.scroll) <= 2) return h;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(`iframe never took its content's height: ${JSON.stringify(h)}`);
}

test("a portal under a strict CSP embeds two charts with embed.js; each takes its content's height and follows language and width", async (t) => {
  const url = await portalPage(
    "two.html",
    `<div data-chiso="./#/embed/indices/pci?unit=da-nang" data-chiso-title="PCI của Đà Nẵng"></div>
<p>Giữa hai biểu đồ.</p>
<div data-chiso="${app.url}#/embed/dossiers/dossiers-intake?unit=da-nang&id=theirs"></div>
<script src="${app.url}embed.js" async></script>
<script src="${app.url}embed.js" async></script>`,
  );
  const { page, errors } = await fresh(t);
  await page.goto(url);
  const frames = page.locator("div[data-chiso] > iframe");
  await frames.first().waitFor();
  // Loaded twice, it still made one iframe per div.
  assert.equal(await frames.count(), 2);
  const [pci, intake] = [await frames.nth(0).elementHandle(), await frames.nth(1).elementHandle()];
  assert.equal(await pci.getAttribute("title"), "PCI của Đà Nẵng");
  assert.equal(await intake.getAttribute("title"), "Biểu đồ Chỉ số");
  assert.equal(await pci.getAttribute("loading"), "lazy");
  assert.equal(await pci.getAttribute("sandbox"), "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads");
  // Its own id replaced the one the portal wrote, so messages can be matched.
  assert.match(await intake.getAttribute("src"), /#\/embed\/dossiers\/dossiers-intake\?unit=da-nang&id=chiso-embed-2$/);

  const pciFrame = await pci.contentFrame();
  await figuresReady(pciFrame, "#index-pci-score");
  await figuresReady(pciFrame, "#index-pci-rank");
  await figuresReady(await intake.contentFrame(), "#dossiers-intake");
  const wide = [await fitted(pci), await fitted(intake)];
  // Neither kept the 480 px it started with.
  for (const h of wide) assert.notEqual(Math.round(h.outer), 480);
  await page.screenshot({ path: join(out, "embed-portal-1280.png"), fullPage: true });

  // English, through the frame's address: new titles, and the height follows.
  await pciFrame.evaluate(() => (location.hash = location.hash + "&lang=en"));
  await pciFrame.waitForFunction(() => /PCI – score/.test(document.querySelector("#index-pci-score h2")?.textContent ?? ""));
  assert.equal(await pciFrame.evaluate(() => document.documentElement.lang), "en");
  await fitted(pci);
  // A narrow portal: the two PCI charts stack, and the frame grows to hold them.
  await page.setViewportSize({ width: 420, height: 800 });
  await figuresReady(pciFrame, "#index-pci-rank");
  const narrow = await fitted(pci);
  assert.ok(narrow.outer > wide[0].outer * 1.5, `${narrow.outer} after ${wide[0].outer}`);
  await fitted(intake);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
});

test("messages from another window or origin change nothing", async (t) => {
  await writeFile(join(folder, "other.js"), "// A page of another site, which tries its luck.\n");
  await writeFile(join(folder, "other.html"), `<!doctype html><meta charset="utf-8"><title>x</title><script src="./other.js"></script>`);
  const url = await portalPage(
    "forged.html",
    `<div data-chiso="./#/embed/dossiers/dossiers-intake?unit=bac-kan"></div>
<iframe id="other" title="another site" src="${evil.url}other.html"></iframe>
<iframe id="sibling" title="our app, not embed.js's frame" src="${app.url}#/embed/services"></iframe>
<script src="${app.url}embed.js" async></script>`,
  );
  const { page, errors } = await fresh(t);
  await page.goto(url);
  const iframe = await page.locator("div[data-chiso] > iframe").elementHandle();
  await figuresReady(await iframe.contentFrame(), "#dossiers-intake");
  const before = await fitted(iframe);
  const id = (await iframe.getAttribute("src")).match(/id=([^&]+)$/)[1];
  const forged = (h) => [{ "datawrapper-height": { [id]: h } }, { sentinel: "amp", type: "embed-size", height: h }];
  // The portal itself, a page of another origin, and a frame of our own origin that is not
  // this iframe: each posts both forms.
  await page.evaluate((msgs) => msgs.forEach((m) => window.postMessage(m, "*")), forged(11));
  const other = page.frames().find((f) => f.url().startsWith(evil.url));
  await other.evaluate((msgs) => msgs.forEach((m) => parent.postMessage(m, "*")), forged(22));
  const sibling = page.frames().find((f) => f.url().includes("#/embed/services"));
  await sibling.evaluate((msgs) => msgs.forEach((m) => parent.postMessage(m, "*")), forged(33));
  // Our iframe itself, once navigated to another site: the right window, the wrong origin.
  const hijacked = await iframe.contentFrame();
  await hijacked.goto(evil.url + "other.html");
  await hijacked.evaluate((msgs) => msgs.forEach((m) => parent.postMessage(m, "*")), forged(44));
  // They arrived (the portal heard them) and the iframe stayed as it was.
  await page.waitForFunction(() => [11, 22, 33, 44].every((h) => window.heard.some((m) => m.data?.height === h)));
  await new Promise((ok) => setTimeout(ok, 300));
  assert.equal((await heights(iframe)).outer, before.outer);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
});

test("the embed dialog copies its snippets (or selects them), and its iframe, pasted as is, reports its height in both forms", async (t) => {
  // The snippet as a publisher copies it from the dashboard's "Nhúng" dialog.
  const { page, context, errors } = await fresh(t);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: origin(app) });
  await page.goto(app.url + "#/dossiers?unit=da-nang&from=2022-Q1");
  await figuresReady(page, "#dossiers-outcome");
  await page.locator("#dossiers-outcome button.embed-open").click();
  const dialog = page.locator("#dossiers-outcome dialog.embed-dialog");
  await dialog.waitFor();
  await page.screenshot({ path: join(out, "embed-dialog.png") });
  const [iframeSnippet, scriptSnippet] = await dialog.locator("textarea").evaluateAll((els) => els.map((e) => e.value));
  assert.match(scriptSnippet, new RegExp(`^<div data-chiso="${app.url}#/embed/dossiers/dossiers-outcome\\?unit=da-nang&amp;from=2022-Q1&amp;id=chiso-dossiers-dossiers-outcome"`));
  assert.match(scriptSnippet, new RegExp(`<script src="${app.url}embed.js" async></script>$`));
  await dialog.locator("button.copy").first().click();
  await dialog.locator(".copied", { hasText: "Đã sao chép" }).first().waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), iframeSnippet);
  // Where the browser refuses the clipboard, the snippet is selected for the reader to copy.
  await page.evaluate(() => (navigator.clipboard.writeText = () => Promise.reject(new Error("refused"))));
  await dialog.locator("button.copy").nth(1).click();
  await dialog.locator(".copied").nth(1).filter({ hasText: "Đã chọn" }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.value.slice(document.activeElement.selectionStart, document.activeElement.selectionEnd)), scriptSnippet);
  await page.keyboard.press("Escape");
  assert.equal(await dialog.isVisible(), false);

  const url = await portalPage("pasted.html", iframeSnippet);
  await page.goto(url);
  const iframe = await page.locator("iframe").elementHandle();
  const frame = await iframe.contentFrame();
  await figuresReady(frame, "#dossiers-outcome");
  const id = "chiso-dossiers-dossiers-outcome";
  let box;
  await page.waitForFunction(() => window.heard.some((m) => m.data?.["datawrapper-height"]) && window.heard.some((m) => m.data?.sentinel === "amp"));
  // The last message of each form matches the content's height once the chart has settled.
  for (let i = 0; i < 50; i++) {
    box = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
    const last = await page.evaluate((id) => {
      const of = (f) => window.heard.filter(f).at(-1)?.data;
      return [of((m) => m.data?.["datawrapper-height"])?.["datawrapper-height"]?.[id], of((m) => m.data?.sentinel === "amp")?.height];
    }, id);
    if (last.every((h) => Math.abs(h - box) <= 2)) break;
    assert.ok(i < 49, `heights ${last} for content ${box}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const heard = await page.evaluate(() => window.heard);
  assert.ok(heard.every((m) => m.origin === origin(app)), "only the app's frame spoke");
  const amp = heard.find((m) => m.data?.sentinel === "amp").data;
  assert.deepEqual(Object.keys(amp).sort(), ["height", "sentinel", "type"]);
  assert.equal(amp.type, "embed-size");
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
});

test("the embed shows its figures, source and link to the full view, and no dashboard chrome, under the app's strict CSP", async (t) => {
  const { page, errors } = await fresh(t);
  await page.goto(app.url + "#/embed/dossiers/dossiers-intake?unit=bac-kan");
  await figuresReady(page, "#dossiers-intake");
  assert.match(await page.locator("#dossiers-intake h2").textContent(), /Hồ sơ tiếp nhận – Bắc Kạn/);
  const table = await tableText(page, "#dossiers-intake");
  assert.match(table, /quý II\/2020[\s\S]*58\.463/);
  assert.match(await page.locator("#dossiers-intake .source").textContent(), /quý II năm 2020 của tỉnh Bắc Kạn/);
  assert.equal(await page.locator("figure.chart").count(), 1);
  for (const chrome of ["header.top", "nav.views", ".controls", "section.files", "button.present", ".langs"]) {
    assert.equal(await page.locator(chrome).count(), 0, chrome);
  }
  assert.equal(await page.locator("button.embed-open").isVisible(), false);
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), "rgb(255, 255, 255)");
  const link = page.locator(".open-full a");
  assert.equal(await link.textContent(), "Mở trong Chỉ số");
  assert.equal(await link.getAttribute("href"), "#/dossiers?unit=bac-kan");
  assert.equal(await link.getAttribute("target"), "_blank");
  assert.equal(await link.getAttribute("rel"), "noopener");
  assert.equal(await link.evaluate((a) => a.href), app.url + "#/dossiers?unit=bac-kan");
  await page.screenshot({ path: join(out, "embed-dossiers.png"), fullPage: true });

  // An illustrative unit's chart carries the badge; an unknown chart says so.
  await page.goto(app.url + "#/embed/indices/index-papi-rank?unit=da-nang&lang=en");
  await figuresReady(page, "#index-papi-rank");
  assert.equal(await page.locator("#index-papi-rank .badge").textContent(), "Illustrative data");
  assert.equal(await page.locator(".open-full a").textContent(), "Open in Chỉ số");
  await page.goto(app.url + "#/embed/indices/nope?unit=da-nang");
  await page.reload();
  const unknown = page.locator(".unknown-chart");
  await unknown.waitFor();
  assert.match(await unknown.textContent(), /Trang “Chỉ số” không có biểu đồ “nope”\. Các biểu đồ của trang: index-pci-score, index-pci-rank/);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
});

test("what one embed transfers against the full dashboard's first view", async (t) => {
  const bytes = async (open) => {
    const { page } = await fresh(t);
    sent.length = 0;
    await open(page);
    // Let late requests (the favicon) land before counting.
    await new Promise((ok) => setTimeout(ok, 500));
    const of = (f) => sent.filter(([p]) => f(p)).reduce((a, [, b]) => a + b, 0);
    return { total: of(() => true), script: of((p) => p === "/embed.js"), files: sent.map(([p, b]) => `${p} ${b}`) };
  };
  const url = await portalPage("one.html", `<div data-chiso="./#/embed/indices/pci?unit=da-nang"></div>\n<script src="${app.url}embed.js" async></script>`);
  const embed = await bytes(async (page) => {
    await page.goto(url);
    await figuresReady(await (await page.locator("iframe").elementHandle()).contentFrame(), "#index-pci-score");
  });
  // A second chart on the same page: the same files, from the browser's cache.
  const pair = await portalPage("pair.html", `<div data-chiso="./#/embed/indices/pci?unit=da-nang"></div>\n<div data-chiso="./#/embed/dossiers?unit=da-nang"></div>\n<script src="${app.url}embed.js" async></script>`);
  const two = await bytes(async (page) => {
    await page.goto(pair);
    const frames = page.locator("iframe");
    await figuresReady(await (await frames.nth(0).elementHandle()).contentFrame(), "#index-pci-score");
    await figuresReady(await (await frames.nth(1).elementHandle()).contentFrame(), "#dossiers-outcome");
  });
  const dashboard = await bytes(async (page) => {
    await page.goto(app.url + "#/indices?unit=da-nang");
    await figuresReady(page, "#index-pci-score");
  });
  const frame = embed.total - embed.script;
  console.log(`# one embed, gzip bodies, cold cache: ${embed.total} bytes = the chart's page ${frame} + embed.js ${embed.script}\n#   ${embed.files.join("\n#   ")}`);
  console.log(`# two embeds on one page: ${two.total} bytes\n#   ${two.files.join("\n#   ")}`);
  console.log(`# full dashboard, first view (#/indices?unit=da-nang), gzip bodies, cold cache: ${dashboard.total} bytes\n#   ${dashboard.files.join("\n#   ")}`);
  // The chart's page loads no more than the dashboard; embed.js, once per portal page
  // whatever the number of charts, stays under 2 KB.
  assert.ok(frame <= dashboard.total, `the embed's page ${frame} > dashboard ${dashboard.total}`);
  assert.ok(embed.script > 0 && embed.script < 2048, `embed.js ${embed.script}`);
  // A second chart on the page fetches nothing new (a 304 has no body).
  assert.ok(two.total <= embed.total + 1024, `two embeds ${two.total}, one ${embed.total}`);
});
