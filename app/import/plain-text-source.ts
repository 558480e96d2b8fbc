/**
 * Plain text as UN documents come out of PDF/HTML extraction, reduced to source blocks: page
 * furniture dropped, wrapped lines and page-split paragraphs joined, footnotes lifted out of the
 * running text and attached to the block that cites them.
 */
import {
  fromSuperscript,
  joinWrapped,
  normalizeSpaces,
  rejoinSplitWords,
  stripEmphasis,
  stripLinksAndEscapes,
  SUPERSCRIPT_CLASS,
} from "./clean-text";
import { ImportError, type SourceBlock, type SourceDocument } from "./outline-types";
import { parseTypedNumber, startsNewBlock } from "./typed-numbering";

interface Line {
  text: string;
  /** Blank lines between this line and the previous non-blank one. */
  gapBefore: number;
  trailingSpace: boolean;
  /** A form feed starts the line: the first line of a new page. */
  pageBreak?: boolean;
  /** Page furniture (header, footer, page number) was dropped just before this line. */
  afterFurniture?: boolean;
}

type Layout = "paragraph-per-line" | "blank-separated" | "wrapped";

interface RawBlock {
  text: string;
  /** Text of the line the block ended on, for hyphen joins. */
  trailingSpace: boolean;
  footnote?: { marker: string };
  tableHeader?: string[];
  /** Cut from the same line as the block before it, at an emphasis run. */
  splitFromPrevious?: boolean;
  /** Starts on a new page, after the page's furniture or footnotes. */
  afterPageBreak?: boolean;
}

