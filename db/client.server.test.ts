import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrateDatabase, migrationsFolder, openDatabase } from "./client.server";

/** A copy of the migrations folder holding only the first `count` migrations. */
function firstMigrations(count: number): string {
  const folder = mkdtempSync(join(tmpdir(), "redraft-migrations-"));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe("migrateDatabase", () => {
  it("rebuilds the comments table (0007) without losing the endorsements and flags that point at it", () => {
    const db = openDatabase(":memory:");
    migrateDatabase(db, firstMigrations(7));
    const sqlite = db.$client;
    sqlite.exec(`
      INSERT INTO consultations (slug, title, status) VALUES ('c', 'C', 'open');
      INSERT INTO users (email, display_name, password_hash, country_code, unesco_region, electoral_group,
        stakeholder_group_id, gender, age_band, consented_at)
        VALUES ('a@example.org', 'Ama', 'x', 'GH', 'africa', 'V(a)', 1, 'woman', '35-49', 0);
      INSERT INTO comments (consultation_id, author_id, author_name, author_country_code, author_region,
        author_electoral_group, author_stakeholder_group_id, body, submission_id)
        VALUES (1, 1, 'Ama', 'GH', 'africa', 'V(a)', 1, 'Keep this paragraph', 's1');
      INSERT INTO endorsements (comment_id, user_id) VALUES (1, 1);
      INSERT INTO flags (comment_id, user_id, reason) VALUES (1, 1, 'spam');
    `);

    migrateDatabase(db);

    expect(sqlite.prepare("SELECT count(*) AS n FROM endorsements").get()).toEqual({ n: 1 });
    expect(sqlite.prepare("SELECT count(*) AS n FROM flags").get()).toEqual({ n: 1 });
    expect(
      sqlite.prepare("SELECT body, channel, people_represented, author_gender, author_age_band FROM comments").get(),
    ).toEqual({ body: "Keep this paragraph", channel: "online", people_represented: 1, author_gender: "woman", author_age_band: "35-49" });
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    // The references still hold after the rebuild: deleting the comment cascades as before.
    sqlite.exec("DELETE FROM comments");
    expect(sqlite.prepare("SELECT count(*) AS n FROM endorsements").get()).toEqual({ n: 0 });
  });
});

describe("transactions", () => {
  it("take the write lock when they begin: one that reads, then writes, is not refused because another connection wrote in between", () => {
    const path = join(mkdtempSync(join(tmpdir(), "redraft-locks-")), "redraft.db");
    const db = openDatabase(path);
    db.$client.exec("create table notes (body text)");
    // Another connection, as the WAL checkpointer's worker or a command-line import is.
    const other = new Database(path, { timeout: 50 });
    let otherRefused = false;
    db.transaction((tx) => {
      tx.all(sql`select count(*) from notes`);
      try {
        other.exec("insert into notes values ('from the other connection')");
      } catch {
        otherRefused = true; // it waits for our lock, as a second writer should
      }
      tx.run(sql`insert into notes values ('ours')`);
    });
    expect(otherRefused).toBe(true);
    expect(db.all(sql`select body from notes`)).toEqual([{ body: "ours" }]);
    other.close();
    db.$client.close();
  });
});
