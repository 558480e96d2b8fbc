import type { Locator, Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, signInAs, signOut, test } from "./fixtures";

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
  await expect(page.getByRole("status").filter({ hasText: /^1 comment$/ })).toBeVisible();
});

test("an expert filters the analysis and decides on a comment with the keyboard alone", async ({ page }) => {
  // Set-up (not the flow under test): a participant's comment on paragraph 71.
  await signInAs(page, "participant@demo.redraft.org");
  await page.goto("/c/unesco-ethics-of-ai/p/71");
  const form = page.getByRole("form", { name: "Comment on paragraph 71" });
  await form.getByLabel("Concern").check();
  await form.getByLabel("Your comment").fill("Explainability needs a plain-language summary.");
  await form.getByRole("button", { name: "Publish my comment" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^1 comment$/ })).toBeVisible();
  await signOut(page);

  await signInAs(page, "expert@demo.redraft.org");
  await page.goto("/c/unesco-ethics-of-ai");
  await tabTo(page, page.getByRole("link", { name: "Analysis of the feedback" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Analysis of the feedback" })).toBeVisible();

  // A closed select takes typed letters; Enter on the button applies the filters.
  const filters = page.getByRole("form", { name: "Filter the analysis" });
  await tabTo(page, filters.getByLabel("Region"));
  await page.keyboard.type("Asia");
  await expect(filters.getByLabel("Region")).toHaveValue("asia-pacific");
  await tabTo(page, filters.getByRole("button", { name: "Apply the filters" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/region=asia-pacific/);
  await expect(page.getByRole("status").first()).toContainText("Region: Asia and the Pacific");

  // The compiled comments table: a decision, its rationale, saved with Enter.
  await page.goto("/c/unesco-ethics-of-ai/compiled");
  const table = page.getByRole("table", { name: /Compiled comments, page 1 of 1/ });
  const id = (await table.getByRole("row").filter({ hasText: "plain-language summary" }).getByRole("rowheader").textContent())!.trim();
  await tabTo(page, page.getByLabel(`Decision on comment ${id}`));
  await page.keyboard.type("Accepted in part");
  await expect(page.getByLabel(`Decision on comment ${id}`)).toHaveValue("accepted-in-part");
  await tabTo(page, page.getByLabel(`Rationale for comment ${id}`));
  await page.keyboard.type("A summary is added to the explanatory note.");
  await tabTo(page, page.getByRole("button", { name: `Save comment ${id}` }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved for 1 comment." })).toBeVisible();
});
