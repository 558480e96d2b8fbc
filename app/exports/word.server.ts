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
  const { AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableOfContents, TableRow, TextRun, WidthType } = docx;
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
  const noBorders = {
    top: { style: BorderStyle.NONE, size: 0, color: "auto" },
    bottom: { style: BorderStyle.NONE, size: 0, color: "auto" },
    left: { style: BorderStyle.NONE, size: 0, color: "auto" },
    right: { style: BorderStyle.NONE, size: 0, color: "auto" },
  };
  const scale = TEXT_WIDTH / CHART_WIDTH;
  const chart = (c: ChartBlock): (Paragraph | Table)[] => {
    const title = new Paragraph({ bidirectional: rtlDoc || undefined, keepNext: true, children: [run(c.title, { bold: true, size: 18 })] });
    const alt = new Paragraph({ bidirectional: rtlDoc || undefined, keepNext: true, children: [run(c.alt, { italics: true, size: 16 })] });
    if (c.kind === "bars") {
      const g = barGeometry(c.data);
      const label = Math.round(BAR_LABEL_WIDTH * scale);
      const plot = Math.round((CHART_WIDTH - BAR_LABEL_WIDTH - BAR_VALUE_WIDTH) * scale);
      const value = TEXT_WIDTH - label - plot;
      const rows = g.bars.map((bar, i) => {
        const filled = Math.max(0, Math.min(plot, Math.round(bar.width * scale)));
        // The bar: a paragraph shaded between its indents, the right indent leaving the unfilled length
        // (far lighter than a table per bar: a 250-paragraph report holds a thousand bars).
        const barPara = new Paragraph({
          indent: { right: plot - filled },
          shading: filled > 0 ? { type: "solid", color: "4A4A4A", fill: "4A4A4A" } : undefined,
          children: [run(" ", { size: 12 })],
        });
        return new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: label, type: WidthType.DXA }, borders: noBorders, children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(bar.datum.label, { size: 16 })] })] }),
            new TableCell({ width: { size: plot, type: WidthType.DXA }, borders: noBorders, children: [barPara] }),
            new TableCell({ width: { size: value, type: WidthType.DXA }, borders: noBorders, children: [new Paragraph({ children: [run(c.values[i] ?? "", { size: 16 })] })] }),
          ],
        });
      });
      return [title, alt, new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: [label, plot, value], borders: { ...noBorders, insideHorizontal: noBorders.top, insideVertical: noBorders.top }, rows })];
    }
    const { segments } = stanceSegments(c.counts);
    const shown = segments.filter((s) => s.count > 0);
    if (shown.length === 0) return [title, alt];
    const widths = shown.map((s) => Math.max(200, Math.round(s.width * scale)));
    const bar = new Table({
      width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({
          cantSplit: true,
          children: shown.map(
            (s, i) =>
              new TableCell({
                width: { size: widths[i]!, type: WidthType.DXA },
                shading: { type: STANCE_SHADING[s.stance], color: "000000", fill: "FFFFFF" } as never,
                children: [new Paragraph({ children: [run(" ", { size: 20 })] })],
              }),
          ),
        }),
      ],
    });
    // The legend: a swatch cell in the same pattern beside each stance's name and count.
    const legend = new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [400, TEXT_WIDTH - 400],
      borders: { ...noBorders, insideHorizontal: noBorders.top, insideVertical: noBorders.top },
      rows: shown.map(
        (s) =>
          new TableRow({
            children: [
              new TableCell({ width: { size: 400, type: WidthType.DXA }, shading: { type: STANCE_SHADING[s.stance], color: "000000", fill: "FFFFFF" } as never, children: [new Paragraph("")] }),
              new TableCell({ width: { size: TEXT_WIDTH - 400, type: WidthType.DXA }, borders: noBorders, children: [new Paragraph({ bidirectional: rtlDoc || undefined, children: [run(`${c.labels[s.stance]} ${s.count}`, { size: 16 })] })] }),
            ],
          }),
      ),
    });
    return [title, alt, bar, new Paragraph(""), legend];
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
        return [...chart(b.chart), new Paragraph(""), ...table(b.numbers)];
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
