/**
 * Renders the pages the README and reviewers look at, from a fresh seeded database:
 * `npx tsx test/support/take-screenshots.ts [out-folder]` (default docs/). Needs a build.
 */
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { repoRoot, startServer } from "./start-server";

const outFolder = process.argv[2] ?? join(repoRoot, "docs");
const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const shots: [string, string][] = [
    ["/c/unesco-ethics-of-ai", "screenshot.png"],
    ["/", "screenshot-home.png"],
    ["/c/un-system-ai-capacity-road-map", "screenshot-road-map.png"],
    ["/c/ga-78-265-trustworthy-ai/p/OP4(a)", "screenshot-permalink.png"],
  ];
  for (const [path, file] of shots) {
    await page.goto(server.url + path);
    await page.screenshot({ path: join(outFolder, file) });
  }
  const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await phone.goto(`${server.url}/c/unesco-ethics-of-ai/p/2(a)(i)`);
  await phone.screenshot({ path: join(outFolder, "screenshot-phone.png") });
} finally {
  await browser.close();
  await server.stop();
}
