import type { Browser, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

const PARAGRAPH = "/c/unesco-ethics-of-ai/p/PP1";

async function signedIn(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAs(page, email);
  return { context, page };
}

const live = (page: Page) => expect(page.getByRole("status").filter({ hasText: "Writing together" })).toBeVisible();
const body = (page: Page) => page.getByRole("textbox", { name: "Your joint comment" });
const wording = (page: Page) => page.getByRole("textbox", { name: "Proposed wording" });

test("two participants write a joint amendment live, both sign, it is published with its two co-signers and counted under both their regions", async ({ browser, server }) => {
  const a = await signedIn(browser, server.url, "participant@demo.redraft.org");
  const b = await signedIn(browser, server.url, "participant1@demo.redraft.org");
  const c = await signedIn(browser, server.url, "participant2@demo.redraft.org");

  // A starts from the paragraph's comment form; an amendment starts from the paragraph's text.
  await a.page.goto(PARAGRAPH);
  await a.page.getByRole("link", { name: "Write a joint submission with others instead" }).click();
  await expect(a.page.getByRole("radio", { name: "Proposed amendment" })).toBeChecked();
  await a.page.getByRole("button", { name: "Start the joint draft" }).click();
  await expect(a.page.getByRole("heading", { level: 1 })).toHaveText("Joint submission on paragraph PP1 · Proposed amendment");
  const draftUrl = new URL(a.page.url()).pathname;
  await live(a.page);
  await expect(wording(a.page)).toContainText("Recognizing the profound and dynamic impact");
  await expectNoAxeViolations(a.page);

  // Before being invited, C cannot open it.
  await c.page.goto(draftUrl);
  await expect(c.page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  // A shares a single-use link with B, who accepts it.
  await a.page.getByRole("button", { name: "Create an invitation link" }).click();
  const link = await a.page.getByLabel("Share this link with your co-authors (it is shown only once):").inputValue();
  await b.page.goto(link);
  await expectNoAxeViolations(b.page);
  await b.page.getByRole("button", { name: "Accept and join the joint draft" }).click();
  await expect(b.page).toHaveURL(new RegExp(`${draftUrl}$`));
  await live(b.page);

  // Each sees the other, with organisation and country.
  await expect(a.page.getByRole("complementary", { name: "2 people here" })).toContainText("Kwame Mensah");
  await expect(a.page.getByRole("complementary", { name: "2 people here" })).toContainText("Accra Digital Rights Forum · Ghana");
  await expect(b.page.getByRole("complementary", { name: "2 people here" })).toContainText("Priya Participant");

  // Both type at once, each in one field, and see the other's words and cursor.
  await body(a.page).click();
  await wording(b.page).click();
  await b.page.keyboard.press("ControlOrMeta+End");
  await Promise.all([a.page.keyboard.type("Our coalition asks for stronger oversight."), b.page.keyboard.type(" under independent oversight")]);
  await expect(body(b.page)).toContainText("Our coalition asks for stronger oversight.");
  await expect(wording(a.page)).toContainText("under independent oversight");
  await expect(b.page.locator(".ProseMirror-yjs-cursor", { hasText: "Priya Participant" })).toBeVisible();
  await expect(a.page.locator(".ProseMirror-yjs-cursor", { hasText: "Kwame Mensah" })).toBeVisible();

  // Both sign the text as it now stands; A submits.
  await b.page.getByRole("button", { name: "Sign this text" }).click();
  await expect(b.page.getByRole("button", { name: "Withdraw my signature" })).toBeVisible();
  await a.page.getByRole("button", { name: "Sign this text" }).click();
  await expect(a.page.getByRole("button", { name: "Withdraw my signature" })).toBeVisible();
  await a.page.getByRole("button", { name: "Submit the joint submission" }).click();

  // Published as one comment, on behalf of the two who signed.
  await expect(a.page.getByText("On behalf of 2 co-signers:")).toBeVisible();
  const signers = a.page.getByRole("list", { name: "On behalf of 2 co-signers:" });
  await expect(signers).toContainText("Priya Participant");
  await expect(signers).toContainText("Kwame Mensah · Accra Digital Rights Forum · Ghana");

  // C, who was never a co-author, still cannot open it; B sees it read-only.
  await c.page.goto(draftUrl);
  await expect(c.page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await b.page.goto(draftUrl);
  await expect(b.page.getByText("This joint submission has been submitted; its text can no longer change.")).toBeVisible();

  // The expert group finds it counted once, under both signers' regions (Kwame: Ghana, Priya: India).
  const expert = await signedIn(browser, server.url, "expert@demo.redraft.org");
  await expert.page.goto("/c/unesco-ethics-of-ai/analysis?joint=only");
  await expect(expert.page.getByRole("status")).toContainText("1 comment from 1 participant");
  const byRegion = expert.page.getByRole("table", { name: "Co-signers by region" });
  await expect(byRegion.getByRole("row", { name: /Africa/ })).toBeVisible();
  await expect(byRegion.getByRole("row", { name: /Asia and the Pacific/ })).toBeVisible();

  for (const who of [a, b, c, expert]) await who.context.close();
});
