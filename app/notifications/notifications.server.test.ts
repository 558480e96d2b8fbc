import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { consultations, notifications, outbox, stakeholderGroups, users, type User } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { seedDemoConsultations } from "../../seeds/seed-demo.server";
import "../i18n/catalogs.server";
import { addComment, addReply } from "../comments/comments.server";
import { logEvent } from "../consultations/consultations.server";
import { fanOutMilestones } from "./notifier.server";
import { currentVersion, getConsultationBySlug, getOutline } from "../drafts/drafts.server";
import { recordDispositions, recordGroupDisposition } from "../review/dispositions.server";
import { rowContext } from "../review/compiled-rows.server";
import { commentEndorsed, commentPublished, follow, notificationsOf, setPreferences, unreadCount, unsubscribe } from "./notifications.server";
import { CLOSING_NOTICE_MS, dispatchDigest, dispatchImmediate, remindClosing } from "./notifier.server";
import { readUnsubscribeToken } from "./unsubscribe-token.server";

const SLUG = "ga-78-265-trustworthy-ai";
const CONFIG = { publicOrigin: "https://redraft.example.org", sessionSecret: "a secret for the notification tests" };
let db: Db;
let consultationId: number;
let op1: string;
let ana: User;
let bo: User;
let chen: User;

function person(email: string, name: string, language: User["language"] = "en", confirmed = true): User {
  const group = db.select().from(stakeholderGroups).where(eq(stakeholderGroups.slug, "civil-society")).get()!;
  return db
    .insert(users)
    .values({ email, displayName: name, passwordHash: "x", countryCode: "KE", unescoRegion: "africa", electoralGroup: "I", stakeholderGroupId: group.id, consentedAt: new Date(), language, emailConfirmedAt: confirmed ? new Date() : null })
    .returning()
    .get();
}

const publish = (who: User, body: string, nodeId: string | null = op1) => {
  const c = addComment(db, { consultationId, nodeId, versionId: currentVersion(db, consultationId)!.id, author: who, stance: "concern", body, submissionId: randomUUID() });
  commentPublished(db, c);
  return c;
};
const reply = (who: User, parentId: number, body: string) => {
  const r = addReply(db, { author: who, consultationId, parentId, body, submissionId: randomUUID() })!;
  commentPublished(db, r);
  return r;
};
const mailTo = (email: string) => db.select().from(outbox).where(eq(outbox.to, email)).all();

beforeEach(() => {
  db = createTestDatabase();
  seedDemoConsultations(db, new Date("2026-11-22T12:00:00Z"));
  consultationId = getConsultationBySlug(db, SLUG)!.id;
  op1 = getOutline(db, currentVersion(db, consultationId)!.id).find((n) => n.label === "OP1")!.nodeId;
  ana = person("ana@example.org", "Ana", "fr");
  bo = person("bo@example.org", "Bo");
  chen = person("chen@example.org", "Chen");
});

