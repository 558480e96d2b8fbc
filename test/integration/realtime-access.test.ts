/**
 * The realtime layer of the real server (build/server.js) against the pages' permission path:
 * every role × every consultation state × every socket event, expected outcomes derived from the
 * one permission function `can()` and checked against what the page itself answers. Also: a stock
 * socket.io client co-editing, catching up after a late or dropped live connection, security
 * headers and refused origins on socket.io's own responses.
 */
import { eq } from "drizzle-orm";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { can, type Actor } from "../../app/auth/permissions";
import { getConsultationBySlug } from "../../app/drafts/drafts.server";
import { openDatabase, type Db } from "../../db/client.server";
import { consultationStatuses } from "../../db/enums";
import { consultationExperts, consultations, users } from "../../db/schema";
import type { WatchReply } from "../../realtime/protocol";
import { startServer, type RunningServer } from "../support/start-server";
import { askWholeDocument, blockTexts, stockClient, typeIntoBlock, until, type StockClient } from "../support/stock-yjs-client";
import { sessionCookie } from "../support/sign-in";

let server: RunningServer;
let db: Db;
const cookies = new Map<string, string>();

/** The consultation the matrix moves through every state; expert2 is made an expert of it. */
const SLUG = "un-system-ai-capacity-road-map";
const DOC = `draft/${SLUG}`;
const ACCOUNTS = {
  participant: "participant@demo.redraft.org",
  moderator: "moderator@demo.redraft.org",
  "expert of this": "participant2@demo.redraft.org",
  // Lead of the UNESCO expert group, nothing here.
  "expert of another": "expert@demo.redraft.org",
  secretariat: "secretariat@demo.redraft.org",
};
type Who = "anonymous" | keyof typeof ACCOUNTS;
const WHO: Who[] = ["anonymous", ...(Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[])];

const signIn = (email: string) => sessionCookie(server, email);

beforeAll(async () => {
  server = await startServer();
  db = openDatabase(server.databasePath);
  const consultation = getConsultationBySlug(db, SLUG)!;
  const expert = db.select().from(users).where(eq(users.email, ACCOUNTS["expert of this"])).get()!;
  db.insert(consultationExperts).values({ consultationId: consultation.id, userId: expert.id, lead: false }).run();
  for (const [who, email] of Object.entries(ACCOUNTS)) cookies.set(who, await signIn(email));
}, 60_000);
afterAll(async () => {
  db?.$client.close();
  await server?.stop();
});

/** The actor the server builds for each account, as the permission function sees it. */
function actorOf(who: Who, consultationId: number): Actor {
  const user = (role: "participant" | "moderator" | "secretariat", expertOf: [number, { lead: boolean }][] = []): Actor => ({
    kind: "user",
    userId: 0,
    role,
    expertOf: new Map(expertOf),
    emailConfirmed: true,
  });
  switch (who) {
    case "anonymous":
      return { kind: "anonymous" };
    case "participant":
      return user("participant");
    case "moderator":
      return user("moderator");
    case "expert of this":
      return user("participant", [[consultationId, { lead: false }]]);
    case "expert of another":
      return user("participant", [[-1, { lead: true }]]);
    case "secretariat":
      return user("secretariat");
  }
}

const headersOf = (who: Who): Record<string, string> => (who === "anonymous" ? {} : { Cookie: cookies.get(who)! });

function defaultSocket(who: Who): Socket {
  return connect(server.url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: headersOf(who) });
}

const validPresence = { user: { name: "Tester", color: "#047857", role: "participant", region: null } };

