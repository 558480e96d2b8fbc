import { afterAll, beforeAll, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { startThrowawayRedis, type ThrowawayRedis } from "../../test/support/throwaway-redis";
import { connectForEvents, ProcessSignals } from "./redis.server";

/** Decision 036: a process tells the others to re-read what they keep (a consultation's schedule). */
let redis: ThrowawayRedis;
const clients: Redis[] = [];
const signals: ProcessSignals[] = [];

beforeAll(async () => {
  redis = await startThrowawayRedis();
});
afterAll(async () => {
  await Promise.all(signals.map((s) => s.close()));
  for (const client of clients) client.disconnect();
  await redis?.stop();
});

async function aProcess() {
  const client = connectForEvents(redis.url);
  clients.push(client);
  const process = new ProcessSignals(client);
  signals.push(process);
  const heard: string[] = [];
  process.on("lifecycle", () => heard.push("lifecycle"));
  await process.listening;
  return { process, heard, next: () => new Promise<void>((resolve) => process.on("lifecycle", resolve)) };
}

it("tells the other processes, not the sender, and re-reads once after Redis comes back (it may have missed a message)", async () => {
  const a = await aProcess();
  const b = await aProcess();
  const heardByB = b.next();
  a.process.send("lifecycle");
  await heardByB;
  expect(b.heard).toEqual(["lifecycle"]);

  const backA = a.next();
  const backB = b.next();
  await redis.restart();
  await Promise.all([backA, backB]);
  // The sender never heard itself: only the re-read after the restart.
  expect(a.heard).toEqual(["lifecycle"]);
  expect(b.heard).toEqual(["lifecycle", "lifecycle"]);

  const again = a.next();
  b.process.send("lifecycle");
  await again;
  expect(a.heard).toEqual(["lifecycle", "lifecycle"]);
});
