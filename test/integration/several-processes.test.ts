import { mkdtempSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DateTime } from "luxon";
import Database from "better-sqlite3";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsultationChange, WatchReply } from "../../realtime/protocol";
import { freshDatabasePath, startServer, type RunningServer } from "../support/start-server";
import { startThrowawayRedis, type ThrowawayRedis } from "../support/throwaway-redis";
import { sessionCookie } from "../support/sign-in";
import { runImport } from "../support/run-import";

/**
 * Two app processes on one database and one Redis (REDIS_URL, issue 18 point 2, decision 036):
 * what a reader on one process and a writer on the other notice. The processes share an SQLite
 * file (WAL allows it on one machine); nothing here depends on the engine.
 */
const SLUG = "unesco-ethics-of-ai";
const PAGE = `/c/${SLUG}/p/OP1`;
const ACCOUNT_WRITES = 6;

type Change = ConsultationChange & { cursor: string };

let redis: ThrowawayRedis;
let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  redis = await startThrowawayRedis();
  const databasePath = freshDatabasePath();
  const env = { REDIS_URL: redis.url, RATE_LIMIT_ACCOUNT_WRITES: String(ACCOUNT_WRITES) };
  // One after the other: the first migrates and seeds the demo, the second finds it done.
  a = await startServer({ databasePath, env });
  b = await startServer({ databasePath, env });
}, 300_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.stop();
});

function post(server: RunningServer, path: string, form: Record<string, string>, cookie: string): Promise<{ status: number; location?: string }> {
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: server.port,
        method: "POST",
        path,
        headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), Cookie: cookie },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode!, location: res.headers.location }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const comment = (server: RunningServer, cookie: string, body: string) =>
  post(server, PAGE, { intent: "comment", stance: "concern", body, submissionId: crypto.randomUUID() }, cookie);

/** Accounts made directly in the database, with the demo participant's password (its hash). */
function addAccount(name: string): string {
  const db = new Database(a.databasePath);
  const template = db.prepare("select * from users where email = 'participant@demo.redraft.org'").get() as Record<string, unknown>;
  const columns = Object.keys(template).filter((c) => c !== "id");
  const email = `${name}@several.example.org`;
  db.prepare(`insert into users (${columns.join(", ")}) values (${columns.map(() => "?").join(", ")})`).run(
    ...columns.map((c) => (c === "email" ? email : c === "display_name" ? name : template[c])),
  );
  db.close();
  return email;
}

function storedCount(text: string): number {
  const db = new Database(a.databasePath, { readonly: true });
  const row = db.prepare("select count(*) as n from comments where body like ?").get(`${text}%`) as { n: number };
  db.close();
  return row.n;
}

/** A reader of the draft page, connected as its script connects (WebSocket first, polling as fallback). */
async function reader(server: RunningServer): Promise<{ socket: Socket; watched: WatchReply; drops: string[] }> {
  const socket = connect(server.url, { transports: ["websocket", "polling"], forceNew: true, extraHeaders: { Origin: server.url } });
  const drops: string[] = [];
  socket.on("disconnect", (reason) => drops.push(reason));
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  const watched = (await socket.timeout(10_000).emitWithAck("watch", SLUG, null)) as WatchReply;
  return { socket, watched, drops };
}

/** The next change on OP1 this reader is told of. */
const nextChange = (socket: Socket) =>
  new Promise<Change>((resolve) => {
    const onChange = (change: Change) => {
      if (change.label !== "OP1") return;
      socket.off("consultationChanged", onChange);
      resolve(change);
    };
    socket.on("consultationChanged", onChange);
  });

