/**
 * The consultation report as a tagged PDF (pdfkit): a structure tree in reading order with the
 * document's language, headings H1–H3, tables with header cells, charts as Figures with alt text,
 * quotations marked with their own language; bookmarks for every section; a running header and
 * page numbers on every page after the cover. Charts are vector paths drawn from the same geometry
 * as the web's SVG charts (chart-spec.ts), each followed by its table of numbers.
 *
 * The contents page needs the page of every heading before those pages exist: it is written last
 * and moved to second place in the page tree (pages are objects; their order is the tree's), its
 * page count known in advance since every entry takes one line. The body streams page by page.
 */
import { once } from "node:events";
import { PassThrough, Readable, Writable } from "node:stream";
import { stances, type Stance } from "../../db/enums";
import {
  BAR_HEIGHT,
  BAR_LABEL_WIDTH,
  BAR_ROW,
  CHART_WIDTH,
  STANCE_FILLS,
  STANCE_HEIGHT,
  STANCE_TEXTURES,
  barGeometry,
  stanceSegments,
} from "../analysis/charts/chart-spec";
import type { ChartBlock, ReportBlock, ReportDocument, TableBlock } from "./report";
import { visualPieces } from "./bidi-line";
import { isRtl, reportFonts, scriptOf, type FontFace, type ReportFonts } from "./report-fonts.server";

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const MARGIN = 56;
const HEADER_Y = 28;
const BODY = 10;
/** A contents entry's height, and the contents title's: fixed, so the contents' page count is known in advance. */
const TOC_LINE = 15;
const TOC_TITLE = 40;
/** Pause the layout when this much PDF waits for the client (backpressure). */
const HIGH_WATER = 1 << 20;


/** pdfkit's struct() as it is (0.20: closures as children, table scopes, layout boxes), wider than its typings. */
type StructFn = (type: string, options?: Record<string, unknown> | (() => void), children?: () => void) => Struct;
const structOf = (doc: Doc): StructFn => doc.struct.bind(doc) as unknown as StructFn;

function fontFor(fonts: ReportFonts, text: string, bold = false) {
  const script = scriptOf(text);
  // Arabic with Latin letters in it (a title, a label): DejaVu Sans has both; Noto's Arabic faces have no Latin letters.
  const mixed = script === "arabic" && /\p{sc=Latin}/u.test(text) && fonts.arabicLatin;
  const set = (mixed ? fonts.arabicLatin : script === "arabic" ? fonts.arabic : script === "cjk" ? fonts.cjk : null) ?? fonts.latin;
  return bold ? set.bold : set.regular;
}

function useFont(doc: Doc, fonts: ReportFonts, text: string, size: number, bold = false): void {
  const f = fontFor(fonts, text, bold);
  setFace(doc, f);
  faces.set(doc, { face: f, fallback: bold ? fonts.latin.bold : fonts.latin.regular });
  doc.fontSize(size);
}

function setFace(doc: Doc, face: FontFace): void {
  if (face.family) doc.font(face.src, face.family);
  else doc.font(face.src);
  rtlLigaturesReadable((doc as unknown as { _font: EmbeddedFont | undefined })._font);
}

/** The face useFont chose last, and the Latin face of the same weight for what it cannot draw. */
const faces = new WeakMap<Doc, { face: FontFace; fallback: FontFace }>();

interface Run {
  text: string;
  fallback: boolean;
}

/** Per font, the characters it has no glyph for (looked up once each). */
const lacking = new WeakMap<object, Map<number, boolean>>();

/**
 * A piece of text cut where the current face has no glyph: Noto's Arabic faces have no “ ” ( ) / %
 * • – —, which printed as empty boxes around a quotation wholly in Arabic. Those go to the Latin face.
 */
function runsOf(doc: Doc, text: string): Run[] {
  const font = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (c: number) => boolean } } })._font?.font;
  if (!font?.hasGlyphForCodePoint) return [{ text, fallback: false }];
  let lacks = lacking.get(font);
  if (!lacks) lacking.set(font, (lacks = new Map()));
  const runs: Run[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    let fallback = lacks.get(c);
    if (fallback === undefined) lacks.set(c, (fallback = !/\s/.test(ch) && !font.hasGlyphForCodePoint(c)));
    const last = runs[runs.length - 1];
    if (last && last.fallback === fallback) last.text += ch;
    else runs.push({ text: ch, fallback });
  }
  return runs;
}

