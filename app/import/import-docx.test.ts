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

  it("follows a list style link and a level redefined by an override, as Word templates write them", async () => {
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const level = (ilvl: number, format: string, text: string) =>
      `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${w}>
      <w:abstractNum w:abstractNumId="1"><w:styleLink w:val="UNList"/>${level(0, "decimal", "%1.")}${level(1, "lowerLetter", "(%2)")}${level(2, "lowerRoman", "(%3)")}${level(3, "upperLetter", "(%4)")}</w:abstractNum>
      <w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="UNList"/></w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>
      <w:num w:numId="6"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:lvlOverride></w:num>
    </w:numbering>`;
    const paragraph = (text: string, numId?: number, ilvl?: number) =>
      `<w:p>${numId ? `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>` : ""}<w:r><w:t>${text}</w:t></w:r></w:p>`;
    const document = `<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>
      ${paragraph("Decides:", 5, 0)}${paragraph("first;", 5, 1)}${paragraph("one;", 5, 2)}${paragraph("capital;", 5, 3)}
      ${paragraph("Requests:", 6, 0)}${paragraph("lettered by the override;", 6, 1)}
    </w:body></w:document>`;
    const zip = new JSZip();
    zip.file("word/document.xml", document);
    zip.file("word/numbering.xml", numbering);
    const source = await docxToSource(await zip.generateAsync({ type: "nodebuffer" }));
    expect(source.blocks.map((b) => b.text)).toEqual([
      "1. Decides:",
      "(a) first;",
      "(i) one;",
      "(A) capital;",
      "1. Requests:",
      "A) lettered by the override;",
    ]);
  });

  it("refuses files that are not Word documents, saying why", async () => {
    await expect(importDocx(Buffer.from("just some text"))).rejects.toThrow(ImportError);
    await expect(importDocx(Buffer.from("just some text"))).rejects.toThrow("not a Word .docx file (it is not a zip package)");
    const zip = new JSZip();
    zip.file("hello.txt", "hi");
    await expect(importDocx(await zip.generateAsync({ type: "nodebuffer" }))).rejects.toThrow("word/document.xml is missing");
  });
});
