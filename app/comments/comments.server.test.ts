import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { comments, stakeholderGroups, users, type User } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { seedDemoConsultations } from "../../seeds/seed-demo.server";
import { deleteAccount, exportUserData, registerUser } from "../accounts/users.server";
import { currentVersion, getConsultationBySlug, getOutline } from "../drafts/drafts.server";
import { addComment, addReply, commentThreads, stanceCountsByNode, toggleEndorsement } from "./comments.server";

let db: Db;
let author: User;
let other: User;
let consultationId: number;
let nodeId: string;

async function person(email: string, name: string, pseudonymous = false) {
  const group = db.select().from(stakeholderGroups).where(eq(stakeholderGroups.slug, "civil-society")).get()!;
  return registerUser(db, {
    email, displayName: name, password: "a long and personal passphrase", countryCode: "KE", stakeholderGroupId: group.id,
    organisation: null, respondsFor: "individual", gender: "prefer-not-to-say", ageBand: "prefer-not-to-say", language: "en", pseudonymous,
  });
}

const comment = (who: User, body: string, submissionId = randomUUID()) =>
  addComment(db, { consultationId, nodeId, versionId: null, author: who, stance: "concern", body, submissionId });
const threads = () => commentThreads(db, consultationId, nodeId, null, "Participant");

beforeEach(async () => {
  db = createTestDatabase();
  seedDemoConsultations(db, new Date("2026-11-22T12:00:00Z"));
  const consultation = getConsultationBySlug(db, "unesco-ethics-of-ai")!;
  consultationId = consultation.id;
  nodeId = getOutline(db, currentVersion(db, consultationId)!.id).find((n) => n.label === "71")!.nodeId;
  author = await person("author@example.org", "Achieng Otieno");
  other = await person("other@example.org", "Kwame Mensah");
});

describe("comments", () => {
  it("keep the language they were written in, else the author's, and are counted per language", () => {
    addComment(db, { consultationId, nodeId, versionId: null, author, stance: "concern", body: "نص عربي", submissionId: randomUUID(), language: "ar" });
    const reply = addReply(db, { consultationId, author: other, parentId: threads()[0]!.id, body: "Réponse", submissionId: randomUUID(), language: "fr" });
    comment(other, "No language given.");
    expect(threads().map((c) => c.language)).toEqual(["ar", "en"]);
    expect(reply!.language).toBe("fr");
    expect(stanceCountsByNode(db, consultationId, "ar").get(nodeId)?.total).toBe(1);
    expect(stanceCountsByNode(db, consultationId).get(nodeId)?.total).toBe(2);
    expect(stanceCountsByNode(db, consultationId, "zh").get(nodeId)).toBeUndefined();
  });


  it("show the author's name, stakeholder group and country, or 'Participant' for a pseudonymous author", async () => {
    comment(author, "Named.");
    comment(await person("quiet@example.org", "Quiet Person", true), "Pseudonymous.");
    expect(threads().map((c) => c.author)).toEqual(["Achieng Otieno · Civil society / NGO · Kenya", "Participant · Civil society / NGO · Kenya"]);
  });

  it("store one comment when the same form is sent twice", () => {
    const submissionId = randomUUID();
    const first = comment(author, "Once.", submissionId);
    const second = comment(author, "Once.", submissionId);
    expect(second.id).toBe(first.id);
    expect(threads()).toHaveLength(1);
  });

  it("thread replies under their comment and count endorsements, one per participant", () => {
    const c = comment(author, "A concern.");
    addReply(db, { consultationId, author: other, parentId: c.id, body: "I share it.", submissionId: randomUUID() });
    expect(toggleEndorsement(db, c.id, other.id)).toBe(true);
    expect(threads()[0]!.endorsements).toBe(1);
    expect(toggleEndorsement(db, c.id, other.id)).toBe(false);
    expect(threads()[0]).toMatchObject({ endorsements: 0, replies: [{ body: "I share it." }] });
  });
});

describe("deleting an account", () => {
  it("can keep its comments in the record without the name", () => {
    const c = comment(author, "Keep this in the record.");
    toggleEndorsement(db, c.id, author.id);
    expect(exportUserData(db, author.id)!.comments).toHaveLength(1);
    deleteAccount(db, author.id, "anonymise");
    expect(db.select().from(users).where(eq(users.id, author.id)).get()).toBeUndefined();
    const [kept] = threads();
    expect(kept).toMatchObject({ body: "Keep this in the record.", author: "Participant · Civil society / NGO · Kenya", region: "africa" });
    expect(kept!.endorsements).toBe(0);
  });

  it("can remove its comments, leaving a stub where others replied", () => {
    const answered = comment(author, "Answered.");
    comment(author, "Unanswered.");
    addReply(db, { consultationId, author: other, parentId: answered.id, body: "A reply.", submissionId: randomUUID() });
    deleteAccount(db, author.id, "remove");
    const remaining = threads();
    expect(remaining).toHaveLength(1);
    expect(remaining[0]).toMatchObject({ status: "removed", body: "", replies: [{ body: "A reply." }] });
    expect(db.select().from(comments).all().map((c) => c.body).sort()).toEqual(["", "A reply."]);
  });
});