function inFace<T>(doc: Doc, fallback: boolean, draw: () => T): T {
  const chosen = faces.get(doc);
  if (!fallback || !chosen) return draw();
  const size = (doc as unknown as { _fontSize: number })._fontSize;
  setFace(doc, chosen.fallback);
  doc.fontSize(size);
  try {
    return draw();
  } finally {
    setFace(doc, chosen.face);
    doc.fontSize(size);
  }
}

/** A text's width, each character in the face that draws it. */
function measure(doc: Doc, text: string): number {
  return runsOf(doc, text).reduce((n, r) => n + inFace(doc, r.fallback, () => doc.widthOfString(r.text)), 0);
}

/**
 * A piece drawn run by run, each in its face: a right-to-left piece's runs from its right edge
 * leftwards, in the order written (a piece of neutrals alone is already in visual order).
 */
function drawRuns(doc: Doc, text: string, at: number, y: number, width: number, rtl: boolean): void {
  const runs = runsOf(doc, text);
  if (runs.length === 1 && !runs[0]!.fallback) {
    doc.text(text, at, y, { lineBreak: false });
    return;
  }
  // pdfkit sets text by its top, a face's ascender above the baseline: the fallback face's runs
  // are moved by the difference, so that both stand on one baseline.
  const ascender = () => ((doc as unknown as { _font: { ascender: number } })._font.ascender * (doc as unknown as { _fontSize: number })._fontSize) / 1000;
  const baseline = y + ascender();
  let cursor = rtl ? at + width : at;
  for (const run of runs) {
    inFace(doc, run.fallback, () => {
      const w = doc.widthOfString(run.text);
      if (rtl) cursor -= w;
      doc.text(run.text, cursor, baseline - ascender(), { lineBreak: false });
      if (!rtl) cursor += w;
    });
  }
}

/** pdfkit's EmbeddedFont, as far as its ToUnicode map goes: the characters of each glyph it drew. */
interface EmbeddedFont {
  unicode?: number[][];
  toUnicodeCmap?: () => unknown;
}

const RTL_CHARACTER = /^[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}\p{Mn}]$/u;
const readable = new WeakSet<object>();

/**
 * Right-to-left ligatures (لا, لأ, لإ, لآ, and لى in Noto Sans Arabic: one glyph for two letters)
 * written to the font's ToUnicode map in the order they stand on the page. A right-to-left run is
 * drawn glyph by glyph from the left; readers (pdftotext; pdfminer, pypdf and PyMuPDF by their
 * issue trackers) take each glyph's characters in that order, then reverse the run. fontkit gives
 * a ligature's characters in logical order, so the reversal turned "لأن" into "ألن". Done once,
 * when the map is written, for glyphs whose characters are all right-to-left (a Latin "fi" stays).
 */
function rtlLigaturesReadable(font: EmbeddedFont | undefined): void {
  if (!font?.unicode || typeof font.toUnicodeCmap !== "function" || readable.has(font)) return;
  readable.add(font);
  const write = font.toUnicodeCmap.bind(font);
  font.toUnicodeCmap = () => {
    font.unicode = font.unicode!.map((codePoints) =>
      codePoints && codePoints.length > 1 && codePoints.every((c) => RTL_CHARACTER.test(String.fromCodePoint(c))) ? [...codePoints].reverse() : codePoints,
    );
    return write();
  };
}

interface TextBox {
  width: number;
  align?: "left" | "right" | "center";
  /** One line only, cut with an ellipsis if longer. */
  lineBreak?: boolean;
  /** The report's direction, for text with Arabic in it. */
  rtlDoc: boolean;
}

/**
 * Greedy line breaking at spaces, as pdfkit's own wrapper does: the lines in logical order. Each
 * word is measured once (pdfkit caches a word's layout), not each growing line.
 */
function wrapLines(doc: Doc, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    let used = 0;
    let gap = "";
    for (const word of paragraph.split(/(\s+)/)) {
      if (word === "") continue;
      if (/^\s+$/.test(word)) {
        gap = word;
        continue;
      }
      const w = measure(doc, word);
      const g = line === "" ? 0 : doc.widthOfString(gap);
      if (line !== "" && used + g + w > width) {
        lines.push(line);
        line = word;
        used = w;
      } else {
        line += (line === "" ? "" : gap) + word;
        used += g + w;
      }
      gap = "";
    }
    lines.push(line);
  }
  return lines;
}

