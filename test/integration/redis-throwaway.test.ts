import { connect } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startThrowawayRedis, type ThrowawayRedis } from "../support/throwaway-redis";

/**
 * The throwaway Redis the multi-process tests of issue 18 will use: it answers, forgets everything
 * when restarted (it saves nothing), and is reachable again on the same address afterwards.
 * No Redis client is installed yet, so this speaks RESP over a plain socket.
 */
let redis: ThrowawayRedis;

beforeAll(async () => {
  redis = await startThrowawayRedis();
});

afterAll(async () => {
  await redis?.stop();
});

/**
 * Sends one command followed by QUIT and resolves with the raw RESP reply to the command
 * ("+PONG\r\n", "$4\r\nkept\r\n", "$-1\r\n"…), read until the server closes the connection.
 */
function command(port: number, ...args: string[]): Promise<string> {
  const encode = (parts: string[]) => `*${parts.length}\r\n${parts.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`;
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(encode(args) + encode(["QUIT"])));
    let reply = "";
    socket.on("data", (chunk) => (reply += chunk.toString()));
    socket.on("end", () => resolve(reply.replace(/\+OK\r\n$/, "")));
    socket.on("error", reject);
  });
}

it("answers PING, keeps what it is told until restarted, then answers again on the same address, empty", async () => {
  expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
  expect(await command(redis.port, "PING")).toBe("+PONG\r\n");
  expect(await command(redis.port, "SET", "draft", "kept")).toBe("+OK\r\n");
  expect(await command(redis.port, "GET", "draft")).toBe("$4\r\nkept\r\n");
  // Nothing is written to disk: no snapshots, no append-only file.
  expect(await command(redis.port, "CONFIG", "GET", "save")).toBe("*2\r\n$4\r\nsave\r\n$0\r\n\r\n");
  expect(await command(redis.port, "CONFIG", "GET", "appendonly")).toBe("*2\r\n$10\r\nappendonly\r\n$2\r\nno\r\n");

  await redis.restart();

  expect(await command(redis.port, "PING")).toBe("+PONG\r\n");
  expect(await command(redis.port, "GET", "draft")).toBe("$-1\r\n");
});

it("is gone once stopped: nothing answers on its port", async () => {
  const other = await startThrowawayRedis();
  expect(await command(other.port, "PING")).toBe("+PONG\r\n");
  await other.stop();
  await expect(command(other.port, "PING")).rejects.toThrow(/ECONNREFUSED/);
});
