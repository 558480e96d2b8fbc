/**
 * Computed figures kept in memory until the comments they were computed from change (decision
 * 016): keyed by the consultation, its counted comments' stamp (countedStamp), the figure and its
 * filters. A new, hidden or restored comment changes the stamp, so a stale figure is never read;
 * entries of old stamps simply age out. Small on purpose: a few dozen figures of a few kilobytes.
 */
import type { Db } from "../../db/client.server";
import { commentFilterKeys, type CommentFilters } from "./comment-filters";
import { stampKey, type CountedStamp } from "./campaign-groups.server";

const ENTRIES = 48;
/** One cache per database connection (a test's in-memory database is a database of its own). */
const caches = new WeakMap<object, Map<string, unknown>>();

export function cachedFigure<T>(db: Db, consultationId: number, stamp: CountedStamp, figure: string, filters: CommentFilters, compute: () => T): T {
  let cache = caches.get(db.$client);
  if (!cache) caches.set(db.$client, (cache = new Map()));
  const key = [consultationId, stampKey(stamp), figure, ...commentFilterKeys.map((k) => filters[k] ?? "")].join("|");
  if (cache.has(key)) {
    const value = cache.get(key) as T;
    // Most recently used last.
    cache.delete(key);
    cache.set(key, value);
    return value;
  }
  const value = compute();
  cache.set(key, value);
  while (cache.size > ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}
