import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

const PARAGRAPH = "/c/unesco-ethics-of-ai/p/71";

/** Uses up the signed-in participant's allowance of comments (40 in 10 minutes by default). */
async function useUpAllowance(page: Page) {
  for (let i = 0; ; i++) {
    const response = await page.request.post(PARAGRAPH, {
      form: { intent: "comment", stance: "remark", body: `Comment ${i}`, submissionId: crypto.randomUUID() },
      maxRedirects: 0,
    });
    if (response.status() === 429) return;
    expect(response.status()).toBe(302);
  }
}

async function writeComment(page: Page, text: string) {
  await page.goto(PARAGRAPH);
  const form = page.getByRole("form", { name: "Comment on paragraph 71" });
  await form.getByLabel("General remark").check();
  await form.getByLabel("Your comment").fill(text);
  await form.getByRole("button", { name: "Publish my comment" }).click();
  return form;
}

test("with JavaScript, a refused comment shows when to try again and keeps the text", async ({ page }) => {
  await signInAs(page, "participant@demo.redraft.org");
  await useUpAllowance(page);
  const form = await writeComment(page, "A point I do not want to type twice.");
  await expect(form.getByRole("alert")).toContainText(/Please try again in \d+ minutes?; your text is kept below\./);
  await expect(form.getByLabel("Your comment")).toHaveValue("A point I do not want to type twice.");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a refused comment is answered by a light page with the text in a form to send again", async ({ page }) => {
    await signInAs(page, "participant@demo.redraft.org");
    await useUpAllowance(page);
    await writeComment(page, "A point I do not want to type twice.");
    await expect(page.getByRole("heading", { level: 1, name: "Please wait a little" })).toBeVisible();
    await expect(page.getByRole("alert")).toContainText(/Please try again in \d+ minutes?/);
    await expect(page.getByLabel("Your comment")).toHaveValue("A point I do not want to type twice.");
    await expect(page.getByRole("button", { name: "Send again" })).toBeVisible();
    await page.getByRole("link", { name: "Back to the comments" }).click();
    await expect(page).toHaveURL(new RegExp(`${PARAGRAPH}$`));
  });
});