const FOOTNOTE_RULE = /^_{5,}$/;
const MARKER_SEARCH_BLOCKS = 40;
/** "3", "Page 3", "3/12", "- 3 -", "Page 3 of 12". */
const PAGE_NUMBER = /^(?:(?:page\s+)?\d{1,4}(?:\s*(?:\/|of)\s*\d{1,4})?|-\s*\d{1,4}\s*-)$/i;
const URL_ONLY = /^<?https?:\/\/\S+>?$/;
const JOB_NUMBER = /^\d{2}-\d{4,6}(?:\s*\([A-Z]\))?$/;
const DOCUMENT_SYMBOL = /^[A-Z]{1,5}(?:\/[A-Z0-9.()-]+){2,}$/;
/** A running header that sets the symbol and the title on one line: "A/HRC/RES/53/29    New and emerging…". */
const SYMBOL_HEADER = /^[A-Z]{1,5}(?:\/[A-Z0-9.()-]+){2,}\s{2,}\S/;
/** A footnote line in wrapped text: " 3  It is important", " a Some of", " * The". */
const WRAPPED_FOOTNOTE_START = /^(\d{1,3}|[a-z]|\*)\s+(?=[\p{Lu}“"(‘'])/u;
const SUPERSCRIPT_FOOTNOTE_START = new RegExp(`^(${SUPERSCRIPT_CLASS}+)\\s*`);
const TABLE_HEADER = /^(?:\p{Lu}\p{Ll}+)(?: \p{Lu}\p{Ll}+){1,3}$/u;

export function plainTextToSource(input: string): SourceDocument {
  if (input.includes("\u0000")) throw new ImportError("the file is binary, not text");
  const lines = readLines(input);
  if (lines.length === 0) throw new ImportError("the file contains no text");
  const layout = detectLayout(input, lines);
  const raw = buildBlocks(dropFurniture(lines), layout);
  const blocks = attachFootnotes(joinContinuations(splitRunTogetherClauses(raw)));
  return { title: null, blocks };
}

function readLines(input: string): Line[] {
  const lines: Line[] = [];
  let gap = 0;
  let pageBreak = false;
  for (const rawLine of input.replace(/^\uFEFF/, "").split(/\r\n?|\n/)) {
    const text = rawLine.replace(/[\t\u00a0\f]/g, " ").trim();
    if (text === "") {
      gap += 1;
      if (rawLine.includes("\f")) pageBreak = true;
      continue;
    }
    const line: Line = { text, gapBefore: lines.length === 0 ? 0 : gap, trailingSpace: /\s$/.test(rawLine) };
    if (pageBreak || rawLine.includes("\f")) line.pageBreak = true;
    lines.push(line);
    pageBreak = false;
    gap = 0;
  }
  return lines;
}

function detectLayout(input: string, lines: Line[]): Layout {
  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)]!;
  // Hard-wrapped text has short lines, and many of them continue in lower case on the next line.
  const continued = lines.filter((l, i) => i > 0 && /^\p{Ll}/u.test(l.text)).length;
  // A short text of lists ("(a) to ensure…") has fewer lower-case line starts; its lines still
  // break mid-sentence, with no blank line before the rest of the sentence.
  const brokenMidSentence = lines.filter((l, i) => i > 0 && l.gapBefore === 0 && !/[.;:,!?]["”’)]?$/.test(lines[i - 1]!.text)).length;
  if (median < 110 && (continued >= lines.length * 0.15 || brokenMidSentence >= lines.length * 0.15)) return "wrapped";
  const separated = lines.filter((l) => l.gapBefore > 0).length;
  return separated >= lines.length * 0.3 && input.length > 0 ? "blank-separated" : "paragraph-per-line";
}

/**
 * Drops running headers, page numbers, job numbers, stray URLs and symbols, keeps footnote rules
 * as markers. A short line repeated on several pages is a running header, unless it looks like
 * the column names of a table ("Commitment Measure"), which repeat on every page of the table.
 */
function dropFurniture(lines: Line[]): (Line & { rule?: boolean; tableHeader?: string[] })[] {
  const repeats = new Map<string, number>();
  for (const l of lines) if (l.text.length < 200) repeats.set(l.text, (repeats.get(l.text) ?? 0) + 1);
  // A longer line repeated page after page is a running header (the document's full title) when
  // it sits at a page's edge: right after a form feed or a page number, or right before one.
  const pageEdge = (i: number) =>
    lines[i]!.pageBreak === true ||
    (i > 0 && (PAGE_NUMBER.test(lines[i - 1]!.text) || lines[i - 1]!.pageBreak === true)) ||
    (i + 1 < lines.length && (lines[i + 1]!.pageBreak === true || PAGE_NUMBER.test(lines[i + 1]!.text)));
  const seenTableHeaders = new Set<string>();
  const kept: (Line & { rule?: boolean; tableHeader?: string[] })[] = [];
  // Dropped lines leave the spacing of the next line as it is: a page break shows as a line
  // following its predecessor with no blank line in between, whatever furniture sat there.
  // The first page carries no running header: a line there that later heads every page (the
  // title) is the document's own text the first time.
  const firstPageEnd = lines.findIndex((l, i) => l.pageBreak === true || (i > 0 && PAGE_NUMBER.test(l.text)));
  const keptOnFirstPage = new Set<string>();
  // A running header repeats on most pages; a sentence line repeated a few times in a long text
  // (the same document pasted twice, a recurring clause) is no header.
  const pages = 1 + lines.filter((l, i) => l.pageBreak === true || (i > 0 && PAGE_NUMBER.test(l.text))).length;
  const headerRepeats = Math.max(3, Math.floor(pages * 0.3));
  let dropped = false;
  let headerOpen = false;
  for (const [i, line] of lines.entries()) {
    const gapBefore = line.gapBefore;
    const t = line.text;
    const afterFurniture: boolean = dropped || line.pageBreak === true;
    dropped = false;
    if (FOOTNOTE_RULE.test(t)) {
      kept.push({ ...line, gapBefore, rule: true, afterFurniture });
      continue;
    }
    const count = repeats.get(t) ?? 0;
    // In a short document a running header repeats only once or twice: it then shows as a page
    // edge line, or as the line under another piece of furniture (the symbol above the title).
    let repeated =
      (count >= headerRepeats && (t.length < 60 || pageEdge(i) || SYMBOL_HEADER.test(t))) ||
      (count >= 2 && i > firstPageEnd && firstPageEnd >= 0 && SYMBOL_HEADER.test(t));
    if (repeated && i < firstPageEnd && !keptOnFirstPage.has(t) && t.split(" ").length >= 3 && !pageEdge(i)) {
      keptOnFirstPage.add(t);
      repeated = false;
    }
    // A table's column names repeat on each page of the table only, which may be a few pages.
    if (count >= 3 && TABLE_HEADER.test(t)) {
      if (!seenTableHeaders.has(t)) kept.push({ ...line, gapBefore, tableHeader: t.split(" ") });
      // Repeated at the top of a page, the column names are part of the page's furniture.
      else dropped = afterFurniture;
      seenTableHeaders.add(t);
      continue;
    }
    // The lines set tight under a page's first furniture line (symbol, then a shortened title)
    // are the rest of its running header, even when the document is too short for them to repeat.
    const headerBlock: boolean = headerOpen && line.gapBefore === 0;
    if (PAGE_NUMBER.test(t) || URL_ONLY.test(t) || JOB_NUMBER.test(t) || DOCUMENT_SYMBOL.test(t) || repeated || headerBlock || (line.pageBreak === true && SYMBOL_HEADER.test(t))) {
      // Furniture carries the page break on to the first line of text after it.
      dropped = true;
      headerOpen = line.pageBreak === true || headerBlock;
      continue;
    }
    headerOpen = false;
    kept.push({ ...line, gapBefore, afterFurniture });
  }
  return kept;
}

function buildBlocks(lines: (Line & { rule?: boolean; tableHeader?: string[] })[], layout: Layout): RawBlock[] {
  const blocks: RawBlock[] = [];
  // Held in an object: TypeScript does not follow assignments made inside the closures below.
  const state: { current: RawBlock | null } = { current: null };
  const flush = () => {
    if (state.current && state.current.text.trim() !== "") blocks.push(state.current);
    state.current = null;
  };
  const start = (line: Line, extra: Partial<RawBlock> = {}) => {
    flush();
    state.current = { text: line.text, trailingSpace: line.trailingSpace, ...(line.afterFurniture ? { afterPageBreak: true } : {}), ...extra };
  };
  const append = (line: Line) => {
    const block = state.current!;
    block.text = joinWrapped(block.text, line.text, block.trailingSpace);
    block.trailingSpace = line.trailingSpace;
  };

  const footnoteRegion = { active: false, spacing: -1 };
  const continuationGap = usualContinuationGap(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.rule) {
      flush();
      footnoteRegion.active = true;
      footnoteRegion.spacing = -1;
      continue;
    }
    if (line.tableHeader) {
      flush();
      blocks.push({ text: "", trailingSpace: false, tableHeader: line.tableHeader });
      footnoteRegion.active = false;
      continue;
    }

    const superscriptFootnote = SUPERSCRIPT_FOOTNOTE_START.exec(line.text);
    if (superscriptFootnote && layout !== "wrapped") {
      // One line may hold several footnotes run together: "¹ Resolution 217 A (III).² See ...".
      flush();
      for (const part of splitSuperscriptFootnotes(line.text)) blocks.push(part);
      continue;
    }

    if (layout === "wrapped") {
      const wrappedFootnote = WRAPPED_FOOTNOTE_START.exec(line.text);
      // Footnotes end with their page: what follows the next page's furniture is body text again.
      if (footnoteRegion.active && line.afterFurniture) footnoteRegion.active = false;
      if (footnoteRegion.active) {
        if (footnoteRegion.spacing === -1 && state.current?.footnote) footnoteRegion.spacing = line.gapBefore;
        const regionEnds = footnoteRegion.spacing !== -1 && line.gapBefore !== footnoteRegion.spacing;
        if (!regionEnds) {
          if (wrappedFootnote) start(line, { text: line.text.slice(wrappedFootnote[0].length), footnote: { marker: wrappedFootnote[1]! } });
          else if (state.current?.footnote) append(line);
          else start(line, { footnote: { marker: "" } });
          continue;
        }
        footnoteRegion.active = false;
        // Back in the body; whether the page's last paragraph continues here is decided by
        // joinContinuations, once every block is known.
        start(line);
        continue;
      }
      // Letter footnotes of a table sit under it without a rule: " a Some of these actions".
      if (wrappedFootnote && /^[a-z*]$/.test(wrappedFootnote[1]!) && line.gapBefore > 0) {
        start(line, { text: line.text.slice(wrappedFootnote[0].length), footnote: { marker: wrappedFootnote[1]! } });
        footnoteRegion.active = true;
        footnoteRegion.spacing = -1;
        continue;
      }
      if (state.current === null || state.current.footnote || state.current.tableHeader || startsNewBlock(line.text)) {
        start(line);
        continue;
      }
      if (isWrappedBoundary(lines, i, continuationGap)) start(line);
      else append(line);
      continue;
    }

    // Footnotes typed with plain numbers under a rule ("1  Resolution 217 A (III).") in text that
    // is not hard-wrapped: a numbered line opens a footnote, tight lines under it continue it.
    if (footnoteRegion.active && line.afterFurniture) footnoteRegion.active = false;
    if (footnoteRegion.active) {
      const numberedFootnote = WRAPPED_FOOTNOTE_START.exec(line.text);
      if (numberedFootnote && !startsNewBlock(line.text)) {
        start(line, { text: line.text.slice(numberedFootnote[0].length), footnote: { marker: numberedFootnote[1]! } });
        continue;
      }
      if (state.current?.footnote && line.gapBefore === 0) {
        append(line);
        continue;
      }
      footnoteRegion.active = false;
    }
    if (layout === "paragraph-per-line" || line.gapBefore > 0 || state.current === null || state.current.footnote) start(line);
    else append(line);
  }
  flush();
  return blocks;
}

/**
 * In wrapped text a paragraph ends where the spacing between lines widens beyond its
 * neighbourhood (double-spaced body, single-spaced table cells), or where a line stops well short
 * of the column width after a full stop.
 */
function isWrappedBoundary(lines: (Line & { rule?: boolean })[], i: number, continuationGap: number): boolean {
  const window = lines.slice(Math.max(0, i - 6), i + 7).filter((l) => !l.rule);
  const gapCounts = new Map<number, number>();
  for (const l of window) gapCounts.set(l.gapBefore, (gapCounts.get(l.gapBefore) ?? 0) + 1);
  const usualGap = [...gapCounts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  const line = lines[i]!;
  if (line.gapBefore > usualGap) return true;
  // Where one-line paragraphs follow each other (a front page: session, agenda item, sponsors),
  // the blank line between them is the usual spacing of the neighbourhood, yet wider than the
  // spacing inside the document's paragraphs.
  if (line.gapBefore > continuationGap && !line.afterFurniture) return true;
  const previous = lines[i - 1]!;
  const width = Math.max(...window.map((l) => l.text.length));
  return /[.;:]["”’)]?$/.test(previous.text) && previous.text.length < width * 0.7;
}

/**
 * The spacing inside the document's paragraphs: the gap most often seen before a line that
 * continues a sentence (starts in lower case), page breaks aside.
 */
function usualContinuationGap(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) if (!l.afterFurniture && /^\p{Ll}/u.test(l.text)) counts.set(l.gapBefore, (counts.get(l.gapBefore) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return sorted[0]?.[0] ?? 0;
}

function splitSuperscriptFootnotes(text: string): RawBlock[] {
  const parts: RawBlock[] = [];
  const pattern = new RegExp(`(?:^|(?<=[^\\s⁰¹²³⁴⁵⁶⁷⁸⁹]))\\s*(${SUPERSCRIPT_CLASS}+)\\s+`, "g");
  const starts = [...text.matchAll(pattern)].filter((m) => m.index === 0 || /[.)\]*]$/.test(text.slice(0, m.index).trim()));
  starts.forEach((m, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]!.index : text.length;
    parts.push({
      text: text.slice(m.index + m[0].length, end).trim(),
      trailingSpace: false,
      footnote: { marker: fromSuperscript(m[1]!) },
    });
  });
  return parts;
}

/**
 * Some extractions run a whole preamble into one line, each clause in `*italics*` and headings in
 * `**bold**` ("...Rights,¹*Reaffirming also* its resolution"). Bold and bold-italic runs always
 * separate blocks; a single asterisk does when the text before it closes a clause (",", ";", ":")
 * and the text after opens a new one with a capital.
 */
function splitRunTogetherClauses(blocks: RawBlock[]): RawBlock[] {
  const out: RawBlock[] = [];
  for (const block of blocks) {
    if (block.footnote || block.tableHeader || !block.text.includes("*")) {
      out.push(block);
      continue;
    }
    const segments = block.text.split(/\*{2,}/);
    let first = true;
    for (const segment of segments) {
      const pieces = segment.split(
        new RegExp(`(?<=[,;:]${SUPERSCRIPT_CLASS}*)\\s*\\*(?=\\s*\\p{Lu})`, "u"),
      );
      for (const piece of pieces) {
        if (stripEmphasis(piece).trim() === "") continue;
        out.push({ ...block, text: piece, splitFromPrevious: !first });
        first = false;
      }
    }
  }
  return out;
}

/**
 * Joins a paragraph that a page break (with its footnotes, rule, header) split in two: the second
 * half starts in lower case, or the first half stops mid-sentence without punctuation.
 */
function joinContinuations(blocks: RawBlock[]): RawBlock[] {
  const out: RawBlock[] = [];
  let acrossFootnotes = false;
  for (const block of blocks) {
    if (block.footnote) {
      acrossFootnotes = true;
      out.push(block);
      continue;
    }
    const previousIndex = out.findLastIndex((b) => !b.footnote);
    const previous = previousIndex >= 0 ? out[previousIndex]! : undefined;
    const joins =
      !block.tableHeader &&
      previous &&
      !previous.tableHeader &&
      (continuesPrevious(previous.text, block.text, acrossFootnotes || !block.splitFromPrevious) ||
        (block.afterPageBreak === true && continuesAcrossPage(previous.text, block.text)));
    if (joins && previous) {
      out[previousIndex] = {
        ...previous,
        text: joinWrapped(previous.text.replace(/\*+$/, ""), block.text, previous.trailingSpace),
        trailingSpace: block.trailingSpace,
      };
    } else out.push(block);
    acrossFootnotes = false;
  }
  return out;
}

/**
 * The second half of a split paragraph starts in lower case; or, across a page break or a line
 * break, a long first half stops mid-sentence ("noting the adoption by the" | "General Conference").
 */
function continuesPrevious(previous: string, next: string, acrossBreak: boolean): boolean {
  const text = stripEmphasis(next).trim();
  if (startsNewBlock(text)) return false;
  const end = stripEmphasis(previous).replace(new RegExp(`${SUPERSCRIPT_CLASS}+$`), "").trim();
  if (/^\p{Ll}/u.test(text)) return !/[.!?]$/.test(end);
  // Both halves must read as clauses of running text, not as front-matter lines.
  return acrossBreak && end.length >= 120 && /\p{Ll}$/u.test(end) && text.length >= 100 && /[,;:.]$/.test(text);
}

/**
 * A page break cuts a paragraph wherever the page ends, also before a capitalised word ("… of
 * the" | "International Covenant"): a long block that stops without any punctuation, followed on
 * the next page by text that opens no numbered paragraph, is one paragraph. Short unpunctuated
 * blocks are headings and front-page lines, which do stand alone.
 */
function continuesAcrossPage(previous: string, next: string): boolean {
  const text = stripEmphasis(next).trim();
  if (startsNewBlock(text)) return false;
  const end = stripEmphasis(previous).replace(new RegExp(`${SUPERSCRIPT_CLASS}+$`), "").trim();
  if (/[.!?;:,][”’")]?$/.test(end)) return false;
  // A numbered paragraph is no heading, however little of it fits on its page ("4. At the … &").
  const numbered = parseTypedNumber(stripEmphasis(previous).trim());
  return end.length > 100 || (numbered !== null && numbered.type !== "section" && numbered.type !== "named-section");
}

/**
 * Finds each footnote's marker in the nearest text before it, removes the marker and attaches the
 * footnote to that block. Markers: superscripts ("Commitment⁴"), digits left by extraction
 * ("billion, 1  in", "contribution2 offering"), letters ("necessary,b consultations",
 * "academiaa") and an asterisk on a title.
 */
function attachFootnotes(raw: RawBlock[]): SourceBlock[] {
  const blocks: (SourceBlock & { tableHeader?: string[] })[] = [];
  const positions: number[] = [];
  const footnotes: { marker: string; text: string; at: number }[] = [];
  for (const b of raw) {
    if (b.footnote) {
      const cleaned = cleanText(b.text);
      const last = footnotes.at(-1);
      if (b.footnote.marker === "" && last && last.at === blocks.length) last.text = `${last.text} ${cleaned}`;
      else if (cleaned) footnotes.push({ marker: b.footnote.marker, text: cleaned, at: blocks.length });
      continue;
    }
    blocks.push({ text: b.text, footnotes: [], ...(b.tableHeader ? { tableHeader: b.tableHeader } : {}) });
    positions.push(blocks.length - 1);
  }

  const wordCounts = countWords(blocks.map((b) => b.text));
  for (const footnote of footnotes) {
    let target = -1;
    // A marker is looked for in the few blocks before its footnote (a page's worth), not the whole
    // document: a footnote whose marker was lost must not cost a scan of every block before it.
    for (let k = footnote.at - 1; k >= Math.max(0, footnote.at - MARKER_SEARCH_BLOCKS) && target === -1; k--) {
      const block = blocks[k]!;
      const removed = removeMarker(block.text, footnote.marker, wordCounts);
      if (removed !== null) {
        block.text = removed;
        target = k;
      }
    }
    // A marker lost in extraction: the footnote still belongs to the text just before it.
    if (target === -1) target = Math.max(0, Math.min(footnote.at - 1, blocks.length - 1));
    blocks[target]?.footnotes.push(footnote.text);
  }

  // Split words are repaired against the whole document's vocabulary, footnotes included.
  const all = rejoinSplitWords([...blocks.map((b) => cleanText(b.text)), ...blocks.flatMap((b) => b.footnotes)]);
  let next = blocks.length;
  return blocks
    .map((b, k) => ({
      ...b,
      text: all[k]!,
      footnotes: b.footnotes.map(() => all[next++]!),
    }))
    .filter((b) => b.text !== "" || b.tableHeader);
}

function countWords(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) for (const w of t.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

function lastMatch(text: string, pattern: RegExp): RegExpExecArray | null {
  let found: RegExpExecArray | null = null;
  const global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
  for (const m of text.matchAll(global)) found = m as RegExpExecArray;
  return found;
}

function removeMarker(text: string, marker: string, wordCounts: Map<string, number>): string | null {
  const cut = (m: RegExpExecArray | null, keep = "") =>
    m ? text.slice(0, m.index) + keep + text.slice(m.index + m[0].length) : null;
  if (/^\d+$/.test(marker)) {
    const sup = marker.replace(/\d/g, (d) => "⁰¹²³⁴⁵⁶⁷⁸⁹"[Number(d)]!);
    const superscript = lastMatch(text, new RegExp(`(?<!${SUPERSCRIPT_CLASS})${sup}(?!${SUPERSCRIPT_CLASS})`, "u"));
    if (superscript) return cut(superscript);
    const glued = lastMatch(text, new RegExp(`(?<=\\p{Ll})${marker}(?=[\\s,.;:]|$)`, "u"));
    if (glued) return cut(glued);
    const spaced = lastMatch(text, new RegExp(`(?<=[,.;:”’)])\\s?${marker}(?=\\s|$)`, "u"));
    return cut(spaced);
  }
  if (marker === "*") return cut(lastMatch(text, /(?<=\p{L})\*(?=\s|$)/u));
  const afterPunctuation = lastMatch(text, new RegExp(`(?<=[,;:.])${marker}(?=\\s)`, "u"));
  if (afterPunctuation) return cut(afterPunctuation);
  // A letter glued to the last word: "academiaa" is "academia" with footnote a.
  const trailing = new RegExp(`(\\p{L}+)${marker}\\s*$`, "u").exec(text);
  if (!trailing) return null;
  const word = trailing[1]!.toLowerCase();
  const knownWord = (wordCounts.get(word) ?? 0) > 0;
  const gluedSeenElsewhere = (wordCounts.get(word + marker) ?? 0) > 1;
  return knownWord && !gluedSeenElsewhere ? text.slice(0, trailing.index + trailing[1]!.length) : null;
}

function cleanText(text: string): string {
  return normalizeSpaces(stripEmphasis(stripLinksAndEscapes(text)).replace(new RegExp(`${SUPERSCRIPT_CLASS}+`, "g"), ""));
}
