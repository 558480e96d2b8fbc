import { count, eq, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../db/test-database";
import { comments } from "../db/schema";
import { getConsultationBySlug } from "../app/drafts/drafts.server";
import { seedDemoConsultations } from "./seed-demo.server";
import { DEMO_SLUG, seedDemoComments } from "./seed-demo-comments.server";

describe("the demo consultation in mid-flight", () => {
  it("carries the asked number of comments, none in the future and none before the opening", () => {
    const db = createTestDatabase();
    const now = new Date("2026-12-07T12:00:00Z");
    seedDemoConsultations(db, now);
    const result = seedDemoComments(db, 600, now)!;
    expect(result.comments).toBe(600);
    const demo = getConsultationBySlug(db, DEMO_SLUG)!;
    const total = db.select({ n: count() }).from(comments).where(eq(comments.consultationId, demo.id)).get()!.n;
    expect(total).toBeGreaterThanOrEqual(600);
    const future = db.select({ n: count() }).from(comments).where(gt(comments.createdAt, now)).get()!.n;
    expect(future).toBe(0);
    const earliest = db.select({ at: comments.createdAt }).from(comments).orderBy(comments.createdAt).limit(1).get()!.at;
    expect(earliest.getTime()).toBeGreaterThanOrEqual(demo.opensAt!.getTime() - 86_400_000);
  });
});
