/**
 * Applies the drafting conventions of UN texts to a document's blocks: title and front matter,
 * preambular paragraphs (PP1…), operative paragraphs (OP1…), sections and their headings,
 * numbered paragraphs, sub-paragraphs labelled after their parent (OP4(a), 2(a)(iii)), and the
 * rows of a commitments table.
 */
import type { ImportedOutline, NodeKind, OutlineNode, SourceBlock, SourceDocument } from "./outline-types";
import { isRoman, letterIndex, parseTypedNumber, romanToNumber, type TypedNumber } from "./typed-numbering";

type Mode = "front" | "preamble" | "operative" | "body";

/** "The General Assembly,", "The Human Rights Council,", "The General Conference of UNESCO, …, at its xx session,". */
const ACTING_BODY = /^The \p{Lu}[^.;]{3,250},$/u;
const RESOLUTION_TITLE = /^\d{1,3}\/\d{1,3}\.\s+(\S.*)$/s;

interface Heading {
  label: string | null;
  level: number;
  /** The nearest labelled heading at or above this one. */
  labelledAncestor: string | null;
}

export function classifyBlocks(source: SourceDocument): ImportedOutline {
  const { title, blocks } = findTitle(source);
  const builder = new OutlineBuilder();
  let mode: Mode = "front";
  let table: { firstColumn: string } | null = null;

  for (const block of blocks) {
    if (block.tableHeader) {
      table = { firstColumn: block.tableHeader[0] ?? "Row" };
      mode = "body";
      continue;
    }
    const text = block.text.trim();
    const typed = parseTypedNumber(text);

    if (mode === "front" && ACTING_BODY.test(text) && !typed) {
      builder.text(text, block.footnotes);
      mode = "preamble";
      continue;
    }

    if (typed?.type === "section" || typed?.type === "named-section") {
      table = null;
      mode = "body";
      builder.numberedHeading(typed, block.footnotes);
      continue;
    }
    if (!typed && isHeadingLike(block, mode)) {
      // Cluster titles inside a table ("High certainty – immediate action") are headings too.
      if (mode !== "preamble" && mode !== "operative") {
        if (mode === "front" && !block.heading && !/^\p{Lu}[\p{Lu}\s]+$/u.test(text)) {
          builder.text(text, block.footnotes);
          continue;
        }
        // A heading in the front matter ("PREAMBLE") leaves room for the acting body after it.
        builder.unnumberedHeading(text, block.footnotes);
        continue;
      }
    }

    if (typed?.type === "paragraph") {
      if (table) builder.tableRow(table.firstColumn, typed.number, typed.rest, block.footnotes);
      else if (mode === "front" || mode === "preamble" || mode === "operative") {
        mode = "operative";
        builder.operative(typed.number, typed.rest, block.footnotes);
      } else builder.paragraph(String(typed.number), typed.rest, block.footnotes);
      continue;
    }
    if (typed?.type === "decimal") {
      if (table) builder.tableMeasure(typed.label, typed.major, typed.rest, block.footnotes);
      else builder.paragraph(typed.label, typed.rest, block.footnotes);
      continue;
    }
    if (typed?.type === "parenthesized" && builder.hasParagraph()) {
      builder.subparagraph(typed.token, typed.rest, block.footnotes);
      continue;
    }

    if (mode === "preamble") builder.preambular(text, block.footnotes);
    else if (table && builder.hasParagraph()) builder.appendToLast(text, block.footnotes);
    else builder.text(text, block.footnotes);
  }

  const nodes = builder.finish();
  if (nodes.length > 0 && title.footnotes.length > 0) nodes[0]!.footnotes.unshift(...title.footnotes);
  return { title: title.text, nodes };
}

/** Short, unpunctuated lines that stand alone: headings, unless the source already said so. */
function isHeadingLike(block: SourceBlock, mode: Mode): boolean {
  if (block.heading) return true;
  const text = block.text.trim();
  if (mode === "front") return /^\p{Lu}[\p{Lu}\s]{3,60}$/u.test(text);
  const words = text.split(/\s+/).length;
  return text.length <= 100 && words <= 14 && /^\p{Lu}/u.test(text) && !/[.;:,!?]$/.test(text);
}

