import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, WAL_SIZE_LIMIT_BYTES } from "./client.server";
import { WAL_RESTART_BYTES, WalCheckpointer } from "./wal-checkpointer.server";

function walSize(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

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
    const checkpointer = new WalCheckpointer(db, { intervalMs: 50 });
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    const insert = db.$client.prepare(`INSERT INTO collab_updates (doc_name, author_id, "update") VALUES (?, NULL, ?)`);
    for (let i = 0; i < 200; i++) insert.run("draft/x", Buffer.alloc(2000, i));
    await until(() => statSync(path).size > before + 200 * 2000);
    await checkpointer.stop();
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    db.$client.close();
  });

  it("keeps the WAL under its bound through sustained writes and cuts it back once they stop", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "redraft-wal-")), "redraft.db");
    const db = openDatabase(path);
    migrateDatabase(db);
    const checkpointer = new WalCheckpointer(db, { intervalMs: 50 });
    const insert = db.$client.prepare(`INSERT INTO collab_updates (doc_name, author_id, "update") VALUES (?, NULL, ?)`);
    const reader = db.$client.prepare(`SELECT count(*) FROM collab_updates`);
    const batch = db.$client.transaction((n: number) => {
      for (let i = 0; i < 64; i++) insert.run(`draft/${n % 7}`, Buffer.alloc(4000, n + i));
    });
    // Four times the restart bound in small commits, with reads between them, as a busy server does:
    // with PASSIVE checkpoints alone the WAL ends up holding all of it.
    const total = 4 * WAL_RESTART_BYTES;
    let largest = 0;
    for (let n = 0; n * 64 * 4000 < total; n++) {
      batch(n);
      reader.get();
      largest = Math.max(largest, walSize(path));
      // Lets the event loop run between commits, as request handlers do; the pace of the load, not
      // an assertion about time.
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(largest).toBeGreaterThan(WAL_SIZE_LIMIT_BYTES);
    expect(largest).toBeLessThan(2 * WAL_RESTART_BYTES);
    // Writes have stopped: the WAL goes back under journal_size_limit (to nothing) by itself.
    await until(() => walSize(path) <= WAL_SIZE_LIMIT_BYTES, 30_000);
    expect(reader.pluck().get()).toBeGreaterThan(0);
    await checkpointer.stop();
    db.$client.close();
  });

  it("does nothing for an in-memory database", async () => {
    const db = openDatabase(":memory:");
    await new WalCheckpointer(db).stop();
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
  });
});
