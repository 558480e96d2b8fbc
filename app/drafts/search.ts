/**
 * Search within a draft. A query matches a paragraph when every one of its terms appears in it;
 * matching ignores case and accents ("resume" finds "résumé"), and a "quoted phrase" is one term.
 */
export const MIN_QUERY_LENGTH = 2;
export const MAX_QUERY_LENGTH = 200;

export interface Segment {
  text: string;
  match: boolean;
}

/** Lower-case, accent-free form of one character (may be empty for a lone combining mark). */
function fold(char: string): string {
  return char.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

/** The folded text plus, for each folded UTF-16 unit, the index in the original it came from. */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = "";
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const f = fold(char);
    for (let k = 0; k < f.length; k++) origin.push(index);
    folded += f;
    index += char.length;
  }
  origin.push(index);
  return { folded, origin };
}

export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  const re = /"([^"]+)"|(\S+)/g;
  for (const m of query.slice(0, MAX_QUERY_LENGTH).matchAll(re)) {
    const term = fold((m[1] ?? m[2] ?? "").trim().replace(/\s+/g, " "));
    if (term.length > 0) terms.push(term);
  }
  return [...new Set(terms)];
}

/** Splits `text` into matching and non-matching segments, or returns null when a term is missing. */
export function highlight(text: string, terms: string[]): Segment[] | null {
  if (terms.length === 0) return null;
  const { folded, origin } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    let from = 0;
    let found = false;
    for (;;) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      found = true;
      ranges.push([origin[at]!, origin[at + term.length]!]);
      from = at + term.length;
    }
    if (!found) return null;
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  const segments: Segment[] = [];
  let cursor = 0;
  for (const [start, end] of merged) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), match: false });
  return segments;
}

export interface SearchHit<T> {
  node: T;
  segments: Segment[];
}

export function searchNodes<T extends { text: string }>(nodes: T[], query: string): SearchHit<T>[] {
  const terms = parseQuery(query);
  const hits: SearchHit<T>[] = [];
  for (const node of nodes) {
    const segments = highlight(node.text, terms);
    if (segments) hits.push({ node, segments });
  }
  return hits;
}