/** Text with Arabic in it: laid out by the bidi algorithm, so its height is its own lines'. */
function textHeight(doc: Doc, text: string, width: number): number {
  if (!isRtl(text)) return doc.heightOfString(text, { width });
  return wrapLines(doc, text, width).length * doc.currentLineHeight(true);
}

/**
 * Text with Arabic in it, right to left with mixed-direction runs in order (Unicode bidi algorithm,
 * bidi-line.ts), line by line: each piece is drawn at its visual place but in logical order, so
 * the content stream, and with it copying, searching and pdftotext, keeps the order of writing.
 * fontkit shapes and reverses each Arabic piece; pdfkit knows no bidi and laid whole lines out
 * left to right. Other text goes to pdfkit as it is.
 */
function drawText(doc: Doc, text: string, x: number, y: number, box: TextBox): void {
  if (!isRtl(text)) {
    doc.text(text, x, y, { width: box.width, align: box.align, ...(box.lineBreak === false ? { lineBreak: false, ellipsis: true } : {}) });
    return;
  }
  let lines = wrapLines(doc, text, box.width);
  if (box.lineBreak === false && lines.length > 1) {
    const words = lines[0]!.split(" ");
    while (words.length > 1 && measure(doc, `${words.join(" ")}…`) > box.width) words.pop();
    lines = [`${words.join(" ")}…`];
  }
  const direction = box.rtlDoc ? "rtl" : undefined;
  doc.y = y;
  for (const line of lines) {
    if (box.lineBreak !== false && doc.y + doc.currentLineHeight(true) > doc.page.maxY()) doc.continueOnNewPage();
    const lineY = doc.y;
    const pieces = visualPieces(line, direction).map((piece) => ({ piece, width: measure(doc, piece.text) }));
    const total = pieces.reduce((n, p) => n + p.width, 0);
    let left = box.align === "right" ? x + box.width - total : box.align === "center" ? x + (box.width - total) / 2 : x;
    const placed = pieces.map(({ piece, width }) => {
      const at = left;
      left += width;
      return { piece, at, width };
    });
    for (const { piece, at, width } of placed.filter((p) => !p.piece.space).sort((a, b) => a.piece.start - b.piece.start)) {
      const rtl = piece.rtl && isRtl(piece.text);
      if (!piece.mirror) {
        drawRuns(doc, piece.text, at, lineY, width, rtl);
        continue;
      }
      // A bracket in right-to-left text, flipped about its own middle: it reads ")" where it was
      // written "(", and a copy of the text still says "(" (no font here has the rtlm feature).
      doc.save().transform(-1, 0, 0, 1, 2 * at + width, 0);
      drawRuns(doc, piece.text, at, lineY, width, rtl);
      doc.restore();
    }
    doc.y = lineY + doc.currentLineHeight(true);
  }
  doc.x = x;
}

/** Whether a block starts an entry of the contents (level 1 and 2 headings). */
const inContents = (b: ReportBlock) => b.kind === "heading" && b.level <= 2;