describe("two app processes sharing one database and one Redis", () => {
  it("say at start that co-editing is not shared across processes yet", () => {
    for (const server of [a, b]) expect(server.output()).toMatch(/Several-process mode \(REDIS_URL\).*Co-editing \(\/collab\) is not shared yet/);
  });

  it("a reader on process A is told, with the new counts, of a comment posted through process B", async () => {
    const cookie = await sessionCookie(b, addAccount("writer"));
    const { socket, watched } = await reader(a);
    try {
      expect(watched.ok).toBe(true);
      const first = nextChange(socket);
      expect((await comment(b, cookie, "Through B, seen on A")).status).toBe(302);
      const change = await first;
      expect(change).toMatchObject({ slug: SLUG, kind: "comment", label: "OP1" });

      const second = nextChange(socket);
      expect((await comment(b, cookie, "Through B again")).status).toBe(302);
      const after = await second;
      expect(after.counts!.concern).toBe(change.counts!.concern + 1);
      expect(after.counts!.total).toBe(change.counts!.total + 1);

      // The cursor means the same on both processes: a viewer who saw this event and comes back
      // through either misses nothing and reloads for nothing; one behind it is told to catch up.
      const onB = await reader(b);
      try {
        expect(await onB.socket.timeout(10_000).emitWithAck("watch", SLUG, after.cursor)).toMatchObject({ ok: true, changed: false });
        expect(await socket.timeout(10_000).emitWithAck("watch", SLUG, after.cursor)).toMatchObject({ ok: true, changed: false });
        expect(await onB.socket.timeout(10_000).emitWithAck("watch", SLUG, change.cursor)).toMatchObject({ ok: true, changed: true });
      } finally {
        onB.socket.close();
      }
    } finally {
      socket.close();
    }
  });

  it("a flooder whose comments are spread over both processes is refused once the account's allowance is used up in total", async () => {
    const cookie = await sessionCookie(a, addAccount("flooder"));
    const statuses: number[] = [];
    for (let i = 0; i < 2 * ACCOUNT_WRITES; i++) statuses.push((await comment(i % 2 === 0 ? a : b, cookie, `Flood ${i}`)).status);
    expect(statuses.filter((s) => s === 302)).toHaveLength(ACCOUNT_WRITES);
    expect(statuses.slice(ACCOUNT_WRITES)).toEqual(Array(ACCOUNT_WRITES).fill(429));
    expect(storedCount("Flood ")).toBe(ACCOUNT_WRITES);
  });

  it("comments sent at the same time through both processes are all accepted and each stored once", async () => {
    const writers = await Promise.all(["busy-1", "busy-2", "busy-3", "busy-4"].map((name, i) => sessionCookie(i % 2 === 0 ? a : b, addAccount(name))));
    const sent = writers.flatMap((cookie, w) => Array.from({ length: ACCOUNT_WRITES - 1 }, (_, i) => comment((w + i) % 2 === 0 ? a : b, cookie, `Busy ${w}-${i}`)));
    const statuses = (await Promise.all(sent)).map((answer) => answer.status);
    expect(statuses).toEqual(Array(writers.length * (ACCOUNT_WRITES - 1)).fill(302));
    for (let w = 0; w < writers.length; w++) for (let i = 0; i < ACCOUNT_WRITES - 1; i++) expect(storedCount(`Busy ${w}-${i}`)).toBe(1);
  });

  it("after Redis restarts, a comment through B still reaches the reader on A, whose connection never dropped", async () => {
    const cookie = await sessionCookie(b, addAccount("after-restart"));
    const { socket, drops } = await reader(a);
    try {
      const before = nextChange(socket);
      expect((await comment(b, cookie, "Before the restart")).status).toBe(302);
      await before;

      await redis.restart();

      // Redis came back empty: whatever the processes queued meanwhile goes out once they reconnect.
      const after = nextChange(socket);
      expect((await comment(b, cookie, "After the restart")).status).toBe(302);
      const change = await after;
      expect(change).toMatchObject({ kind: "comment", label: "OP1" });
      // socket.io's connection is between the reader and A; only the processes' Redis connections dropped.
      expect(drops).toEqual([]);
      expect(socket.connected).toBe(true);
      for (const server of [a, b]) {
        expect(server.child.exitCode).toBeNull();
        expect((await fetch(`${server.url}/c/${SLUG}`)).status).toBe(200);
      }
      expect(storedCount("After the restart")).toBe(1);
    } finally {
      socket.close();
    }
  });

  // Last: it stops process B.
  it("a consultation scheduled through B opens at its instant even if B has stopped since, and A's readers are told", async () => {
    const ZONE = "Europe/Paris";
    const inZone = (instant: Date) => DateTime.fromJSDate(instant).setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm:ss");
    const secretariat = await sessionCookie(b, "secretariat@demo.redraft.org");
    const settings = { slug: "ocean-science", title: "Ocean science decade", timeZone: ZONE, language: "en", audience: "everyone" };
    expect((await post(b, "/admin/consultations/new", settings, secretariat)).status).toBe(302);
    const file = join(mkdtempSync(join(tmpdir(), "redraft-draft-")), "ocean.txt");
    writeFileSync(file, "Draft resolution on ocean science\n\nThe General Assembly,\n\n1. Decides to proclaim a decade of ocean science;\n");
    expect((await runImport([file, "--consultation", "ocean-science"], a.databasePath)).status).toBe(0);

    const opensAt = new Date(Math.ceil((Date.now() + 4000) / 1000) * 1000);
    expect((await post(b, "/admin/consultations/ocean-science", { intent: "save", ...settings, opensAt: inZone(opensAt) }, secretariat)).status).toBe(302);
    expect((await post(b, "/admin/consultations/ocean-science", { intent: "schedule" }, secretariat)).status).toBe(302);

    const secretariatOnA = connect(a.url, { transports: ["websocket", "polling"], forceNew: true, extraHeaders: { Origin: a.url, Cookie: secretariat } });
    try {
      const opened = new Promise<Change>((resolve) => secretariatOnA.on("consultationChanged", (change: Change) => change.slug === "ocean-science" && change.kind === "state" && resolve(change)));
      expect(await secretariatOnA.timeout(10_000).emitWithAck("watch", "ocean-science", null)).toMatchObject({ ok: true });
      // B, whose scheduler was told of the schedule, stops before the instant: A's must have heard.
      expect(await b.stop()).toBe(0);
      await opened;
      const db = new Database(a.databasePath, { readonly: true });
      const row = db.prepare("select status from consultations where slug = 'ocean-science'").get() as { status: string };
      db.close();
      expect(row.status).toBe("open");
    } finally {
      secretariatOnA.close();
    }
  });
});
