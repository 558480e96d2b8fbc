import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrateDatabase, migrationsFolder, openDatabase, reuseStatements } from "./client.server";

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

describe("reuseStatements (decision 037)", () => {
  function table() {
    const sqlite = new Database(":memory:");
    reuseStatements(sqlite, 3);
    sqlite.exec("create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b'), ('c')");
    return sqlite;
  }

  it("compiles each SQL text once, and hands it back in the modes a fresh statement has", () => {
    const sqlite = table();
    const first = sqlite.prepare("select id, name from t order by id");
    expect(first.raw().all()).toEqual([[1, "a"], [2, "b"], [3, "c"]]);
    const again = sqlite.prepare("select id, name from t order by id");
    expect(again).toBe(first);
    // drizzle switched it to raw rows; the next caller asked for objects.
    expect(again.all()).toEqual([{ id: 1, name: "a" }, { id: 2, name: "b" }, { id: 3, name: "c" }]);
    expect(sqlite.prepare("select name from t where id = ?").pluck().get(2)).toBe("b");
    expect(sqlite.prepare("select name from t where id = ?").get(2)).toEqual({ name: "b" });
  });

  it("never hands out a statement still being iterated: the same query inside the loop runs", () => {
    const sqlite = table();
    const names: string[] = [];
    for (const row of sqlite.prepare("select name from t order by id").iterate() as Iterable<{ name: string }>) {
      names.push(row.name, ...(sqlite.prepare("select name from t order by id").all() as { name: string }[]).map((r) => r.name.toUpperCase()));
    }
    expect(names).toEqual(["a", "A", "B", "C", "b", "A", "B", "C", "c", "A", "B", "C"]);
  });

  it("keeps at most its bound of statements, the least recently used dropped first", () => {
    const sqlite = table();
    const one = sqlite.prepare("select 1");
    const two = sqlite.prepare("select 2");
    sqlite.prepare("select 3");
    expect(sqlite.prepare("select 1")).toBe(one);
    sqlite.prepare("select 4");
    // "select 2" was the least recently used: it was dropped, "select 1" was kept.
    expect(sqlite.prepare("select 1")).toBe(one);
    expect(sqlite.prepare("select 2")).not.toBe(two);
  });

  it("is what openDatabase gives drizzle: a query run twice uses one compiled statement", () => {
    const db = openDatabase(":memory:");
    const compiled = db.$client.prepare("select 42 as answer");
    expect(db.all(sql`select 42 as answer`)).toEqual([{ answer: 42 }]);
    expect(db.$client.prepare("select 42 as answer")).toBe(compiled);
  });
});
