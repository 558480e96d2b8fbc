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

  it("numbers a list nested (a)/(i)/(A) through paragraph styles that carry Word's numbering", async () => {
    // Secretariat templates often number through styles ("UN List 2") rather than on each paragraph.
    const styled = (text: string, level: number) => new Paragraph({ text, style: `UNList${level}` });
    const document = new Document({
      numbering: {
        config: [
          {
            reference: "un",
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: "%1." },
              { level: 1, format: LevelFormat.LOWER_LETTER, text: "(%2)" },
              { level: 2, format: LevelFormat.LOWER_ROMAN, text: "(%3)" },
              { level: 3, format: LevelFormat.UPPER_LETTER, text: "(%4)" },
            ],
          },
        ],
      },
      styles: {
        paragraphStyles: [0, 1, 2, 3].map((level) => ({
          id: `UNList${level}`,
          name: `UN List ${level}`,
          paragraph: { numbering: { reference: "un", level } },
        })),
      },
      sections: [
        {
          children: [
            new Paragraph({ text: "Oversight of automated decisions", heading: HeadingLevel.TITLE }),
            new Paragraph("The Human Rights Council,"),
            new Paragraph("Recalling its earlier resolutions on the question,"),
            styled("Calls upon all States:", 0),
            styled("to ensure that public authorities:", 1),
            styled("act under a law that sets out:", 2),
            styled("the purposes of each system;", 3),
            styled("the data it may process;", 3),
            styled("are subject to independent oversight;", 2),
            styled("to publish impact assessments;", 1),
            styled("Decides to remain seized of the matter.", 0),
          ],
        },
      ],
    });
    const xml = await (await JSZip.loadAsync(await Packer.toBuffer(document))).file("word/document.xml")!.async("string");
    expect(xml).not.toContain("<w:numPr>"); // the numbers come from the styles only
    const outline = await importDocx(await Packer.toBuffer(document));
    expect(outline.nodes.map((n) => n.label)).toEqual([
      null,
      "PP1",
      "OP1",
      "OP1(a)",
      "OP1(a)(i)",
      "OP1(a)(i)(A)",
      "OP1(a)(i)(B)",
      "OP1(a)(ii)",
      "OP1(b)",
      "OP2",
    ]);
    expect(outline.nodes[6]).toMatchObject({ kind: "subparagraph", parent: "OP1(a)(i)", level: 3, text: "the data it may process;" });
  });

  it("refuses files that are not Word documents, saying why", async () => {
    await expect(importDocx(Buffer.from("just some text"))).rejects.toThrow(ImportError);
    await expect(importDocx(Buffer.from("just some text"))).rejects.toThrow("not a Word .docx file (it is not a zip package)");
    const zip = new JSZip();
    zip.file("hello.txt", "hi");
    await expect(importDocx(await zip.generateAsync({ type: "nodebuffer" }))).rejects.toThrow("word/document.xml is missing");
  });
});
