import type { ImportedOutline, NodeKind, OutlineNode } from "./outline-types";
import { isRoman, letterIndex, romanToNumber, toRoman } from "./typed-numbering";

/**
 * What the draft-upload preview flags for the secretariat to check before a text goes public: the
 * places where the importer may have dropped, merged or mislabelled something. Pure function of the
 * outline, so the CLI's dry run, the preview and the importer's fixture tests agree.
 */
export const outlineProblemKinds = [
  /** Two nodes carry the same label. */
  "duplicate-label",
  /** A numbered kind (operative, preambular, paragraph, subparagraph) without a label. */
  "missing-label",
  /** The numbering skips (OP3 follows OP1; (c) follows (a)). */
  "numbering-gap",
  /** A paragraph much longer than the document's usual: two paragraphs merged? */
  "long-paragraph",
  /** A paragraph of a few words: a fragment cut by a page break? */
  "short-paragraph",
  /** Text that looks like a running header or footer, a page number or a document symbol. */
  "page-furniture",
  /** A footnote marker or rule with no footnote text, or footnote text with no marker. */
  "footnote",
  /** A paragraph that ends mid-sentence and the next starts in lower case: cut by a page break? */
  "cut-sentence",
] as const;

export type OutlineProblemKind = (typeof outlineProblemKinds)[number];

export interface OutlineProblem {
  /** Index into `outline.nodes`. */
  nodeIndex: number;
  kind: OutlineProblemKind;
  /** A short machine-readable detail for the message (the duplicated label, the missing number). */
  detail?: string;
}

const NUMBERED_KINDS: ReadonlySet<NodeKind> = new Set(["operative", "preambular", "paragraph", "subparagraph"]);
/** The suffixes the classifier gives a label typed twice in the source ("2 bis", "OP4 (7)"). */
const REPEAT_SUFFIX = / (?:bis|ter|quater|quinquies|sexies|\(\d+\))$/;
/** A paragraph this much longer than the document's median, and at least this long, is suspect. */
const LONG_FACTOR = 6;
const LONG_MIN_CHARS = 1500;
/** Fewer words than this in a paragraph that is not a heading: a fragment. */
const SHORT_MAX_WORDS = 3;

