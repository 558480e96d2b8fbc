import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { startThrowawayRedis, type ThrowawayRedis } from "../../test/support/throwaway-redis";
import { freePort } from "../../test/support/throwaway-service";
import { connectForLimits } from "../config/redis.server";
import { inRedis, RateLimits } from "./rate-limit.server";

/** Decision 036: with several processes, the allowances live in Redis, and survive its absence. */
const SIZES = { peoplePerAddress: 3, accountWrites: 5 };
const flood = async (limits: RateLimits, user: number) => (await limits.consumeAll([{ name: "contributionPerAccount", key: String(user) }])).allowed;

let redis: ThrowawayRedis;
const clients: Redis[] = [];
const connect = async (url: string, ready = true) => {
  const client = connectForLimits(url);
  clients.push(client);
  if (ready) await new Promise((resolve) => client.once("ready", resolve));
  return client;
};

beforeAll(async () => {
  redis = await startThrowawayRedis();
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await redis?.stop();
});

describe("rate limits in Redis", () => {
  it("share one account's allowance between two processes", async () => {
    const a = new RateLimits(SIZES, inRedis(await connect(redis.url)));
    const b = new RateLimits(SIZES, inRedis(await connect(redis.url)));
    const outcomes: boolean[] = [];
    for (let i = 0; i < 8; i++) outcomes.push(await flood(i % 2 === 0 ? a : b, 7));
    expect(outcomes.filter(Boolean)).toHaveLength(SIZES.accountWrites);
    // Another account is not affected.
    expect(await flood(b, 8)).toBe(true);
  });

  it("go on limiting from the process's memory while Redis cannot be reached, without waiting for it", async () => {
    // Nothing listens on this port: every Redis command fails at once.
    const limits = new RateLimits(SIZES, inRedis(await connect(`redis://127.0.0.1:${await freePort()}`, false)));
    const outcomes: boolean[] = [];
    for (let i = 0; i < 8; i++) outcomes.push(await flood(limits, 7));
    expect(outcomes).toEqual([true, true, true, true, true, false, false, false]);
  });
});