async function render(doc: Doc, report: ReportDocument, fonts: ReportFonts, out: Writable | null): Promise<Map<number, number>> {
  const seen = new Map<number, number>();
  const rtlDoc = report.lang === "ar";
  const width = () => doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  let page = 1;

  // Running header and page number: artifacts, outside the structure tree, so readers skip them.
  doc.on("pageAdded", () => {
    page += 1;
    const { x, y } = doc;
    doc.markContent("Artifact", { type: "Pagination" });
    useFont(doc, fonts, report.header, 8);
    doc.fillColor("#444444");
    drawText(doc, report.header, MARGIN, HEADER_Y, { width: width(), lineBreak: false, align: rtlDoc ? "right" : "left", rtlDoc });
    const label = report.pageLabel(page);
    useFont(doc, fonts, label, 8);
    // The footer sits in the bottom margin: lifted for the moment, or pdfkit would start yet another page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    drawText(doc, label, MARGIN, doc.page.height - MARGIN / 2 - 8, { width: width(), lineBreak: false, align: "center", rtlDoc });
    doc.page.margins.bottom = margin;
    doc.moveTo(MARGIN, HEADER_Y + 12).lineTo(doc.page.width - MARGIN, HEADER_Y + 12).lineWidth(0.5).strokeColor("#999999").stroke();
    doc.endMarkedContent();
    doc.fillColor("black").strokeColor("black");
    doc.x = x;
    doc.y = y;
  });

  const root = structOf(doc)("Document");
  doc.addStructure(root);
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const para = (parent: Struct, type: string, text: string, size: number, opts: { bold?: boolean; lang?: string; gap?: number; indent?: number; colour?: string } = {}) => {
    const rtl = isRtl(text) || (rtlDoc && !opts.lang);
    parent.add(
      structOf(doc)(type, opts.lang ? { lang: opts.lang } : {}, () => {
        useFont(doc, fonts, text, size, opts.bold);
        doc.fillColor(opts.colour ?? "black");
        drawText(doc, text, MARGIN + (opts.indent ?? 0), doc.y, { width: width() - (opts.indent ?? 0) * 2, align: rtl ? "right" : "left", rtlDoc });
      }),
    );
    doc.fillColor("black");
    doc.moveDown(opts.gap ?? 0.4);
  };

  // ---- Cover
  doc.y = doc.page.height / 3;
  para(root, "Title", report.cover.title, 22, { bold: true, gap: 1.2 });
  for (const line of report.cover.lines) para(root, "P", line, 11, { gap: 0.3 });

  // ---- Contents: its pages are written last, when every heading's page is known, and moved to
  // second place in the page tree; the body is numbered as if they were already there.
  const entries = report.blocks.map((b, i) => [b, i] as const).filter(([b]) => inContents(b));
  const coverElements = (root as unknown as { _children: unknown[] })._children.length;
  const firstPerPage = Math.floor((bottom() - MARGIN - TOC_TITLE) / TOC_LINE);
  const perPage = Math.floor((bottom() - MARGIN) / TOC_LINE);
  const contentsPages = entries.length <= firstPerPage ? 1 : 1 + Math.ceil((entries.length - firstPerPage) / perPage);
  page += contentsPages;
  doc.addPage();

  // ---- Body
  let h1: PDFKit.PDFOutline | null = null;
  let section: Struct = root;
  for (let i = 0; i < report.blocks.length; i++) {
    const b = report.blocks[i]!;
    switch (b.kind) {
      case "pageBreak":
        if (doc.y > MARGIN + 30) doc.addPage();
        break;
      case "heading": {
        ensure(b.level === 1 ? 90 : b.level === 2 ? 70 : 40);
        if (b.level === 1) {
          if (section !== root) section.end();
          section = structOf(doc)("Sect");
          root.add(section);
          h1 = doc.outline.addItem(b.text);
        } else if (b.level === 2) (h1 ?? doc.outline).addItem(b.text);
        seen.set(i, page);
        doc.moveDown(b.level === 1 ? 0.2 : 0.5);
        para(section, `H${b.level}`, b.text, b.level === 1 ? 16 : b.level === 2 ? 13 : 11, { bold: true, gap: 0.3 });
        break;
      }
      case "text":
        para(section, "P", b.text, BODY, { lang: b.lang });
        break;
      case "list": {
        const list = structOf(doc)("L");
        section.add(list);
        for (const item of b.items) {
          const li = structOf(doc)("LI");
          list.add(li);
          para(li, "LBody", `•  ${item}`, BODY, { gap: 0.2, indent: 8 });
          li.end();
        }
        list.end();
        doc.moveDown(0.3);
        break;
      }
      case "table":
        table(doc, fonts, section, b, width(), bottom, rtlDoc);
        break;
      case "chart":
        chart(doc, fonts, section, b.chart, width(), bottom, rtlDoc);
        table(doc, fonts, section, b.numbers, width(), bottom, rtlDoc);
        break;
      case "quote": {
        ensure(40);
        const quote = structOf(doc)("BlockQuote", { lang: b.lang });
        section.add(quote);
        const top = doc.y;
        para(quote, "P", `“${b.text}”`, BODY, { lang: b.lang, indent: 14, gap: 0.1 });
        para(quote, "P", b.attribution, 8.5, { indent: 14, colour: "#333333", gap: 0.2 });
        const x = rtlDoc ? doc.page.width - MARGIN - 4 : MARGIN + 4;
        if (doc.y > top) {
          doc.markContent("Artifact", { type: "Layout" });
          doc.moveTo(x, top).lineTo(x, doc.y - 4).lineWidth(2).strokeColor("#777777").stroke().strokeColor("black").lineWidth(1);
          doc.endMarkedContent();
        }
        quote.end();
        doc.moveDown(0.4);
        break;
      }
      case "diff": {
        // Inserted words underlined, deleted words struck through: readable without colour.
        const text = b.parts.map((p) => p.text).join("");
        section.add(
          structOf(doc)("P", () => {
            doc.x = MARGIN;
            b.parts.forEach((p, k) => {
              useFont(doc, fonts, text, BODY);
              const colour = p.kind === "insert" ? "#047857" : p.kind === "delete" ? "#b91c1c" : "black";
              doc.fillColor(colour).text(p.text, { width: width(), continued: k < b.parts.length - 1, underline: p.kind === "insert", strike: p.kind === "delete" });
            });
            if (b.parts.length === 0) doc.text("");
          }),
        );
        doc.fillColor("black").moveDown(0.4);
        break;
      }
    }
    if (out && out.writableNeedDrain && doc.readableLength + out.writableLength > HIGH_WATER) await once(out, "drain");
  }
  if (section !== root) section.end();

  page = 1;
  const pagesBefore = (doc as unknown as { _root: { data: { Pages: { data: { Kids: unknown[] } } } } })._root.data.Pages.data.Kids.length;
  doc.addPage();
  const toc = structOf(doc)("TOC");
  root.add(toc);
  para(toc, "H1", report.contentsTitle, 16, { bold: true, gap: 0.8 });
  const contentsItem = doc.outline.addItem(report.contentsTitle);
  for (const [b, i] of entries) {
    if (b.kind !== "heading") continue;
    const number = String(seen.get(i) ?? "");
    const indent = b.level === 1 ? 0 : 16;
    if (doc.y + TOC_LINE > bottom()) doc.addPage();
    const y = doc.y;
    toc.add(
      structOf(doc)("TOCI", () => {
        useFont(doc, fonts, number, BODY);
        doc.text(number, MARGIN, y, { width: width(), align: rtlDoc ? "left" : "right", lineBreak: false });
        useFont(doc, fonts, b.text, BODY, b.level === 1);
        // One line per entry, so the number of contents pages is known before the body is laid out.
        drawText(doc, b.text, MARGIN + (rtlDoc ? 40 : indent), y, { width: width() - 40 - indent, align: rtlDoc ? "right" : "left", lineBreak: false, rtlDoc });
      }),
    );
    doc.x = MARGIN;
    doc.y = y + TOC_LINE;
  }
  toc.end();
  // Reading order, page order and bookmarks: the contents right after the cover.
  const kids = (doc as unknown as { _root: { data: { Pages: { data: { Kids: unknown[] } } } } })._root.data.Pages.data.Kids;
  kids.splice(1, 0, ...kids.splice(pagesBefore));
  const children = (root as unknown as { _children: unknown[] })._children;
  children.splice(coverElements, 0, ...children.splice(children.length - 1));
  const outline = (doc.outline as unknown as { children: unknown[] }).children;
  outline.splice(0, 0, ...outline.splice(outline.indexOf(contentsItem)));
  root.end();
  return seen;
}

