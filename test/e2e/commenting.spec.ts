import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, liveConnectionAcknowledged, signInAs, signOut, test } from "./fixtures";

const PARAGRAPH = "/c/unesco-ethics-of-ai/p/71";

/** Signs in and comments on paragraph 71 with JavaScript on. */
async function postComment(page: Page, email: string, stance: string, text: string) {
  await signInAs(page, email);
  await page.goto(PARAGRAPH);
  const form = page.getByRole("form", { name: "Comment on paragraph 71" });
  await form.getByLabel(stance).check();
  await form.getByLabel("Your comment").fill(text);
  await form.getByRole("button", { name: "Publish my comment" }).click();
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a participant proposes an amendment; the comment shows the word-level change", async ({ page }) => {
    await page.goto(PARAGRAPH);
    await page.getByRole("link", { name: "Sign in to comment" }).click();
    await page.getByLabel("E-mail address").fill("participant@demo.redraft.org");
    await page.getByLabel("Password", { exact: true }).fill("redraft-demo-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`${PARAGRAPH.replace(/\//g, "\\/")}$`));

    const form = page.getByRole("form", { name: "Comment on paragraph 71" });
    await form.getByRole("button", { name: "Publish my comment" }).click();
    await expect(page.getByText("Choose your position on the paragraph.").last()).toBeVisible();

    await form.getByLabel("Proposed amendment").check();
    await form.getByLabel("Your comment").fill("Name the groups explicitly.\n\nSee https://www.unesco.org for the consultation.");
    const proposed = form.getByLabel(/Proposed wording/);
    const original = await proposed.inputValue();
    await proposed.fill(`${original} This includes women, youth and indigenous peoples.`);
    await form.getByRole("button", { name: "Publish my comment" }).click();

    const item = page.getByRole("article", { name: "Priya Participant · Civil society / NGO · India" });
    await expect(item).toContainText("Proposed amendment");
    await expect(item.getByRole("paragraph").filter({ hasText: "Name the groups explicitly." })).toBeVisible();
    await expect(item.getByRole("link", { name: "https://www.unesco.org" })).toHaveAttribute("href", "https://www.unesco.org");
    await expect(item.locator("ins")).toContainText("This includes women, youth and indigenous peoples.");
    await expect(page.getByRole("status").filter({ hasText: "1 comment" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Proposed amendment: 1" })).toBeVisible();

    // Filters narrow the list; the counts stay for the whole paragraph.
    await page.getByLabel("Your position").first().selectOption({ label: "Support" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByText("Showing 0 of 1.")).toBeVisible();

    // The draft page counts the paragraph's comments and links to them.
    await page.goto("/c/unesco-ethics-of-ai");
    await page.getByRole("link", { name: "1 comment on 71" }).click();
    await expect(page).toHaveURL(/\/p\/71#comments-title$/);
  });
});

test.describe("finding how to comment, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("each paragraph of an open draft links to its comment form; a closed draft's do not", async ({ page }) => {
    await page.goto("/c/unesco-ethics-of-ai");
    const link = page.getByRole("link", { name: "Comment on paragraph 71", exact: true });
    await expect(link).toBeVisible();
    await expect(link).toHaveText("Comment");
    await link.click();
    await expect(page).toHaveURL(/\/p\/71#add-comment$/);
    await expect(page.getByRole("link", { name: "Sign in to comment" })).toBeVisible();

    await page.goto("/c/ga-78-265-trustworthy-ai");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Comment on paragraph/ })).toHaveCount(0);
  });
});

