import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

const PARAGRAPH = "/c/unesco-ethics-of-ai/p/71";
const WORDS = "clear requirements for AI system transparency";

/** Selects words of the paragraph text as a reader would with the mouse (across marks too). */
async function selectWords(page: Page, words: string) {
  await page.evaluate((wanted) => {
    const container = document.querySelector(".passage-text")!;
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest("[data-passage-ui]") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes: { node: Text; from: number }[] = [];
    let all = "";
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      nodes.push({ node, from: all.length });
      all += node.data;
    }
    const at = all.indexOf(wanted);
    if (at === -1) throw new Error(`"${wanted}" is not in the paragraph`);
    const point = (offset: number, end: boolean) => {
      const hit = nodes.findLast((n) => (end ? n.from < offset : n.from <= offset))!;
      return [hit.node, offset - hit.from] as const;
    };
    const range = document.createRange();
    range.setStart(...point(at, false));
    range.setEnd(...point(at + wanted.length, true));
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, words);
}

test("a participant comments on selected words; the passage is marked and shows its comment on focus", async ({ page }) => {
  await signInAs(page, "participant@demo.redraft.org");
  await page.goto(PARAGRAPH);
  const pick = page.getByRole("button", { name: "Comment on the selected words" });
  await expect(pick).toBeDisabled();

  await selectWords(page, `${WORDS} `);
  await expect(page.getByText(`Selected: “${WORDS}”`)).toBeVisible();
  await pick.click();

  const form = page.getByRole("form", { name: "Comment on paragraph 71" });
  // <q> draws its quotation marks with CSS: they are not in the text.
  await expect(form.getByText(`Your comment is on the words ${WORDS}`)).toBeVisible();
  await form.getByLabel("Concern").check();
  await form.getByLabel("Your comment").fill("Transparency requirements must be proportionate to the risk.");
  await form.getByRole("button", { name: "Publish my comment" }).click();

  const comment = page.getByRole("article", { name: "Priya Participant · Civil society / NGO · India" });
  await expect(comment.getByText(`On the words ${WORDS}`)).toBeVisible();

  // The words are marked in the text; focusing the mark shows the comment made on them.
  const mark = page.locator("mark", { hasText: WORDS });
  await expect(mark).toHaveText(WORDS);
  const popover = page.locator(".passage__popover").filter({ hasText: "1 comment on these words" });
  await expect(popover).toBeHidden();
  await comment.getByRole("link", { name: "Show in the text" }).click();
  await mark.focus();
  await expect(popover).toBeVisible();
  await expect(popover.getByRole("link", { name: "Priya Participant · Civil society / NGO · India · Concern" })).toBeVisible();
  await expect(popover).toContainText("Transparency requirements must be proportionate");
  await expect(mark).toHaveAccessibleDescription(/1 comment on these words/);
  await expectNoAxeViolations(page);

  // Escape hides it; hovering shows it again.
  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await page.locator("h1").hover();
  await mark.hover();
  await expect(popover).toBeVisible();

  // The comment form is back to the whole paragraph.
  await expect(form.getByText("Your comment is on the words")).toHaveCount(0);
});

test("a second passage overlapping the first splits the marks; a forged passage is refused", async ({ page }) => {
  await signInAs(page, "participant@demo.redraft.org");
  await page.goto(PARAGRAPH);
  const form = page.getByRole("form", { name: "Comment on paragraph 71" });
  for (const [words, text] of [
    ["clear requirements", "Which requirements?"],
    ["requirements for AI system", "Also for the data."],
  ] as const) {
    await selectWords(page, words);
    await page.getByRole("button", { name: "Comment on the selected words" }).click();
    await form.getByLabel("Question").check();
    await form.getByLabel("Your comment").fill(text);
    await form.getByRole("button", { name: "Publish my comment" }).click();
    const comments = page.getByRole("article", { name: "Priya Participant · Civil society / NGO · India" });
    await expect(comments.getByRole("paragraph").filter({ hasText: text })).toBeVisible();
    // The page has re-rendered with the new marks (and the live update's reload has settled).
    await expect(page.getByRole("status").filter({ hasText: /comments?$/ }).first()).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  // "requirements" carries both passages.
  await expect(page.locator("mark", { hasText: /^requirements$/ })).toHaveAccessibleDescription(/2 comments on these words/);

  // Offsets outside the paragraph (a hand-made form) are refused with a message, nothing stored.
  const response = await page.request.post(PARAGRAPH, {
    form: { intent: "comment", stance: "remark", body: "Forged.", submissionId: crypto.randomUUID(), passageStart: "5", passageEnd: "999999" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(400);
  await page.reload();
  await expect(page.getByText("Forged.")).toHaveCount(0);
});

test("without a mouse, the passage is chosen by typing its words", async ({ page }) => {
  await signInAs(page, "participant@demo.redraft.org");
  await page.goto(PARAGRAPH);
  const words = page.getByLabel("Or type the words to comment on");
  await words.fill("not in this paragraph at all");
  await words.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "These words are not in the paragraph" })).toBeVisible();
  await words.fill("intended use");
  await words.press("Enter");
  const form = page.getByRole("form", { name: "Comment on paragraph 71" });
  await expect(form.getByText("Your comment is on the words intended use")).toBeVisible();
  await page.keyboard.press("Space"); // the focus is on the form's first choice
  await form.getByLabel("Your comment").fill("Say who decides the intended use.");
  await form.getByLabel("Your comment").press("Tab");
  await form.getByRole("button", { name: "Publish my comment" }).press("Enter");
  await expect(page.locator("mark", { hasText: "intended use" })).toBeVisible();
});
