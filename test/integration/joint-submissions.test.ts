/**
 * Joint submissions (issue 17) against the real server: starting one, inviting by e-mail and by
 * link, revoking, accepting, removing a co-author, signing, the re-sign rule when the text changes
 * live, submitting; and who may reach the draft over HTTP and over the `/collab` socket. The
 * attacks are written as a participant would try them: opening someone else's joint draft, joining
 * its document, using a revoked link.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { currentVersion, getConsultationBySlug, getOutline } from "../../app/drafts/drafts.server";
import { paragraphPath } from "../../app/drafts/outline";
import { notificationPath } from "../../app/notifications/digest";
import type { NotificationDetail } from "../../app/notifications/notifications.server";
import { JOINT_BODY_FRAGMENT, readJointText } from "../../app/joint/joint-text";
import { openDatabase, type Db } from "../../db/client.server";
import { comments, consultations, jointSignatures, notifications, outbox, users } from "../../db/schema";
import { sessionCookie } from "../support/sign-in";
import { startServer, type RunningServer } from "../support/start-server";
import { stockClient, until, type StockClient } from "../support/stock-yjs-client";

const SLUG = "unesco-ethics-of-ai";
const A = "participant@demo.redraft.org";
const B = "participant1@demo.redraft.org";
const C = "participant2@demo.redraft.org";

let server: RunningServer;
let db: Db;
const cookies = new Map<string, string>();
const clients: StockClient[] = [];
let label: string;

beforeAll(async () => {
  server = await startServer();
  db = openDatabase(server.databasePath);
  db.update(consultations).set({ status: "open", opensAt: null, closesAt: null }).where(eq(consultations.slug, SLUG)).run();
  const consultation = getConsultationBySlug(db, SLUG)!;
  label = getOutline(db, currentVersion(db, consultation.id)!.id).find((n) => n.kind !== "heading" && n.label)!.label!;
  for (const email of [A, B, C]) cookies.set(email, await sessionCookie(server, email));
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.close();
  db?.$client.close();
  await server?.stop();
});

async function post(who: string, path: string, fields: Record<string, string>) {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: cookies.get(who)! },
    body: new URLSearchParams(fields),
  });
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}

async function get(who: string | null, path: string) {
  const response = await fetch(`${server.url}${path}`, { redirect: "manual", headers: who ? { Cookie: cookies.get(who)! } : {} });
  return { status: response.status, text: await response.text() };
}

async function join(who: string, docName: string) {
  const client = stockClient(server.url, { cookie: cookies.get(who) });
  clients.push(client);
  await client.connected;
  return { client, reply: await client.join(docName) };
}

const userId = (email: string) => db.select().from(users).where(eq(users.email, email)).get()!.id;

describe("a joint submission from start to publication", () => {
  let id: number;
  let page: string;
  let doc: string;

  it("is started by a participant on a paragraph, the paragraph's text as the wording to rework", async () => {
    const started = await post(A, `/c/${SLUG}/joint`, { label, stance: "amendment" });
    expect(started.status).toBe(302);
    id = Number(/\/joint\/(\d+)$/.exec(started.location!)![1]);
    page = `/c/${SLUG}/joint/${id}`;
    doc = `joint/${id}`;
    const shown = await get(A, page);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain("Proposed wording");
  });

  it("stays private: another participant gets the same 404 as for a draft that does not exist, and cannot join its document", async () => {
    const theirs = await get(C, page);
    const none = await get(C, `/c/${SLUG}/joint/99999999`);
    expect(theirs.status).toBe(404);
    expect(none.status).toBe(404);
    const { reply } = await join(C, doc);
    const { reply: unknown } = await join(C, "joint/99999999");
    expect(reply).toEqual({ ok: false, error: `no such document: ${doc}` });
    expect(unknown).toEqual({ ok: false, error: "no such document: joint/99999999" });
  });

  it("is not reachable through a revoked link, before or after the revocation", async () => {
    const created = await post(A, page, { intent: "link", singleUse: "on", hours: "24" });
    expect(created.status).toBe(200);
    const token = /\/joint\/accept\/([A-Za-z0-9_-]{20,})/.exec(created.text)![1]!;
    const invitationId = /name="invitationId" value="([0-9a-f]{64})"/.exec((await get(A, page)).text)![1]!;
    expect((await post(A, page, { intent: "revoke", invitationId })).status).toBe(302);
    const accepted = await post(C, `/joint/accept/${token}`, {});
    expect(accepted.status).toBe(409);
    expect((await get(C, page)).status).toBe(404);
    expect((await join(C, doc)).reply).toMatchObject({ ok: false });
  });

  it("lets a co-author removed by the initiator back out at once, page and socket", async () => {
    const created = await post(A, page, { intent: "link", singleUse: "on", hours: "24" });
    const token = /\/joint\/accept\/([A-Za-z0-9_-]{20,})/.exec(created.text)![1]!;
    const accepted = await post(C, `/joint/accept/${token}`, {});
    expect(accepted.location).toBe(page);
    expect((await get(C, page)).status).toBe(200);
    const { client: open, reply } = await join(C, doc);
    expect(reply).toEqual({ ok: true, writable: true });
    // A single-use link is spent.
    expect((await post(B, `/joint/accept/${token}`, {})).status).toBe(409);
    // Only the initiator removes co-authors.
    expect((await post(C, page, { intent: "remove", userId: String(userId(A)) })).status).toBe(403);
    expect((await post(A, page, { intent: "remove", userId: String(userId(C)) })).status).toBe(302);
    // The connection C had open is sent away at once, without waiting for C to send anything.
    await open.errorMatching(/no such document: joint\/\d+; you left the document/);
    expect((await get(C, page)).status).toBe(404);
    expect((await join(C, doc)).reply).toMatchObject({ ok: false, error: `no such document: ${doc}` });
  });

  it("reaches an invitee by e-mail through the notification system, and the link lets them in", async () => {
    expect((await post(A, page, { intent: "invite", email: B.toUpperCase() })).status).toBe(302);
    const notice = db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId(B)), eq(notifications.kind, "joint-invitation")))
      .get()!;
    const path = (JSON.parse(notice.detail) as { path: string }).path;
    expect(path).toMatch(/^\/joint\/accept\//);
    // Opening the link changes nothing; accepting is a form.
    expect((await get(B, path)).status).toBe(200);
    expect((await get(B, page)).status).toBe(404);
    expect((await post(B, path, {})).location).toBe(page);
    expect((await get(B, page)).status).toBe(200);
  });

  it("sends an address without an account the invitation by e-mail, to register first", async () => {
    expect((await post(A, page, { intent: "invite", email: "newcomer@example.org" })).status).toBe(302);
    const mail = db.select().from(outbox).where(eq(outbox.to, "newcomer@example.org")).get()!;
    expect(mail.body).toMatch(/\/joint\/accept\/[A-Za-z0-9_-]{20,}/);
  });

  it("counts a signature only under the words it was given to, and publishes one comment with its signers", async () => {
    const { client, reply } = await join(B, doc);
    expect(reply).toEqual({ ok: true, writable: true });
    const { client: watcher } = await join(A, doc);
    await until(() => client.doc.getXmlFragment(JOINT_BODY_FRAGMENT).length > 0, "B's copy of the joint draft");

    // A signs alone: not enough.
    expect((await post(A, page, { intent: "sign" })).status).toBe(302);
    expect((await post(A, page, { intent: "submit" })).status).toBe(409);

    // B writes live, then signs.
    const paragraph = client.doc.getXmlFragment(JOINT_BODY_FRAGMENT).get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, "Our coalition proposes this wording.");
    // The server relays an edit once it is applied and on disk: A seeing it is the edit being there.
    await until(() => readJointText(watcher.doc).body === "Our coalition proposes this wording.", "A to see B's words");
    expect((await post(B, page, { intent: "sign" })).status).toBe(302);

    // A's signature was given to the empty text: it no longer counts.
    const refused = await post(A, page, { intent: "submit" });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("Sign the current text yourself");

    // Only the initiator submits.
    expect((await post(B, page, { intent: "submit" })).status).toBe(403);

    expect((await post(A, page, { intent: "sign" })).status).toBe(302);
    const submitted = await post(A, page, { intent: "submit" });
    expect(submitted.status).toBe(302);
    expect(submitted.location).toContain(paragraphPath(SLUG, label));

    const comment = db.select().from(comments).where(eq(comments.jointDraftId, id)).get()!;
    expect(comment.authorId).toBe(userId(A));
    expect(comment.body).toBe("Our coalition proposes this wording.");
    expect(comment.stance).toBe("amendment");
    expect(db.select().from(jointSignatures).where(eq(jointSignatures.jointDraftId, id)).all().map((s) => s.userId).sort()).toEqual([userId(A), userId(B)].sort());

    // As any reader sees it.
    const shown = await get(null, `${paragraphPath(SLUG, label)}?comment=${comment.id}`);
    expect(shown.text).toContain("On behalf of 2 co-signers:");
    expect(shown.text).toContain("Priya Participant");
    // C, removed before signing, is not listed.
    const cName = db.select().from(users).where(eq(users.email, C)).get()!.displayName;
    expect(shown.text).not.toContain(cName);

    // B hears it was published.
    const told = db.select().from(notifications).where(and(eq(notifications.userId, userId(B)), eq(notifications.kind, "joint-submitted"))).get()!;
    expect(notificationPath({ commentId: told.commentId, detail: JSON.parse(told.detail) as NotificationDetail })).toBe(
      `${paragraphPath(SLUG, label)}#comment-${comment.id}`,
    );
  });

  it("is read-only for its co-authors once submitted, and still closed to everyone else", async () => {
    expect((await join(B, doc)).reply).toEqual({ ok: true, writable: false });
    expect((await join(C, doc)).reply).toMatchObject({ ok: false });
    expect((await post(B, page, { intent: "save", body: "Changed after", revision: "0" })).status).toBe(403);
    const stored = db.select().from(comments).where(eq(comments.jointDraftId, id)).get()!;
    expect(stored.body).toBe("Our coalition proposes this wording.");
  });
});

describe("the plain form without JavaScript", () => {
  it("saves with last-save-wins, and warns the one whose save replaced someone else's", async () => {
    const started = await post(A, `/c/${SLUG}/joint`, { label: "", stance: "concern" });
    const page = started.location!;
    const created = await post(A, page, { intent: "link", hours: "24" });
    const token = /\/joint\/accept\/([A-Za-z0-9_-]{20,})/.exec(created.text)![1]!;
    await post(B, `/joint/accept/${token}`, {});
    // Both loaded revision 0; A saves first, then B.
    expect((await post(A, page, { intent: "save", body: "A's text", revision: "0" })).location).toBe(`${page}?saved=1`);
    expect((await post(B, page, { intent: "save", body: "B's text", revision: "0" })).location).toBe(`${page}?saved=1&overwrote=1`);
    const shown = await get(A, page);
    expect(shown.text).toContain("B&#x27;s text");
  });
});
