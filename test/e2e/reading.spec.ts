import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";

const UNESCO = "First draft of the Recommendation on the Ethics of Artificial Intelligence";

/** The newcomer's path: home → consultation → table of contents → permalink → search. */
async function readTheDraft(page: Page) {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Consultations" })).toBeVisible();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: UNESCO }) });
  await expect(card.getByText("Open for comments")).toBeVisible();
  await expect(card.getByText(/^Closes on /)).toBeVisible();
  await card.getByRole("link", { name: UNESCO }).click();

  await expect(page).toHaveURL(/\/c\/unesco-ethics-of-ai$/);
  await expect(page.getByRole("heading", { level: 1, name: UNESCO })).toBeVisible();

  // The table of contents leads to the section inside the draft.
  const toc = page.getByRole("navigation", { name: "Contents" });
  await toc.getByRole("link", { name: /data policy/i }).click();
  await expect(page).toHaveURL(/#p-/);
  const section = page.getByRole("heading", { name: /data policy/i }).last();
  await expect(section).toBeInViewport();

  // Every paragraph carries its label as a permalink.
  await page.getByRole("link", { name: "Permalink to paragraph 71" }).click();
  await expect(page).toHaveURL(/\/c\/unesco-ethics-of-ai\/p\/71$/);
  await expect(page.getByRole("heading", { level: 1, name: "Paragraph 71" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Previous: 70" })).toBeVisible();

  // Search within the draft, matches highlighted.
  await page.goto("/c/unesco-ethics-of-ai");
  await page.getByRole("searchbox", { name: "Search the draft" }).fill("gender equality");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/c\/unesco-ethics-of-ai\/search\?q=gender\+equality$/);
  await expect(page.getByRole("status")).toHaveText(/\d+ paragraphs? match(es)? “gender equality”\./);
  const marks = page.locator("mark");
  expect(await marks.count()).toBeGreaterThan(1);
  for (const text of await marks.allTextContents()) expect(text.toLowerCase()).toMatch(/^(gender|equality)$/);
  // A result leads to its paragraph.
  await page.getByRole("listitem").filter({ has: page.locator("mark") }).first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /^Paragraph / })).toBeVisible();
  await expect(page.locator("main")).toContainText(/gender/i);
}

test("a newcomer reads the UNESCO draft: contents, permalink and search", async ({ page }) => {
  await readTheDraft(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same reading path works", async ({ page }) => {
    await readTheDraft(page);
    // The app ships its scripts; they simply never ran, so nothing above depended on them.
    expect(await page.locator('link[rel="modulepreload"]').count()).toBeGreaterThan(0);
  });
});

test("a sub-paragraph of a resolution has its own permalink page", async ({ page }) => {
  const response = await page.goto("/c/ga-78-265-trustworthy-ai/p/OP4(a)");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Paragraph OP4(a)" })).toBeVisible();
  const breadcrumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(breadcrumbs.getByRole("link", { name: "OP4", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Next: OP4(b)" })).toBeVisible();
});

test("unknown consultations and labels get a helpful 404, malformed addresses a 400", async ({ page }) => {
  let response = await page.goto("/c/unesco-ethics-of-ai/p/999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByText("This draft has no paragraph labelled “999”.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the list of consultations" })).toBeVisible();

  response = await page.goto("/c/no-such-thing");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("There is no consultation at “no-such-thing”.")).toBeVisible();

  response = await page.goto("/c/unesco-ethics-of-ai/p/%E0%A4%A");
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1, name: "Bad request" })).toBeVisible();
});

test("reading pages have no accessibility violations", async ({ page }) => {
  for (const path of [
    "/",
    "/c/unesco-ethics-of-ai",
    "/c/unesco-ethics-of-ai/p/71",
    "/c/ga-78-265-trustworthy-ai/p/OP4",
    "/c/unesco-ethics-of-ai/search?q=privacy",
    "/c/un-system-ai-capacity-road-map",
    "/c/unesco-ethics-of-ai/p/999",
  ]) {
    await page.goto(path);
    await test.step(path, () => expectNoAxeViolations(page));
  }
});

test("the draft reads on a 360 px wide phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/", "/c/unesco-ethics-of-ai", "/c/ga-78-265-trustworthy-ai/p/OP6(q)"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test("keyboard users can skip to the content and see where focus is", async ({ page }) => {
  await page.goto("/c/unesco-ethics-of-ai");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});
