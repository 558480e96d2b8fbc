import { createServer } from "node:http";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startThrowawayRedis, type ThrowawayRedis } from "../test/support/throwaway-redis";
import { connectForEvents } from "../app/config/redis.server";
import { adapterAcrossProcesses } from "./redis-adapter.server";
import { attachRealtime } from "./socket-server";

/**
 * Decision 036: live events are shared across processes, co-editing is not yet (issue 18 point 3).
 * Shared or not is the namespace's adapter: what a broadcast to a room reaches.
 */
let redis: ThrowawayRedis;
let client: Redis;

beforeAll(async () => {
  redis = await startThrowawayRedis();
  client = connectForEvents(redis.url);
  await new Promise((resolve) => client.once("ready", resolve));
});
afterAll(async () => {
  client.disconnect();
  await redis?.stop();
});

it("shares the default namespace through Redis and keeps /collab in the process", () => {
  // Left open: its Redis connections end with the throwaway Redis.
  const io = attachRealtime(createServer(), { adapter: adapterAcrossProcesses(client) });
  expect(io.of("/").adapter.constructor.name).toBe("RedisStreamsAdapter");
  expect(io.of("/collab").adapter.constructor.name).toBe("Adapter");
});

it("without Redis, every namespace stays in the process, as before", () => {
  const io = attachRealtime(createServer());
  try {
    expect(io.of("/").adapter.constructor.name).toBe("Adapter");
  } finally {
    io.close();
  }
});
