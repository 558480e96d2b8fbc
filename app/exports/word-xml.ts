/**
 * WordprocessingML for the report's body, written block by block as strings so that
 * word/document.xml is never held whole (a 100,000-comment report has some 200 paragraph sections,
 * each with three charts and their tables). The package parts around it (styles, numbering,
 * settings, header, footer, cover, contents field) come from a small `docx` document; see
 * word.server.ts.
 *
 * Element order inside w:pPr, w:rPr, w:tblPr and w:tcPr follows the schema (ECMA-376 part 1,
 * 17.3.1.26, 17.3.2.28, 17.4.60, 17.4.70): Word refuses files whose properties are out of order.
 */
import type { Stance } from "../../db/enums";
import { BAR_LABEL_WIDTH, BAR_VALUE_WIDTH, CHART_WIDTH, barGeometry, stanceSegments } from "../analysis/charts/chart-spec";
import type { DiffPart } from "../drafts/word-diff";
import type { ChartBlock, ReportBlock, TableBlock } from "./report";

/** Text width of an A4 page with 2 cm margins, in twentieths of a point. */
export const TEXT_WIDTH = 9638;
/** The page margin that gives TEXT_WIDTH on A4 (11906 twentieths wide). */
export const PAGE_MARGIN = 1134;
const BAR_COLUMN = Math.round(TEXT_WIDTH * 0.4);
export const AUTHOR = "Redraft";

/** Word language tags: the six UN languages with a region Word's proofing knows. */
const WORD_LANG: Record<string, string> = { en: "en-GB", fr: "fr-FR", es: "es-ES", ar: "ar-SA", zh: "zh-CN", ru: "ru-RU" };
export const wordLang = (lang: string) => WORD_LANG[lang] ?? lang;

/** Stance shading: a pattern per stance, as the web chart's textures (support plain). */
const STANCE_SHADING: Record<Stance, string> = {
  support: "pct25",
  concern: "diagStripe",
  amendment: "pct10",
  question: "diagCross",
  remark: "horzStripe",
};

/** Right-to-left text: Arabic script, as report-fonts.server.ts decides for the PDF. */
const ARABIC = /\p{sc=Arabic}/u;
export const isRtl = (text: string) => ARABIC.test(text);

/**
 * Text as XML character data. Characters XML 1.0 forbids (control characters a comment may carry)
 * are dropped: one of them would make the whole file unreadable.
 */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

interface RunOptions {
  bold?: boolean;
  italics?: boolean;
  /** Half-points, as Word counts font sizes. */
  size?: number;
  lang?: string;
}

