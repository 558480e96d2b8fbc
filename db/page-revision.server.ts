/**
 * The one place that reads page revisions (db/schema.ts pageRevisions, decision 025), so the SQL
 * that is SQLite's stays here: a PostgreSQL mode reads the same table with its own statement.
 */
import type { Statement } from "better-sqlite3";
import type { Db } from "./client.server";

type Row = { id: number; revision: number | null; everywhere: number | null; opensAt: number | null; closesAt: number | null };
const statements = new WeakMap<object, Statement<[string], Row>>();

/**
 * What a consultation's pages depend on beyond their address, language and viewer, as one string:
 * its revision, the revision of what every consultation shows (names), and where the clock stands
 * against its opening and closing instants (the page says "open" from then on without any write).
 * Null for a slug no consultation has. One indexed read: microseconds.
 */
export function pageRevision(db: Db, slug: string, now = Date.now()): string | null {
  const sqlite = db.$client;
  let statement = statements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare(
      `select c.id as id, r.revision as revision, (select revision from page_revisions where consultation_id = 0) as everywhere,
              c.opens_at as opensAt, c.closes_at as closesAt
         from consultations c left join page_revisions r on r.consultation_id = c.id
        where c.slug = ?`,
    );
    statements.set(sqlite, statement);
  }
  const row = statement.get(slug);
  if (!row) return null;
  const phase = (row.opensAt !== null && now >= row.opensAt ? 1 : 0) + (row.closesAt !== null && now >= row.closesAt ? 2 : 0);
  return `${row.id}.${row.revision ?? 0}.${row.everywhere ?? 0}.${phase}`;
}
