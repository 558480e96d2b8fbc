/**
 * Results kept until the database changes. SQLite tells cheaply whether anything may have
 * changed: `data_version` moves when another connection (a command-line import, the seeding tool)
 * commits, and `total_changes()` when this one writes a row. Reading both costs microseconds,
 * where recounting 100,000 comments to find out costs tens of milliseconds, so read-only requests
 * (most of them) reuse what the last one computed. Any write counts, so a result is never kept
 * past a change, only sometimes dropped when it did not matter.
 */
import type { Statement } from "better-sqlite3";
import type { Db } from "./client.server";

const tokenStatements = new WeakMap<object, Statement<[], { version: number; changes: number }>>();
const memos = new WeakMap<object, Map<string, { token: string; value: unknown }>>();
/** Keys kept per connection: a few per consultation (stamps, the draft page's counts per language). */
const ENTRIES = 64;

/** A value that differs whenever the database's rows may have changed since it was last read. */
export function changeToken(db: Db): string {
  const sqlite = db.$client;
  let statement = tokenStatements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare("select (select data_version from pragma_data_version) as version, total_changes() as changes");
    tokenStatements.set(sqlite, statement);
  }
  const { version, changes } = statement.get()!;
  return `${version}:${changes}`;
}

/** `compute()`'s value for `key`, computed again only if the database may have changed since. */
export function whileUnchanged<T>(db: Db, key: string, compute: () => T): T {
  let memo = memos.get(db.$client);
  if (!memo) memos.set(db.$client, (memo = new Map()));
  const token = changeToken(db);
  const kept = memo.get(key);
  if (kept?.token === token) return kept.value as T;
  const value = compute();
  memo.delete(key);
  memo.set(key, { token, value });
  while (memo.size > ENTRIES) memo.delete(memo.keys().next().value!);
  return value;
}
