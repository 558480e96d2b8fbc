/**
 * Where a passage comment sits inside a paragraph: the quoted words with a little context on each
 * side (like the W3C TextQuoteSelector), so the passage is found again after the paragraph's text
 * changes in a later version, or reported gone when its words were deleted.
 */
export interface PassageAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  /** Offsets when the comment was made; a tie-breaker, never trusted alone. */
  start: number;
}

export const CONTEXT_LENGTH = 32;
export const MAX_PASSAGE_LENGTH = 2_000;

export function createAnchor(text: string, start: number, end: number): PassageAnchor {
  if (!(start >= 0 && end > start && end <= text.length)) throw new RangeError("the passage is not inside the paragraph");
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    start,
  };
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The passage's range in `text`, or null when its words are no longer there. */
export function locateAnchor(text: string, anchor: PassageAnchor): { start: number; end: number } | null {
  if (anchor.exact === "") return null;
  let best: { start: number; score: number } | null = null;
  for (let at = text.indexOf(anchor.exact); at !== -1; at = text.indexOf(anchor.exact, at + 1)) {
    const before = text.slice(Math.max(0, at - CONTEXT_LENGTH), at);
    const after = text.slice(at + anchor.exact.length, at + anchor.exact.length + CONTEXT_LENGTH);
    // Context agreement first; closeness to the old position breaks ties.
    const score =
      commonSuffixLength(before, anchor.prefix) + commonPrefixLength(after, anchor.suffix) - Math.abs(at - anchor.start) / 10_000;
    if (!best || score > best.score) best = { start: at, score };
  }
  return best ? { start: best.start, end: best.start + anchor.exact.length } : null;
}
