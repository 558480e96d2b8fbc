/**
 * Where a passage comment sits inside a paragraph: the quoted words with a little context on each
 * side (like the W3C TextQuoteSelector), so the passage is found again after the paragraph's text
 * changes in a later version, or reported gone when its words were deleted.
 */
import { z } from "zod";

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

/** What a passage comment stores: the quote anchor, and its Yjs positions in the working draft when it had one. */
export interface StoredPassage {
  anchor: PassageAnchor & { workingDraft?: { start: string; end: string } };
}

const storedAnchor = z.object({
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number().int().min(0),
  workingDraft: z.object({ start: z.string(), end: z.string() }).optional(),
});

/** The stored passage of a comment; null for a comment on the whole paragraph or an unreadable anchor. */
export function parsePassage(quote: string | null, anchor: string | null): StoredPassage | null {
  if (quote === null || anchor === null) return null;
  try {
    const parsed = storedAnchor.safeParse(JSON.parse(anchor));
    return parsed.success ? { anchor: parsed.data } : null;
  } catch {
    return null;
  }
}

/** The passage fields of the comment form (set by the page's script from the reader's selection). */
export const passageOffsetsSchema = z
  .object({
    passageStart: z.coerce.number().int().min(0),
    passageEnd: z.coerce.number().int().min(1),
  })
  .refine((p) => p.passageEnd > p.passageStart && p.passageEnd - p.passageStart <= MAX_PASSAGE_LENGTH, {
    error: "comment.passage.invalid",
    path: ["passage"],
  });

/**
 * The passage a form names, checked against the paragraph's text: null without passage fields,
 * "invalid" when they do not select words of this paragraph.
 */
export function passageFromForm(values: Record<string, string>, text: string): PassageAnchor | null | "invalid" {
  if (!values.passageStart && !values.passageEnd) return null;
  const parsed = passageOffsetsSchema.safeParse(values);
  if (!parsed.success || parsed.data.passageEnd > text.length) return "invalid";
  const { passageStart, passageEnd } = parsed.data;
  // Whitespace at the edges of a mouse selection is not part of the passage.
  let start = passageStart;
  let end = passageEnd;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start === end) return "invalid";
  return createAnchor(text, start, end);
}
