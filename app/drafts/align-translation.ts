import type { OutlineNode } from "../import/outline-types";
import type { DraftNode } from "./outline";

export interface AlignedText {
  nodeId: string;
  text: string;
  footnotes: string[];
}

export interface Alignment {
  aligned: AlignedText[];
  /** Nodes of the version no translated node was found for (by label, or position when unlabelled). */
  missing: string[];
  /** Translated nodes that match nothing in the version. */
  unmatched: string[];
}

const describe = (node: { label: string | null; text: string }) => node.label ?? `“${node.text.slice(0, 40)}”`;

/**
 * Pairs a translation's outline with the version's, paragraph by paragraph. A faithful translation
 * has as many nodes, in the same order, and is paired by position: its labels may be translated
 * ("POLICY AREA 3" / "DOMAINE D’ACTION 3") and its kinds read differently (the importer recognises
 * preambular paragraphs by English opening words). Otherwise, nodes pair by label, and the
 * unlabelled ones (headings, plain text) by their order between two paired labels.
 */
export function alignTranslation(version: Pick<DraftNode, "nodeId" | "label" | "kind" | "text">[], translation: OutlineNode[]): Alignment {
  const pair = (n: Pick<DraftNode, "nodeId">, t: OutlineNode): AlignedText => ({ nodeId: n.nodeId, text: t.text, footnotes: t.footnotes });
  if (version.length === translation.length) {
    return { aligned: version.map((n, i) => pair(n, translation[i]!)), missing: [], unmatched: [] };
  }

  const translatedLabels = new Set(translation.map((t) => t.label).filter((l): l is string => l !== null));
  const versionLabels = new Set(version.map((n) => n.label).filter((l): l is string => l !== null));
  const anchor = (label: string | null) => label !== null && translatedLabels.has(label) && versionLabels.has(label);
  // Both outlines cut into runs: the unlabelled (or unpaired) nodes after each shared label.
  const runs = <T extends { label: string | null }>(nodes: T[]) => {
    const byAnchor = new Map<string, T[]>([["", []]]);
    let current = "";
    for (const node of nodes) {
      if (anchor(node.label)) {
        current = node.label!;
        byAnchor.set(current, []);
      } else byAnchor.get(current)!.push(node);
    }
    return byAnchor;
  };
  const translatedByLabel = new Map(translation.filter((t) => t.label !== null).map((t) => [t.label!, t]));
  const translatedRuns = runs(translation);
  const aligned: AlignedText[] = [];
  const missing: string[] = [];
  const unmatched: string[] = [];
  for (const [key, nodes] of runs(version)) {
    const others = (translatedRuns.get(key) ?? []).filter((t) => t.label === null);
    const unlabelled = nodes.filter((n) => n.label === null);
    unlabelled.forEach((n, i) => (others[i] ? aligned.push(pair(n, others[i]!)) : missing.push(describe(n))));
    for (const extra of others.slice(unlabelled.length)) unmatched.push(describe(extra));
    for (const n of nodes) if (n.label !== null) missing.push(n.label);
  }
  for (const node of version) if (anchor(node.label)) aligned.push(pair(node, translatedByLabel.get(node.label!)!));
  for (const t of translation) if (t.label !== null && !versionLabels.has(t.label)) unmatched.push(t.label);
  return { aligned, missing, unmatched };
}
