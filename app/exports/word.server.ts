/**
 * Word documents written with the `docx` package: the consultation report, and the revised draft
 * with its changes as tracked changes (w:ins / w:del), so the secretariat reviews them in Word.
 *
 * The report has real headings (Heading 1–3), a table of contents field Word fills in on opening,
 * Word tables with repeated header rows, quotations with their language on the runs, and charts
 * drawn as tables of shaded cells from the web chart geometry (chart-spec.ts): Word has no vector
 * drawing docx can write portably, and a picture of a chart would be a screenshot. Bars are
 * paragraphs shaded solid dark grey to their length; stances carry Word's own shading patterns,
 * so both read in black and white.
 */
import type { Paragraph, ParagraphChild, Table } from "docx";
import type { Stance } from "../../db/enums";
import { BAR_LABEL_WIDTH, BAR_VALUE_WIDTH, CHART_WIDTH, barGeometry, stanceSegments } from "../analysis/charts/chart-spec";
import type { DiffPart } from "../drafts/word-diff";
import type { DraftNode } from "../drafts/outline";
import type { ParagraphChange } from "../drafts/version-diff";
import type { ChartBlock, ReportDocument, TableBlock } from "./report";
import { isRtl } from "./report-fonts.server";

const AUTHOR = "Redraft";
/** Text width of an A4 page with 2 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 9638;

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

/** Word language tags: the six UN languages with a region Word's proofing knows. */
const WORD_LANG: Record<string, string> = { en: "en-GB", fr: "fr-FR", es: "es-ES", ar: "ar-SA", zh: "zh-CN", ru: "ru-RU" };
const wordLang = (lang: string) => WORD_LANG[lang] ?? lang;

/** Stance shading: a pattern per stance, as the web chart's textures (support plain). */
const STANCE_SHADING: Record<Stance, string> = {
  support: "pct25",
  concern: "diagStripe",
  amendment: "pct10",
  question: "diagCross",
  remark: "horzStripe",
};

