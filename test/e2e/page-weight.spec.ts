import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * The low-bandwidth budget: the first load of the largest draft (UNESCO's, 140-odd paragraphs)
 * — HTML, CSS and JavaScript, counted as the server sends them (compressed) — stays under
 * 100 KB. Each response's body is measured as it came over the wire.
 */
const BUDGET_BYTES = 100 * 1024;

async function firstLoadBytes(page: Page, path: string) {
  const sizes = new Map<string, { type: string; bytes: number }>();
  page.on("requestfinished", async (request) => {
    const type = request.resourceType();
    if (!["document", "script", "stylesheet"].includes(type)) return;
    const { responseBodySize, responseHeadersSize } = await request.sizes();
    sizes.set(request.url(), { type, bytes: responseBodySize + responseHeadersSize });
  });
  await page.goto(path, { waitUntil: "networkidle" });
  const total = [...sizes.values()].reduce((sum, s) => sum + s.bytes, 0);
  const types = new Set([...sizes.values()].map((s) => s.type));
  const detail = [...sizes].map(([url, s]) => `${s.type} ${new URL(url).pathname} ${s.bytes}`).join("\n");
  return { total, detail, types };
}

for (const language of ["en", "ar"] as const) {
  test(`the largest draft's first load stays under 100 KB compressed (${language})`, async ({ browser, server }) => {
    const context = await browser.newContext({ baseURL: server.url, locale: language, extraHTTPHeaders: { "Accept-Language": language } });
    const page = await context.newPage();
    const { total, detail, types } = await firstLoadBytes(page, "/c/unesco-ethics-of-ai");
    console.log(`first load (${language}): ${total} bytes\n${detail}`);
    // The measurement saw the page and its stylesheet (a budget that counts nothing cannot fail).
    expect([...types].sort()).toEqual(expect.arrayContaining(["document", "stylesheet"]));
    expect(total).toBeGreaterThan(10_000);
    expect(total, detail).toBeLessThan(BUDGET_BYTES);
    await context.close();
  });
}
