import type { ImportedOutline } from "./outline-types";

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

export function findOutlineProblems(outline: ImportedOutline): OutlineProblem[] {
  const problems: OutlineProblem[] = [];
  const seen = new Map<string, number>();
  outline.nodes.forEach((node, nodeIndex) => {
    if (node.label === null) return;
    if (seen.has(node.label)) problems.push({ nodeIndex, kind: "duplicate-label", detail: node.label });
    else seen.set(node.label, nodeIndex);
  });
  return problems;
}