describe("who may follow and co-edit a consultation over sockets, in every state", () => {
  const cases = consultationStatuses.flatMap((status) => WHO.map((who) => [status, who] as const));

  it.each(cases)("%s consultation, %s", async (status, who) => {
    db.update(consultations).set({ status }).where(eq(consultations.slug, SLUG)).run();
    const consultation = getConsultationBySlug(db, SLUG)!;
    const actor = actorOf(who, consultation.id);
    const readable = can(actor, { action: "consultation.read", consultation });
    const joinable = readable && can(actor, { action: "draft.view", consultation });
    const writable = joinable && can(actor, { action: "draft.edit", consultation });

    // The page and the socket agree.
    const page = await fetch(`${server.url}/c/${SLUG}`, { headers: headersOf(who), redirect: "manual" });
    expect(page.status === 200, `page answered ${page.status}`).toBe(readable);

    // watch
    const live = defaultSocket(who);
    const watched = (await live.timeout(10_000).emitWithAck("watch", SLUG, null)) as WatchReply;
    expect(watched.ok).toBe(readable);
    live.close();

    // An observer who may always read the working draft (the secretariat), to see what is relayed.
    const observer = stockClient(server.url, { cookie: cookies.get("secretariat") });
    const client = stockClient(server.url, { cookie: who === "anonymous" ? undefined : cookies.get(who) });
    try {
      await observer.connected;
      expect(await observer.join(DOC)).toMatchObject({ ok: true, writable: true });
      await until(() => blockTexts(observer.doc).length > 0, "the observer to sync");

      // join (anonymous: the namespace refuses the connection itself)
      const connected = await client.connected.then(() => true, () => false);
      expect(connected).toBe(who !== "anonymous");
      if (!connected) return;
      const reply = await client.join(DOC);
      expect(reply.ok).toBe(joinable);
      if (joinable) expect(reply.writable).toBe(writable);

      // yjs sync step 1: answered with the document only for members
      client.sendRaw(DOC, askWholeDocument());
      if (joinable) await until(() => blockTexts(client.doc).length > 0, "the answer to sync step 1");
      else await client.errorMatching(/join the document first/);

      // yjs update: applied and relayed to the observer only for writers
      const marker = `[${status}/${who}] `;
      if (joinable) {
        typeIntoBlock(client.doc, 0, marker);
      } else {
        // Without the document, an update made against a copy of it.
        const { Doc, applyUpdate, encodeStateAsUpdate } = await import("yjs");
        const copy = new Doc();
        applyUpdate(copy, encodeStateAsUpdate(observer.doc));
        let update: Uint8Array | undefined;
        copy.on("update", (u: Uint8Array) => (update = u));
        typeIntoBlock(copy, 0, marker);
        const { createEncoder, writeVarUint, toUint8Array } = await import("lib0/encoding");
        const { writeUpdate } = await import("y-protocols/sync");
        const encoder = createEncoder();
        writeVarUint(encoder, 0);
        writeUpdate(encoder, update!);
        client.sendRaw(DOC, toUint8Array(encoder));
      }
      if (writable) await until(() => blockTexts(observer.doc)[0]!.startsWith(marker), "the writer's update to reach the observer");
      else await client.errorMatching(joinable ? /read-only/ : /join the document first/);

      // awareness: relayed for members only
      client.awareness.setLocalState(validPresence);
      if (!joinable) {
        client.sendRaw(DOC, new Uint8Array([1, 1, 0])); // an (empty) awareness message
        await client.errorMatching(/join the document first/);
      } else {
        await until(() => observer.awareness.getStates().has(client.doc.clientID), "the member's presence to reach the observer");
      }
      // What was refused is nowhere: a fresh reader of the document has the writers' edits only.
      const fresh = stockClient(server.url, { cookie: cookies.get("secretariat") });
      try {
        await fresh.connected;
        await fresh.join(DOC);
        await until(() => blockTexts(fresh.doc).length > 0, "a fresh reader to sync");
        expect(blockTexts(fresh.doc)[0]!.includes(marker)).toBe(writable);
      } finally {
        fresh.close();
      }
    } finally {
      client.close();
      observer.close();
    }
  });
});

