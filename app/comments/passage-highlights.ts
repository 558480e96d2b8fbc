/**
 * The paragraph text cut into pieces for display, each piece knowing which commented passages
 * cover it: overlapping passages split the text at every passage edge, so one piece can belong to
 * several passages. Offsets are into the paragraph text as stored.
 */
import { paragraphRanges } from "../drafts/outline";
import { locateAnchor, type PassageAnchor, type StoredPassage } from "./passage-anchor";

export interface TextPiece {
  start: number;
  text: string;
  /** Ids of the comments whose passage covers this piece (empty: plain text). */
  commentIds: number[];
}

export interface PassageLocation {
  commentId: number;
  start: number;
  end: number;
}

/** Where each passage is in this text; passages whose words are gone are left out (and reported as changed). */
export function locatePassages(text: string, passages: { commentId: number; anchor: PassageAnchor }[]) {
  const found: PassageLocation[] = [];
  const changed: number[] = [];
  for (const p of passages) {
    const range = locateAnchor(text, p.anchor);
    if (range) found.push({ commentId: p.commentId, ...range });
    else changed.push(p.commentId);
  }
  return { found, changed };
}

/** The text's paragraphs (as the page shows them), each cut at the passages' edges. */
export function highlightPieces(text: string, passages: PassageLocation[]): TextPiece[][] {
  return paragraphRanges(text).map(({ start, end }) => {
    const edges = new Set([start, end]);
    for (const p of passages) {
      if (p.start > start && p.start < end) edges.add(p.start);
      if (p.end > start && p.end < end) edges.add(p.end);
    }
    const sorted = [...edges].sort((a, b) => a - b);
    const pieces: TextPiece[] = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const from = sorted[i]!;
      const to = sorted[i + 1]!;
      const commentIds = passages.filter((p) => p.start <= from && p.end >= to).map((p) => p.commentId);
      pieces.push({ start: from, text: text.slice(from, to), commentIds });
    }
    return pieces;
  });
}

/** What a highlight's pop-over says of each comment on it. */
export interface PassageNote {
  author: string;
  stance: string | null;
  excerpt: string;
}

const EXCERPT = 140;

/**
 * The paragraph's passage comments for the page: the text in pieces to mark, what each highlight
 * shows, and the comments whose words are no longer in the text (made on an earlier version).
 */
export function passageView(
  text: string,
  threads: { id: number; author: string; stance: string | null; body: string; passage: StoredPassage | null }[],
) {
  const withPassage = threads.filter((c) => c.passage !== null);
  const { found, changed } = locatePassages(
    text,
    withPassage.map((c) => ({ commentId: c.id, anchor: c.passage!.anchor })),
  );
  const notes: Record<number, PassageNote> = {};
  for (const c of withPassage) {
    const excerpt = c.body.length > EXCERPT ? `${c.body.slice(0, EXCERPT).trimEnd()}…` : c.body;
    notes[c.id] = { author: c.author, stance: c.stance, excerpt };
  }
  const pieces = highlightPieces(text, found);
  // Where "show in the text" leads for each comment: the first piece of its passage.
  const firstPiece: Record<number, number> = {};
  for (const piece of pieces.flat()) for (const id of piece.commentIds) firstPiece[id] ??= piece.start;
  return { pieces, notes, changed, firstPiece };
}
