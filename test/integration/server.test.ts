import { spawnSync } from "node:child_process";
import { request } from "node:http";
import Database from "better-sqlite3";
import { io as connect } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { freshDatabasePath, repoRoot, startServer, type RunningServer } from "../support/start-server";

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

function runServerExpectingExit(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_PATH: freshDatabasePath(), ...env },
    encoding: "utf8",
    // A hang detector: tsx compiles the server first, which a loaded machine makes slow.
    timeout: 100_000,
  });
}

describe("starting the server", () => {
  it("stops with exit code 1 and names the variable when the configuration is invalid", () => {
    const result = runServerExpectingExit({ PORT: "not-a-port" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT: must be a whole number (got "not-a-port")');
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/); // a message, not a stack trace
  });

  it("refuses to start in production without PUBLIC_ORIGIN, the origin e-mail links point to", () => {
    const result = runServerExpectingExit({ NODE_ENV: "production", PUBLIC_ORIGIN: "" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("PUBLIC_ORIGIN: is required in production");
  });

  it("migrates and seeds an empty database, then a restart changes nothing", async () => {
    running = await startServer();
    expect(running.output()).toContain("Seeded 5 demo consultations");
    const home = await fetch(running.url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("First draft of the Recommendation on the Ethics of Artificial Intelligence");

    const count = () => {
      const db = new Database(running!.databasePath, { readonly: true });
      const n = db.prepare("select (select count(*) from consultations) + (select count(*) from outline_nodes) as n").get() as { n: number };
      db.close();
      return n.n;
    };
    const before = count();
    const path = running.databasePath;
    await running.stop();
    running = await startServer({ databasePath: path });
    expect(running.output()).not.toContain("Seeded");
    expect(count()).toBe(before);
  });

  it("starts a production instance empty: no demo consultation, the home page says there is none yet", async () => {
    running = await startServer({ env: { NODE_ENV: "production" } });
    expect(running.output()).not.toContain("Seeded");
    const db = new Database(running.databasePath, { readonly: true });
    const { n } = db.prepare("select count(*) as n from consultations").get() as { n: number };
    const users = db.prepare("select count(*) as n from users").get() as { n: number };
    db.close();
    expect(n).toBe(0);
    expect(users.n).toBe(0);
    const home = await fetch(running.url);
    expect(home.status).toBe(200);
    const text = await home.text();
    expect(text).toContain("There are no consultations yet.");
    expect(text).not.toContain("Ethics of Artificial Intelligence");
  });

  it("answers a malformed URL with 400 and an unknown page with 404, never 500", async () => {
    running = await startServer();
    const bad = await fetch(`${running.url}/c/unesco-ethics-of-ai/p/%E0%A4%A`);
    expect(bad.status).toBe(400);
    const badText = await bad.text();
    expect(badText).toContain("Bad request");
    expect(badText).not.toMatch(/Error:|at .*\(/);
    for (const path of ["/c/no-such-consultation", "/c/unesco-ethics-of-ai/p/OP99", "/c/UPPER", "/nowhere/at/all", `/c/${"x".repeat(500)}`]) {
      const res = await fetch(`${running.url}${path}`);
      expect(res.status, path).toBe(404);
    }
  });

  it("hosts socket.io on the same HTTP server, validating payloads and refusing foreign origins", async () => {
    running = await startServer();
    const socket = connect(running.url, { transports: ["websocket"], forceNew: true });
    const reply = await socket.timeout(5000).emitWithAck("ping", { sentAt: 42 });
    expect(reply).toMatchObject({ ok: true, sentAt: 42 });
    const rejected = await socket.timeout(5000).emitWithAck("ping", { sentAt: "soon" });
    expect(rejected).toEqual({ ok: false, error: "invalid ping" });
    socket.close();

    const handshake = (origin?: string) =>
      fetch(`${running!.url}/socket.io/?EIO=4&transport=polling`, { headers: origin ? { Origin: origin } : {} });
    const sameOrigin = await handshake(running.url);
    expect(sameOrigin.status).toBe(200);
    const foreign = await handshake("https://evil.example");
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain("origin not allowed");

    // An attacker's page cannot pass by naming itself in the Host header too: the server's own
    // origin is the configured one, never the request's Host.
    const forgedHost = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port: running!.port, path: "/socket.io/?EIO=4&transport=polling", headers: { Host: "evil.example", Origin: "http://evil.example" } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(forgedHost).toBe(403);
  });
});
