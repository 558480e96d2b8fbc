/**
 * @hocuspocus/server 3 for the co-editing benchmark, with durability through its own Database
 * extension into SQLite (better-sqlite3, WAL), as a Hocuspocus deployment would run it: the whole
 * document state is stored, debounced (Hocuspocus defaults: 2 s, at most 10 s).
 *   PORT=… DATABASE_PATH=… tsx bench/servers/hocuspocus-server.ts
 */
import { Database } from "@hocuspocus/extension-database";
import { Server } from "@hocuspocus/server";
import SQLite from "better-sqlite3";

const db = new SQLite(process.env.DATABASE_PATH!);
db.pragma("journal_mode = WAL");
db.exec("create table if not exists documents (name text primary key, data blob not null)");
const select = db.prepare<[string], { data: Buffer }>("select data from documents where name = ?");
const upsert = db.prepare("insert into documents (name, data) values (?, ?) on conflict(name) do update set data = excluded.data");

const server = new Server({
  port: Number(process.env.PORT),
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
console.log(`hocuspocus listening on ${process.env.PORT}`);
