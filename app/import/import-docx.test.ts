import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Document, Packer, Paragraph, LevelFormat, HeadingLevel } from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ImportError, importDocx, type ImportedOutline } from ".";
import { outlineToDocx } from "../../test/support/render-docx";
import { docxToSource } from "./docx-source";

const fixtures = join(__dirname, "fixtures");
const seeds = readdirSync(fixtures).filter((f) => f.endsWith(".expected.json"));
const expectedOf = (file: string) => JSON.parse(readFileSync(join(fixtures, file), "utf8")) as ImportedOutline;

describe("Word import", () => {
  it.each(seeds)("a Word version of %s with typed numbers gives the same outline", async (file) => {
    const expected = expectedOf(file);
    expect(await importDocx(await outlineToDocx(expected, { numbering: "typed" }))).toEqual(expected);
  });

  it.each(seeds)("a Word version of %s with automatic list numbering gives the same outline", async (file) => {
    const expected = expectedOf(file);
    const docx = await outlineToDocx(expected, { numbering: "word" });
    const xml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
    expect(xml).toContain("<w:numPr>"); // the numbers really are Word's, not typed
    expect(await importDocx(docx)).toEqual(expected);
  });

  it("computes Word's numbers: start values, letters and roman numerals, restarts under a new item", async () => {
    const numbered = (text: string, level: number) => new Paragraph({ text, numbering: { reference: "list", level } });
    const document = new Document({
      numbering: {
        config: [
          {
            reference: "list",
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: "%1.", start: 7 },
              { level: 1, format: LevelFormat.LOWER_LETTER, text: "(%2)" },
              { level: 2, format: LevelFormat.LOWER_ROMAN, text: "(%3)" },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: "Draft", heading: HeadingLevel.TITLE }),
            numbered("Decides:", 0),
            numbered("first;", 1),
            numbered("one;", 2),
            numbered("two;", 2),
            numbered("second;", 1),
            new Paragraph({ text: "Section", heading: HeadingLevel.HEADING_1 }),
            numbered("Requests:", 0),
            numbered("more;", 1),
          ],
        },
      ],
    });
    const source = await docxToSource(await Packer.toBuffer(document));
    expect(source.title).toBe("Draft");
    expect(source.blocks.map((b) => b.text)).toEqual([
      "7. Decides:",
      "(a) first;",
      "(i) one;",
      "(ii) two;",
      "(b) second;",
      "Section",
      "8. Requests:",
      "(a) more;",
    ]);
    expect(source.blocks[5]!.heading).toBe(true);
  });

  it("refuses files that are not Word documents, saying why", async () => {
    await expect(importDocx(Buffer.from("just some text"))).rejects.toThrow(ImportError);
    await expect(importDocx(Buffer.from("just some text"))).rejects.toThrow("not a Word .docx file (it is not a zip package)");
    const zip = new JSZip();
    zip.file("hello.txt", "hi");
    await expect(importDocx(await zip.generateAsync({ type: "nodebuffer" }))).rejects.toThrow("word/document.xml is missing");
  });
});
