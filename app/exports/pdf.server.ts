/**
 * The summary report as PDF (pdfkit), streamed as it is laid out. DejaVu Sans is embedded when the
 * system has it (Debian's fonts-dejavu), so accents and most scripts print; otherwise PDF's
 * built-in Helvetica, which covers Western European text only.
 */
import { existsSync } from "node:fs";
import { PassThrough, Readable } from "node:stream";
import type { ReportBlock } from "./report";

const FONTS = {
  regular: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
};

/** The report as a PDF stream. pdfkit (and its font metrics) is loaded on the first report, not at start (decision 017). */
export async function reportPdf(blocks: ReportBlock[]): Promise<ReadableStream<Uint8Array>> {
  const { default: PDFDocument } = await import("pdfkit");
  const title = blocks[0]?.kind === "title" ? blocks[0].text : "";
  const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: title, Creator: "Redraft" }, bufferPages: false });
  const embedded = existsSync(FONTS.regular) && existsSync(FONTS.bold);
  const regular = embedded ? FONTS.regular : "Helvetica";
  const bold = embedded ? FONTS.bold : "Helvetica-Bold";
  const out = new PassThrough();
  doc.pipe(out);
  for (const b of blocks) {
    switch (b.kind) {
      case "title":
        doc.font(bold).fontSize(18).text(b.text).moveDown();
        break;
      case "heading":
        doc.moveDown(0.8).font(bold).fontSize(13).text(b.text).moveDown(0.3);
        break;
      case "subheading":
        doc.moveDown(0.3).font(bold).fontSize(10.5).text(b.text);
        break;
      case "text":
        doc.font(regular).fontSize(10).text(b.text).moveDown(0.3);
        break;
      case "counts":
        doc.moveDown(0.2).font(bold).fontSize(10).text(b.title);
        doc.font(regular).fontSize(9.5).text(b.rows.map(([label, n]) => `${label}: ${n}`).join("  ·  ")).moveDown(0.3);
        break;
      case "diff":
        // Inserted words underlined in green, deleted words struck through in red.
        b.parts.forEach((p, i) => {
          const last = i === b.parts.length - 1;
          const colour = p.kind === "insert" ? "#047857" : p.kind === "delete" ? "#b91c1c" : "black";
          doc.font(regular).fontSize(10).fillColor(colour).text(p.text, { continued: !last, underline: p.kind === "insert", strike: p.kind === "delete" });
        });
        doc.fillColor("black").moveDown(0.3);
        break;
    }
  }
  doc.end();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
