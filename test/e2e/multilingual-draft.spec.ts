import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { outlineToMarkdown } from "../../app/import/render-markdown";
import type { ImportedOutline } from "../../app/import";
import { runImport } from "../support/run-import";
import { repoRoot } from "../support/start-server";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

test("a translation imported per language is read paragraph by paragraph, the comments staying put", async ({ page, server }) => {
  // A French text of the UNESCO draft, as a translator would deliver it (here: the outline with
  // each paragraph marked), imported with the CLI into the running server's database.
  const seed = join(repoRoot, "seeds", "unesco-first-draft-recommendation-ethics-of-ai.txt");
  const outline = JSON.parse((await runImport([seed, "--dry-run", "--json"], join(mkdtempSync(join(tmpdir(), "redraft-")), "x.db"))).stdout) as ImportedOutline;
  const french = { ...outline, nodes: outline.nodes.map((n) => ({ ...n, text: n.kind === "heading" ? n.text : `[fr] ${n.text}` })) };
  const file = join(mkdtempSync(join(tmpdir(), "redraft-fr-")), "unesco.fr.md");
  writeFileSync(file, outlineToMarkdown(french));
  const result = await runImport([file, "--consultation", "unesco-ethics-of-ai", "--translation", "fr"], server.databasePath);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/as the fr text of version 1: \d+ nodes aligned\.$/m);

  await signInAs(page, "participant@demo.redraft.org");
  await page.goto("/c/unesco-ethics-of-ai/p/71");
  const form = page.getByRole("form", { name: "Comment on paragraph 71" });
  await form.getByLabel("Support").check();
  await form.getByLabel("Your comment", { exact: true }).fill("Clear requirements are what this paragraph needs.");
  await form.getByRole("button", { name: "Publish my comment" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^1 comment$/ })).toBeVisible();

  // The reader switches the text to French: same paragraph, same comments.
  const english = await page.locator(".paragraph-page__text").first().textContent();
  await page.getByRole("navigation", { name: "Read the text in" }).getByRole("link", { name: "Français" }).click();
  await expect(page).toHaveURL(/\/p\/71\?text=fr$/);
  await expect(page.locator(".paragraph-page__text").first()).toHaveText(`[fr] ${english}`);
  await expect(page.locator(".paragraph-page__text").first().locator("xpath=..")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("status")).toHaveText("1 comment");
  await expect(page.locator(".comment__body", { hasText: "Clear requirements are what this paragraph needs." })).toBeVisible();

  // The full draft in French still counts the comment on paragraph 71, and back to the original.
  await page.goto("/c/unesco-ethics-of-ai?text=fr");
  await expect(page.getByRole("link", { name: "1 comment on 71" })).toBeVisible();
  await expect(page.locator("#p-71")).toContainText("[fr] ");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "English (original)" }).click();
  await expect(page.getByText(english!).first()).toBeVisible();
});
