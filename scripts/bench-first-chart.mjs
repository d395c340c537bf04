// Time to first chart of the release build in headless Chromium, printed, not asserted: from
// navigation start to the frame after the first chart was drawn (the app's own
// "chiso:first-chart" mark), next to the page's first contentful paint measured in the same
// loads as a baseline. Unthrottled, and at 4× CPU slowdown (Lighthouse's "mid-tier mobile").
import { serve, launch, dist } from "./lib/harness.mjs";

const RUNS = 7;
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

const server = await serve(dist);
const browser = await launch();
console.log(`time to first chart, median of ${RUNS} cold loads (800×1280, data: the bundled sample)`);
for (const slowdown of [1, 4]) {
  const fcp = [];
  const chart = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
    await page.goto(server.url + "#/dossiers?unit=bac-kan");
    await page.waitForFunction(() => performance.getEntriesByName("chiso:first-chart").length > 0, null, { timeout: 60000 });
    const [f, c] = await page.evaluate(() => [
      performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
      performance.getEntriesByName("chiso:first-chart")[0].startTime,
    ]);
    fcp.push(f);
    chart.push(c);
    await context.close();
  }
  const [f, c] = [median(fcp), median(chart)];
  console.log(`  CPU ${slowdown}×: first contentful paint ${f.toFixed(0)} ms, first chart ${c.toFixed(0)} ms (${(c / f).toFixed(2)}× FCP)`);
}
await browser.close();
await server.close();