describe("the realtime layer of the real server", () => {
  it("lets a stock socket.io client with yjs and y-protocols join, sync, edit and receive edits", async () => {
    db.update(consultations).set({ status: "open" }).where(eq(consultations.slug, SLUG)).run();
    const a = stockClient(server.url, { cookie: cookies.get("expert of this") });
    const b = stockClient(server.url, { cookie: cookies.get("secretariat"), transports: ["polling"] });
    try {
      await Promise.all([a.connected, b.connected]);
      expect(await a.join(DOC)).toEqual({ ok: true, writable: true });
      expect(await b.join(DOC)).toEqual({ ok: true, writable: true });
      await until(() => blockTexts(a.doc).length > 2 && blockTexts(b.doc).length > 2, "both to sync");
      typeIntoBlock(a.doc, 1, "Stock A: ");
      typeIntoBlock(b.doc, 2, "Stock B: ");
      await until(() => blockTexts(a.doc)[2]!.startsWith("Stock B: ") && blockTexts(b.doc)[1]!.startsWith("Stock A: "), "each to receive the other's edit");
    } finally {
      a.close();
      b.close();
    }
  });

  it("stops a member's messages once the consultation is taken back into preparation", async () => {
    db.update(consultations).set({ status: "open" }).where(eq(consultations.slug, SLUG)).run();
    const moderator = stockClient(server.url, { cookie: cookies.get("moderator") });
    try {
      await moderator.connected;
      expect(await moderator.join(DOC)).toEqual({ ok: true, writable: false });
      await until(() => blockTexts(moderator.doc).length > 0, "the moderator to sync");

      db.update(consultations).set({ status: "draft" }).where(eq(consultations.slug, SLUG)).run();
      // The permission is asked again within a second: keep asking for the document until refused.
      const refused = moderator.errorMatching(/you left the document/);
      let done = false;
      void refused.then(() => (done = true));
      await until(() => {
        if (!done) moderator.sendRaw(DOC, askWholeDocument());
        return done;
      }, "the moderator's access to end");
      moderator.sendRaw(DOC, askWholeDocument());
      await moderator.errorMatching(/join the document first/);
      expect(await moderator.socket.emitWithAck("join", DOC)).toMatchObject({ ok: false, error: expect.stringMatching(/no such document/) });
    } finally {
      moderator.close();
      db.update(consultations).set({ status: "open" }).where(eq(consultations.slug, SLUG)).run();
    }
  });

  it("ends a co-editor's connection once their session ends", async () => {
    const cookie = await signIn(ACCOUNTS["expert of this"]);
    const expert = stockClient(server.url, { cookie });
    const disconnected = new Promise<string>((r) => expert.socket.once("disconnect", (reason) => r(reason)));
    try {
      await expert.connected;
      expect(await expert.join(DOC)).toEqual({ ok: true, writable: true });
      await until(() => blockTexts(expert.doc).length > 0, "the expert to sync");
      const signedOut = await fetch(`${server.url}/sign-out`, { method: "POST", redirect: "manual", headers: { Origin: server.url, Cookie: cookie } });
      expect(signedOut.status).toBe(302);
      // The session is read again within a second of a message: keep typing until cut off.
      let gone = false;
      void disconnected.then(() => (gone = true));
      let i = 0;
      await until(() => {
        if (!gone) typeIntoBlock(expert.doc, 0, `${i++} `);
        return gone;
      }, "the connection to end");
      expect(await disconnected).toBe("io server disconnect");
      expect(expert.errors.join("\n")).toMatch(/the session ended/);
    } finally {
      expert.close();
    }
  });

  async function postComment(body: string) {
    const response = await fetch(`${server.url}/c/unesco-ethics-of-ai/comments`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: cookies.get("participant")! },
      body: new URLSearchParams({ intent: "comment", stance: "remark", body, submissionId: crypto.randomUUID() }),
    });
    expect(response.status).toBe(302);
  }

  it("tells a live connection opened after the page was rendered that it missed a comment", async () => {
    const html = await (await fetch(`${server.url}/c/unesco-ethics-of-ai`)).text();
    const rendered = /data-live-cursor="([^"]+)"/.exec(html)?.[1];
    expect(rendered).toBeTruthy();
    await postComment("Posted between the page and its live connection.");

    const socket = defaultSocket("anonymous");
    try {
      const late = (await socket.timeout(10_000).emitWithAck("watch", "unesco-ethics-of-ai", rendered!)) as WatchReply;
      expect(late).toMatchObject({ ok: true, changed: true });
      // With the current cursor, nothing is missed and nothing reloads for nothing.
      const current = (await socket.timeout(10_000).emitWithAck("watch", "unesco-ethics-of-ai", late.ok ? late.cursor : "")) as WatchReply;
      expect(current).toMatchObject({ ok: true, changed: false });
    } finally {
      socket.close();
    }
  });

  it("tells a connection that comes back after a drop what it missed meanwhile", async () => {
    const socket = defaultSocket("anonymous");
    try {
      await new Promise<void>((r) => socket.once("connect", () => r()));
      const first = (await socket.timeout(10_000).emitWithAck("watch", "unesco-ethics-of-ai", null)) as WatchReply;
      expect(first.ok).toBe(true);
      let cursor = first.ok ? first.cursor : "";
      // Live: each change carries the new cursor.
      const change = new Promise<{ cursor: string }>((r) => socket.once("consultationChanged", r));
      await postComment("Seen live.");
      cursor = (await change).cursor;

      // The connection drops; a comment arrives while it is down.
      const dropped = new Promise((r) => socket.once("disconnect", r));
      socket.io.engine.close();
      await dropped;
      await postComment("Posted while the connection was down.");
      socket.connect();
      await new Promise<void>((r) => socket.once("connect", () => r()));
      const back = (await socket.timeout(10_000).emitWithAck("watch", "unesco-ethics-of-ai", cursor)) as WatchReply;
      expect(back).toMatchObject({ ok: true, changed: true });
    } finally {
      socket.close();
    }
  });

  it("answers unknown events on the default namespace with an error", async () => {
    const socket = defaultSocket("anonymous");
    try {
      const error = new Promise<string>((r) => socket.once("error" as never, r as never));
      socket.emit("announce" as never, { slug: "unesco-ethics-of-ai" } as never);
      expect(await error).toMatch(/unknown event "announce"/);
    } finally {
      socket.close();
    }
  });

  it("sends socket.io responses with the pages' security headers", async () => {
    const pageHeaders = (await fetch(`${server.url}/privacy`)).headers;
    const handshake = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    expect(handshake.status).toBe(200);
    for (const name of ["x-content-type-options", "x-frame-options", "referrer-policy"]) {
      expect(handshake.headers.get(name), name).toBe(pageHeaders.get(name));
    }
    expect(handshake.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const upgrade = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
      const ws = new WebSocket(`${server.url.replace("http", "ws")}/socket.io/?EIO=4&transport=websocket`);
      ws.on("upgrade", (res) => {
        resolve(res.headers);
        ws.close();
      });
      ws.on("error", reject);
    });
    expect(upgrade["x-content-type-options"]).toBe("nosniff");
    expect(upgrade["x-frame-options"]).toBe("DENY");
    const bad = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling&sid=not-a-session`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("refuses a handshake from a foreign Origin with 403 over polling and WebSocket, as the protocol says", async () => {
    const polling = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { Origin: "https://evil.example" } });
    expect(polling.status).toBe(403);
    expect(await polling.json()).toEqual({ code: 4, message: "origin not allowed" });
    expect(polling.headers.get("x-frame-options")).toBe("DENY");

    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${server.url.replace("http", "ws")}/socket.io/?EIO=4&transport=websocket`, { origin: "https://evil.example" });
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => reject(new Error("a foreign origin was let in")));
      ws.on("error", () => undefined);
    });
    expect(status).toBe(403);
  });
});
