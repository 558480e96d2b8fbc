/**
 * Pages of a comment list, by keyset (decision 026): a page is "the threads after (or before) this
 * one in the chosen order", never "rows 21 to 40". A comment posted while someone reads page 1
 * therefore neither repeats a thread on page 2 nor pushes one past it unseen, in every order: the
 * cursor is the sort key of the last thread shown, which a new comment cannot move.
 */
import { z } from "zod";

export const COMMENTS_PER_PAGE = 20;

export type CommentSort = "oldest" | "newest" | "endorsed";

/** What orders a thread: its endorsements (for "endorsed"), its time, its id (the tie-breaker). */
export interface ThreadKey {
  id: number;
  createdAt: number;
  endorsements: number;
}

/**
 * A cursor as it travels in a link (`?after=`, `?before=`): `endorsements.time.id`. It carries the
 * key itself, not just the id, so a cursor whose comment was deleted meanwhile still places the page.
 */
export const cursorSchema = z
  .string()
  .max(60)
  .regex(/^\d{1,9}\.\d{1,15}\.\d{1,12}$/)
  .transform((s): ThreadKey => {
    const [endorsements, createdAt, id] = s.split(".").map(Number) as [number, number, number];
    return { endorsements, createdAt, id };
  });

export const pagePositionSchema = z.object({
  after: cursorSchema.optional().catch(undefined),
  before: cursorSchema.optional().catch(undefined),
  /** A comment (or a reply) the page must contain: a permalink's target. */
  comment: z.coerce.number().int().positive().max(2 ** 31).optional().catch(undefined),
});
export type PagePosition = z.infer<typeof pagePositionSchema>;

export function encodeCursor(key: ThreadKey): string {
  return `${key.endorsements}.${key.createdAt}.${key.id}`;
}

/** Negative when `a` comes first in the list sorted by `sort`. */
export function compareKeys(sort: CommentSort, a: ThreadKey, b: ThreadKey): number {
  if (sort === "newest") return b.createdAt - a.createdAt || b.id - a.id;
  if (sort === "endorsed") return b.endorsements - a.endorsements || a.createdAt - b.createdAt || a.id - b.id;
  return a.createdAt - b.createdAt || a.id - b.id;
}

export interface PageOf<T> {
  items: T[];
  /** Position of the first item in the whole list (0-based), to say "21–40 of 98". */
  offset: number;
  /** Cursors for the links, or null at either end. */
  previous: string | null;
  next: string | null;
}

/**
 * One page of `sorted` (already in `sort` order). `target`: the index of the thread a permalink
 * names (the page is the one that holds it, as if paging from the start).
 */
export function pageOf<T extends ThreadKey>(sorted: T[], sort: CommentSort, position: { after?: ThreadKey; before?: ThreadKey; target?: number }, size = COMMENTS_PER_PAGE): PageOf<T> {
  let start: number;
  if (position.target !== undefined && position.target >= 0) {
    start = position.target - (position.target % size);
  } else if (position.after) {
    const after = position.after;
    const first = sorted.findIndex((t) => compareKeys(sort, t, after) > 0);
    start = first === -1 ? sorted.length : first;
  } else if (position.before) {
    const before = position.before;
    const end = sorted.findIndex((t) => compareKeys(sort, t, before) >= 0);
    start = Math.max(0, (end === -1 ? sorted.length : end) - size);
  } else {
    start = 0;
  }
  const items = sorted.slice(start, start + size);
  return {
    items,
    offset: start,
    // Past the end (a cursor beyond the last thread), "first comments" is the way back.
    previous: start > 0 && items.length > 0 ? encodeCursor(items[0]!) : null,
    next: start + items.length < sorted.length ? encodeCursor(items[items.length - 1]!) : null,
  };
}
