import type { OutlineNode } from "./outline-types";

/**
 * Where an imported outline departs from the outline it should have given: the indexes (into the
 * imported nodes) of nodes that differ, are extra, or stand next to a node that went missing.
 * Nodes are matched by a longest common subsequence over kind, label, text and footnotes, so
 * one merged or dropped paragraph shows as one place, not as every node after it.
 */
export function outlineMismatches(expected: OutlineNode[], actual: OutlineNode[]): number[] {
  const key = (n: OutlineNode) => JSON.stringify([n.kind, n.label, n.text, n.footnotes]);
  const a = expected.map(key);
  const b = actual.map(key);
  // Outlines have hundreds of nodes, so the quadratic table stays small (a few hundred thousand cells).
  const table: Uint16Array[] = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const places = new Set<number>();
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i += 1;
      j += 1;
    } else if (j < b.length && (i === a.length || table[i]![j + 1]! >= table[i + 1]![j]!)) {
      places.add(j); // an imported node the expected outline does not have (or has differently)
      j += 1;
    } else {
      places.add(Math.min(j, Math.max(b.length - 1, 0))); // an expected node missing here
      i += 1;
    }
  }
  return [...places].sort((x, y) => x - y);
}