function table(doc: Doc, fonts: ReportFonts, parent: Struct, t: TableBlock, width: number, bottom: () => number, rtlDoc: boolean): void {
  if (t.rows.length === 0) return;
  const size = t.columns.length > 6 ? 7.5 : 8.5;
  const first = Math.min(width * 0.4, Math.max(width / t.columns.length, 90));
  const rest = t.columns.length > 1 ? (width - first) / (t.columns.length - 1) : 0;
  const widths = t.columns.map((_, j) => (j === 0 ? first : rest));
  const xs = widths.map((_, j) => MARGIN + widths.slice(0, j).reduce((a, w) => a + w, 0));
  const pad = 3;
  const heightOf = (cells: string[], bold: boolean) =>
    Math.max(
      ...cells.map((c, j) => {
        useFont(doc, fonts, c, size, bold);
        return textHeight(doc, c, widths[j]! - 2 * pad);
      }),
    ) + 2 * pad;
  const struct = structOf(doc)("Table");
  parent.add(struct);
  const caption = structOf(doc)("Caption");
  struct.add(caption);
  if (doc.y + 40 > bottom()) doc.addPage();
  caption.add(
    structOf(doc)("P", () => {
      useFont(doc, fonts, t.caption, 9, true);
      drawText(doc, t.caption, MARGIN, doc.y, { width, align: rtlDoc ? "right" : "left", rtlDoc });
    }),
  );
  caption.end();
  doc.moveDown(0.2);
  const row = (cells: string[], header: boolean) => {
    const h = heightOf(cells, header);
    if (doc.y + h > bottom()) {
      doc.addPage();
      if (!header) row(t.columns, true);
    }
    const y = doc.y;
    const tr = structOf(doc)("TR");
    struct.add(tr);
    cells.forEach((c, j) => {
      const type = header ? "TH" : j === 0 ? "TH" : "TD";
      tr.add(
        structOf(doc)(type, header ? { scope: "Column" } : j === 0 ? { scope: "Row" } : {}, () => {
          useFont(doc, fonts, c, size, header || j === 0);
          const numeric = !header && j > 0;
          drawText(doc, c, xs[j]! + pad, y + pad, { width: widths[j]! - 2 * pad, align: isRtl(c) ? "right" : numeric ? "right" : "left", rtlDoc });
        }),
      );
    });
    tr.end();
    doc.markContent("Artifact", { type: "Layout" });
    if (header) doc.rect(MARGIN, y, width, h).fillOpacity(0.08).fill("black").fillOpacity(1);
    doc.moveTo(MARGIN, y + h).lineTo(MARGIN + width, y + h).lineWidth(header ? 0.8 : 0.3).strokeColor("#555555").stroke().strokeColor("black");
    doc.endMarkedContent();
    doc.fillColor("black");
    doc.x = MARGIN;
    doc.y = y + h;
  };
  row(t.columns, true);
  for (const r of t.rows) row(r, false);
  struct.end();
  doc.moveDown(0.6);
}

