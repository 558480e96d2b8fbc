/**
 * The ISO/IEC comment template's "type of comment" until an expert sets one: a comment on the
 * draft as a whole is general; an amendment that only touches punctuation or a couple of words is
 * editorial; anything else on a paragraph is technical. Experts correct it in the compiled table.
 */
import type { CommentType, Stance } from "../../db/enums";
import { diffCounts, wordDiff } from "../drafts/word-diff";

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
  if (c.stance === "amendment" && c.proposedText && c.paragraphText) {
    const { inserted, deleted } = diffCounts(wordDiff(c.paragraphText, c.proposedText));
    if (inserted + deleted <= EDITORIAL_WORDS) return "editorial";
  }
  return "technical";
}
