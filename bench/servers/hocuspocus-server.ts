/**
 * Hocuspocus 3 for the co-editing benchmark (bench/collab-bench.ts), with SQLite persistence:
 * the Database extension storing the whole document state in a `documents` table, exactly as
 * @hocuspocus/extension-sqlite does, on better-sqlite3 (extension-sqlite needs the native `sqlite3`
 * package, whose prebuilt binary this registry mirror cannot fetch). Same pragmas as Redraft's
 * database (WAL, synchronous NORMAL). Hocuspocus stores on its own schedule: debounced
 * `onStoreDocument` (2 s, at most 10 s), not per update.
 *   PORT=… DATABASE_PATH=… tsx bench/servers/hocuspocus-server.ts
 */
import { Database } from "@hocuspocus/extension-database";
import { Server } from "@hocuspocus/server";
import SqliteDatabase from "better-sqlite3";

const sqlite = new SqliteDatabase(process.env.DATABASE_PATH!);
sqlite.pragma("journal_mode = WAL");
sqlite.pragma("synchronous = NORMAL");
sqlite.exec(`CREATE TABLE IF NOT EXISTS "documents" ("name" varchar(255) NOT NULL, "data" blob NOT NULL, UNIQUE(name))`);
const select = sqlite.prepare<[string], { data: Buffer }>(`SELECT data FROM "documents" WHERE name = ? ORDER BY rowid DESC`);
const upsert = sqlite.prepare<[string, Buffer]>(
  `INSERT INTO "documents" ("name", "data") VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data`,
);

const port = Number(process.env.PORT);
const server = new Server({
  port,
  address: "127.0.0.1",
  quiet: true,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => select.get(documentName)?.data ?? null,
      store: async ({ documentName, state }) => {
        upsert.run(documentName, state);
      },
    }),
  ],
});
await server.listen();
console.log(`hocuspocus listening on ${port}`);
process.on("SIGTERM", async () => {
  await server.destroy();
  sqlite.close();
  process.exit(0);
});
