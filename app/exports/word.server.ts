/**
 * Word documents: the consultation report, and the revised draft with its changes as tracked
 * changes (w:ins / w:del), so the secretariat reviews them in Word.
 *
 * The report streams: a 100,000-comment consultation's report did not fit the server's heap when
 * the `docx` package built it (it holds the whole document as objects, then as XML, then zips).
 * The `docx` package still writes the small parts — styles with Heading 1–3, numbering, settings
 * asking Word to update fields, header, footer with the page number, the cover and the contents
 * field — from a document whose body is one marker paragraph; word/document.xml is then that
 * document's beginning, the report's blocks written one by one (word-xml.ts), and its end (the
 * section properties), zipped as it is written and sent as the client takes it.
 */
import { Readable } from "node:stream";
import JSZip from "jszip";
import type { ParagraphChild } from "docx";
import type { DiffPart } from "../drafts/word-diff";
import type { DraftNode } from "../drafts/outline";
import type { ParagraphChange } from "../drafts/version-diff";
import type { ReportDocument } from "./report";
import { AUTHOR, BodyWriter, PAGE_MARGIN, isRtl, wordLang } from "./word-xml";

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

/** Where the report's body goes in the shell document: a paragraph no report text can contain. */
const MARKER = "\u2063redraft-report-body\u2063";
/** Bytes of document.xml gathered before they go to the zip: fewer, larger chunks for deflate. */
const CHUNK = 64 * 1024;

/** The report's package without its body: every part, and document.xml split where the body goes. */
async function shell(report: ReportDocument): Promise<{ zip: JSZip; before: string; after: string }> {
  const { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, TableOfContents, TextRun } = await loadDocx();
  const rtlDoc = report.lang === "ar";
  const run = (text: string, size?: number) => new TextRun({ text, size, rightToLeft: isRtl(text) || undefined });
  const para = (text: string) => new Paragraph({ bidirectional: isRtl(text) || rtlDoc || undefined, children: [run(text)] });
  // "Page {page}" in the report's language around Word's page number field.
  const [pageBefore = "", pageAfter = ""] = report.pageLabel("\u0001").split("\u0001");
  const lang = wordLang(report.lang);
  const packed = await Packer.toBuffer(
    new Document({
      creator: AUTHOR,
      title: report.title,
      features: { updateFields: true },
      styles: {
        default: {
          document: { run: { font: "Noto Sans", language: { value: lang, eastAsia: lang, bidirectional: lang } } },
          // An outline level on each heading style: what a contents field (\o "1-3") and readers other
          // than Word (LibreOffice, pandoc) go by to know a heading.
          heading1: { paragraph: { outlineLevel: 0, keepNext: true } },
          heading2: { paragraph: { outlineLevel: 1, keepNext: true } },
          heading3: { paragraph: { outlineLevel: 2, keepNext: true } },
        },
        // The styles the headings are based on; Word has it built in, other readers need it defined.
        paragraphStyles: [{ id: "Normal", name: "Normal", quickFormat: true }],
      } as never,
      sections: [
        {
          // Word starts numbering after the cover page, which has no header or footer.
          properties: { titlePage: true, page: { margin: { top: PAGE_MARGIN, right: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN } } },
          headers: { default: new Header({ children: [new Paragraph({ bidirectional: rtlDoc || undefined, children: [run(report.header, 16)] })] }) },
          footers: {
            default: new Footer({
              children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [pageBefore, PageNumber.CURRENT, pageAfter], size: 16 })] })],
            }),
          },
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, bidirectional: rtlDoc || undefined, spacing: { before: 3000 }, children: [run(report.cover.title)] }),
            ...report.cover.lines.map(para),
            new Paragraph({ pageBreakBefore: true, heading: HeadingLevel.HEADING_1, bidirectional: rtlDoc || undefined, children: [run(report.contentsTitle)] }),
            new TableOfContents(report.contentsTitle, { hyperlink: true, headingStyleRange: "1-2" }),
            new Paragraph({ pageBreakBefore: true, children: [] }),
            new Paragraph(MARKER),
            // A bullet, so that the numbering part has the list the body's bullets point at (numId 1).
            new Paragraph({ bullet: { level: 0 }, children: [] }),
          ],
        },
      ],
    }),
  );
  const zip = await JSZip.loadAsync(packed);
  const document = await zip.file("word/document.xml")!.async("string");
  const at = document.indexOf(MARKER);
  const start = document.lastIndexOf("<w:p>", at);
  const sectPr = document.indexOf("<w:sectPr", at);
  const numbering = await zip.file("word/numbering.xml")?.async("string");
  if (at < 0 || start < 0 || sectPr < 0 || !numbering?.includes('w:numId="1"')) throw new Error("The docx package's document no longer has the shape the report writer expects (marker, section properties, bullet list 1).");
  zip.remove("word/document.xml");
  return { zip, before: document.slice(0, start), after: document.slice(sectPr) };
}

/** document.xml as bytes, block by block, pulled as the zip wants them. */
function* documentXml(report: ReportDocument, before: string, after: string): Generator<Buffer> {
  const body = new BodyWriter(report.lang === "ar", new Date().toISOString());
  let pending = before;
  for (const block of report.blocks) {
    for (const xml of body.block(block)) {
      pending += xml;
      if (pending.length >= CHUNK) {
        yield Buffer.from(pending, "utf8");
        pending = "";
      }
    }
  }
  yield Buffer.from(pending + after, "utf8");
}

/**
 * The report as a .docx stream. Back-pressure runs the whole way: the response pulls from the
 * zip, the zip pauses the XML generator when its output is not taken.
 */
export async function reportDocx(report: ReportDocument): Promise<ReadableStream<Uint8Array>> {
  const { zip, before, after } = await shell(report);
  // Bytes, not strings: JSZip would read a string chunk as Latin-1.
  zip.file("word/document.xml", Readable.from(documentXml(report, before, after), { objectMode: false }), { binary: true });
  const out = zip.generateNodeStream({ type: "nodebuffer", streamFiles: true, compression: "DEFLATE", compressionOptions: { level: 6 } });
  return Readable.toWeb(out as Readable) as ReadableStream<Uint8Array>;
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
