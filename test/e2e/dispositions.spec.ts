import { expect, expectNoAxeViolations, signInAs, signOut, test } from "./fixtures";

const SLUG = "unesco-ethics-of-ai";
const COMMENT = "Paragraph 71 should name indigenous peoples explicitly.";

test("an expert records a disposition, the lead publishes the next version, the changelog and the export carry it", async ({ page }) => {
  // A participant comments on paragraph 71.
  await signInAs(page, "participant@demo.redraft.org");
  await page.goto(`/c/${SLUG}/p/71`);
  const form = page.getByRole("form", { name: "Comment on paragraph 71" });
  await form.getByLabel("Concern").check();
  await form.getByLabel("Your comment").fill(COMMENT);
  await form.getByRole("button", { name: "Publish my comment" }).click();
  await expect(page.getByRole("article", { name: /Priya Participant/ }).filter({ hasText: COMMENT })).toBeVisible();
  await signOut(page);

  // The expert finds it in the compiled table (filtered to the paragraph) and accepts it.
  await signInAs(page, "expert@demo.redraft.org");
  await page.goto(`/c/${SLUG}`);
  await expect(page.getByRole("link", { name: "Compiled comments" })).toHaveAttribute("href", `/c/${SLUG}/compiled`);
  await page.goto(`/c/${SLUG}/compiled`);
  const filters = page.getByRole("form", { name: "Filter the comments" });
  await filters.getByLabel("Paragraph", { exact: true }).selectOption("71");
  await filters.getByLabel("Decision", { exact: true }).selectOption("no");
  await filters.getByRole("button", { name: "Show" }).click();
  const table = page.getByRole("table", { name: /Compiled comments, page 1 of 1/ });
  const row = table.getByRole("row").filter({ hasText: COMMENT });
  await expect(row).toContainText("Priya Participant");
  await expect(row).toContainText("Asia and the Pacific");
  const id = (await row.getByRole("rowheader").textContent())!.trim();
  await expectNoAxeViolations(page);
  await page.getByLabel(`Decision on comment ${id}`).selectOption("accepted");
  await page.getByLabel(`Rationale for comment ${id}`).fill("Indigenous peoples are now named.");
  await page.getByLabel(`Expert for comment ${id}`).selectOption({ label: "Emeka Expert" });
  await page.getByRole("button", { name: `Save comment ${id}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved for 1 comment." })).toBeVisible();
  // Filtered to undecided comments, the decided one has left the list; progress counts it.
  await expect(page.getByText(COMMENT)).toHaveCount(0);
  await expect(page.getByText(/^1 of \d+ comments decided/)).toBeVisible();

  // The lead revises paragraph 71 in the working draft and publishes version 2.
  await page.goto(`/c/${SLUG}/revise`);
  await expect(page.getByRole("status").filter({ hasText: "Editing together" })).toBeVisible();
  // The caret goes to the end of paragraph 71 found by its text (End stops at a visual line end).
  const editor = page.getByRole("textbox", { name: "Working draft" });
  await editor.click();
  await editor.evaluate((root) => {
    const block = [...root.children].find((el) => el.textContent?.endsWith("of each particular AI system."))!;
    const range = document.createRange();
    range.selectNodeContents(block);
    range.collapse(false);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await page.keyboard.type(" This includes indigenous peoples.");
  await expect(editor.getByText(/AI system\. This includes indigenous peoples\.$/)).toBeVisible();
  await page.getByRole("button", { name: "Publish this revision" }).click();

  // The changelog shows the change with the comment that led to it, its region and group.
  await expect(page.getByRole("heading", { name: "Version 2 compared with version 1" })).toBeVisible();
  const change = page.getByRole("listitem").filter({ has: page.locator("ins", { hasText: "This includes indigenous peoples." }) });
  const reasons = change.getByRole("region", { name: "Comments that led to this change" });
  await expect(reasons).toContainText(COMMENT);
  await expect(reasons).toContainText("Priya Participant · Civil society / NGO · India (Asia and the Pacific, Civil society / NGO), on version 1: Accepted");

  // On the paragraph, the comment stays, marked with the version it was made on.
  await page.goto(`/c/${SLUG}/p/71`);
  await expect(page.getByRole("article", { name: /Priya Participant/ }).filter({ hasText: COMMENT })).toContainText("On version 1");

  // The export carries the disposition.
  const csv = await page.request.get(`/c/${SLUG}/export/comments.csv`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  const line = text.split("\r\n").find((l) => l.includes(COMMENT))!;
  expect(line).toContain("Accepted");
  expect(line).toContain("Indigenous peoples are now named.");
  expect(text).not.toContain("@demo.redraft.org");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the secretariat records a decision on several comments at once", async ({ page }) => {
    await signInAs(page, "participant@demo.redraft.org");
    for (const body of ["First bulk comment.", "Second bulk comment."]) {
      await page.goto(`/c/${SLUG}/p/72`);
      const form = page.getByRole("form", { name: "Comment on paragraph 72" });
      await form.getByLabel("Question").check();
      await form.getByLabel("Your comment").fill(body);
      await form.getByRole("button", { name: "Publish my comment" }).click();
    }
    await signOut(page);
    await signInAs(page, "secretariat@demo.redraft.org");
    await page.goto(`/c/${SLUG}/compiled?paragraph=72`);
    const ids = await page.getByRole("table").getByRole("rowheader").allTextContents();
    expect(ids).toHaveLength(2);
    for (const id of ids) await page.getByLabel(`Select comment ${id.trim()}`).check();
    const bulk = page.getByRole("group", { name: "For the ticked comments" });
    await bulk.getByLabel("Decision").selectOption("out-of-scope");
    await bulk.getByLabel("Rationale").fill("Outside the mandate of the Recommendation.");
    await bulk.getByRole("button", { name: "Record this decision" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved for 2 comments." })).toBeVisible();
    for (const id of ids) await expect(page.getByLabel(`Decision on comment ${id.trim()}`)).toHaveValue("out-of-scope");
  });
});
