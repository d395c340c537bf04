// Makes the app's icons (public/icons/*.png) from public/favicon.svg, drawn by headless Chromium
// at each size: 192 and 512 as they are, and a maskable 512 whose artwork sits inside the
// central 60 % so that any mask shape (circle, squircle) keeps it whole. Run once when the
// favicon changes; the PNGs are committed. `node scripts/icons.mjs`
import { readFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { root, launch } from "./lib/harness.mjs";

const svg = readFileSync(join(root, "public/favicon.svg"), "utf8");
const background = "#0072b2"; // the favicon's own tile colour, which fills a maskable icon's bleed
const icons = [
  { name: "icon-192.png", size: 192, inset: 0, fill: "transparent" },
  { name: "icon-512.png", size: 512, inset: 0, fill: "transparent" },
  { name: "icon-maskable-512.png", size: 512, inset: 0.2, fill: background },
];

const dir = join(root, "public/icons");
mkdirSync(dir, { recursive: true });
const browser = await launch();
try {
  for (const { name, size, inset, fill } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const art = size * (1 - 2 * inset);
    const html = `<!doctype html><html><body style="margin:0;width:${size}px;height:${size}px;background:${fill};display:grid;place-items:center">
<img width="${art}" height="${art}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}"></body></html>`;
    await page.setContent(html);
    await page.waitForFunction(() => document.images[0].complete);
    await page.screenshot({ path: join(dir, name), omitBackground: fill === "transparent" });
    await page.close();
    console.log(`public/icons/${name}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