/**
 * The stance textures of chart-spec.ts (STANCE_TEXTURES, 8 × 8 tiles) as PDF tiling patterns: one
 * pattern object per document instead of a path per tile. Same strokes, in PDF operators.
 */
const PATTERN_STREAMS: Record<Stance, string | null> = {
  support: null,
  concern: "1 w -2 2 m 2 -2 l S 0 8 m 8 0 l S 6 10 m 10 6 l S",
  amendment: "5.6 4 m 5.6 4.88 4.88 5.6 4 5.6 c 3.12 5.6 2.4 4.88 2.4 4 c 2.4 3.12 3.12 2.4 4 2.4 c 4.88 2.4 5.6 3.12 5.6 4 c f",
  question: "1 w 0 0 m 8 8 l S 8 0 m 0 8 l S",
  remark: "1 w 0 2 m 8 2 l S 0 6 m 8 6 l S",
};

type Patterns = Partial<Record<Stance, unknown>>;
const patternsOf = new WeakMap<Doc, Patterns>();

function stancePatterns(doc: Doc): Patterns {
  let patterns = patternsOf.get(doc);
  if (!patterns) {
    patterns = {};
    const make = (doc as unknown as { pattern: (bbox: number[], x: number, y: number, stream: string) => unknown }).pattern.bind(doc);
    for (const s of stances) {
      const stream = PATTERN_STREAMS[s];
      if (stream && (STANCE_TEXTURES[s].path || STANCE_TEXTURES[s].dot)) patterns[s] = make([0, 0, 8, 8], 8, 8, stream);
    }
    patternsOf.set(doc, patterns);
  }
  return patterns;
}

/** A stance's fill, then its texture over it: readable in black and white. */
function stanceFill(doc: Doc, stance: Stance, x: number, y: number, w: number, h: number): void {
  doc.rect(x, y, w, h).fill(STANCE_FILLS[stance]);
  const pattern = stancePatterns(doc)[stance];
  if (pattern) doc.rect(x, y, w, h).fill([pattern, "#222222"] as unknown as string);
}

