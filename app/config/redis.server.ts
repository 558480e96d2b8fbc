/**
 * The Redis that several app processes share (REDIS_URL, decision 036): socket.io events between
 * processes, rate limits, and the invalidation messages of caches that cannot check the database.
 * Two kinds of connection, because they must behave differently while Redis is away:
 * - the socket.io adapter's keeps commands queued until Redis is back, so an event published
 *   during a restart is sent once it returns, and the adapter's reading loop waits instead of
 *   spinning on immediate failures;
 * - the rate limits' fails at once when Redis is not ready, so a request never waits on Redis:
 *   the limits fall back to the process's own memory (app/auth/rate-limit.server.ts).
 */
import { Redis, type RedisOptions } from "ioredis";

/** How long to wait between reconnection attempts: quickly at first, then every two seconds. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(attempt * 100, 2_000);
}

/**
 * One line when the connection is lost and one when it is back, not one per failed attempt: a
 * Redis away for a minute must not fill the log.
 */
function logTransitions(client: Redis, role: string): Redis {
  let lost = false;
  client.on("error", (error: Error) => {
    if (lost) return;
    lost = true;
    console.error(`Redis (${role}) unreachable: ${error.message}. Retrying; see decision 036 for what still works meanwhile.`);
  });
  client.on("ready", () => {
    if (!lost) return;
    lost = false;
    console.log(`Redis (${role}) reachable again.`);
  });
  return client;
}

const common: RedisOptions = {
  retryStrategy: reconnectDelayMs,
  // Names the process's connections in `CLIENT LIST`, for whoever operates Redis.
  connectionName: "redraft",
};

/** For the socket.io adapter: queues commands while Redis is away (see above). */
export function connectForEvents(url: string): Redis {
  return logTransitions(new Redis(url, { ...common, maxRetriesPerRequest: null }), "events");
}

/** For the rate limits and cache invalidations: fails at once while Redis is away (see above). */
export function connectForLimits(url: string): Redis {
  return logTransitions(new Redis(url, { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1 }), "limits");
}
