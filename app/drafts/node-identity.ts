/**
 * Stable paragraph identity across versions. Comments and decisions hang on a node id, so when a
 * new version of a text is imported, a paragraph that carries over (even renumbered or lightly
 * edited) must keep the id it had; a paragraph that is new gets a new one.
 */
export interface PreviousNode {
  nodeId: string;
  label: string | null;
  kind: string;
  text: string;
}
export interface NextNode {
  label: string | null;
  kind: string;
  text: string;
}

const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

function words(text: string): Set<string> {
  return new Set(normalize(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}

/** Jaccard similarity of the two texts' word sets, 0..1. */
export function textSimilarity(a: string, b: string): number {
  return jaccard(words(a), words(b));
}

function jaccard(wa: Set<string>, wb: Set<string>): number {
  if (wa.size === 0 && wb.size === 0) return 1;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared);
}

const SAME_LABEL_THRESHOLD = 0.5;
const MOVED_THRESHOLD = 0.8;

export function assignNodeIds(
  previous: PreviousNode[],
  next: NextNode[],
  newId: () => string,
): string[] {
  const ids: (string | undefined)[] = new Array(next.length).fill(undefined);
  const unmatched = new Set(previous.map((_, i) => i));
  // Word sets computed once: step 3 compares every remaining pair.
  const previousWords = previous.map((p) => words(p.text));
  const nextWords = next.map((n) => words(n.text));
  const claim = (nextIndex: number, prevIndex: number) => {
    ids[nextIndex] = previous[prevIndex]!.nodeId;
    unmatched.delete(prevIndex);
  };

  // 1. Identical text, when it is unambiguous on both sides.
  const byText = new Map<string, number[]>();
  previous.forEach((p, i) => {
    const key = normalize(p.text);
    byText.set(key, [...(byText.get(key) ?? []), i]);
  });
  const nextTextCount = new Map<string, number>();
  for (const n of next) nextTextCount.set(normalize(n.text), (nextTextCount.get(normalize(n.text)) ?? 0) + 1);
  next.forEach((n, i) => {
    const key = normalize(n.text);
    const candidates = byText.get(key);
    if (candidates?.length === 1 && nextTextCount.get(key) === 1 && unmatched.has(candidates[0]!)) {
      claim(i, candidates[0]!);
    }
  });

  // 2. Same label and kind, text still recognisably the same paragraph.
  next.forEach((n, i) => {
    if (ids[i] || n.label === null) return;
    const prevIndex = previous.findIndex(
      (p, j) => unmatched.has(j) && p.label === n.label && p.kind === n.kind,
    );
    if (prevIndex >= 0 && jaccard(previousWords[prevIndex]!, nextWords[i]!) >= SAME_LABEL_THRESHOLD) {
      claim(i, prevIndex);
    }
  });

  // 3. Moved or renumbered: the most similar remaining paragraph of the same kind.
  next.forEach((n, i) => {
    if (ids[i]) return;
    let best = -1;
    let bestScore = MOVED_THRESHOLD;
    for (const j of unmatched) {
      if (previous[j]!.kind !== n.kind) continue;
      const score = jaccard(previousWords[j]!, nextWords[i]!);
      if (score >= bestScore) {
        best = j;
        bestScore = score;
      }
    }
    if (best >= 0) claim(i, best);
  });

  return ids.map((id) => id ?? newId());
}
