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
function wordsChanged(before: string, after: string): number {
  const counts = new Map<string, number>();
  for (const w of before.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const w of after.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) - 1);
  let changed = 0;
  for (const n of counts.values()) changed += Math.abs(n);
  return changed;
}
