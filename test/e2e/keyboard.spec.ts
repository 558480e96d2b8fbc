import type { Locator, Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, test } from "./fixtures";

/**
 * Reading, signing in and commenting with the keyboard alone: Tab to move, Enter and Space to act,
 * typing to write. No click, no mouse; every stop shows where the focus is.
 */
async function tabTo(page: Page, target: Locator, limit = 400) {
  const handle = await target.elementHandle();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((el) => document.activeElement === el, handle)) {
      // Visible focus: the focused control is drawn with an outline.
      const outline = await target.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline, "focus indicator").not.toBe("none");
      return;
    }
  }
  throw new Error(`Tab never reached ${target}`);
}

test("a participant reads, signs in and comments with the keyboard alone", async ({ page }) => {
  await page.goto("/");
  // The first stop is the skip link, which takes the focus to the content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);

  await tabTo(page, page.getByRole("link", { name: "Sign in" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await tabTo(page, page.getByLabel("E-mail address"));
  await page.keyboard.type("participant@demo.redraft.org");
  await tabTo(page, page.getByLabel("Password", { exact: true }));
  await page.keyboard.type(DEMO_PASSWORD);
  await tabTo(page, page.getByRole("button", { name: "Sign in" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: "My account" })).toBeVisible();

  // Reading: the consultation, then a paragraph through its permalink.
  await tabTo(page, page.getByRole("link", { name: "First draft of the Recommendation on the Ethics of Artificial Intelligence" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/c\/unesco-ethics-of-ai$/);
  await tabTo(page, page.getByRole("link", { name: "Permalink to paragraph 12", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Paragraph 12" })).toBeVisible();

  // Commenting: Space picks the position, typing writes, Enter publishes.
  const form = page.getByRole("form", { name: "Comment on paragraph 12" });
  await tabTo(page, form.getByLabel("Support"));
  await page.keyboard.press("Space");
  await expect(form.getByLabel("Support")).toBeChecked();
  await tabTo(page, form.getByLabel("Your comment"));
  await page.keyboard.type("Typed without a mouse: this paragraph should keep its reference to human rights.");
  await tabTo(page, form.getByRole("button", { name: "Publish my comment" }));
  await page.keyboard.press("Enter");
  await expect(page.locator(".comment__body", { hasText: "Typed without a mouse" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("1 comment");
});