function findTitle(source: SourceDocument): { title: { text: string; footnotes: string[] }; blocks: SourceBlock[] } {
  const blocks = [...source.blocks];
  if (source.title) return { title: { text: source.title, footnotes: [] }, blocks };

  // "78/265. Seizing the opportunities…": the resolution's number and title.
  const numbered = blocks.findIndex((b) => RESOLUTION_TITLE.test(b.text));
  if (numbered >= 0 && numbered < 20) {
    const [block] = blocks.splice(numbered, 1);
    return { title: { text: RESOLUTION_TITLE.exec(block!.text)![1]!.trim(), footnotes: block!.footnotes }, blocks };
  }

  // A title set in capitals at the top, possibly over several lines and repeated further down.
  const capitals: number[] = [];
  for (let i = 0; i < Math.min(blocks.length, 6); i++) {
    const text = blocks[i]!.text.trim();
    if (!/^[\p{Lu}\d\s,'’-]+:?$/u.test(text) || !/\p{Lu}/u.test(text)) {
      if (capitals.length > 0) break;
      continue;
    }
    if (text.endsWith(":")) continue; // "OUTCOME DOCUMENT:" labels the title, it is not part of it
    if (text.split(/\s+/).length >= 3) capitals.push(i);
    else if (capitals.length > 0) break;
  }
  if (capitals.length > 0) {
    const parts = capitals.map((i) => blocks[i]!.text.trim());
    const footnotes = capitals.flatMap((i) => blocks[i]!.footnotes);
    const rest = blocks.filter((b, i) => !capitals.includes(i) && !(i <= capitals.at(-1)! + 1 && /:$/.test(b.text.trim())));
    const withoutRepeats = rest.filter((b) => !parts.includes(b.text.trim()));
    return { title: { text: parts.join(" "), footnotes }, blocks: withoutRepeats };
  }

  // The line just before "The General Assembly," in a draft resolution.
  const acting = blocks.findIndex((b) => ACTING_BODY.test(b.text.trim()));
  if (acting > 0) {
    const candidate = blocks[acting - 1]!;
    if (!parseTypedNumber(candidate.text) && candidate.text.length < 300) {
      blocks.splice(acting - 1, 1);
      return { title: { text: candidate.text.trim(), footnotes: candidate.footnotes }, blocks };
    }
  }

  // Otherwise the first substantial unnumbered block ("Addendum" and the like are too short).
  const first = blocks.findIndex((b) => !b.tableHeader && !parseTypedNumber(b.text) && b.text.trim().split(/\s+/).length >= 4);
  if (first >= 0 && first < 5) {
    const [block] = blocks.splice(first, 1);
    const leading = blocks.splice(0, first);
    const footnotes = [...block!.footnotes, ...leading.flatMap((b) => b.footnotes)];
    return { title: { text: block!.text.trim(), footnotes }, blocks };
  }
  return { title: { text: blocks[0]?.text.trim() ?? "Untitled", footnotes: [] }, blocks };
}

/** The sub-paragraph levels of UN texts, outermost first: (a), then (i), then (A). */
type SubKind = "letter" | "roman" | "capital";
const SUB_DEPTH: Record<SubKind, number> = { letter: 0, roman: 1, capital: 2 };

class OutlineBuilder {
  private nodes: OutlineNode[] = [];
  private headings: Heading[] = [];
  private preambularCount = 0;
  /** The numbered paragraph currently open, for its sub-paragraphs and continuations. */
  private paragraphNode: OutlineNode | null = null;
  /** Open sub-paragraphs, outermost first: [(a), (i), (A)]. */
  private subStack: { token: string; kind: SubKind; node: OutlineNode }[] = [];
  private used = new Set<string>();
  private repeatCount = new Map<string, number>();

  hasParagraph(): boolean {
    return this.paragraphNode !== null;
  }

  text(text: string, footnotes: string[]): void {
    this.paragraphNode = null;
    this.subStack = [];
    const heading = this.headings.at(-1);
    this.push("text", null, heading ? this.parentLabel() : null, heading ? heading.level + 1 : 0, text, footnotes);
  }

  numberedHeading(typed: Extract<TypedNumber, { type: "section" | "named-section" }>, footnotes: string[]): void {
    this.closeParagraph();
    const level = typed.type === "named-section" || typed.label.includes(".") ? 1 : 0;
    this.headings = this.headings.filter((h) => h.level < level);
    const parent = this.headings.at(-1)?.labelledAncestor ?? null;
    const label = this.push("heading", typed.label, parent, level, typed.rest, footnotes).label;
    this.headings.push({ label, level, labelledAncestor: label });
  }

  unnumberedHeading(text: string, footnotes: string[]): void {
    this.closeParagraph();
    // Unnumbered headings sit under the last numbered one; consecutive ones are siblings.
    while (this.headings.length > 0 && this.headings.at(-1)!.label === null) this.headings.pop();
    const above = this.headings.at(-1);
    const level = above ? above.level + 1 : 0;
    const parent = above?.labelledAncestor ?? null;
    this.push("heading", null, parent, level, text, footnotes);
    this.headings.push({ label: null, level, labelledAncestor: parent });
  }

  preambular(text: string, footnotes: string[]): void {
    this.closeParagraph();
    this.preambularCount += 1;
    this.push("preambular", `PP${this.preambularCount}`, this.parentLabel(), this.bodyLevel(), text, footnotes);
  }

  operative(n: number, text: string, footnotes: string[]): void {
    this.openParagraph("operative", `OP${n}`, this.parentLabel(), text, footnotes);
  }

  paragraph(label: string, text: string, footnotes: string[]): void {
    this.openParagraph("paragraph", label, this.parentLabel(), text, footnotes);
  }

  tableRow(firstColumn: string, n: number, text: string, footnotes: string[]): void {
    this.openParagraph("paragraph", `${firstColumn} ${n}`, this.parentLabel(), text, footnotes);
  }

  tableMeasure(label: string, major: number, text: string, footnotes: string[]): void {
    const row = this.nodes.findLast((n) => n.label?.endsWith(` ${major}`) && n.kind === "paragraph");
    const parent = row ?? this.paragraphNode;
    const node = this.push("paragraph", label, parent?.label ?? this.parentLabel(), (parent?.level ?? this.bodyLevel()) + 1, text, footnotes);
    this.paragraphNode = node;
    this.subStack = [];
  }

  subparagraph(token: string, text: string, footnotes: string[]): void {
    const kind = this.subKind(token);
    // Close deeper or sibling levels: a letter closes letters, romans and capitals; a roman closes
    // romans and capitals; a capital closes capitals.
    while (this.subStack.length > 0 && SUB_DEPTH[this.subStack.at(-1)!.kind] >= SUB_DEPTH[kind]) this.subStack.pop();
    const parent = this.subStack.at(-1)?.node ?? this.paragraphNode!;
    const node = this.push("subparagraph", `${parent.label}(${token})`, parent.label, parent.level + 1, text, footnotes);
    this.subStack.push({ token, kind, node });
  }

  appendToLast(text: string, footnotes: string[]): void {
    const node = this.subStack.at(-1)?.node ?? this.paragraphNode!;
    node.text = `${node.text}\n\n${text}`;
    node.footnotes.push(...footnotes);
  }

  finish(): OutlineNode[] {
    return this.nodes;
  }

  /** "(i)" after "(h)" is a letter; "(i)" under an open "(a)" starts a roman list. */
  private subKind(token: string): SubKind {
    if (/^[A-Z]$/.test(token)) return "capital";
    if (!isRoman(token)) return "letter";
    // The open roman item may have capitals under it: "(ii)" after "(i)", "(A)", "(B)".
    const roman = this.subStack.findLast((s) => s.kind === "roman");
    if (roman && romanToNumber(token) === romanToNumber(roman.token) + 1) return "roman";
    const letter = this.subStack.findLast((s) => s.kind === "letter");
    if (letter && token.length === 1 && letterIndex(token) === letterIndex(letter.token) + 1) return "letter";
    return letter && token === "i" ? "roman" : "letter";
  }

  private openParagraph(kind: NodeKind, label: string, parent: string | null, text: string, footnotes: string[]): void {
    this.paragraphNode = this.push(kind, label, parent, this.bodyLevel(), text, footnotes);
    this.subStack = [];
  }

  private closeParagraph(): void {
    this.paragraphNode = null;
    this.subStack = [];
  }

  private parentLabel(): string | null {
    return this.headings.at(-1)?.labelledAncestor ?? null;
  }

  private bodyLevel(): number {
    const heading = this.headings.at(-1);
    return heading ? heading.level + 1 : 0;
  }

  private push(kind: NodeKind, label: string | null, parent: string | null, level: number, text: string, footnotes: string[]): OutlineNode {
    const unique = label === null ? null : this.uniqueLabel(label);
    const node: OutlineNode = { kind, label: unique, parent, level, text: text.trim(), footnotes: [...footnotes] };
    this.nodes.push(node);
    return node;
  }

  /** A label used twice (a numbering slip in the source) gets "bis", "ter"…, as UN texts do. */
  private uniqueLabel(label: string): string {
    const suffixes = ["", " bis", " ter", " quater", " quinquies", " sexies"];
    for (const suffix of suffixes) {
      const candidate = label + suffix;
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        return candidate;
      }
    }
    // Remembering where the count stopped keeps a label typed thousands of times linear.
    let n = this.repeatCount.get(label) ?? 2;
    while (this.used.has(`${label} (${n})`)) n += 1;
    this.repeatCount.set(label, n + 1);
    this.used.add(`${label} (${n})`);
    return `${label} (${n})`;
  }
}
