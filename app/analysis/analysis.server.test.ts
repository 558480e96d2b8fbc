import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { comments, consultations, stakeholderGroups, users } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { parseCommentFilters } from "./comment-filters";
import { commentsPerDay, countedCommentList, paragraphMatrix, participation } from "./analysis.server";

let db: Db;
let consultationId: number;
let academia: number;
let youth: number;
let seq = 0;

type CommentRow = typeof comments.$inferInsert;
function add(values: Partial<CommentRow>): number {
  seq += 1;
  return db
    .insert(comments)
    .values({
      consultationId,
      nodeId: "p1",
      authorName: "Someone",
      authorRegion: "africa",
      authorElectoralGroup: "V(a)",
      authorStakeholderGroupId: academia,
      stance: "support",
      body: `comment ${seq}`,
      submissionId: `s-${seq}`,
      createdAt: new Date("2026-11-01T10:00:00Z"),
      ...values,
    })
    .returning({ id: comments.id })
    .get().id;
}

const filters = (query = "") => parseCommentFilters(new URLSearchParams(query));

beforeEach(() => {
  db = createTestDatabase();
  consultationId = db.insert(consultations).values({ slug: "c", title: "C", status: "open" }).returning().get().id;
  const groups = new Map(db.select().from(stakeholderGroups).all().map((g) => [g.slug, g.id]));
  academia = groups.get("academia")!;
  youth = groups.get("youth")!;
  const user = (email: string) =>
    db
      .insert(users)
      .values({
        email, displayName: email, passwordHash: "x", countryCode: "KE", unescoRegion: "africa", electoralGroup: "V(a)",
        stakeholderGroupId: academia, consentedAt: new Date(),
      })
      .returning()
      .get().id;
  const kenyan = user("ke@example.org");
  const french = user("fr@example.org");
  // p1: two African comments by the same person (support, concern), one European concern.
  const first = add({ authorId: kenyan, stance: "support", authorGender: "woman" });
  add({ authorId: kenyan, stance: "concern", authorGender: "woman", createdAt: new Date("2026-11-02T23:59:00Z") });
  add({ authorId: french, stance: "concern", authorRegion: "europe-north-america", authorElectoralGroup: "I", authorStakeholderGroupId: youth, language: "fr" });
  // p2: meeting input without an account, electoral group or gender, speaking for 40 people.
  add({ nodeId: "p2", stance: "amendment", channel: "regional-consultation", authorElectoralGroup: null, peopleRepresented: 40, createdAt: new Date("2026-11-02T08:00:00Z") });
  // The whole draft: one question.
  add({ nodeId: null, authorId: french, stance: "question", authorRegion: "europe-north-america", authorStakeholderGroupId: youth });
  // Not counted: a reply, a hidden comment, a removed one, another consultation's comment.
  add({ authorId: french, parentId: first, stance: null, authorRegion: "europe-north-america" });
  add({ authorId: french, status: "hidden", stance: "concern" });
  add({ authorId: kenyan, status: "removed", stance: "support" });
  const other = db.insert(consultations).values({ slug: "other", title: "O", status: "open" }).returning().get().id;
  add({ consultationId: other, stance: "support" });
});

describe("participation", () => {
  it("counts visible top-level comments, their distinct authors and the people they speak for", () => {
    const p = participation(db, consultationId, filters());
    expect(p.totals).toEqual({ comments: 5, participants: 3, people: 44, replies: 1 });
    expect(p.byDimension.region).toEqual([
      { value: "africa", comments: 3, participants: 2, people: 42 },
      { value: "europe-north-america", comments: 2, participants: 1, people: 2 },
    ]);
    expect(p.byDimension.electoral.find((r) => r.value === "none")).toEqual({ value: "none", comments: 1, participants: 1, people: 40 });
    expect(p.byDimension.gender.find((r) => r.value === "woman")).toMatchObject({ comments: 2, participants: 1 });
    expect(p.byDimension.channel.map((r) => [r.value, r.comments])).toEqual([["online", 4], ["regional-consultation", 1]]);
  });

  it("honours the filters, combined", () => {
    expect(participation(db, consultationId, filters("region=africa&stance=concern")).totals).toMatchObject({ comments: 1, participants: 1 });
    expect(participation(db, consultationId, filters("language=fr")).totals.comments).toBe(1);
    expect(participation(db, consultationId, filters("from=2026-11-02&to=2026-11-02")).totals.comments).toBe(2);
  });
});

describe("the paragraph matrices", () => {
  it("gives the stance mix of every paragraph × region cell, with the whole draft as its own row", () => {
    const rows = Object.fromEntries(paragraphMatrix(db, consultationId, filters(), "region").map((r) => [r.node, r]));
    expect(Object.keys(rows).sort()).toEqual(["draft", "p1", "p2"]);
    expect(rows.p1!.cells.africa).toMatchObject({ support: 1, concern: 1, total: 2 });
    expect(rows.p1!.cells["europe-north-america"]).toMatchObject({ concern: 1, total: 1 });
    expect(rows.p1!.total).toMatchObject({ support: 1, concern: 1 + 1, total: 3 });
    expect(rows.draft!.cells["europe-north-america"]).toMatchObject({ question: 1, total: 1 });
  });

  it("narrows with a filter and groups by stakeholder group", () => {
    const rows = paragraphMatrix(db, consultationId, filters(`group=${youth}`), "group");
    expect(rows.map((r) => [r.node, r.cells[String(youth)]!.total]).sort()).toEqual([["draft", 1], ["p1", 1]]);
  });
});

describe("the drill-down", () => {
  it("lists exactly the comments a cell counted", () => {
    const f = filters("stance=concern");
    const cell = paragraphMatrix(db, consultationId, f, "region").find((r) => r.node === "p1")!.cells.africa!;
    const list = countedCommentList(db, consultationId, f, { node: "p1", by: "region", value: "africa" }, 1);
    expect(list.total).toBe(cell.total);
    expect(list.rows.map((r) => r.comment.stance)).toEqual(["concern"]);
  });

  it("finds comments without a value under `none`, and comments on the whole draft under `draft`", () => {
    expect(countedCommentList(db, consultationId, filters(), { by: "electoral", value: "none" }, 1).rows.map((r) => r.comment.nodeId)).toEqual(["p2"]);
    expect(countedCommentList(db, consultationId, filters(), { node: "draft" }, 1).rows.map((r) => r.comment.stance)).toEqual(["question"]);
    expect(countedCommentList(db, consultationId, filters(), { by: "group", value: "not-a-number" }, 1).total).toBe(0);
  });
});

describe("comments over time", () => {
  it("counts per UTC day", () => {
    expect(commentsPerDay(db, consultationId, filters())).toEqual([
      { day: "2026-11-01", comments: 3 },
      { day: "2026-11-02", comments: 2 },
    ]);
  });
});
