import { request as httpRequest } from "node:http";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/start-server";

/**
 * Attacks on accounts, through the real server. This server runs as a newcomer would start one
 * outside production: no PUBLIC_ORIGIN, so the public origin is the default http://localhost:<port>.
 */
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { PUBLIC_ORIGIN: "" } });
});
afterAll(async () => {
  await server.stop();
});

interface Answer {
  status: number;
  location?: string;
  cookie?: string;
  body: string;
}

/** A raw request: any Host header, any local address (127.0.0.x stands for another client). */
function send(
  method: string,
  path: string,
  options: { host?: string; cookie?: string; form?: Record<string, string>; from?: string; origin?: string; forwardedFor?: string; to?: RunningServer } = {},
): Promise<Answer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: (options.to ?? server).port,
        method,
        path,
        localAddress: options.from,
        headers: {
          Host: options.host ?? `127.0.0.1:${(options.to ?? server).port}`,
          ...(options.forwardedFor ? { "X-Forwarded-For": options.forwardedFor } : {}),
          ...(options.origin ? { Origin: options.origin } : {}),
          ...(options.cookie ? { Cookie: options.cookie } : {}),
          ...(body ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () =>
          resolve({
            status: res.statusCode!,
            location: res.headers.location,
            cookie: res.headers["set-cookie"]?.[0]?.split(";")[0],
            body: text,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const PASSWORD = "redraft-demo-2026";

function outboxBodies(to: string): string[] {
  const db = new Database(server.databasePath, { readonly: true });
  const rows = db.prepare("select body from outbox where \"to\" = ? order by id").all(to) as { body: string }[];
  db.close();
  return rows.map((r) => r.body);
}

const resetLink = (body: string) => /(\S+)\/reset-password\/([\w-]+)/.exec(body)!;

describe("password reset links", () => {
  it("point to the configured origin whatever Host header the request carries", async () => {
    // A script (not a browser) sends no Origin: the forged Host is all it has.
    const answer = await send("POST", "/forgot-password", { host: "evil.example", form: { email: "participant@demo.redraft.org" } });
    expect(answer.status).toBe(200);
    const [mail] = outboxBodies("participant@demo.redraft.org").slice(-1);
    expect(mail).not.toContain("evil.example");
    expect(resetLink(mail!)[1]).toBe(`http://localhost:${server.port}`);
  });

  it("are void once a newer one is issued", async () => {
    const email = "moderator@demo.redraft.org";
    await send("POST", "/forgot-password", { form: { email } });
    await send("POST", "/forgot-password", { form: { email } });
    const [older, newer] = outboxBodies(email).slice(-2).map((b) => resetLink(b)[2]!);
    const useOlder = await send("POST", `/reset-password/${older}`, { form: { newPassword: "a brand new passphrase 42" } });
    expect(useOlder.status).toBe(400);
    expect(useOlder.body).toContain("not valid any more");
    const useNewer = await send("POST", `/reset-password/${newer}`, { form: { newPassword: "a brand new passphrase 42" } });
    expect(useNewer.status).toBe(302);
  });
});

describe("sessions", () => {
  it("a new sign-in in a browser ends the session that browser held before", async () => {
    const first = await send("POST", "/sign-in", { form: { email: "expert@demo.redraft.org", password: PASSWORD } });
    expect(first.status).toBe(302);
    const second = await send("POST", "/sign-in", { cookie: first.cookie, form: { email: "expert@demo.redraft.org", password: PASSWORD } });
    expect(second.status).toBe(302);
    expect(second.cookie).not.toBe(first.cookie);
    expect((await send("GET", "/account", { cookie: second.cookie })).status).toBe(200);
    const old = await send("GET", "/account", { cookie: first.cookie });
    expect(old.status).toBe(302);
    expect(old.location).toMatch(/^\/sign-in/);
  });
});

describe("the Origin check", () => {
  it("refuses a form posted from the origin a forged Host header names", async () => {
    const answer = await send("POST", "/forgot-password", { host: "evil.example", origin: "http://evil.example", form: { email: "participant@demo.redraft.org" } });
    expect(answer.status).toBe(403);
  });
});

describe("sign-in throttling", () => {
  it("an attacker's failures from one address do not stop the secretariat signing in from another", async () => {
    const attacker = "127.0.0.2";
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await send("POST", "/sign-in", { from: attacker, form: { email: "secretariat@demo.redraft.org", password: `guess ${i}` } })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    // The real secretariat, elsewhere: slowed down a little, signed in.
    const real = await send("POST", "/sign-in", { form: { email: "secretariat@demo.redraft.org", password: PASSWORD } });
    expect(real.status).toBe(302);
    expect((await send("GET", "/admin", { cookie: real.cookie })).status).toBe(200);
    // The attacker still waits, even with the right password.
    expect((await send("POST", "/sign-in", { from: attacker, form: { email: "secretariat@demo.redraft.org", password: PASSWORD } })).status).toBe(429);
  });
});

describe("behind a reverse proxy (TRUST_PROXY)", () => {
  it("throttles each client by the address the proxy names, not the proxy's own", async () => {
    const proxied = await startServer({ env: { TRUST_PROXY: "loopback" } });
    try {
      const attempt = (forwardedFor: string, password: string) =>
        send("POST", "/sign-in", { to: proxied, forwardedFor, form: { email: "secretariat@demo.redraft.org", password } });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await attempt("203.0.113.9", `guess ${i}`)).status);
      expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
      expect((await attempt("198.51.100.7", PASSWORD)).status).toBe(302);
    } finally {
      await proxied.stop();
    }
  });

  it("ignores X-Forwarded-For when no proxy is trusted", async () => {
    // The attacker cannot escape the limit by naming a new address in each request.
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await send("POST", "/sign-in", { from: "127.0.0.3", forwardedFor: `203.0.113.${i}`, form: { email: "moderator@demo.redraft.org", password: `guess ${i}` } })).status);
    }
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
