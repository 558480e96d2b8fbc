/**
 * An outline written out as a Word document with the `docx` package, to prove that a Word version
 * of a seed imports to the same outline, whether its numbers are typed in the text or produced by
 * Word's automatic list numbering.
 */
import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ParagraphChild,
} from "docx";
import type { ImportedOutline, OutlineNode } from "../../app/import";

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];
const TABLE_ROW = /^(\p{L}+) (\d+)$/u;
const LIST = "un-paragraphs";

export async function outlineToDocx(outline: ImportedOutline, options: { numbering: "typed" | "word" }): Promise<Buffer> {
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let noteCount = 0;
  const runs = (text: string, node: OutlineNode): ParagraphChild[] => [
    new TextRun(text),
    ...node.footnotes.map((note) => {
      noteCount += 1;
      footnotes[noteCount] = { children: [new Paragraph(note)] };
      return new FootnoteReferenceRun(noteCount);
    }),
  ];

  const content: (Paragraph | Table)[] = [new Paragraph({ text: outline.title, heading: HeadingLevel.TITLE })];
  let tableRows: TableRow[] = [];
  const flushTable = () => {
    if (tableRows.length === 0) return;
    content.push(new Table({ rows: tableRows }));
    tableRows = [];
  };

  for (const node of outline.nodes) {
    const label = node.label;
    if (node.kind === "paragraph" && node.parent !== null && TABLE_ROW.test(node.parent)) continue;
    if (node.kind === "paragraph" && label !== null && TABLE_ROW.test(label)) {
      const [, word, number] = TABLE_ROW.exec(label)!;
      if (tableRows.length === 0) tableRows.push(row([[new Paragraph(word!)], [new Paragraph("Measure")]]));
      const measures = outline.nodes.filter((m) => m.parent === label && m.kind === "paragraph");
      const cellParagraphs = (n: OutlineNode, prefix: string) =>
        n.text.split("\n\n").map((part, i) => new Paragraph({ children: i === 0 ? runs(`${prefix} ${part}`, n) : [new TextRun(part)] }));
      tableRows.push(row([cellParagraphs(node, `${number}.`), measures.flatMap((m) => cellParagraphs(m, `${m.label}.`))]));
      continue;
    }
    flushTable();
    if (node.kind === "heading") {
      const title = label === null ? node.text : /^\p{L}[\p{L} ]* \d+$/u.test(label) ? `${label}: ${node.text}` : `${label}. ${node.text}`;
      content.push(new Paragraph({ heading: HEADINGS[Math.min(node.level, HEADINGS.length - 1)], children: runs(title, node) }));
      continue;
    }
    const list = listPosition(node);
    if (!list) {
      content.push(new Paragraph({ children: runs(node.text, node) }));
      continue;
    }
    if (options.numbering === "typed") {
      content.push(new Paragraph({ children: runs(`${list.typed} ${node.text}`, node) }));
    } else {
      content.push(
        new Paragraph({ children: runs(node.text, node), numbering: { reference: LIST, level: list.depth, instance: list.instance } }),
      );
    }
  }
  flushTable();

  const document = new Document({
    numbering: {
      config: [
        {
          reference: LIST,
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: "%1.", start: 1 },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: "(%2)", start: 1 },
            { level: 2, format: LevelFormat.LOWER_ROMAN, text: "(%3)", start: 1 },
          ],
        },
      ],
    },
    footnotes,
    sections: [{ children: content }],
  });
  return Packer.toBuffer(document);
}

function row(cells: Paragraph[][]): TableRow {
  return new TableRow({ children: cells.map((children) => new TableCell({ children })) });
}

/**
 * Where a numbered node sits in Word's list: operative paragraphs in one list, body paragraphs in
 * another that runs on across headings; sub-paragraphs one and two levels down.
 */
function listPosition(node: OutlineNode): { depth: number; instance: number; typed: string } | null {
  const label = node.label;
  if (label === null || node.kind === "preambular" || node.kind === "text") return null;
  const instance = label.startsWith("OP") ? 1 : 2;
  const sub = /\(([a-z]+)\)$/.exec(label);
  if (node.kind === "subparagraph" && sub) {
    const depth = (label.match(/\(/g) ?? []).length;
    return { depth: Math.min(depth, 2), instance, typed: `(${sub[1]})` };
  }
  const plain = /^(?:OP)?(\d+)$/.exec(label);
  return plain ? { depth: 0, instance, typed: `${plain[1]}.` } : null;
}
