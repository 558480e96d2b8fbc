import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { comments, stakeholderGroups, type User } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { seedDemoConsultations } from "../../seeds/seed-demo.server";
import { registerUser } from "../accounts/users.server";
import { getConsultationBySlug } from "../drafts/drafts.server";
import { addComment, addReply, commentThreads } from "./comments.server";
import { commentPlace, deleteOwnComment, editComment, flagComment, hideComment, moderationQueue, readModerationLog, restoreComment } from "./moderation.server";

let db: Db;
let author: User;
let reader: User;
let moderator: User;
let consultationId: number;

async function person(email: string, name: string) {
  const group = db.select().from(stakeholderGroups).where(eq(stakeholderGroups.slug, "academia")).get()!;
  return registerUser(db, {
    email, displayName: name, password: "a long and personal passphrase", countryCode: "BR", stakeholderGroupId: group.id,
    organisation: null, respondsFor: "individual", gender: "prefer-not-to-say", ageBand: "prefer-not-to-say", language: "es", pseudonymous: false,
  });
}
const write = (who: User, body: string) =>
  addComment(db, { consultationId, nodeId: "n-71", versionId: null, author: who, stance: "remark", body, submissionId: randomUUID() });
const threadsFor = (viewer: User | null) => commentThreads(db, consultationId, "n-71", viewer?.id ?? null, "Participant");

beforeEach(async () => {
  db = createTestDatabase();
  seedDemoConsultations(db, new Date("2026-11-22T12:00:00Z"));
  consultationId = getConsultationBySlug(db, "unesco-ethics-of-ai")!.id;
  author = await person("author@example.org", "João Silva");
  reader = await person("reader@example.org", "Camila Rojas");
  moderator = await person("mod@example.org", "Mateo Moderator");
});

describe("after publishing", () => {
  it("an author edits within 15 minutes, not after", () => {
    const c = write(author, "Frist draft.");
    expect(editComment(db, author.id, { commentId: c.id, body: "First draft." })).toBe("edited");
    expect(threadsFor(author)[0]).toMatchObject({ body: "First draft.", edited: true, editable: true });
    const later = new Date(c.createdAt.getTime() + 16 * 60_000);
    expect(editComment(db, author.id, { commentId: c.id, body: "Too late." }, later)).toBe("too-late");
    expect(editComment(db, reader.id, { commentId: c.id, body: "Not mine." })).toBe("not-found");
  });

  it("deleting leaves a stub only where others replied", () => {
    const answered = write(author, "Answered.");
    const alone = write(author, "Alone.");
    addReply(db, { consultationId, author: reader, parentId: answered.id, body: "Reply.", submissionId: randomUUID() });
    expect(deleteOwnComment(db, reader.id, alone.id)).toBe(false);
    expect(deleteOwnComment(db, author.id, alone.id)).toBe(true);
    expect(deleteOwnComment(db, author.id, answered.id)).toBe(true);
    const threads = threadsFor(null);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ status: "removed", body: "", replies: [{ body: "Reply." }] });
  });

  it("a flagged comment reaches the queue; hiding tells its author why; every decision is logged", () => {
    const c = write(author, "Something rude.");
    flagComment(db, reader.id, c.id, "Insults another participant");
    expect(moderationQueue(db)).toMatchObject([{ comment: { id: c.id }, flags: 1, reasons: ["Insults another participant"] }]);
    expect(hideComment(db, moderator, c.id, "Personal attack")).toBe(true);
    expect(moderationQueue(db)).toEqual([]);
    expect(threadsFor(reader)[0]).toMatchObject({ status: "hidden", body: "", hiddenReason: null });
    expect(threadsFor(author)[0]).toMatchObject({ status: "hidden", hiddenReason: "Personal attack" });
    expect(restoreComment(db, moderator, c.id, "Reviewed on appeal")).toBe(true);
    expect(db.select().from(comments).where(eq(comments.id, c.id)).get()!.status).toBe("visible");
    expect(readModerationLog(db).map((e) => [e.actorName, e.action, e.reason])).toEqual([
      ["Mateo Moderator", "restore", "Reviewed on appeal"],
      ["Mateo Moderator", "hide", "Personal attack"],
    ]);
  });
});

describe("where a moderated comment sits", () => {
  it("names its consultation and paragraph, so its live viewers can be told", () => {
    const c = write(author, "Somewhere.");
    expect(commentPlace(db, c.id)).toEqual({ consultationId, slug: "unesco-ethics-of-ai", nodeId: "n-71" });
    expect(commentPlace(db, c.id + 1000)).toBeUndefined();
  });
});