function chart(doc: Doc, fonts: ReportFonts, parent: Struct, c: ChartBlock, width: number, bottom: () => number, rtlDoc: boolean): void {
  const k = width / CHART_WIDTH;
  const height =
    c.kind === "bars" ? barGeometry(c.data).height * k + 18 : (STANCE_HEIGHT + 22 + 14 * Math.ceil(stances.length / 3)) * k + 18;
  if (doc.y + height > bottom()) doc.addPage();
  const x0 = MARGIN;
  const y0 = doc.y;
  parent.add(
    structOf(doc)("Figure", { alt: `${c.title}. ${c.alt}`, bbox: [x0, y0, x0 + width, y0 + height], placement: "Block" }, () => {
      useFont(doc, fonts, c.title, 9, true);
      drawText(doc, c.title, x0, y0, { width, lineBreak: false, align: isRtl(c.title) ? "right" : "left", rtlDoc });
      const top = y0 + 16;
      if (c.kind === "bars") {
        const g = barGeometry(c.data);
        g.bars.forEach((bar, i) => {
          const y = top + bar.y * k;
          useFont(doc, fonts, bar.datum.label, 8);
          doc.fillColor("black");
          drawText(doc, bar.datum.label, x0, y + (BAR_HEIGHT * k) / 2 - 4, { width: (BAR_LABEL_WIDTH - 8) * k, align: "right", lineBreak: false, rtlDoc });
          if (bar.width > 0) doc.rect(x0 + BAR_LABEL_WIDTH * k, y, bar.width * k, BAR_HEIGHT * k).fill("#4a4a4a");
          if (bar.markX !== null) {
            doc.moveTo(x0 + bar.markX * k, y - 4 * k).lineTo(x0 + bar.markX * k, y + (BAR_HEIGHT + 4) * k).dash(3, { space: 2 }).lineWidth(1.2).stroke("black").undash();
          }
          const value = c.values[i] ?? "";
          useFont(doc, fonts, value, 8);
          doc.fillColor("black").text(value, x0 + bar.valueX * k, y + (BAR_HEIGHT * k) / 2 - 4, { lineBreak: false });
        });
        if (g.hasComparison && c.comparisonLabel) {
          const y = top + c.data.length * BAR_ROW * k + 6 * k;
          const lx = x0 + BAR_LABEL_WIDTH * k;
          doc.moveTo(lx + 4, y).lineTo(lx + 4, y + 12).dash(3, { space: 2 }).lineWidth(1.2).stroke("black").undash();
          useFont(doc, fonts, c.comparisonLabel, 8);
          drawText(doc, c.comparisonLabel, lx + 12, y + 2, { width: x0 + width - lx - 12, lineBreak: false, rtlDoc });
        }
      } else {
        const { segments } = stanceSegments(c.counts);
        const h = (STANCE_HEIGHT - 4) * k;
        doc.rect(x0, top, width, h).lineWidth(0.5).stroke("#555555");
        for (const s of segments) {
          if (s.width <= 0) continue;
          stanceFill(doc, s.stance, x0 + s.x * k, top, s.width * k, h);
          doc.rect(x0 + s.x * k, top, s.width * k, h).lineWidth(0.6).stroke("black");
        }
        // Legend: a swatch with the same texture beside each stance's name.
        const shown = segments.filter((s) => s.count > 0);
        shown.forEach((s, i) => {
          const lx = x0 + (i % 3) * (width / 3);
          const ly = top + h + 8 + Math.floor(i / 3) * 14;
          stanceFill(doc, s.stance, lx, ly, 10, 10);
          doc.rect(lx, ly, 10, 10).lineWidth(0.5).stroke("black");
          const label = `${c.labels[s.stance]} ${s.count}`;
          useFont(doc, fonts, label, 8);
          doc.fillColor("black");
          drawText(doc, label, lx + 14, ly + 1, { width: width / 3 - 16, lineBreak: false, rtlDoc });
        });
      }
    }),
  );
  doc.fillColor("black").strokeColor("black");
  doc.x = MARGIN;
  doc.y = y0 + height + 4;
}

function newDoc(PDFDocument: typeof import("pdfkit"), report: ReportDocument): Doc {
  return new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: report.title, Creator: "Redraft" },
    bufferPages: false,
    tagged: true,
    lang: report.lang,
    displayTitle: true,
    pdfVersion: "1.7",
  });
}

/** The report as a PDF stream. pdfkit (and its font metrics) is loaded on the first report, not at start (decision 017). */
export async function reportPdf(report: ReportDocument): Promise<ReadableStream<Uint8Array>> {
  const { default: PDFDocument } = await import("pdfkit");
  const fonts = reportFonts();
  const doc = newDoc(PDFDocument, report);
  const out = new PassThrough();
  doc.pipe(out);
  void render(doc, report, fonts, out)
    .then(() => doc.end())
    .catch((error: unknown) => out.destroy(error as Error));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