test.describe("the draft as a whole, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a participant comments on the draft as a whole from the draft page", async ({ page }) => {
    await signInAs(page, "participant@demo.redraft.org");
    await page.goto("/c/unesco-ethics-of-ai");
    await page.getByRole("link", { name: "Comments on the draft as a whole" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Comments on the draft as a whole" })).toBeVisible();
    const form = page.getByRole("form", { name: "Comment on the draft as a whole" });
    await form.getByLabel("General remark").check();
    await form.getByLabel("Your comment").fill("The text should say how it will be reviewed after adoption.");
    await form.getByRole("button", { name: "Publish my comment" }).click();
    await expect(page).toHaveURL(/\/c\/unesco-ethics-of-ai\/comments\?published=comment&comment=(\d+)#comment-\1$/);
    const item = page.getByRole("article", { name: "Priya Participant · Civil society / NGO · India" });
    await expect(item).toContainText("The text should say how it will be reviewed after adoption.");
    await expect(page.getByRole("status").filter({ hasText: "1 comment" })).toBeVisible();
  });
});

test("what people type is shown as text, never run", async ({ page }) => {
  await signInAs(page, "participant@demo.redraft.org");
  await page.goto(PARAGRAPH);
  const payload = `<script>window.__xss = 1</script> <img src=x onerror="window.__xss = 2"> javascript:alert(document.cookie)`;
  const form = page.getByRole("form", { name: "Comment on paragraph 71" });
  await form.getByLabel("Concern").check();
  await form.getByLabel("Your comment").fill(payload);
  await form.getByRole("button", { name: "Publish my comment" }).click();
  const item = page.getByRole("article", { name: /Priya Participant/ });
  await expect(item).toContainText(payload);
  expect(await item.locator("img, script").count()).toBe(0);
  expect(await item.getByRole("link").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test("after publishing, the comment form starts afresh and says so; clicking Publish twice stores one comment", async ({ page }) => {
  await signInAs(page, "participant@demo.redraft.org");
  await page.goto(PARAGRAPH);
  const form = page.getByRole("form", { name: "Comment on paragraph 71" });
  await form.getByLabel("Proposed amendment").check();
  await form.getByLabel("Your comment").fill("Say who is meant.");
  await form.getByRole("button", { name: "Publish my comment" }).dblclick();
  await expect(page.getByRole("status").filter({ hasText: "Your comment is published." })).toBeVisible();
  await expect(form.getByLabel("Your comment")).toHaveValue("");
  await expect(form.getByLabel("Proposed amendment")).not.toBeChecked();
  // Clicking again sends an empty form, refused: nothing is stored twice.
  await form.getByRole("button", { name: "Publish my comment" }).click();
  await expect(page.getByText("Choose your position on the paragraph.").last()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "1 comment" })).toBeVisible();
  await expect(page.getByRole("article", { name: /Priya Participant/ })).toHaveCount(1);

  // A reply: the box closes, and opens again empty.
  const comment = page.getByRole("article", { name: /Priya Participant/ });
  await comment.getByText("Reply", { exact: true }).click();
  await comment.getByLabel(/Reply to/).fill("And say it in every language.");
  await comment.getByRole("button", { name: "Publish my reply" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your reply is published." })).toBeVisible();
  await expect(comment.getByLabel(/Reply to/)).toBeHidden();
  await comment.getByText("Reply", { exact: true }).click();
  await expect(comment.getByLabel(/Reply to/)).toHaveValue("");
});

test.describe("endorsing one's own comment, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("is not offered, and a forged request is refused", async ({ page, server }) => {
    await signInAs(page, "participant@demo.redraft.org");
    await page.goto(PARAGRAPH);
    const form = page.getByRole("form", { name: "Comment on paragraph 71" });
    await form.getByLabel("Support").check();
    await form.getByLabel("Your comment").fill("My own view.");
    await form.getByRole("button", { name: "Publish my comment" }).click();
    const own = page.getByRole("article", { name: /Priya Participant/ });
    await expect(own).toContainText("My own view.");
    await expect(own.getByRole("button", { name: "I agree" })).toHaveCount(0);
    const commentId = /#comment-(\d+)$/.exec(page.url())?.[1];
    expect(commentId).toBeDefined();

    const response = await page.request.post(`${server.url}${PARAGRAPH}`, {
      form: { intent: "endorse", commentId: String(commentId) },
      headers: { Origin: server.url },
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain("You cannot endorse your own comment.");
    await page.goto(PARAGRAPH);
    await expect(own.getByText("No endorsement")).toBeVisible();
  });
});

test("replies and endorsements", async ({ page }) => {
  await postComment(page, "participant@demo.redraft.org", "Support", "A good paragraph.");
  await expect(page.getByRole("article", { name: /Priya Participant/ })).toBeVisible();

  await signOut(page);
  await signInAs(page, "participant1@demo.redraft.org");
  await page.goto(PARAGRAPH);
  const comment = page.getByRole("article", { name: /Priya Participant/ });
  await comment.getByRole("button", { name: "I agree" }).click();
  await expect(comment.getByText("1 endorsement")).toBeVisible();
  await comment.getByText("Reply", { exact: true }).click();
  await comment.getByLabel(/Reply to/).fill("Agreed, with one caveat.");
  await comment.getByRole("button", { name: "Publish my reply" }).click();
  await expect(page.getByRole("article", { name: /Kwame Mensah/ })).toContainText("Agreed, with one caveat.");
  await comment.getByRole("button", { name: "You agree (withdraw)" }).click();
  await expect(page.getByRole("article", { name: /Priya Participant/ }).getByText("No endorsement").first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a closed consultation is read-only, says when it closed in the reader's time zone, and refuses a forced comment", async ({ browser, server }) => {
  // The resolution closed at 23:59:59 UTC on 21 March 2024: already 22 March in Tokyo.
  const context = await browser.newContext({ baseURL: server.url, timezoneId: "Asia/Tokyo" });
  const page = await context.newPage();
  await signInAs(page, "participant@demo.redraft.org");
  await page.goto("/c/ga-78-265-trustworthy-ai/p/OP4(a)");
  await expect(page.getByText(/This consultation closed on March 22, 2024/)).toBeVisible();
  await expect(page.getByRole("form", { name: /Comment on paragraph/ })).toHaveCount(0);
  const response = await page.request.post(`${server.url}/c/ga-78-265-trustworthy-ai/p/OP4(a)`, {
    form: { intent: "comment", stance: "support", body: "Too late?", submissionId: crypto.randomUUID() },
    headers: { Origin: server.url },
  });
  expect(response.status()).toBe(403);
  await context.close();
});

test("a comment posted in one browser appears in another without a reload", async ({ page, browser, server }) => {
  const viewerContext = await browser.newContext({ baseURL: server.url });
  const viewer = await viewerContext.newPage();
  const watching = liveConnectionAcknowledged(viewer);
  await viewer.goto(PARAGRAPH);
  await expect(viewer.getByRole("status").filter({ hasText: "No comment yet." })).toBeVisible();
  await watching;
  await viewer.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));

  await postComment(page, "participant@demo.redraft.org", "Question", "Who audits the audits?");
  await expect(page.getByRole("article", { name: /Priya Participant/ })).toBeVisible();

  await expect(viewer.getByRole("article", { name: /Priya Participant/ })).toContainText("Who audits the audits?");
  await expect(viewer.getByRole("status").filter({ hasText: "1 comment" })).toBeVisible();
  expect(await viewer.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await viewerContext.close();
});

test("what a participant is typing stays when someone else's comment arrives live", async ({ page, browser, server }) => {
  const writerContext = await browser.newContext({ baseURL: server.url });
  const writer = await writerContext.newPage();
  await signInAs(writer, "participant1@demo.redraft.org");
  const watching = liveConnectionAcknowledged(writer);
  await writer.goto(PARAGRAPH);
  await watching;
  const form = writer.getByRole("form", { name: "Comment on paragraph 71" });
  await form.getByLabel("Concern").check();
  await form.getByLabel("Your comment").fill("Still thinking about this.");

  await postComment(page, "participant@demo.redraft.org", "Question", "Who audits the audits?");
  await expect(writer.getByRole("article", { name: /Priya Participant/ })).toContainText("Who audits the audits?");
  await expect(form.getByLabel("Your comment")).toHaveValue("Still thinking about this.");
  await expect(form.getByLabel("Concern")).toBeChecked();
  // Sent now, it is stored once.
  await form.getByRole("button", { name: "Publish my comment" }).click();
  await expect(writer.getByRole("status").filter({ hasText: "Your comment is published." })).toBeVisible();
  await expect(writer.getByRole("status").filter({ hasText: /^2 comments$/ })).toBeVisible();
  await writerContext.close();
});

test("the draft page's count and stance bar of a paragraph go up live when someone comments on it", async ({ page, browser, server }) => {
  const viewerContext = await browser.newContext({ baseURL: server.url });
  const viewer = await viewerContext.newPage();
  // The draft page has no React; its live-counts script watches the consultation: wait until the
  // server acknowledged the watch.
  const watching = liveConnectionAcknowledged(viewer);
  await viewer.goto("/c/unesco-ethics-of-ai");
  await watching;
  await viewer.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));
  const paragraph = viewer.locator("#p-71");
  await expect(paragraph.getByRole("link", { name: /comments? on 71/ })).toHaveCount(0);

  await postComment(page, "participant@demo.redraft.org", "Question", "Who audits the audits?");
  await expect(page.getByRole("article", { name: /Priya Participant/ })).toBeVisible();
  await expect(paragraph.getByRole("link", { name: "1 comment on 71" })).toBeVisible({ timeout: 2_000 });
  await expect(paragraph.getByRole("img", { name: "Question: 1" })).toBeVisible();
  await expect(viewer.getByRole("status")).toHaveText("1 comment on 71");

  const form = page.getByRole("form", { name: "Comment on paragraph 71" });
  await form.getByLabel("Support").check();
  await form.getByLabel("Your comment").fill("Transparency first.");
  await form.getByRole("button", { name: "Publish my comment" }).click();
  await expect(paragraph.getByRole("link", { name: "2 comments on 71" })).toBeVisible({ timeout: 2_000 });
  await expect(paragraph.getByRole("img", { name: "Support: 1, Question: 1" })).toBeVisible();
  await expect(viewer.getByRole("status")).toHaveText("2 comments on 71");
  // Counted without a reload, and the link leads to the comments.
  expect(await viewer.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await paragraph.getByRole("link", { name: "2 comments on 71" }).click();
  await expect(viewer).toHaveURL(/\/p\/71#comments-title$/);
  await viewerContext.close();
});

test("a reported comment is hidden by a moderator, who says why; the author sees the reason; the log keeps it", async ({ page }) => {
  await postComment(page, "participant@demo.redraft.org", "General remark", "Everyone who disagrees is a fool.");
  await expect(page.getByRole("article", { name: /Priya Participant/ })).toBeVisible();
  await signOut(page);

  await signInAs(page, "participant1@demo.redraft.org");
  await page.goto(PARAGRAPH);
  const comment = page.getByRole("article", { name: /Priya Participant/ });
  await comment.getByText("Report", { exact: true }).click();
  await comment.getByLabel("Why should the moderators look at this comment?").fill("Insults other participants");
  await comment.getByRole("button", { name: "Send the report" }).click();
  await expect(comment.getByRole("status")).toHaveText("Thank you. The moderators will look at this comment.");
  await signOut(page);

  await signInAs(page, "moderator@demo.redraft.org");
  await page.getByRole("link", { name: "Moderation" }).click();
  const reported = page.getByRole("article", { name: /1 report/ });
  await expect(reported).toContainText("Insults other participants");
  await reported.getByLabel(/Reason/).fill("Personal attack on other participants");
  await reported.getByRole("button", { name: "Hide" }).click();
  await expect(page.getByText("No open report.")).toBeVisible();
  await signOut(page);

  await signInAs(page, "participant@demo.redraft.org");
  await page.goto(PARAGRAPH);
  await expect(page.getByText("The moderators hid your comment: Personal attack on other participants")).toBeVisible();
  await signOut(page);

  await signInAs(page, "secretariat@demo.redraft.org");
  await page.goto("/admin/moderation-log");
  await expect(page.getByRole("listitem").filter({ hasText: "Mateo Moderator hid comment" })).toContainText("Personal attack on other participants");
});
