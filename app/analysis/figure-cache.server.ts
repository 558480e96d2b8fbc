/**
 * Computed figures kept in memory until the comments they were computed from change (decision
 * 016): keyed by the consultation, its counted comments' stamp (countedStamp), the figure and its
 * filters. A new, hidden or restored comment changes the stamp, so a stale figure is never read;
 * entries of old stamps simply age out. Small on purpose: a few dozen figures of a few kilobytes.
 */
import type { Db } from "../../db/client.server";
import { commentFilterKeys, type CommentFilters } from "./comment-filters";
import { stampKey, type CountedStamp } from "./campaign-groups.server";
import { betweenTurns, type Background } from "./stepwise";

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

interface LatestFigure {
  /** The stamp the value was computed under; "" while the first value is being computed. */
  stamp: string;
  value: unknown;
  refreshing: boolean;
}
const latest = new WeakMap<object, Map<string, LatestFigure>>();

/**
 * Stale-while-revalidate, for figures that take seconds (themes over 100,000 comments): the value
 * last computed for this figure and these filters is returned even if comments changed since,
 * marked stale, while `later` computes the current one in the background (one at a time per
 * figure); the next request gets it. A figure never computed is computed now when `firstNow`
 * (it is quick), else in the background too, and `value` is undefined until it is there.
 */
export function latestFigure<T>(
  db: Db,
  consultationId: number,
  stamp: CountedStamp,
  figure: string,
  filters: CommentFilters,
  compute: { now: () => T; later: () => Promise<T>; firstNow: boolean },
  background: Background = betweenTurns,
): { value: T | undefined; stale: boolean } {
  let cache = latest.get(db.$client);
  if (!cache) latest.set(db.$client, (cache = new Map()));
  const key = [consultationId, figure, ...commentFilterKeys.map((k) => filters[k] ?? "")].join("|");
  const current = stampKey(stamp);
  let entry = cache.get(key);
  if (entry) {
    cache.delete(key);
    cache.set(key, entry);
  } else if (compute.firstNow) {
    const value = compute.now();
    remember(cache, key, { stamp: current, value, refreshing: false });
    return { value, stale: false };
  } else {
    entry = { stamp: "", value: undefined, refreshing: false };
    remember(cache, key, entry);
  }
  if (entry.stamp === current) return { value: entry.value as T, stale: false };
  if (!entry.refreshing) {
    const stale = entry;
    stale.refreshing = true;
    background.start(() => {
      compute
        .later()
        .then((value) => cache.set(key, { stamp: current, value, refreshing: false }))
        .catch((error: unknown) => {
          stale.refreshing = false;
          console.error(`Computing ${figure} failed:`, error);
        });
    });
  }
  return { value: entry.value as T | undefined, stale: true };
}

function remember(cache: Map<string, LatestFigure>, key: string, entry: LatestFigure): void {
  cache.set(key, entry);
  while (cache.size > ENTRIES) cache.delete(cache.keys().next().value!);
}
