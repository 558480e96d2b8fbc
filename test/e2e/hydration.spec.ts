import type { Page } from "@playwright/test";
import { expect, signInAs, signOut, test } from "./fixtures";

/**
 * Pages that show comments hydrate without errors, whatever the reader's time zone and however
 * their browser formats dates. The server's Node and the browser each carry their own ICU data,
 * and versions differ in the details (", " or " at ", narrow or plain spaces, "UTC" or "GMT"):
 * this browser is made to format dates with narrow no-break spaces, as Node 20 and Chrome 110 did
 * while others did not, so any date the browser formats during hydration shows up as a mismatch.
 */
test.use({ timezoneId: "Asia/Tokyo" });

const SLUG = "unesco-ethics-of-ai";

async function formatDatesLikeAnotherIcu(page: Page) {
  await page.addInitScript(() => {
    const format = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, "format")!;
    Object.defineProperty(Intl.DateTimeFormat.prototype, "format", {
      configurable: true,
      get(this: Intl.DateTimeFormat) {
        const formatted = format.get!.call(this) as (date?: Date | number) => string;
        return (date?: Date | number) => formatted(date).replace(/ /g, "\u202f");
      },
    });
  });
}

/** Hydration errors (React #418, #423, #425) reach the page as errors or as console errors. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

test("the paragraph, analysis and compiled comments pages hydrate without errors in English, French and Arabic", async ({ page }) => {
  await formatDatesLikeAnotherIcu(page);
  const errors = collectErrors(page);

  // A comment with a proposed amendment and a reply: dates, counts, stances and a diff on the page.
  await signInAs(page, "participant@demo.redraft.org");
  await page.goto(`/c/${SLUG}/p/71`);
  const form = page.getByRole("form", { name: "Comment on paragraph 71" });
  await form.getByLabel("Proposed amendment").check();
  await form.getByLabel("Your comment").fill("Name the groups explicitly.\n\nSee https://www.unesco.org for the consultation.");
  const proposed = form.getByLabel(/Proposed wording/);
  await proposed.fill(`${await proposed.inputValue()} This includes women, youth and indigenous peoples.`);
  await form.getByRole("button", { name: "Publish my comment" }).click();
  await expect(page.getByRole("article", { name: /Priya Participant/ })).toBeVisible();
  await signOut(page);
  await signInAs(page, "expert@demo.redraft.org");
  await page.goto(`/c/${SLUG}/p/71`);
  const comment = page.getByRole("article", { name: /Priya Participant/ });
  await comment.getByText("Reply", { exact: true }).click();
  await comment.getByLabel(/Reply to/).fill("Agreed, with one caveat.");
  await comment.getByRole("button", { name: "Publish my reply" }).click();
  await expect(page.getByRole("article", { name: /Emeka Expert/ })).toBeVisible();

  const pages = [`/c/${SLUG}/p/71`, `/c/${SLUG}/analysis`, `/c/${SLUG}/analysis/comments`, `/c/${SLUG}/compiled`];
  for (const language of ["en", "fr", "ar"]) {
    const header = page.getByRole("banner");
    await header.getByLabel(/^(Language|Langue|اللغة)$/).selectOption(language);
    await header.getByRole("button", { name: /^(Change|Changer|تغيير)$/ }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    for (const path of pages) {
      errors.length = 0;
      await page.goto(path);
      // Hydrated: the page's scripts ran.
      await page.waitForFunction(() => (window as { __remixRouter?: unknown }).__remixRouter !== undefined);
      await page.waitForLoadState("networkidle");
      expect({ language, path, errors }).toEqual({ language, path, errors: [] });
    }
  }
  // Once hydrated, the comment's date is the reader's (Tokyo), no longer the server's UTC.
  await page.goto(`/c/${SLUG}/p/71`);
  await expect(page.getByRole("article", { name: /Priya Participant/ }).locator("time").first()).not.toContainText("UTC");
});
