import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

const SLUG = "unesco-ethics-of-ai";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the secretariat downloads the report in the language it picks", async ({ page }) => {
    await signInAs(page, "secretariat@demo.redraft.org");
    await page.goto(`/c/${SLUG}/compiled`);
    const form = page.getByRole("form", { name: "Summary report" });
    await form.getByLabel("Language of the report").selectOption({ label: "Français" });

    const word = page.waitForEvent("download");
    await form.getByRole("button", { name: "Download the report (Word)" }).click();
    const docx = await word;
    expect(docx.suggestedFilename()).toBe(`${SLUG}-summary-fr.docx`);
    const xml = await (await JSZip.loadAsync(await readFile((await docx.path())!))).file("word/document.xml")!.async("string");
    expect(xml).toContain("Résumé analytique");
    expect(xml).toContain("Méthodologie");

    const pdf = page.waitForEvent("download");
    await form.getByRole("button", { name: "Download the report (PDF)" }).click();
    const file = await pdf;
    expect(file.suggestedFilename()).toBe(`${SLUG}-summary-fr.pdf`);
    expect((await readFile((await file.path())!)).subarray(0, 5).toString()).toBe("%PDF-");
  });
});

test("the report form is accessible", async ({ page }) => {
  await signInAs(page, "secretariat@demo.redraft.org");
  await page.goto(`/c/${SLUG}/compiled`);
  await expect(page.getByRole("form", { name: "Summary report" })).toBeVisible();
  await expectNoAxeViolations(page);
});
