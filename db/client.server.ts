import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";
import { projectRoot } from "../app/config/project-root.server";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Folder of the committed drizzle-kit migrations, located from the repository root. */
export const migrationsFolder = join(projectRoot(), "db", "migrations");

/**
 * What SQLite leaves of the WAL file each time a commit starts it over after a complete checkpoint
 * (`PRAGMA journal_size_limit`, decision 021): without it the file keeps its high-water size forever.
 */
export const WAL_SIZE_LIMIT_BYTES = 4 * 1024 * 1024;

/**
 * Opens (creating its folder if needed) the SQLite database with WAL and foreign keys on.
 * `:memory:` gives a private database, used by unit tests.
 */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // WAL makes NORMAL durable against application crashes; only power loss may drop the last commit.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  reuseStatements(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  return writingTransactions(db);
}

/** How many compiled statements a connection keeps (the app has a few hundred distinct queries). */
export const STATEMENT_CACHE_SIZE = 1000;

/**
 * Compiles each distinct SQL text once per connection. drizzle prepares a new better-sqlite3
 * statement for every query it runs, and SQLite's compilation is most of a small query's cost:
 * 64 of 79 µs for a lookup by slug, measured on this machine (docs/benchmarks.md, "The closing
 * day"). A statement is handed out again only in the modes a fresh one has (drizzle switches
 * statements to raw rows), and never while it is still being iterated: then a fresh one is
 * compiled, as before. Least recently used statements are dropped beyond `size`. This is SQLite's
 * concern only (a PostgreSQL driver keeps its own named statements).
 */
export function reuseStatements(sqlite: Database.Database, size = STATEMENT_CACHE_SIZE): void {
  const compile = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const statement = kept.get(source);
    if (statement && !statement.busy) {
      // Most recently used last, so the first entry is the one to drop.
      kept.delete(source);
      kept.set(source, statement);
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
      return statement;
    }
    const fresh = compile(source);
    if (!statement) {
      kept.set(source, fresh);
      if (kept.size > size) kept.delete(kept.keys().next().value!);
    }
    return fresh;
  }) as Database.Database["prepare"];
}

/**
 * Every transaction of the app writes, so each one takes the write lock when it begins
 * (BEGIN IMMEDIATE), waiting up to busy_timeout for it. A deferred one reads first and asks for
 * the lock at its first write; if another connection (the WAL checkpointer's worker, a command-line
 * import) wrote or checkpointed meanwhile, SQLite cannot let it upgrade and answers SQLITE_BUSY at
 * once, without waiting: seen as "database is locked" while 50,000 e-mails were queued during
 * RESTART checkpoints. A caller may still ask for another behaviour explicitly.
 */
function writingTransactions(db: Db): Db {
  const begin = db.transaction.bind(db);
  db.transaction = ((transaction, config) => begin(transaction, { behavior: "immediate", ...config })) as Db["transaction"];
  return db;
}

/**
 * Applies the pending migrations. drizzle runs them in one transaction, where SQLite ignores
 * `PRAGMA foreign_keys`; a migration that rebuilds a table (SQLite's way to change a column) would
 * then cascade the DROP of the old table into every table referencing it. So foreign keys are off
 * while migrating, as SQLite's documented procedure asks, and checked before they are turned on.
 */
export function migrateDatabase(db: Db, folder = migrationsFolder): void {
  const sqlite = db.$client;
  sqlite.pragma("foreign_keys = OFF");
  try {
    migrate(db, { migrationsFolder: folder });
    const violations = sqlite.pragma("foreign_key_check") as unknown[];
    if (violations.length > 0) {
      throw new Error(`Migration left ${violations.length} broken foreign key reference(s): ${JSON.stringify(violations.slice(0, 5))}`);
    }
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
}