describe("notifications", () => {
  it("tell the author of a comment of a reply, by e-mail at once, in the author's language, with an unsubscribe link", () => {
    const c = publish(ana, "Say 'shall'.");
    reply(bo, c.id, "I disagree.");
    expect(notificationsOf(db, ana.id).map((n) => n.kind)).toEqual(["reply"]);
    expect(unreadCount(db, ana.id)).toBe(1);
    expect(dispatchImmediate(db, CONFIG)).toEqual({ queued: 1, more: false });
    const [mail] = mailTo("ana@example.org");
    expect(mail!.subject).toBe("Bo a répondu à votre commentaire sur le paragraphe OP1 — " + getConsultationBySlug(db, SLUG)!.title);
    expect(mail!.body).toContain("« I disagree. »");
    expect(mail!.language).toBe("fr");
    const token = mail!.unsubscribeUrl!.split("/unsubscribe/")[1]!;
    expect(readUnsubscribeToken(CONFIG.sessionSecret, token)).toEqual({ userId: ana.id, category: "replies" });
    // Queued once: a second round finds nothing new.
    expect(dispatchImmediate(db, CONFIG).queued).toBe(0);
  });

  it("make the author follow the paragraph, so a later comment there reaches them in the daily digest", () => {
    publish(ana, "First.");
    publish(bo, "Second.");
    expect(notificationsOf(db, ana.id)).toMatchObject([{ kind: "new-comment", emailMode: "daily" }]);
    expect(notificationsOf(db, bo.id)).toEqual([]);
    expect(dispatchImmediate(db, CONFIG).queued).toBe(0);
    expect(dispatchDigest(db, CONFIG, "daily")).toEqual({ queued: 1, more: false });
    const [digest] = mailTo("ana@example.org");
    expect(digest!.subject).toBe("Votre résumé quotidien Redraft : 1 nouveauté");
    expect(digest!.unsubscribeUrl).toContain(`/unsubscribe/${ana.id}.daily.`);
    expect(dispatchDigest(db, CONFIG, "daily").queued).toBe(0);
  });

  it("do not tell the author of a reply twice (as the replied-to and as a follower)", () => {
    const c = publish(ana, "First.");
    reply(bo, c.id, "Answer.");
    expect(notificationsOf(db, ana.id).map((n) => n.kind)).toEqual(["reply"]);
  });

  it("honour a participant's choice: never means no e-mail, the notification still in the app", () => {
    setPreferences(db, ana.id, { replies: "never" });
    const c = publish(ana, "First.");
    reply(bo, c.id, "Answer.");
    expect(dispatchImmediate(db, CONFIG).queued).toBe(0);
    expect(mailTo("ana@example.org")).toEqual([]);
    expect(unreadCount(db, ana.id)).toBe(1);
  });

  it("stop at the unsubscribe link: replies after it send no e-mail", () => {
    const c = publish(ana, "First.");
    reply(bo, c.id, "One.");
    dispatchImmediate(db, CONFIG);
    expect(unsubscribe(db, ana.id, "replies")).toEqual(["replies"]);
    reply(chen, c.id, "Two.");
    dispatchImmediate(db, CONFIG);
    expect(mailTo("ana@example.org")).toHaveLength(1);
  });

  it("send nothing to an address not confirmed", () => {
    const dee = person("dee@example.org", "Dee", "en", false);
    follow(db, dee.id, consultationId, null);
    setPreferences(db, dee.id, { activity: "immediately" });
    publish(bo, "Hello.");
    expect(unreadCount(db, dee.id)).toBe(1);
    dispatchImmediate(db, CONFIG);
    expect(mailTo("dee@example.org")).toEqual([]);
  });

  it("count endorsements in digests only, never as single e-mails", () => {
    setPreferences(db, ana.id, { endorsements: "immediately" as never });
    const c = publish(ana, "First.");
    commentEndorsed(db, c.id, bo.id);
    commentEndorsed(db, c.id, ana.id);
    expect(notificationsOf(db, ana.id)).toMatchObject([{ kind: "endorsement", emailMode: "daily" }]);
  });

  it("tell the author of a comment the expert group's decision and its rationale", () => {
    const c = publish(ana, "Say 'shall'.");
    recordDispositions(db, { consultationId, commentIds: [c.id], decision: "accepted", rationale: "Agreed: 'shall' it is.", targetNodeIds: null, by: { id: chen.id, displayName: "Chen" } });
    const [n] = notificationsOf(db, ana.id);
    expect(n).toMatchObject({ kind: "disposition", detail: { decision: "accepted", rationale: "Agreed: 'shall' it is." } });
    dispatchImmediate(db, CONFIG);
    expect(mailTo("ana@example.org")[0]!.body).toContain("Agreed: 'shall' it is.");
  });

  it("tell every author in a campaign group the decision taken for the group, unless their own comment has one", () => {
    const template = "Member States must guarantee that public algorithms are audited every year by independent bodies";
    const dee = person("dee@example.org", "Dee");
    const mine = publish(ana, template);
    publish(bo, template);
    publish(dee, `${template}!`);
    recordDispositions(db, { consultationId, commentIds: [mine.id], decision: "accepted-in-part", rationale: "Audits, yes; yearly, no.", targetNodeIds: null, by: { id: chen.id, displayName: "Chen" } });
    // The grouping runs as the expert group's pages would run it.
    const key = rowContext(db, consultationId, "Participant").campaignOf?.get(mine.id);
    expect(key).toMatch(/^campaign-\d+$/);
    recordGroupDisposition(db, { consultationId, groupKey: key!, decision: "noted", rationale: "Heard as one voice.", targetNodeIds: [], by: { id: chen.id, displayName: "Chen" } });
    for (const who of [bo, dee]) {
      expect(notificationsOf(db, who.id).filter((n) => n.kind === "disposition")).toMatchObject([{ detail: { decision: "noted", rationale: "Heard as one voice." } }]);
    }
    expect(notificationsOf(db, ana.id).filter((n) => n.kind === "disposition")).toMatchObject([{ detail: { decision: "accepted-in-part", rationale: "Audits, yes; yearly, no." } }]);
  });

  it("tell the followers of a consultation it opened, closed or published results", () => {
    follow(db, chen.id, consultationId, null);
    publish(ana, "On a paragraph only.");
    logEvent(db, consultationId, "closed", null);
    logEvent(db, consultationId, "edited", null);
    expect(notificationsOf(db, ana.id)).toEqual([]);
    expect(fanOutMilestones(db)).toBe(1);
    expect(fanOutMilestones(db)).toBe(0);
    expect(notificationsOf(db, chen.id).map((n) => n.kind)).toContain("consultation-closed");
    expect(notificationsOf(db, ana.id).map((n) => n.kind)).toEqual(["consultation-closed"]);
  });

  it("remind followers three days before the closing, once per closing instant", () => {
    follow(db, chen.id, consultationId, null);
    const now = new Date("2026-12-01T00:00:00Z");
    db.update(consultations).set({ status: "open", opensAt: null, closesAt: new Date(now.getTime() + CLOSING_NOTICE_MS - 1000) }).where(eq(consultations.id, consultationId)).run();
    expect(remindClosing(db, now)).toBe(1);
    expect(remindClosing(db, new Date(now.getTime() + 60_000))).toBe(0);
    expect(db.select().from(notifications).where(eq(notifications.kind, "consultation-closing")).all()).toHaveLength(1);
  });

  it("fan out to every follower in one statement", () => {
    for (let i = 0; i < 300; i++) follow(db, person(`f${i}@example.org`, `F${i}`).id, consultationId, null);
    publish(ana, "To all.");
    expect(db.select().from(notifications).where(eq(notifications.kind, "new-comment")).all()).toHaveLength(300);
  });
});

describe("announcements", () => {
  it("reach the consultation's followers and commenters, chosen groups only when asked, honouring unsubscriptions", async () => {
    const { announce } = await import("./notifications.server");
    follow(db, chen.id, consultationId, null);
    publish(ana, "A comment makes me a participant.");
    setPreferences(db, bo.id, { announcements: "never" });
    follow(db, bo.id, consultationId, null);
    expect(announce(db, { consultationId, subject: "Extended", message: "Two more weeks.", regions: [], stakeholderGroupIds: [] })).toBe(3);
    dispatchImmediate(db, CONFIG);
    expect(mailTo("chen@example.org")[0]!.body).toContain("Two more weeks.");
    expect(mailTo("ana@example.org")).toHaveLength(1);
    expect(mailTo("bo@example.org")).toEqual([]);
    expect(unreadCount(db, bo.id)).toBe(1);
    expect(announce(db, { consultationId, subject: "Asia only", message: "…", regions: ["asia-pacific"], stakeholderGroupIds: [] })).toBe(0);
  });
});
