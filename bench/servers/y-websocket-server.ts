/**
 * The y-websocket 2.x reference server for the co-editing benchmark (bench/collab-bench.ts): what
 * `y-websocket/bin/server.cjs` does — `setupWSConnection` from its bin/utils on its own `ws` (6.x) —
 * here bound to 127.0.0.1. Durability is y-websocket's own option: with `YPERSISTENCE=<dir>` in
 * the environment bin/utils stores every update in y-leveldb (asynchronously, after broadcast);
 * without it documents live in memory only.
 *   PORT=… [YPERSISTENCE=…] tsx bench/servers/y-websocket-server.ts
 */
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { WebSocketServer } from "ws";

const require = createRequire(import.meta.url);
const utilsPath = require.resolve("y-websocket/bin/utils");
const { setupWSConnection } = require(utilsPath) as { setupWSConnection: (conn: unknown, req: unknown) => void };
// The `ws` that y-websocket's own bin/server.cjs loads (its dependency, 6.x), not the project's.
const WebSocket = createRequire(utilsPath)("ws") as { Server: new (options: { noServer: true }) => WebSocketServer };

const port = Number(process.env.PORT);
const wss = new WebSocket.Server({ noServer: true });
wss.on("connection", setupWSConnection);
const http = createServer((_req, res) => res.end("okay"));
http.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req)));
http.listen(port, "127.0.0.1", () => console.log(`y-websocket listening on ${port}`));
process.on("SIGTERM", () => process.exit(0));
