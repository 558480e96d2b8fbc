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
import { randomUUID } from "node:crypto";
import { Redis, type RedisOptions } from "ioredis";
import { z } from "zod";

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

/** What one process may tell the others; each names what to re-read from the database. */
export const processSignals = ["lifecycle"] as const;
export type ProcessSignal = (typeof processSignals)[number];
const SIGNALS_CHANNEL = "redraft:signals";
const signalMessage = z.object({ from: z.string().max(64), signal: z.enum(processSignals) });

/**
 * Messages between the processes for what cannot be checked against the database on each use:
 * "lifecycle" (the secretariat changed a schedule: each process's scheduler re-reads when to wake).
 * Pub/sub loses what is sent while a process is disconnected, so a process that reconnects acts
 * as if it had been told everything: it re-reads once, spare work, never a stale state.
 */
export class ProcessSignals {
  private readonly id = randomUUID();
  private readonly handlers = new Map<ProcessSignal, Set<() => void>>();
  private readonly subscriber: Redis;
  /** Settles once this process hears the others (for tests; the app does not wait for it). */
  readonly listening: Promise<unknown>;

  constructor(private readonly publisher: Redis) {
    // A subscribed connection can do nothing else: its own, a copy of the publisher's settings.
    this.subscriber = logTransitions(publisher.duplicate(), "signals");
    let connectedBefore = false;
    this.subscriber.on("ready", () => {
      if (connectedBefore) for (const signal of processSignals) this.run(signal);
      connectedBefore = true;
    });
    this.listening = this.subscriber.subscribe(SIGNALS_CHANNEL).catch(() => undefined);
    this.subscriber.on("message", (_channel: string, text: string) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return;
      }
      const message = signalMessage.safeParse(parsed);
      if (message.success && message.data.from !== this.id) this.run(message.data.signal);
    });
  }

  on(signal: ProcessSignal, handler: () => void): void {
    let set = this.handlers.get(signal);
    if (!set) this.handlers.set(signal, (set = new Set()));
    set.add(handler);
  }

  /** Tells the other processes; never waits on Redis and never fails a request over it. */
  send(signal: ProcessSignal): void {
    this.publisher.publish(SIGNALS_CHANNEL, JSON.stringify({ from: this.id, signal })).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.subscriber.quit().catch(() => undefined);
  }

  private run(signal: ProcessSignal): void {
    for (const handler of this.handlers.get(signal) ?? []) handler();
  }
}
