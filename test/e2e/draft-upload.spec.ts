import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import type { ImportedOutline } from "../../app/import";
import { outlineToDocx } from "../support/render-docx";
import { runImport } from "../support/run-import";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

/**
 * The secretariat brings a revised text in from a Word file: reads it, sees the outline, fixes the
 * label the importer got wrong (a numbering slip in the source: "2." typed twice), and publishes it.
 */
const SLUG = "un-system-ai-capacity-road-map";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const REVISED: ImportedOutline = {
  title: "Road map, revised",
  nodes: [
    { kind: "heading", label: null, parent: null, level: 0, text: "Introduction", footnotes: [] },
    { kind: "paragraph", label: "1", parent: null, level: 1, text: "The road map sets out how the United Nations system supports capacity development.", footnotes: [] },
    { kind: "paragraph", label: "2", parent: null, level: 1, text: "Member States asked for coordinated support.", footnotes: [] },
    // Typed "2." again in the source: the importer reads it as OP2 bis.
    { kind: "paragraph", label: "2", parent: null, level: 1, text: "Agencies will report every year on the progress made.", footnotes: [] },
  ],
};

async function uploadRevisedDraft(page: Page) {
  await signInAs(page, "secretariat@demo.redraft.org");
  await page.goto(`/c/${SLUG}`);
  await page.getByRole("link", { name: "Upload the text or a translation from a file" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Upload the draft text" })).toBeVisible();

  // A file that is not a Word document is refused by name, and nothing is kept.
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "notes.docx", mimeType: DOCX, buffer: Buffer.from("just some notes") });
  await page.getByRole("button", { name: "Read the file" }).click();
  await expect(page.getByRole("alert")).toContainText("notes.docx is not a Word document that can be read.");

  const docx = await outlineToDocx(REVISED, { numbering: "typed" });
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "road-map-revised.docx", mimeType: DOCX, buffer: docx });
  await page.getByRole("button", { name: "Read the file" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Preview of road-map-revised.docx" })).toBeVisible();
  await expect(page.getByRole("status").first()).toContainText("“Road map, revised”: 4 nodes, to become version 2.");
}

async function fixLabelAndPublish(page: Page, checkAccessibility: boolean) {
  const slip = page.getByRole("article", { name: "Node 4: Operative paragraph OP2 bis" });
  await expect(slip).toContainText("Agencies will report every year on the progress made.");
  // The problem is told in words, not as a bare "(OP2)".
  await expect(slip).toContainText("Another node carries the same label. The label OP2 is already used by an earlier node.");
  await slip.getByText("Correct node 4").click();
  await slip.getByLabel("Label", { exact: true }).fill("OP3");
  await slip.getByRole("button", { name: "Change the label" }).click();

  const fixed = page.getByRole("article", { name: "Node 4: Operative paragraph OP3" });
  await expect(fixed).toContainText("Agencies will report every year on the progress made.");
  await expect(page.getByText("1 correction made.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Label of node 4 changed from OP2 bis to OP3." })).toBeVisible();

  // The correction is kept with the pending upload: a reload shows it.
  await page.reload();
  await expect(page.getByRole("article", { name: "Node 4: Operative paragraph OP3" })).toBeVisible();
  await expect(page.getByRole("article", { name: "Node 4: Operative paragraph OP2 bis" })).toHaveCount(0);
  if (checkAccessibility) await expectNoAxeViolations(page);

  // Nothing is public yet: the draft still shows version 1.
  const preview = page.url();
  await page.goto(`/c/${SLUG}`);
  await expect(page.getByRole("link", { name: "Permalink to paragraph OP3" })).toHaveCount(0);
  await page.goto(preview);

  // The consultation is open: publishing over it is a deliberate step.
  await expect(page.getByText("This consultation is public: confirming publishes version 2")).toBeVisible();
  await page.getByLabel("I understand that readers will see this text at once").check();
  await page.getByRole("button", { name: "Publish as version 2" }).click();
  // Published: back on the consultation's admin page, with the confirmation.
  await expect(page.getByRole("heading", { level: 2, name: "Opening and closing" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Version 2 is published." })).toBeVisible();

  await page.getByRole("link", { name: "Read the draft" }).click();
  await expect(page.getByRole("link", { name: "Permalink to paragraph OP3" })).toBeVisible();
  await expect(page.getByText("Agencies will report every year on the progress made.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Permalink to paragraph OP2 bis" })).toHaveCount(0);
}

test("the secretariat uploads a Word draft, fixes a label in the preview and publishes it", async ({ page }) => {
  // Hydration mismatches and script errors surface as page errors.
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await uploadRevisedDraft(page);
  await fixLabelAndPublish(page, true);
  expect(errors).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same upload, correction and confirmation work with plain forms", async ({ page }) => {
    await uploadRevisedDraft(page);
    await fixLabelAndPublish(page, false);
  });
});

