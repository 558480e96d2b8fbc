import { z } from "zod";
import type { ImportedOutline, NodeKind, OutlineNode } from "./outline-types";

/**
 * The corrections a secretariat makes in the draft-upload preview, where the importer got a node
 * wrong. Pure functions of the outline: the pending import keeps the list, and the outline shown is
 * the importer's with every correction applied in order, so "undo last" is the list without its last
 * entry and "start again" the empty list.
 */
export const nodeKinds = ["heading", "preambular", "operative", "paragraph", "subparagraph", "text"] as const satisfies readonly NodeKind[];

/** A label as readers see it in the text and in links (OP4(a), 37, III.2): short, no markup characters. */
const LABEL = z
  .string()
  .trim()
  .max(40)
  .regex(/^[^\s<>"]([^<>"]*[^\s<>"])?$/u, { error: "label" });

const index = z.number().int().min(0).max(100_000);

export const outlineCorrectionSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("kind"), index, kind: z.enum(nodeKinds) }),
  /** An empty label makes the node unnumbered. */
  z.object({ op: z.literal("label"), index, label: z.union([z.literal(""), LABEL]) }),
  z.object({ op: z.literal("join"), index }),
  /** `at`: the words the second part starts with, as they appear in the node's text. */
  z.object({ op: z.literal("split"), index, at: z.string().trim().min(1).max(500), label: z.union([z.literal(""), LABEL]).default("") }),
  z.object({ op: z.literal("delete"), index }),
  z.object({ op: z.literal("footnote"), index }),
]);

export type OutlineCorrection = z.infer<typeof outlineCorrectionSchema>;
export type CorrectionOp = OutlineCorrection["op"];

export type CorrectionErrorReason =
  /** No node at that index (the preview changed since the form was shown). */
  | "no-such-node"
  /** Joining the first node, or attaching it as a footnote: there is no previous node. */
  | "no-previous-node"
  /** The label is used by another node already. */
  | "label-taken"
  /** The words to split at are not in the text, or are at its very start. */
  | "split-not-found"
  /** Nothing would change. */
  | "unchanged";

/** A correction that cannot be made; `reason` names why, for a translated message. */
export class CorrectionError extends Error {
  constructor(
    readonly reason: CorrectionErrorReason,
    readonly index: number,
  ) {
    super(`${reason} (node ${index + 1})`);
    this.name = "CorrectionError";
  }
}

const clone = (outline: ImportedOutline): ImportedOutline => ({
  title: outline.title,
  nodes: outline.nodes.map((n) => ({ ...n, footnotes: [...n.footnotes] })),
});

/** Applies one correction; the outline given is left as it was. */
export function applyCorrection(outline: ImportedOutline, correction: OutlineCorrection): ImportedOutline {
  const result = clone(outline);
  const nodes = result.nodes;
  const node = nodes[correction.index];
  if (!node) throw new CorrectionError("no-such-node", correction.index);
  const previous = correction.index > 0 ? nodes[correction.index - 1]! : null;
  switch (correction.op) {
    case "kind": {
      if (node.kind === correction.kind) throw new CorrectionError("unchanged", correction.index);
      node.kind = correction.kind;
      placeNode(nodes, correction.index);
      break;
    }
    case "label": {
      const label = correction.label === "" ? null : correction.label;
      if (node.label === label) throw new CorrectionError("unchanged", correction.index);
      if (label !== null && nodes.some((n, i) => i !== correction.index && n.label === label)) {
        throw new CorrectionError("label-taken", correction.index);
      }
      const old = node.label;
      node.label = label;
      // What hung under the old label hangs under the new one (or under the node's own parent).
      if (old !== null) for (const n of nodes) if (n.parent === old) n.parent = label ?? node.parent;
      // A sub-paragraph's label names its paragraph: "4(b)" belongs under "4".
      if (node.kind === "subparagraph") placeNode(nodes, correction.index);
      break;
    }
    case "join": {
      if (!previous) throw new CorrectionError("no-previous-node", correction.index);
      previous.text = joinText(previous.text, node.text);
      previous.footnotes.push(...node.footnotes);
      removeNode(nodes, correction.index, previous.label ?? previous.parent);
      break;
    }
    case "split": {
      const at = findSplit(node.text, correction.at);
      if (at === null) throw new CorrectionError("split-not-found", correction.index);
      const label = correction.label === "" ? null : correction.label;
      if (label !== null && nodes.some((n) => n.label === label)) throw new CorrectionError("label-taken", correction.index);
      // The second part of a heading that swallowed the text under it is that text.
      const second: OutlineNode = {
        kind: node.kind === "heading" ? "text" : node.kind,
        label,
        parent: node.kind === "heading" ? (node.label ?? node.parent) : node.parent,
        level: node.kind === "heading" ? node.level + 1 : node.level,
        text: node.text.slice(at).trim(),
        footnotes: [],
      };
      node.text = node.text.slice(0, at).trim();
      nodes.splice(correction.index + 1, 0, second);
      break;
    }
    case "delete": {
      removeNode(nodes, correction.index, node.parent);
      break;
    }
    case "footnote": {
      if (!previous) throw new CorrectionError("no-previous-node", correction.index);
      previous.footnotes.push(node.text, ...node.footnotes);
      removeNode(nodes, correction.index, previous.label ?? previous.parent);
      break;
    }
  }
  return result;
}

