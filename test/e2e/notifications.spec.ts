import type { Browser, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

const SLUG = "unesco-ethics-of-ai";
const PARAGRAPH = `/c/${SLUG}/p/71`;
const EMAIL = "nadia.newcomer@example.org";
const COMMENT = "Name the communities the paragraph means.";

/** Another person at another computer: a fresh browser context on the same server. */
async function someoneElse(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signInAs(page, email);
  return page;
}

/** The outbox messages to the newcomer whose subject matches, as the secretariat reads them. */
function outboxMessages(secretariat: Page, subject: RegExp) {
  return secretariat.getByRole("article", { name: subject }).filter({ hasText: EMAIL });
}

test("a newcomer confirms the address, comments, hears of replies in the app and by e-mail, unsubscribes, and is told the decision", async ({ page, browser, server }) => {
  // Registers: the account page asks to confirm the address.
  await page.goto("/register");
  await page.getByLabel("Name shown with your comments").fill("Nadia Newcomer");
  await page.getByLabel("E-mail address").fill(EMAIL);
  await page.getByLabel("Password", { exact: true }).fill("a long and personal passphrase");
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "Kenya" });
  await page.getByLabel("Stakeholder group").selectOption({ label: "Youth organisation" });
  await page.getByLabel(/I have read the privacy notice/).check();
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("heading", { name: "Your e-mail address is not confirmed yet" })).toBeVisible();

  // Before confirming, the comment form says so; sending keeps the text and publishes nothing.
  await page.goto(PARAGRAPH);
  const form = page.getByRole("form", { name: "Comment on paragraph 71" });
  await expect(form.getByText("Your e-mail address is not confirmed yet")).toBeVisible();
  await form.getByLabel("Concern").check();
  await form.getByLabel("Your comment").fill(COMMENT);
  await form.getByRole("button", { name: "Publish my comment" }).click();
  await expect(form.getByRole("alert")).toContainText("Not published yet: confirm your e-mail address first");
  await expect(form.getByLabel("Your comment")).toHaveValue(COMMENT);
  await expect(page.getByRole("article", { name: /Nadia Newcomer/ })).toHaveCount(0);

  // The confirmation link waits in the outbox (no SMTP here), which the secretariat reads.
  const secretariat = await someoneElse(browser, server.url, "secretariat@demo.redraft.org");
  await secretariat.goto("/admin/outbox");
  const confirmation = outboxMessages(secretariat, /Confirm your e-mail address for Redraft/);
  const confirmLink = (await confirmation.textContent())!.match(/https?:\/\/\S+\/confirm-email\/[\w-]+/)![0];
  await page.goto(confirmLink);
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("status")).toContainText("your e-mail address is confirmed");

  // Now the comment is published.
  await page.goto(PARAGRAPH);
  await form.getByLabel("Concern").check();
  await form.getByLabel("Your comment").fill(COMMENT);
  await form.getByRole("button", { name: "Publish my comment" }).click();
  await expect(page.getByRole("article", { name: /Nadia Newcomer/ }).filter({ hasText: COMMENT })).toBeVisible();
  // Commenting follows the paragraph.
  await expect(page.getByRole("button", { name: "Following Paragraph 71 — stop" })).toBeVisible();

  // Another participant replies.
  const priya = await someoneElse(browser, server.url, "participant@demo.redraft.org");
  async function replyAs(who: Page, text: string) {
    await who.goto(PARAGRAPH);
    const comment = who.getByRole("article", { name: /Nadia Newcomer/ });
    await comment.getByText("Reply", { exact: true }).click();
    await comment.getByLabel(/Reply to/).fill(text);
    await comment.getByRole("button", { name: "Publish my reply" }).click();
    await expect(who.getByRole("status").filter({ hasText: "Your reply is published." })).toBeVisible();
  }
  await replyAs(priya, "Which ones do you have in mind?");

  // The newcomer finds it in the app, the unread count in the header.
  await page.goto("/");
  await page.getByRole("link", { name: "Notifications, 1 unread" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Priya Participant replied to your comment on paragraph 71/ })).toBeVisible();
  await expect(page.getByText("Which ones do you have in mind?")).toBeVisible();
  await expectNoAxeViolations(page);

  // And the e-mail in the outbox, with an unsubscribe link.
  await secretariat.goto("/admin/outbox");
  const replyMail = outboxMessages(secretariat, /Priya Participant replied to your comment/);
  await expect(replyMail).toHaveCount(1);
  const unsubscribeLink = (await replyMail.textContent())!.match(/https?:\/\/\S+\/unsubscribe\/[\w.-]+/)![0];

  // The link works without signing in: opening it asks, the button unsubscribes.
  const stranger = await (await browser.newContext({ baseURL: server.url })).newPage();
  await stranger.goto(unsubscribeLink);
  await expect(stranger.getByText(`Stop sending e-mails about replies to your comments to ${EMAIL}?`)).toBeVisible();
  await stranger.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(stranger.getByRole("status")).toContainText("Done: no more e-mails about replies to your comments.");

  // A second reply: in the app, but no second e-mail.
  const other = await someoneElse(browser, server.url, "participant1@demo.redraft.org");
  await replyAs(other, "Indigenous peoples, at least.");
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { level: 2, name: /replied to your comment on paragraph 71/ })).toHaveCount(2);
  await secretariat.goto("/admin/outbox");
  await expect(outboxMessages(secretariat, /replied to your comment/)).toHaveCount(1);

  // An expert records a disposition: the author is told, with the rationale.
  const expert = await someoneElse(browser, server.url, "expert@demo.redraft.org");
  await expert.goto(`/c/${SLUG}/compiled`);
  const filters = expert.getByRole("form", { name: "Filter the comments" });
  await filters.getByLabel("Paragraph", { exact: true }).selectOption("71");
  await filters.getByRole("button", { name: "Show" }).click();
  const row = expert.getByRole("table", { name: /Compiled comments/ }).getByRole("row").filter({ hasText: COMMENT });
  const id = (await row.getByRole("rowheader").textContent())!.trim();
  await expert.getByLabel(`Decision on comment ${id}`).selectOption("accepted-in-part");
  await expert.getByLabel(`Rationale for comment ${id}`).fill("Indigenous peoples are now named; other groups stay general.");
  await expert.getByRole("button", { name: `Save comment ${id}` }).click();
  await expect(expert.getByRole("status").filter({ hasText: "Saved for 1 comment." })).toBeVisible();

  await page.goto("/notifications");
  const decision = page.getByRole("article").filter({ has: page.getByRole("heading", { name: /The expert group decided on your comment on paragraph 71: Accepted in part/ }) });
  await expect(decision).toContainText("Indigenous peoples are now named; other groups stay general.");
  await expect(decision).toContainText(COMMENT);
  await secretariat.goto("/admin/outbox");
  await expect(outboxMessages(secretariat, /The expert group decided on your comment/)).toContainText("Indigenous peoples are now named; other groups stay general.");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a participant follows a consultation and stops following it from the notifications page", async ({ page }) => {
    await signInAs(page, "participant@demo.redraft.org");
    await page.goto(`/c/${SLUG}`);
    await page.getByRole("button", { name: /^Follow / }).click();
    await expect(page.getByRole("button", { name: /^Following .* — stop$/ })).toBeVisible();
    await page.goto("/notifications");
    const follows = page.getByRole("region", { name: "What you follow" });
    await follows.getByRole("button", { name: /^Stop following: / }).click();
    await expect(page.getByRole("region", { name: "What you follow" })).toContainText("You follow nothing yet.");
  });

  test("the secretariat writes to the followers of a consultation; they find it in the app", async ({ page, browser, server }) => {
    await signInAs(page, "participant@demo.redraft.org");
    await page.goto(`/c/${SLUG}`);
    await page.getByRole("button", { name: /^Follow / }).click();
    await expect(page.getByRole("button", { name: /^Following .* — stop$/ })).toBeVisible();

    const secretariat = await (await browser.newContext({ baseURL: server.url, javaScriptEnabled: false })).newPage();
    await signInAs(secretariat, "secretariat@demo.redraft.org");
    await secretariat.goto(`/admin/consultations/${SLUG}`);
    await secretariat.getByRole("link", { name: "Write to the participants" }).click();
    await secretariat.getByRole("button", { name: "Send the message" }).click();
    await expect(secretariat.getByRole("alert")).toContainText("Please correct");
    await secretariat.getByLabel("Subject").fill("Two more weeks to comment");
    await secretariat.getByLabel("Message").fill("The consultation now closes at the end of the month.");
    await secretariat.getByRole("button", { name: "Send the message" }).click();
    await expect(secretariat.getByRole("status").filter({ hasText: /^Sent to \d+ participants?\.$/ })).toBeVisible();

    await page.reload();
    await page.getByRole("link", { name: "Notifications, 1 unread" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Unread: A message from the secretariat: Two more weeks to comment" })).toBeVisible();
  });

  test("the secretariat confirms an address by hand", async ({ page, browser, server }) => {
    await page.goto("/register");
    await page.getByLabel("Name shown with your comments").fill("Omar Offline");
    await page.getByLabel("E-mail address").fill("omar@example.org");
    await page.getByLabel("Password", { exact: true }).fill("a long and personal passphrase");
    await page.getByLabel("Country", { exact: true }).selectOption({ label: "Egypt" });
    await page.getByLabel("Stakeholder group").selectOption({ label: "Youth organisation" });
    await page.getByLabel(/I have read the privacy notice/).check();
    await page.getByRole("button", { name: "Create my account" }).click();
    await expect(page.getByRole("heading", { name: "Your e-mail address is not confirmed yet" })).toBeVisible();

    const secretariat = await (await browser.newContext({ baseURL: server.url, javaScriptEnabled: false })).newPage();
    await signInAs(secretariat, "secretariat@demo.redraft.org");
    await secretariat.goto("/admin/participants?q=omar");
    await secretariat.getByRole("button", { name: "Confirm by hand: Omar Offline" }).click();
    await expect(secretariat.getByRole("status").first()).toHaveText("The e-mail address of Omar Offline is now confirmed.");
    await expect(secretariat.getByRole("row").filter({ hasText: "Omar Offline" })).toContainText("Confirmed");

    await page.reload();
    await expect(page.getByRole("heading", { name: "Your e-mail address is not confirmed yet" })).toHaveCount(0);
  });
});