export function run(text: string, o: RunOptions = {}): string {
  const props = [
    o.bold ? "<w:b/><w:bCs/>" : "",
    o.italics ? "<w:i/><w:iCs/>" : "",
    o.size ? `<w:sz w:val="${o.size}"/><w:szCs w:val="${o.size}"/>` : "",
    isRtl(text) ? "<w:rtl/>" : "",
    o.lang ? `<w:lang w:val="${wordLang(o.lang)}" w:eastAsia="${wordLang(o.lang)}" w:bidi="${wordLang(o.lang)}"/>` : "",
  ].join("");
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

interface ParagraphOptions {
  style?: string;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  bullet?: boolean;
  /** w:shd of the paragraph: pattern, pattern colour and fill. */
  shading?: { val: string; color: string; fill: string };
  bidi?: boolean;
  indent?: { left?: number; right?: number };
  align?: "right" | "center";
}

export function paragraph(runs: string, o: ParagraphOptions = {}): string {
  const indent = o.indent ? `<w:ind${o.indent.left !== undefined ? ` w:left="${o.indent.left}"` : ""}${o.indent.right !== undefined ? ` w:right="${o.indent.right}"` : ""}/>` : "";
  const props = [
    o.style ? `<w:pStyle w:val="${o.style}"/>` : "",
    o.keepNext ? "<w:keepNext/>" : "",
    o.pageBreakBefore ? "<w:pageBreakBefore/>" : "",
    // numId 1 is the bullet list the docx package puts in every numbering part (word.server.ts checks it).
    o.bullet ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : "",
    o.shading ? `<w:shd w:val="${o.shading.val}" w:color="${o.shading.color}" w:fill="${o.shading.fill}"/>` : "",
    o.bidi ? "<w:bidi/>" : "",
    indent,
    o.align ? `<w:jc w:val="${o.align}"/>` : "",
  ].join("");
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${runs}</w:p>`;
}

const BORDERS = ["top", "left", "bottom", "right", "insideH", "insideV"].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`).join("");

function* wordTable(widths: number[], rtl: boolean, rows: Iterable<string>): Generator<string> {
  yield `<w:tbl><w:tblPr>${rtl ? "<w:bidiVisual/>" : ""}<w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblBorders>${BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>`;
  yield `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  yield* rows;
  yield "</w:tbl>";
}

const row = (cells: string[], header: boolean) => `<w:tr><w:trPr><w:cantSplit/>${header ? "<w:tblHeader/>" : ""}</w:trPr>${cells.join("")}</w:tr>`;
const NUMBER = /^[\d\s.,%—−-]+$/;

function cell(text: string, header: boolean, width: number): string {
  const shading = header ? '<w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/>' : "";
  const align = !header && !isRtl(text) && NUMBER.test(text) ? "right" : undefined;
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shading}</w:tcPr>${paragraph(run(text, { bold: header, size: 18 }), { bidi: isRtl(text), align })}</w:tc>`;
}

/** The writer's state across blocks: the document's direction and the tracked changes' ids. */
export class BodyWriter {
  private changeId = 0;
  constructor(
    private readonly rtlDoc: boolean,
    private readonly date: string,
  ) {}

  private caption(text: string, o: RunOptions = { bold: true, size: 18 }): string {
    return paragraph(run(text, o), { bidi: this.rtlDoc, keepNext: true });
  }

  *table(t: TableBlock): Generator<string> {
    if (t.rows.length === 0) return;
    const first = Math.round(Math.min(TEXT_WIDTH * 0.4, Math.max(TEXT_WIDTH / t.columns.length, 1800)));
    const rest = t.columns.length > 1 ? Math.floor((TEXT_WIDTH - first) / (t.columns.length - 1)) : 0;
    const widths = t.columns.map((_, j) => (j === 0 ? first : rest));
    yield this.caption(t.caption);
    yield* wordTable(widths, this.rtlDoc, [
      row(t.columns.map((c, j) => cell(c, true, widths[j]!)), true),
      ...t.rows.map((r) => row(r.map((c, j) => cell(c, j === 0, widths[j]!)), false)),
    ]);
    yield "<w:p/>";
  }

  /**
   * A chart and its numbers as one Word table: the numbers' columns, then the bar, a paragraph
   * shaded to the length the web chart gives it (chart-spec.ts) — solid for counts, the stance's
   * pattern for stances, whose segments are stacked down the rows instead of across one bar.
   * Word has no vector drawing that every reader shows, and a picture would be a screenshot.
   */
  *chart(c: ChartBlock, numbers: TableBlock): Generator<string> {
    yield this.caption(c.title);
    yield this.caption(c.alt, { italics: true, size: 16 });
    if (numbers.rows.length === 0) return;
    const scale = BAR_COLUMN / CHART_WIDTH;
    const bars: { width: number; shading: string }[] =
      c.kind === "bars"
        ? barGeometry(c.data).bars.map((b) => ({ width: (b.width * CHART_WIDTH) / (CHART_WIDTH - BAR_LABEL_WIDTH - BAR_VALUE_WIDTH), shading: "solid" }))
        : stanceSegments(c.counts).segments.map((s) => ({ width: s.width, shading: STANCE_SHADING[s.stance] }));
    const first = Math.round(Math.min((TEXT_WIDTH - BAR_COLUMN) * 0.45, 2400));
    const rest = numbers.columns.length > 1 ? Math.floor((TEXT_WIDTH - BAR_COLUMN - first) / (numbers.columns.length - 1)) : 0;
    const widths = [...numbers.columns.map((_, j) => (j === 0 ? first : rest)), BAR_COLUMN];
    const barCell = (i: number) => {
      const bar = bars[i];
      const filled = bar ? Math.max(0, Math.min(BAR_COLUMN - 100, Math.round(bar.width * scale))) : 0;
      const shading = filled > 0 ? { val: bar!.shading, color: "000000", fill: bar!.shading === "solid" ? "4A4A4A" : "FFFFFF" } : undefined;
      return `<w:tc><w:tcPr><w:tcW w:w="${BAR_COLUMN}" w:type="dxa"/></w:tcPr>${paragraph(run(" ", { size: 14 }), { shading, indent: { right: BAR_COLUMN - 100 - filled } })}</w:tc>`;
    };
    yield* wordTable(widths, this.rtlDoc, [
      row([...numbers.columns.map((h, j) => cell(h, true, widths[j]!)), cell("", true, BAR_COLUMN)], true),
      ...numbers.rows.map((r, i) => row([...r.map((v, j) => cell(v, j === 0, widths[j]!)), barCell(i)], false)),
    ]);
    yield "<w:p/>";
  }

  diff(parts: DiffPart[]): string {
    const attrs = () => `w:id="${++this.changeId}" w:author="${AUTHOR}" w:date="${this.date}"`;
    return paragraph(
      parts
        .map((p) =>
          p.kind === "insert"
            ? `<w:ins ${attrs()}>${run(p.text)}</w:ins>`
            : p.kind === "delete"
              ? `<w:del ${attrs()}><w:r><w:delText xml:space="preserve">${xmlText(p.text)}</w:delText></w:r></w:del>`
              : run(p.text),
        )
        .join(""),
    );
  }

  *block(b: ReportBlock): Generator<string> {
    const rtl = this.rtlDoc;
    switch (b.kind) {
      case "heading":
        yield paragraph(run(b.text), { style: `Heading${b.level}`, bidi: isRtl(b.text) || rtl });
        return;
      case "text":
        yield paragraph(run(b.text, { lang: b.lang }), { bidi: isRtl(b.text) || (rtl && !b.lang) });
        return;
      case "list":
        for (const item of b.items) yield paragraph(run(item), { style: "ListParagraph", bullet: true, bidi: rtl });
        return;
      case "table":
        yield* this.table(b);
        return;
      case "chart":
        yield* this.chart(b.chart, b.numbers);
        return;
      case "quote":
        yield paragraph(run(`“${b.text}”`, { lang: b.lang }), { bidi: isRtl(b.text), indent: { left: 567, right: 567 } });
        yield paragraph(run(b.attribution, { size: 16 }), { bidi: rtl, indent: { left: 567, right: 567 } });
        return;
      case "diff":
        yield this.diff(b.parts);
        return;
      case "pageBreak":
        yield paragraph("", { pageBreakBefore: true });
        return;
    }
  }
}
