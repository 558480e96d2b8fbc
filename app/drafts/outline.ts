import type { NodeKind } from "../../db/schema";

/** A node as the reading pages need it: with its parent's label resolved. */
export interface DraftNode {
  nodeId: string;
  kind: NodeKind;
  label: string | null;
  parentLabel: string | null;
  level: number;
  position: number;
  text: string;
  footnotes: string[];
  /** When `text` is a translation: the version's own text (amendments are worded against it). */
  originalText?: string;
}

/** Path of a paragraph's permalink. Labels such as `OP4(a)` or `III.2` stay readable in the URL. */
export function paragraphPath(slug: string, label: string): string {
  return `/c/${encodeURIComponent(slug)}/p/${encodeURIComponent(label).replace(/%28/g, "(").replace(/%29/g, ")")}`;
}

/** Fragment id of a node inside the full draft page. */
export function nodeAnchor(node: Pick<DraftNode, "label" | "nodeId">): string {
  return node.label !== null ? `p-${node.label.replace(/\s+/g, "-")}` : `n-${node.nodeId}`;
}

/**
 * A heading as the document numbers it: "I. Scope of application", "III.2. Principles",
 * "POLICY AREA 3: Data policy"; unnumbered headings as they are.
 */
export function headingTitle(node: Pick<DraftNode, "label" | "text">): string {
  if (node.label === null) return node.text;
  return /^\p{L}[\p{L} ]* \d+$/u.test(node.label) ? `${node.label}: ${node.text}` : `${node.label}. ${node.text}`;
}

/** A paragraph's text in its own paragraphs: a table cell or merged node may hold several. */
export function textParagraphs(text: string): string[] {
  return paragraphRanges(text).map(({ start, end }) => text.slice(start, end));
}

/** Where each of those paragraphs starts and ends in the text (offsets for passage comments). */
export function paragraphRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const breaks = /\n{2,}/g;
  let start = 0;
  for (let m = breaks.exec(text); ; m = breaks.exec(text)) {
    const end = m ? m.index : text.length;
    if (text.slice(start, end).trim() !== "") ranges.push({ start, end });
    if (!m) break;
    start = m.index + m[0].length;
  }
  return ranges;
}

/** Headings form the table of contents. */
export function tableOfContents(nodes: DraftNode[]): DraftNode[] {
  return nodes.filter((n) => n.kind === "heading");
}

/** The paragraph's own sub-paragraphs (direct children), in reading order. */
export function childrenOf(nodes: DraftNode[], label: string): DraftNode[] {
  return nodes.filter((n) => n.parentLabel === label && n.kind !== "heading");
}

/** Previous and next labelled, non-heading nodes: the reader's "turn the page". */
export function neighbours(nodes: DraftNode[], label: string) {
  const readable = nodes.filter((n) => n.label !== null && n.kind !== "heading");
  const i = readable.findIndex((n) => n.label === label);
  return { previous: i > 0 ? readable[i - 1] : undefined, next: i >= 0 ? readable[i + 1] : undefined };
}

/** Enclosing headings and paragraphs, outermost first, for the breadcrumb. */
export function ancestorsOf(nodes: DraftNode[], node: DraftNode): DraftNode[] {
  const byLabel = new Map(nodes.filter((n) => n.label !== null).map((n) => [n.label!, n]));
  const chain: DraftNode[] = [];
  let parent = node.parentLabel;
  const seen = new Set<string>();
  while (parent !== null && !seen.has(parent)) {
    seen.add(parent);
    const p = byLabel.get(parent);
    if (!p) break;
    chain.unshift(p);
    parent = p.parentLabel;
  }
  return chain;
}
