import type { Browser, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

const REVISE = "/c/unesco-ethics-of-ai/revise";

async function openAs(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAs(page, email);
  await page.goto(REVISE);
  await expect(page.getByRole("status").filter({ hasText: /Editing together|Read-only/ })).toBeVisible();
  return { context, page };
}

const editor = (page: Page) => page.getByRole("textbox", { name: "Working draft" });
const block = (page: Page, label: string) => editor(page).locator(`[data-label="${label}"]`);

/**
 * Puts the caret at the end of a paragraph, as a person clicking after its last word would. The
 * "End" key only reaches the end of the visual line, which depends on the window's width and the
 * font, so it would type into the middle of a paragraph that wraps.
 */
async function caretAtEndOf(page: Page, label: string) {
  await block(page, label).click();
  await block(page, label).evaluate((paragraph) => {
    const range = paragraph.ownerDocument.createRange();
    range.selectNodeContents(paragraph);
    range.collapse(false);
    const selection = paragraph.ownerDocument.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
}

test("two experts edit the working draft together: typing, remote cursors, offline edits merging", async ({ browser, server }) => {
  const lead = await openAs(browser, server.url, "expert@demo.redraft.org");
  const colleague = await openAs(browser, server.url, "secretariat@demo.redraft.org");

  // Presence: each sees the other, with role and region.
  await expect(lead.page.getByRole("complementary", { name: /2 people here/ })).toContainText("Amina Secretariat");
  await expect(colleague.page.getByRole("complementary", { name: /2 people here/ })).toContainText("Emeka Expert");
  await expect(colleague.page.getByRole("complementary", { name: /2 people here/ })).toContainText("Amina Secretariat (you)");
  await expect(colleague.page.getByRole("complementary", { name: /2 people here/ })).toContainText("Expert · Africa");

  // Typing in one shows in the other.
  await caretAtEndOf(lead.page, "OP1");
  await lead.page.keyboard.type(" Agreed by the expert group.");
  await expect(block(colleague.page, "OP1")).toContainText("Agreed by the expert group.");

  // The other's cursor is drawn, with their name.
  await expect(colleague.page.locator(".ProseMirror-yjs-cursor", { hasText: "Emeka Expert" })).toBeVisible();

  // Offline, the colleague keeps editing; both sides' changes merge on reconnect.
  await colleague.context.setOffline(true);
  await expect(colleague.page.getByRole("status").filter({ hasText: "Offline" })).toBeVisible({ timeout: 15_000 });
  await caretAtEndOf(colleague.page, "OP2");
  await colleague.page.keyboard.type(" Written while offline.");
  await caretAtEndOf(lead.page, "OP3");
  await lead.page.keyboard.type(" Written meanwhile online.");
  await colleague.context.setOffline(false);
  await expect(block(lead.page, "OP2")).toContainText("Written while offline.");
  await expect(block(colleague.page, "OP3")).toContainText("Written meanwhile online.");

  // Splitting a paragraph renumbers what follows, live.
  await caretAtEndOf(lead.page, "OP2");
  await lead.page.keyboard.press("Enter");
  await lead.page.keyboard.type("A new operative paragraph.");
  await expect(block(colleague.page, "OP3")).toContainText("A new operative paragraph.");
  await expect(block(colleague.page, "OP4")).toContainText("Written meanwhile online.");

  await expectNoAxeViolations(lead.page);

  // The lead publishes: the next version shows what changed, paragraph by paragraph.
  await lead.page.getByRole("button", { name: "Publish this revision" }).click();
  await expect(lead.page.getByRole("heading", { name: "Version 2 compared with version 1" })).toBeVisible();
  await expect(lead.page.getByRole("status")).toContainText("3 paragraphs changed, 1 added");
  await expect(lead.page.locator("ins").filter({ hasText: "Agreed by the expert group." })).toBeVisible();

  await lead.context.close();
  await colleague.context.close();
});

test("a participant may not open the working draft; a moderator follows it read-only", async ({ browser, server, page }) => {
  await signInAs(page, "participant@demo.redraft.org");
  const response = await page.goto(REVISE);
  expect(response?.status()).toBe(403);

  const moderator = await openAs(browser, server.url, "moderator@demo.redraft.org");
  await expect(moderator.page.getByRole("status").filter({ hasText: "Read-only" })).toBeVisible();
  await expect(editor(moderator.page)).toHaveAttribute("contenteditable", "false");
  await moderator.context.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the working draft reads as text", async ({ page }) => {
    await signInAs(page, "expert@demo.redraft.org");
    await page.goto(REVISE);
    await expect(page.getByText("Adopts the present Recommendation on the Ethics of Artificial Intelligence;")).toBeVisible();
  });
});

test("the co-editor labels every paragraph as the published draft does: text typed into 71 is published as 71", async ({ browser, server }) => {
  const published = await browser.newPage({ baseURL: server.url });
  await published.goto("/c/unesco-ethics-of-ai");
  const publishedLabels = (await published.getByRole("link", { name: /^Permalink to paragraph / }).allTextContents()).map((l) => l.trim());
  expect(publishedLabels).toContain("71");

  // Two experts open the working draft one after the other, then the first comes back to it.
  const lead = await openAs(browser, server.url, "expert@demo.redraft.org");
  const colleague = await openAs(browser, server.url, "expert2@demo.redraft.org");
  await lead.page.reload();
  await expect(lead.page.getByRole("status").filter({ hasText: "Editing together" })).toBeVisible();

  for (const { page } of [lead, colleague]) {
    // No empty paragraph has crept in, and the paragraphs' labels (headings aside: they have no
    // permalink) read as on the published draft, in order.
    const blocks = await editor(page)
      .locator("p")
      .evaluateAll((ps) => ps.map((p) => ({ label: p.getAttribute("data-label"), kind: p.getAttribute("data-kind"), text: p.textContent ?? "" })));
    expect(blocks.filter((b) => b.text.trim() === "")).toEqual([]);
    expect(blocks.flatMap((b) => (b.label && b.kind !== "heading" ? [b.label] : []))).toEqual(publishedLabels);
  }

  await expect(block(lead.page, "71")).toContainText("Member States should set clear requirements for AI system transparency");
  await caretAtEndOf(lead.page, "71");
  await lead.page.keyboard.type(" Typed into paragraph 71.");
  await expect(block(colleague.page, "71")).toContainText("Typed into paragraph 71.");
  await lead.page.getByRole("button", { name: "Publish this revision" }).click();
  await expect(lead.page.getByRole("heading", { name: "Version 2 compared with version 1" })).toBeVisible();

  await published.goto("/c/unesco-ethics-of-ai/p/71");
  await expect(published.getByRole("main")).toContainText("Member States should set clear requirements for AI system transparency");
  await expect(published.getByRole("main")).toContainText("Typed into paragraph 71.");
  await published.goto("/c/unesco-ethics-of-ai/p/70");
  await expect(published.getByRole("main")).not.toContainText("Typed into paragraph 71.");

  await lead.context.close();
  await colleague.context.close();
  await published.close();
});
