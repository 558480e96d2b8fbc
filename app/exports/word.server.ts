/**
 * Word documents written with the `docx` package: the summary report, and the revised draft with
 * its changes as tracked changes (w:ins / w:del), so the secretariat reviews them in Word.
 */
import type { Paragraph, ParagraphChild, Table } from "docx";
import type { DiffPart } from "../drafts/word-diff";
import type { DraftNode } from "../drafts/outline";
import type { ParagraphChange } from "../drafts/version-diff";
import type { ReportBlock } from "./report";

const AUTHOR = "Redraft";

/** docx is loaded on the first Word file, not when the server starts (decision 017). */
type Docx = typeof import("docx");
const loadDocx = (): Promise<Docx> => import("docx");

function diffRuns({ DeletedTextRun, InsertedTextRun, TextRun }: Docx, parts: DiffPart[], date: string): ParagraphChild[] {
  let id = 0;
  return parts.map((p) =>
    p.kind === "insert"
      ? new InsertedTextRun({ text: p.text, id: ++id, author: AUTHOR, date })
      : p.kind === "delete"
        ? new DeletedTextRun({ text: p.text, id: ++id, author: AUTHOR, date })
        : new TextRun(p.text),
  );
}

function countsTable({ Paragraph, Table, TableCell, TableRow, WidthType }: Docx, rows: [string, number][]): Table {
  return new Table({
    width: { size: 60, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([label, n]) =>
        new TableRow({
          children: [new TableCell({ children: [new Paragraph(label)] }), new TableCell({ children: [new Paragraph(String(n))] })],
        }),
    ),
  });
}

export async function reportDocx(blocks: ReportBlock[], now = new Date()): Promise<Buffer> {
  const docx = await loadDocx();
  const { Document, HeadingLevel, Packer, Paragraph } = docx;
  const date = now.toISOString();
  const children = blocks.flatMap((b): (Paragraph | Table)[] => {
    switch (b.kind) {
      case "title":
        return [new Paragraph({ text: b.text, heading: HeadingLevel.TITLE })];
      case "heading":
        return [new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_1 })];
      case "subheading":
        return [new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 })];
      case "text":
        return [new Paragraph(b.text)];
      case "diff":
        return [new Paragraph({ children: diffRuns(docx, b.parts, date) })];
      case "counts":
        return [new Paragraph({ text: b.title, heading: HeadingLevel.HEADING_3 }), countsTable(docx, b.rows)];
    }
  });
  return Packer.toBuffer(new Document({ creator: AUTHOR, title: blocks[0]?.kind === "title" ? blocks[0].text : "", sections: [{ children }] }));
}

/** The revised draft, each paragraph with its label, changes against the earlier text tracked. */
export async function revisedDraftDocx(title: string, changes: ParagraphChange[], now = new Date()): Promise<Buffer> {
  const docx = await loadDocx();
  const { Document, HeadingLevel, Packer, Paragraph, TextRun } = docx;
  const date = now.toISOString();
  const labelRun = (n: DraftNode) => (n.label && n.kind !== "heading" ? [new TextRun({ text: `${n.label}. `, bold: true })] : []);
  const heading = (n: DraftNode) => (n.kind === "heading" ? HeadingLevel.HEADING_1 : undefined);
  const children = changes.map((c) => {
    if (c.change === "removed") return new Paragraph({ heading: heading(c.previous), children: [...labelRun(c.previous), ...diffRuns(docx, [{ kind: "delete", text: c.previous.text }], date)] });
    if (c.change === "added") return new Paragraph({ heading: heading(c.node), children: [...labelRun(c.node), ...diffRuns(docx, [{ kind: "insert", text: c.node.text }], date)] });
    if (c.change === "unchanged") return new Paragraph({ heading: heading(c.node), children: [...labelRun(c.node), new TextRun(c.node.text)] });
    return new Paragraph({ heading: heading(c.node), children: [...labelRun(c.node), ...diffRuns(docx, c.parts, date)] });
  });
  return Packer.toBuffer(
    new Document({ creator: AUTHOR, title, sections: [{ children: [new Paragraph({ text: title, heading: HeadingLevel.TITLE }), ...children] }] }),
  );
}
