import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "./client.server";
import { comments, endorsements, stakeholderGroups, users, type User } from "./schema";
import { createTestDatabase } from "./test-database";
import { pageRevision } from "./page-revision.server";
import { seedDemoConsultations } from "../seeds/seed-demo.server";
import { addComment } from "../app/comments/comments.server";
import { getConsultationBySlug } from "../app/drafts/drafts.server";

/**
 * The triggers of migration 0017 move a consultation's page revision inside the writing
 * statement, for inserts, updates and deletes alike (a delete trigger once named NEW, which a
 * delete does not have, and every deletion of a comment failed).
 */
const SLUG = "ga-78-265-trustworthy-ai";
const OTHER = "unesco-ethics-of-ai";
let db: Db;
let author: User;

beforeEach(() => {
  db = createTestDatabase();
  seedDemoConsultations(db, new Date("2026-11-22T12:00:00Z"));
  const group = db.select().from(stakeholderGroups).get()!;
  author = db
    .insert(users)
    .values({ email: "a@example.org", displayName: "A", passwordHash: "x", countryCode: "KE", unescoRegion: "africa", electoralGroup: "I", stakeholderGroupId: group.id, consentedAt: new Date(), emailConfirmedAt: new Date() })
    .returning()
    .get();
});

const comment = () =>
  addComment(db, { consultationId: getConsultationBySlug(db, SLUG)!.id, nodeId: null, versionId: null, author, stance: "support", body: "Yes.", submissionId: randomUUID() });

describe("page revisions", () => {
  it("move with a comment written, edited, endorsed and deleted, and only for its consultation", () => {
    const other = pageRevision(db, OTHER);
    const seen = [pageRevision(db, SLUG)];
    const c = comment();
    seen.push(pageRevision(db, SLUG));
    db.update(comments).set({ body: "Yes, indeed." }).where(eq(comments.id, c.id)).run();
    seen.push(pageRevision(db, SLUG));
    db.insert(endorsements).values({ commentId: c.id, userId: author.id }).run();
    seen.push(pageRevision(db, SLUG));
    db.delete(endorsements).run();
    seen.push(pageRevision(db, SLUG));
    db.delete(comments).where(eq(comments.id, c.id)).run();
    seen.push(pageRevision(db, SLUG));
    expect(new Set(seen).size).toBe(seen.length);
    expect(pageRevision(db, OTHER)).toBe(other);
  });

  it("is null for a slug no consultation has", () => {
    expect(pageRevision(db, "no-such-consultation")).toBeNull();
  });
});
