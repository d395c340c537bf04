// What the browser tests and the benchmark share besides the server (server.mjs): the repository's
// folders and a headless Chromium from the system (nothing is downloaded).
import { join, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "../..");
export const dist = join(root, "dist");

/// Headless Chromium (`$CHROMIUM`, else Debian's); Playwright gives every launch a fresh,
/// temporary profile of its own. Imported lazily, so serving needs no browser driver.
export async function launch() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