const PAGE_NUMBER_ONLY = /^(?:-\s*\d{1,4}\s*-|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|\d{1,4}(?:\s*\/\s*\d{1,4})?)$/i;
const DOCUMENT_SYMBOL_ONLY = /^[A-Z]{1,5}(?:\/[A-Z0-9.()-]+){2,}$/;
const JOB_NUMBER_ONLY = /^\d{2}-\d{4,6}(?:\s*\([A-Z]\))?$/;
/** Furniture left inside running text by a page break: "… the - 12 - right to …", "Page 3 of 12". */
const EMBEDDED_FURNITURE = /(?:^|\s)(?:-\s\d{1,4}\s-|page\s+\d{1,4}\s+of\s+\d{1,4})(?=\s|$)|\f/i;
const FOOTNOTE_RULE = /_{4,}/;
const SUPERSCRIPT_MARKER = /[⁰¹²³⁴⁵⁶⁷⁸⁹]/;
/** A footnote's own text taken for a paragraph: "3 See A/60/687.", "¹ Resolution 217 A (III)." */
const FOOTNOTE_TEXT = /^(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\*)\s+\p{Lu}/u;
/** A date closing a resolution ("21 March 2024") starts like a footnote and is none. */
const DATE_LINE = /^\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
/** How a sentence may end, closing quotes and brackets allowed after the stop. */
const SENTENCE_END = /[.;:,!?…][”’"')\]]*$/;

export function findOutlineProblems(outline: ImportedOutline): OutlineProblem[] {
  const problems: OutlineProblem[] = [
    ...duplicateLabels(outline.nodes),
    ...missingLabels(outline.nodes),
    ...numberingGaps(outline.nodes),
    ...lengthOutliers(outline.nodes),
    ...pageFurniture(outline.nodes),
    ...footnoteProblems(outline.nodes),
    ...cutSentences(outline.nodes),
  ];
  return problems.sort((a, b) => a.nodeIndex - b.nodeIndex || outlineProblemKinds.indexOf(a.kind) - outlineProblemKinds.indexOf(b.kind));
}

function duplicateLabels(nodes: OutlineNode[]): OutlineProblem[] {
  const problems: OutlineProblem[] = [];
  const seen = new Set<string>();
  nodes.forEach((node, nodeIndex) => {
    if (node.label === null) return;
    // The classifier already renamed a repeat "2 bis": the source still had "2." twice.
    const repeatOf = REPEAT_SUFFIX.test(node.label) ? node.label.replace(REPEAT_SUFFIX, "") : null;
    if (seen.has(node.label)) problems.push({ nodeIndex, kind: "duplicate-label", detail: node.label });
    else if (repeatOf !== null && seen.has(repeatOf)) problems.push({ nodeIndex, kind: "duplicate-label", detail: repeatOf });
    seen.add(node.label);
  });
  return problems;
}

function missingLabels(nodes: OutlineNode[]): OutlineProblem[] {
  return nodes.flatMap((node, nodeIndex) =>
    NUMBERED_KINDS.has(node.kind) && (node.label === null || node.label.trim() === "")
      ? [{ nodeIndex, kind: "missing-label" as const }]
      : [],
  );
}

interface NumberingStep {
  /** Nodes whose numbers count together: "OP", "PP", body paragraphs, "(a)…" under OP4, "9.x". */
  sequence: string;
  value: number;
  /** The label the step after `value` should carry, given `value - 1`. */
  labelFor: (value: number) => string;
}

/**
 * Where a label sits in its numbering sequence. Body paragraphs run on across headings (UN
 * reports number them through the whole text); sub-paragraphs count within their parent.
 */
function numberingStep(node: OutlineNode): NumberingStep | null {
  if (node.label === null || REPEAT_SUFFIX.test(node.label)) return null;
  const label = node.label;
  let m: RegExpExecArray | null;
  if ((m = /^(OP|PP)(\d+)$/.exec(label))) {
    const prefix = m[1]!;
    return { sequence: prefix, value: Number(m[2]), labelFor: (v) => `${prefix}${v}` };
  }
  if (node.kind === "subparagraph" && (m = /^(.*)\(([a-z]{1,2}|[ivxl]{1,6}|[A-Z]{1,2})\)$/.exec(label))) {
    const parent = m[1]!;
    const token = m[2]!;
    if (/^[A-Z]+$/.test(token)) {
      return { sequence: `${parent}(A)`, value: letterIndex(token.toLowerCase()), labelFor: (v) => `${parent}(${letterToken(v).toUpperCase()})` };
    }
    // Under a letter the list is roman ("OP4(a)(ii)"); "(i)" after "(h)" has the paragraph as parent.
    const roman = isRoman(token) && /\([a-z]+\)$/.test(parent);
    if (roman) return { sequence: `${parent}(i)`, value: romanToNumber(token), labelFor: (v) => `${parent}(${toRoman(v)})` };
    return { sequence: `${parent}(a)`, value: letterIndex(token), labelFor: (v) => `${parent}(${letterToken(v)})` };
  }
  if ((m = /^(\d{1,3})$/.exec(label))) return { sequence: "#", value: Number(m[1]), labelFor: (v) => String(v) };
  if ((m = /^(\d{1,2}|[IVXL]+)\.(\d{1,2})$/.exec(label))) {
    const major = m[1]!;
    return { sequence: `${major}.`, value: Number(m[2]), labelFor: (v) => `${major}.${v}` };
  }
  if (node.kind === "heading" && (m = /^([IVXL]+)$/.exec(label))) {
    return { sequence: "I", value: romanToNumber(m[1]!), labelFor: (v) => toRoman(v).toUpperCase() };
  }
  if ((m = /^(\p{L}[\p{L} ]*?) (\d{1,3})$/u.exec(label))) {
    const word = m[1]!;
    return { sequence: `${word} `, value: Number(m[2]), labelFor: (v) => `${word} ${v}` };
  }
  return null;
}

function letterToken(index: number): string {
  return index <= 26 ? String.fromCharCode(96 + index) : String.fromCharCode(96 + index - 26).repeat(2);
}

function numberingGaps(nodes: OutlineNode[]): OutlineProblem[] {
  const problems: OutlineProblem[] = [];
  const last = new Map<string, number>();
  nodes.forEach((node, nodeIndex) => {
    const step = numberingStep(node);
    if (!step) return;
    const previous = last.get(step.sequence) ?? 0;
    // A repeat is a duplicate (flagged as such); anything else that is not the next number is a gap.
    if (step.value !== previous + 1 && step.value !== previous) {
      problems.push({ nodeIndex, kind: "numbering-gap", detail: step.labelFor(previous + 1) });
    }
    last.set(step.sequence, step.value);
  });
  return problems;
}

const isBodyText = (node: OutlineNode) => node.kind !== "heading";

function lengthOutliers(nodes: OutlineNode[]): OutlineProblem[] {
  const lengths = nodes.filter(isBodyText).map((n) => n.text.length).sort((a, b) => a - b);
  if (lengths.length === 0) return [];
  const median = lengths[Math.floor(lengths.length / 2)]!;
  // Front matter (session, agenda item, sponsors) is short by nature: only what follows the first
  // numbered paragraph is held to the body's standard.
  const bodyStart = nodes.findIndex((n) => NUMBERED_KINDS.has(n.kind));
  // Closing lines after the last paragraph ("58th plenary meeting", a date) are short too.
  const bodyEnd = nodes.findLastIndex((n) => NUMBERED_KINDS.has(n.kind));
  const problems: OutlineProblem[] = [];
  nodes.forEach((node, nodeIndex) => {
    if (!isBodyText(node)) return;
    const length = node.text.length;
    if (length > LONG_MIN_CHARS && length > LONG_FACTOR * median) {
      problems.push({ nodeIndex, kind: "long-paragraph", detail: String(length) });
    } else if (bodyStart >= 0 && nodeIndex >= bodyStart && nodeIndex <= bodyEnd && wordCount(node.text) <= SHORT_MAX_WORDS && !/:$/.test(node.text)) {
      // "Decides:" opening a list is short by design.
      problems.push({ nodeIndex, kind: "short-paragraph", detail: String(wordCount(node.text)) });
    }
  });
  return problems;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function pageFurniture(nodes: OutlineNode[]): OutlineProblem[] {
  // A running header survives as the same short text several times over.
  const counts = new Map<string, number>();
  for (const n of nodes) if (n.text.length < 120) counts.set(n.text, (counts.get(n.text) ?? 0) + 1);
  const problems: OutlineProblem[] = [];
  nodes.forEach((node, nodeIndex) => {
    const text = node.text.trim();
    const whole = PAGE_NUMBER_ONLY.test(text) || DOCUMENT_SYMBOL_ONLY.test(text) || JOB_NUMBER_ONLY.test(text);
    const repeated = text !== "" && (counts.get(node.text) ?? 0) >= 3;
    const embedded = EMBEDDED_FURNITURE.exec(node.text);
    if (whole || repeated) problems.push({ nodeIndex, kind: "page-furniture", detail: text.slice(0, 80) });
    else if (embedded) problems.push({ nodeIndex, kind: "page-furniture", detail: embedded[0].trim() || "form feed" });
  });
  return problems;
}

function footnoteProblems(nodes: OutlineNode[]): OutlineProblem[] {
  const bodyStart = nodes.findIndex((n) => NUMBERED_KINDS.has(n.kind));
  const problems: OutlineProblem[] = [];
  nodes.forEach((node, nodeIndex) => {
    if (FOOTNOTE_RULE.test(node.text)) problems.push({ nodeIndex, kind: "footnote", detail: "rule without footnote" });
    else if (node.footnotes.some((f) => f.trim() === "" || /^_+$/.test(f.trim()))) {
      problems.push({ nodeIndex, kind: "footnote", detail: "empty footnote" });
    } else if (SUPERSCRIPT_MARKER.test(node.text)) problems.push({ nodeIndex, kind: "footnote", detail: "marker without footnote" });
    else if (node.kind === "text" && bodyStart >= 0 && nodeIndex > bodyStart && FOOTNOTE_TEXT.test(node.text) && !DATE_LINE.test(node.text)) {
      problems.push({ nodeIndex, kind: "footnote", detail: "footnote text in the body" });
    }
  });
  return problems;
}

/** Flagged on the second half: the node that probably belongs to the one before it. */
function cutSentences(nodes: OutlineNode[]): OutlineProblem[] {
  const problems: OutlineProblem[] = [];
  for (let i = 1; i < nodes.length; i++) {
    const previous = nodes[i - 1]!;
    const node = nodes[i]!;
    if (previous.kind === "heading" || node.kind === "heading") continue;
    const end = previous.text.trim();
    if (end === "" || SENTENCE_END.test(end)) continue;
    // "…; and" before the list's last item "(e) to promote…" is how UN lists run on.
    if (node.kind === "subparagraph" && node.label !== null && /\b(?:and|or)$/.test(end)) continue;
    if (/^\p{Ll}/u.test(node.text.trim())) problems.push({ nodeIndex: i, kind: "cut-sentence", detail: previous.label ?? undefined });
  }
  return problems;
}