export async function reportDocx(report: ReportDocument): Promise<Buffer> {
  const docx = await loadDocx();
  const { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableOfContents, TableRow, TextRun, WidthType } = docx;
  const rtlDoc = report.lang === "ar";
  const run = (text: string, options: { bold?: boolean; size?: number; lang?: string; italics?: boolean } = {}) =>
    new TextRun({
      text,
      bold: options.bold,
      italics: options.italics,
      size: options.size,
      rightToLeft: isRtl(text) || undefined,
      language: options.lang ? { value: wordLang(options.lang), eastAsia: wordLang(options.lang), bidirectional: wordLang(options.lang) } : undefined,
    });
  const para = (text: string, options: { bold?: boolean; lang?: string; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; size?: number } = {}) =>
    new Paragraph({
      heading: options.heading,
      bidirectional: isRtl(text) || (rtlDoc && !options.lang) || undefined,
      children: [run(text, options)],
    });
  const cell = (text: string, header: boolean, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      shading: header ? { type: "clear", fill: "E8E8E8", color: "auto" } : undefined,
      children: [new Paragraph({ bidirectional: isRtl(text) || undefined, alignment: !header && !isRtl(text) && /^[\d\s.,%—−-]+$/.test(text) ? AlignmentType.RIGHT : undefined, children: [run(text, { bold: header, size: 18 })] })],
    });
  const table = (t: TableBlock): (Paragraph | Table)[] => {
    if (t.rows.length === 0) return [];
    const first = Math.round(Math.min(TEXT_WIDTH * 0.4, Math.max(TEXT_WIDTH / t.columns.length, 1800)));
    const rest = t.columns.length > 1 ? Math.floor((TEXT_WIDTH - first) / (t.columns.length - 1)) : 0;
    const widths = t.columns.map((_, j) => (j === 0 ? first : rest));
    return [
      new Paragraph({ bidirectional: rtlDoc || undefined, keepNext: true, children: [run(t.caption, { bold: true, size: 18 })] }),
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        visuallyRightToLeft: rtlDoc,
        rows: [
          new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, j) => cell(c, true, widths[j]!)) }),
          ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, j) => cell(c, j === 0, widths[j]!)) })),
        ],
      }),
      new Paragraph(""),
    ];
  };
  /**
   * A chart and its numbers as one Word table: the numbers' columns, then the bar, a paragraph
   * shaded to the length the web chart gives it (chart-spec.ts) — solid for counts, the stance's
   * pattern for stances, whose segments are stacked down the rows instead of across one bar.
   * One table instead of two keeps a 250-paragraph report within the server's memory.
   */
  const BAR_COLUMN = Math.round(TEXT_WIDTH * 0.4);
  const chart = (c: ChartBlock, numbers: TableBlock): (Paragraph | Table)[] => {
    const title = new Paragraph({ bidirectional: rtlDoc || undefined, keepNext: true, children: [run(c.title, { bold: true, size: 18 })] });
    const alt = new Paragraph({ bidirectional: rtlDoc || undefined, keepNext: true, children: [run(c.alt, { italics: true, size: 16 })] });
    const scale = BAR_COLUMN / CHART_WIDTH;
    const bars: { width: number; shading: string }[] =
      c.kind === "bars"
        ? barGeometry(c.data).bars.map((b) => ({ width: (b.width * CHART_WIDTH) / (CHART_WIDTH - BAR_LABEL_WIDTH - BAR_VALUE_WIDTH), shading: "solid" }))
        : stanceSegments(c.counts).segments.map((s) => ({ width: s.width, shading: STANCE_SHADING[s.stance] }));
    if (numbers.rows.length === 0) return [title, alt];
    const first = Math.round(Math.min((TEXT_WIDTH - BAR_COLUMN) * 0.45, 2400));
    const rest = numbers.columns.length > 1 ? Math.floor((TEXT_WIDTH - BAR_COLUMN - first) / (numbers.columns.length - 1)) : 0;
    const widths = [...numbers.columns.map((_, j) => (j === 0 ? first : rest)), BAR_COLUMN];
    const barCell = (i: number) => {
      const bar = bars[i];
      const filled = bar ? Math.max(0, Math.min(BAR_COLUMN - 100, Math.round(bar.width * scale))) : 0;
      return new TableCell({
        width: { size: BAR_COLUMN, type: WidthType.DXA },
        children: [
          new Paragraph({
            indent: { right: BAR_COLUMN - 100 - filled },
            shading: filled > 0 ? ({ type: bar!.shading, color: "000000", fill: bar!.shading === "solid" ? "4A4A4A" : "FFFFFF" } as never) : undefined,
            children: [run(" ", { size: 14 })],
          }),
        ],
      });
    };
    return [
      title,
      alt,
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        visuallyRightToLeft: rtlDoc,
        rows: [
          new TableRow({ tableHeader: true, cantSplit: true, children: [...numbers.columns.map((h, j) => cell(h, true, widths[j]!)), cell("", true, BAR_COLUMN)] }),
          ...numbers.rows.map((r, i) => new TableRow({ cantSplit: true, children: [...r.map((v, j) => cell(v, j === 0, widths[j]!)), barCell(i)] })),
        ],
      }),
      new Paragraph(""),
    ];
  };

  const date = new Date().toISOString();
  // "Page {page}" in the report's language around Word's page number field.
  const [pageBefore = "", pageAfter = ""] = report.pageLabel("\u0001").split("\u0001");
  const children = report.blocks.flatMap((b): (Paragraph | Table | InstanceType<typeof TableOfContents>)[] => {
    switch (b.kind) {
      case "heading":
        return [para(b.text, { heading: b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3 })];
      case "text":
        return [para(b.text, { lang: b.lang })];
      case "list":
        return b.items.map((item) => new Paragraph({ bidirectional: rtlDoc || undefined, bullet: { level: 0 }, children: [run(item)] }));
      case "table":
        return table(b);
      case "chart":
        return chart(b.chart, b.numbers);
      case "quote":
        return [
          new Paragraph({ bidirectional: isRtl(b.text) || undefined, indent: { left: 567, right: 567 }, children: [run(`“${b.text}”`, { lang: b.lang })] }),
          new Paragraph({ bidirectional: rtlDoc || undefined, indent: { left: 567, right: 567 }, children: [run(b.attribution, { size: 16 })] }),
        ];
      case "diff":
        return [new Paragraph({ children: diffRuns(docx, b.parts, date) })];
      case "pageBreak":
        return [new Paragraph({ pageBreakBefore: true, children: [] })];
    }
  });
  // Word starts numbering after the cover page, which has no header or footer.
  return Packer.toBuffer(
    new Document({
      creator: AUTHOR,
      title: report.title,
      features: { updateFields: true },
      styles: { default: { document: { run: { font: "Noto Sans", language: { value: wordLang(report.lang), eastAsia: wordLang(report.lang), bidirectional: wordLang(report.lang) } } } } } as never,
      sections: [
        {
          properties: { titlePage: true },
          headers: { default: new Header({ children: [new Paragraph({ bidirectional: rtlDoc || undefined, children: [run(report.header, { size: 16 })] })] }) },
          footers: {
            default: new Footer({
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [new TextRun({ children: [pageBefore, PageNumber.CURRENT, pageAfter], size: 16 })],
                }),
              ],
            }),
          },
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, bidirectional: rtlDoc || undefined, spacing: { before: 3000 }, children: [run(report.cover.title)] }),
            ...report.cover.lines.map((l) => para(l)),
            new Paragraph({ pageBreakBefore: true, heading: HeadingLevel.HEADING_1, bidirectional: rtlDoc || undefined, children: [run(report.contentsTitle)] }),
            new TableOfContents(report.contentsTitle, { hyperlink: true, headingStyleRange: "1-2" }),
            new Paragraph({ pageBreakBefore: true, children: [] }),
            ...children,
          ],
        },
      ],
    }),
  );
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