test.describe("without JavaScript, corrections", () => {
  test.use({ javaScriptEnabled: false });

  test("a refused correction keeps what was typed; corrections can be undone and started again", async ({ page }) => {
    await signInAs(page, "secretariat@demo.redraft.org");
    await page.goto(`/admin/consultations/${SLUG}/draft`);
    const markdown =
      "# Draft decision on the working group\n\n" +
      "1. The Conference decides to establish a working group. The working group shall report in 2027.\n\n" +
      "2. The Conference requests the secretariat to support the group.\n";
    await page.getByLabel("File", { exact: true }).setInputFiles({ name: "decision.md", mimeType: "text/markdown", buffer: Buffer.from(markdown) });
    await page.getByRole("button", { name: "Read the file" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "The outline as read (2 nodes)" })).toBeVisible();

    // Two paragraphs merged into OP1: split it, first with a label OP2 already carries.
    const merged = page.getByRole("article", { name: "Node 1: Operative paragraph OP1" });
    await merged.getByText("Correct node 1").click();
    await merged.getByLabel("Split before the words").fill("The working group shall");
    await merged.getByLabel(/^Label of the second part/).fill("OP2");
    await merged.getByRole("button", { name: "Split" }).click();
    const refused = page.getByRole("article", { name: "Node 1: Operative paragraph OP1" });
    await expect(refused.getByText("Another node carries this label already.")).toBeVisible();
    await expect(refused.getByLabel("Split before the words")).toHaveValue("The working group shall");
    await expect(refused.getByLabel(/^Label of the second part/)).toHaveValue("OP2");
    await expect(page.getByText("No correction made yet.")).toBeVisible();
    // Nothing to undo: the buttons say so by their look, not only by doing nothing.
    await expect(page.getByRole("button", { name: "Undo the last correction" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Undo the last correction" })).toHaveCSS("cursor", "not-allowed");
    await expect(page.getByRole("button", { name: "Start again from the file" })).toHaveCSS("cursor", "not-allowed");
    // Labels are written left to right in every language ("2(b)", not "(b)2" in Arabic).
    await expect(refused.getByLabel("Label", { exact: true })).toHaveAttribute("dir", "ltr");
    // Deleting a node is not styled as the main action.
    await expect(refused.getByRole("button", { name: "Delete this node" })).toHaveCSS("background-color", "rgb(255, 255, 255)");

    await refused.getByLabel(/^Label of the second part/).fill("");
    await refused.getByRole("button", { name: "Split" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "The outline as read (3 nodes)" })).toBeVisible();
    await expect(page.getByRole("article", { name: "Node 2: Operative paragraph, no label" })).toContainText("The working group shall report in 2027.");
    await expect(
      page.getByRole("article", { name: "Node 1: Operative paragraph OP1" }).getByText("The Conference decides to establish a working group.", { exact: true }),
    ).toBeVisible();

    // Deleted by mistake: undo takes the last correction back, the split stays.
    const op2 = page.getByRole("article", { name: "Node 3: Operative paragraph OP2" });
    await op2.getByText("Correct node 3").click();
    await op2.getByRole("button", { name: "Delete this node" }).click();
    await expect(page.getByText("2 corrections made.")).toBeVisible();
    await expect(page.getByRole("article", { name: "Node 3: Operative paragraph OP2" })).toHaveCount(0);
    await page.getByRole("button", { name: "Undo the last correction" }).click();
    await expect(page.getByText("1 correction made.")).toBeVisible();
    await expect(page.getByRole("article", { name: "Node 3: Operative paragraph OP2" })).toBeVisible();

    // Back to the outline as the importer read it.
    await page.getByRole("button", { name: "Start again from the file" }).click();
    await expect(page.getByText("No correction made yet.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "The outline as read (2 nodes)" })).toBeVisible();

    // Leaving the preview does not abandon it: the upload page and the admin page list it, to resume.
    await page.goto(`/admin/consultations/${SLUG}/draft`);
    await expect(page.getByRole("heading", { level: 2, name: "Previews in progress" })).toBeVisible();
    await page.goto(`/admin/consultations/${SLUG}`);
    await page.getByRole("link", { name: "Resume the preview of decision.md" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "The outline as read (2 nodes)" })).toBeVisible();

    // Discarded: nothing was stored.
    await page.getByRole("button", { name: "Discard this upload" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The upload was discarded; nothing was stored." })).toBeVisible();
    await expect(page.getByText("Published now: version 1, written in English.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Resume the preview of decision.md" })).toHaveCount(0);
  });
});

test("a participant cannot reach the upload page", async ({ page }) => {
  await signInAs(page, "participant@demo.redraft.org");
  const response = await page.goto(`/admin/consultations/${SLUG}/draft`);
  expect(response?.status()).toBe(403);
  await page.goto(`/c/${SLUG}`);
  await expect(page.getByRole("link", { name: "Upload the text or a translation from a file" })).toHaveCount(0);
});

test("a translation is uploaded the same way, its alignment with the original shown and corrected", async ({ page, server }) => {
  // A consultation in preparation, its English text imported with the CLI.
  const english = join(server.databasePath, "..", "digital-cooperation.txt");
  writeFileSync(
    english,
    "Draft resolution on digital cooperation\n\nThe General Assembly,\n\nRecalling its resolution 78/265,\n\n" +
      "1. Encourages Member States to cooperate;\n\n2. Requests the Secretary-General to report.\n",
  );
  expect((await runImport([english, "--consultation", "digital-cooperation"], server.databasePath)).status).toBe(0);

  await signInAs(page, "secretariat@demo.redraft.org");
  await page.goto("/admin/consultations/digital-cooperation/draft");
  await expect(page.getByText("Published now: version 1, written in English.")).toBeVisible();
  await page.getByLabel("This file is").selectOption({ label: "the Français translation of version 1" });
  const french = "Projet de résolution sur la coopération numérique\n\nL’Assemblée générale,\n\nRappelant ses travaux antérieurs,\n\n1. Encourage les États Membres à coopérer ;\n";
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "cooperation-fr.txt", mimeType: "text/plain", buffer: Buffer.from(french) });
  await page.getByRole("button", { name: "Read the file" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Preview of cooperation-fr.txt" })).toBeVisible();

  // The importer does not know French preambular openings: PP1 is not found until its label is set.
  const alignment = page.getByRole("table", { name: "Each node of version 1 beside its translation" });
  await expect(alignment.getByRole("row", { name: /^PP1 Recalling its resolution 78\/265, Not found in the translation$/ })).toBeVisible();
  const node = page.getByRole("article", { name: "Node 2: Text, no label" });
  await node.getByText("Correct node 2").click();
  await node.getByLabel("Label", { exact: true }).fill("PP1");
  await node.getByRole("button", { name: "Change the label" }).click();
  await expect(alignment.getByRole("row", { name: "PP1 Recalling its resolution 78/265, Rappelant ses travaux antérieurs," })).toBeVisible();
  await expect(alignment.getByRole("row", { name: /^OP2 .* Not found in the translation$/ })).toBeVisible();
  // The untranslated node is a place to check, and confirming says it will show in English.
  await expect(page.getByRole("heading", { level: 2, name: "1 place to check" })).toBeVisible();
  await expect(page.getByText("1 node of the original has no translation and will show in English.")).toBeVisible();

  // In preparation, nothing is public: no deliberate tick asked.
  await page.getByRole("button", { name: "Store as the Français text of version 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The Français text of version 1 is stored (3 nodes aligned)." })).toBeVisible();
  // Stored: the consultation's admin page, where the next step is.
  await expect(page.getByRole("button", { name: "Schedule the opening" })).toBeVisible();
  await expect(page.getByText("Translations of version 1: Français.")).toBeVisible();
  await page.goto("/c/digital-cooperation?text=fr");
  await expect(page.getByText("Rappelant ses travaux antérieurs,")).toBeVisible();
});
