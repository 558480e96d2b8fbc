/**
 * Word-level difference between two versions of a paragraph, for amendments and for revisions
 * published by the expert group. jsdiff's word tokenizer keeps punctuation and white space as
 * their own tokens, so "States," → "States;" marks only the comma.
 */
import { diffWordsWithSpace } from "diff";

export type DiffPart = { kind: "same" | "insert" | "delete"; text: string };

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((change) => ({
    kind: change.added ? "insert" : change.removed ? "delete" : "same",
    text: change.value,
  }));
}

/** How many words a difference inserts and deletes: "3 words added, 1 removed". */
export function diffCounts(parts: DiffPart[]): { inserted: number; deleted: number } {
  const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return parts.reduce(
    (counts, part) => ({
      inserted: counts.inserted + (part.kind === "insert" ? words(part.text) : 0),
      deleted: counts.deleted + (part.kind === "delete" ? words(part.text) : 0),
    }),
    { inserted: 0, deleted: 0 },
  );
}

export function isUnchanged(parts: DiffPart[]): boolean {
  return parts.every((p) => p.kind === "same");
}
