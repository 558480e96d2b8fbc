import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "./client.server";
import { WalCheckpointer } from "./wal-checkpointer.server";

async function until(check: () => boolean, timeout = 5000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("WAL checkpoints in a worker thread", () => {
  it("takes checkpoints off the connection and copies committed pages into the database file", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "redraft-wal-")), "redraft.db");
    const db = openDatabase(path);
    migrateDatabase(db);
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const before = statSync(path).size;
    const checkpointer = new WalCheckpointer(db, 50);
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    const insert = db.$client.prepare(`INSERT INTO collab_updates (doc_name, author_id, "update") VALUES (?, NULL, ?)`);
    for (let i = 0; i < 200; i++) insert.run("draft/x", Buffer.alloc(2000, i));
    await until(() => statSync(path).size > before + 200 * 2000);
    await checkpointer.stop();
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    db.$client.close();
  });

  it("does nothing for an in-memory database", async () => {
    const db = openDatabase(":memory:");
    await new WalCheckpointer(db).stop();
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
  });
});
