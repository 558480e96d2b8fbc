/**
 * The ISO/IEC comment template's "type of comment" until an expert sets one: a comment on the
 * draft as a whole is general; an amendment that only touches punctuation or a couple of words is
 * editorial; anything else on a paragraph is technical. Experts correct it in the compiled table.
 * Words are compared as bags, not aligned with a diff: exports derive this for every row, and an
 * LCS diff per amendment made a 100,000-comment export twice as slow.
 */
import type { CommentType, Stance } from "../../db/enums";

/** At most this many words changed (inserted plus deleted) keeps an amendment editorial. */
export const EDITORIAL_WORDS = 2;

export function defaultCommentType(c: {
  nodeId: string | null;
  stance: Stance | null;
  proposedText: string | null;
  /** The paragraph's text in the version commented on, when known. */
  paragraphText?: string | null;
}): CommentType {
  if (c.nodeId === null) return "general";
  if (c.stance === "amendment" && c.proposedText && c.paragraphText && wordsChanged(c.paragraphText, c.proposedText) <= EDITORIAL_WORDS) {
    return "editorial";
  }
  return "technical";
}

/** Words in one text and not the other, counted with repetition (case-insensitive). */
export function wordsChanged(before: string, after: string): number {
  const { counts: previous, total } = wordBag(before);
  const counts = new Map<string, number>();
  for (const w of words(after)) counts.set(w, (counts.get(w) ?? 0) + 1);
  // Words only in `before` count fully; for the others, the difference replaces the count.
  let changed = total;
  for (const [w, n] of counts) {
    const had = previous.get(w) ?? 0;
    changed += Math.abs(had - n) - had;
  }
  return changed;
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

interface WordBag {
  counts: ReadonlyMap<string, number>;
  total: number;
}

/**
 * A paragraph's words, kept for the next amendment of the same paragraph: an export compares
 * thousands of amendments with a few hundred paragraphs. Bounded, and emptied when full, so a
 * long-running server does not keep every text it ever compared.
 */
const bags = new Map<string, WordBag>();
const MAX_BAGS = 2000;

function wordBag(text: string): WordBag {
  let bag = bags.get(text);
  if (!bag) {
    const counts = new Map<string, number>();
    const all = words(text);
    for (const w of all) counts.set(w, (counts.get(w) ?? 0) + 1);
    bag = { counts, total: all.length };
    if (bags.size >= MAX_BAGS) bags.clear();
    bags.set(text, bag);
  }
  return bag;
}
