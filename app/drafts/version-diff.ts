/**
 * What changed between two published versions, paragraph by paragraph. Paragraphs are matched by
 * their stable node id, not their label: a paragraph renumbered from OP5 to OP6 is the same
 * paragraph, and its comments follow it.
 */
import type { DraftNode } from "./outline";
import { wordDiff, type DiffPart } from "./word-diff";

export type ParagraphChange =
  | { change: "unchanged"; node: DraftNode; previousLabel: string | null }
  | { change: "changed"; node: DraftNode; previous: DraftNode; parts: DiffPart[] }
  | { change: "added"; node: DraftNode }
  | { change: "removed"; previous: DraftNode };

export interface VersionComparison {
  changes: ParagraphChange[];
  counts: { changed: number; added: number; removed: number; unchanged: number; renumbered: number };
}

export function compareOutlines(previous: DraftNode[], next: DraftNode[]): VersionComparison {
  const previousById = new Map(previous.map((n) => [n.nodeId, n]));
  const nextIds = new Set(next.map((n) => n.nodeId));
  const changes: ParagraphChange[] = [];
  const counts = { changed: 0, added: 0, removed: 0, unchanged: 0, renumbered: 0 };

  // Removed paragraphs are shown where they stood: before the next surviving paragraph.
  const removedBefore = new Map<string | null, DraftNode[]>();
  let anchor: string | null = null;
  for (const p of [...previous].reverse()) {
    if (nextIds.has(p.nodeId)) anchor = p.nodeId;
    else removedBefore.set(anchor, [p, ...(removedBefore.get(anchor) ?? [])]);
  }

  const pushRemoved = (key: string | null) => {
    for (const p of removedBefore.get(key) ?? []) {
      changes.push({ change: "removed", previous: p });
      counts.removed += 1;
    }
  };

  for (const node of next) {
    const before = previousById.get(node.nodeId);
    if (before) pushRemoved(node.nodeId);
    if (!before) {
      changes.push({ change: "added", node });
      counts.added += 1;
      continue;
    }
    if (before.label !== node.label) counts.renumbered += 1;
    if (before.text === node.text && before.kind === node.kind) {
      changes.push({ change: "unchanged", node, previousLabel: before.label });
      counts.unchanged += 1;
    } else {
      changes.push({ change: "changed", node, previous: before, parts: wordDiff(before.text, node.text) });
      counts.changed += 1;
    }
  }
  pushRemoved(null);
  return { changes, counts };
}
