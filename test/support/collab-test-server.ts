/**
 * A stand-alone `/collab` server for integration tests and the benchmark: the real CollabServer
 * and update log on a real SQLite file, with a test authenticator (handshake `auth.token` is
 * "write:<user>" or "read:<user>"). Run as its own process so tests can SIGKILL it.
 *   PORT=… DATABASE_PATH=… tsx test/support/collab-test-server.ts
 */
import { createServer } from "node:http";
import { Server } from "socket.io";
import { migrateDatabase, openDatabase } from "../../db/client.server";
import { WalCheckpointer } from "../../db/wal-checkpointer.server";
import { workingDraftUpdate } from "../../app/drafts/working-draft";
import { attachCollab } from "../../realtime/collab/collab-server.server";
import { applyConnectionPolicies, socketServerOptions } from "../../realtime/socket-server";

export function startCollabTestServer(port: number, databasePath: string) {
  const db = openDatabase(databasePath);
  migrateDatabase(db);
  const checkpointer = new WalCheckpointer(db);
  const http = createServer();
  const io = new Server(http, socketServerOptions);
  applyConnectionPolicies(io);
  const collab = attachCollab(io, {
    db,
    authenticate: (handshake) => {
      const token = (handshake.auth as { token?: unknown }).token;
      const match = typeof token === "string" ? /^(write|read):([a-z0-9-]+)$/.exec(token) : null;
      return match ? { userId: `${match[1] === "write" ? "writer" : "reader"}-${match[2]}`, name: match[2]! } : null;
    },
    authorize: (identity, docName) => {
      if (!docName.startsWith("draft/")) return { ok: false, error: "no such document" };
      return { ok: true, writable: identity.userId.startsWith("writer-") };
    },
    initialContent: (docName) =>
      docName === "draft/missing"
        ? null
        : workingDraftUpdate([
            { nodeId: "n1", label: "1", kind: "paragraph", level: 0, text: "First paragraph." },
            { nodeId: "n2", label: "2", kind: "paragraph", level: 0, text: "Second paragraph." },
          ]),
  });
  http.listen(port);
  return { http, io, collab, db, checkpointer };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const port = Number(process.env.PORT);
  const server = startCollabTestServer(port, process.env.DATABASE_PATH!);
  server.http.on("listening", () => console.log(`collab test server listening on ${port}`));
  process.on("SIGTERM", async () => {
    server.collab.close();
    server.io.close();
    await server.checkpointer.stop();
    server.db.$client.close();
    process.exit(0);
  });
}