/** The importer's outline with every correction applied in order. */
export function applyCorrections(outline: ImportedOutline, corrections: readonly OutlineCorrection[]): ImportedOutline {
  return corrections.reduce(applyCorrection, outline);
}

/**
 * Where the second part starts: the first place after the start where the words occur, matched
 * whole-word and ignoring differences of white space (the preview shows the text re-flowed).
 */
function findSplit(text: string, words: string): number | null {
  const pattern = words
    .split(/\s+/u)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("\\s+");
  const matcher = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}`, "gu");
  for (const match of text.matchAll(matcher)) {
    if (text.slice(0, match.index).trim() !== "") return match.index;
  }
  return null;
}

/** A paragraph cut by a page break: one space between the parts, or none after a hyphenated word. */
function joinText(first: string, second: string): string {
  if (/\p{L}-$/u.test(first) && /^\p{Ll}/u.test(second)) return `${first.slice(0, -1)}${second}`;
  return `${first.trimEnd()} ${second.trimStart()}`;
}

/**
 * Takes a node out; the nodes that hung under it hang under `newParent`, and everything beneath it
 * moves up as many levels as the new parent sits above the removed node (a deleted running header
 * read as a heading leaves its text where it was, one level up).
 */
function removeNode(nodes: OutlineNode[], index: number, newParent: string | null): void {
  const [removed] = nodes.splice(index, 1);
  if (!removed || removed.label === null) return;
  const parentLevel = newParent === null ? -1 : (nodes.find((n) => n.label === newParent)?.level ?? -1);
  const shift = removed.level - parentLevel;
  const under = descendants(nodes, removed.label);
  for (const n of nodes) {
    if (n.parent === null || !(n.parent === removed.label || under.has(n.parent))) continue;
    if (n.parent === removed.label) n.parent = newParent;
    n.level = Math.max(0, n.level - shift);
  }
}

/** Labels of the nodes under `label`, at any depth. */
function descendants(nodes: OutlineNode[], label: string): Set<string> {
  const found = new Set<string>();
  let frontier = new Set([label]);
  while (frontier.size > 0) {
    const next = new Set<string>();
    for (const n of nodes) {
      if (n.label !== null && n.parent !== null && frontier.has(n.parent) && !found.has(n.label)) next.add(n.label);
    }
    for (const l of next) found.add(l);
    frontier = next;
  }
  return found;
}

/**
 * Puts a node whose kind or label changed where the importer would have put it: a sub-paragraph
 * under the paragraph its label names (else the nearest numbered paragraph above it), one level
 * deeper; a heading under the nearest heading above it of a lower level; anything else in the body
 * of the nearest heading above it.
 */
function placeNode(nodes: OutlineNode[], index: number): void {
  const node = nodes[index]!;
  const above = nodes.slice(0, index).reverse();
  if (node.kind === "subparagraph") {
    const named = node.label === null ? null : /^(.+)\([^()]+\)$/u.exec(node.label)?.[1];
    const parent =
      (named ? above.find((n) => n.label === named) : undefined) ??
      above.find((n) => n.label !== null && ["operative", "paragraph", "subparagraph"].includes(n.kind) && n.level <= node.level);
    node.parent = parent?.label ?? null;
    node.level = parent ? parent.level + 1 : node.level;
    return;
  }
  if (node.kind === "heading") {
    const enclosing = above.find((n) => n.kind === "heading" && n.level < node.level);
    node.parent = enclosing ? (enclosing.label ?? enclosing.parent) : null;
    return;
  }
  const heading = above.find((n) => n.kind === "heading");
  node.parent = heading ? (heading.label ?? heading.parent) : null;
  node.level = heading ? heading.level + 1 : 0;
}
