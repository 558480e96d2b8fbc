/**
 * socket.io across several app processes (REDIS_URL, decision 036): what one process emits to a
 * room reaches that room's connections on every process, through a Redis stream. The Streams
 * adapter rather than the pub/sub one: a stream keeps its entries, and each process reads on
 * from the last entry it saw (XREAD from that id), so a process whose Redis connection dropped
 * and came back receives what was published meanwhile instead of losing it, as pub/sub does.
 */
import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { Redis } from "ioredis";
import type { Namespace, ServerOptions } from "socket.io";

export type AdapterConstructor = NonNullable<ServerOptions["adapter"]>;

/** The Redis stream the app's events travel on, apart from other users of the same Redis. */
export const EVENTS_STREAM = "redraft:socket.io";

/**
 * Namespaces still served by one process each: co-editing (`/collab`) keeps its documents in the
 * memory of the process its clients reached; sharing them across processes, durable before
 * broadcast, is a later step (issue 18, point 3).
 */
export const PROCESS_LOCAL_NAMESPACES: ReadonlySet<string> = new Set(["/collab"]);

/**
 * The adapter for the server (attachRealtime's `adapter` option), given socket.io's in-memory one
 * for the namespaces that stay local. socket.io builds each namespace's adapter with `new`, hence
 * a function, not an arrow.
 */
export function adapterAcrossProcesses(client: Redis): (processLocal: AdapterConstructor) => AdapterConstructor {
  const shared = createAdapter(client, { streamName: EVENTS_STREAM, channelPrefix: EVENTS_STREAM, sessionKeyPrefix: `${EVENTS_STREAM}:session:` });
  return (processLocal) =>
    function perNamespace(nsp: Namespace) {
      return PROCESS_LOCAL_NAMESPACES.has(nsp.name) ? new (processLocal as unknown as new (nsp: Namespace) => unknown)(nsp) : shared(nsp);
    } as unknown as AdapterConstructor;
}
