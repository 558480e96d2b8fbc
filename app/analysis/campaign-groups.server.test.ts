import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { campaignMembers, campaignRuns, comments, consultations, stakeholderGroups } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { countedCommentList, paragraphMatrix, participation } from "./analysis.server";
import { campaignKeys, campaignsForPage, campaignSummaries, countedStamp, ensureCampaigns, keepCampaignsCurrent, refreshCampaigns, stampKey } from "./campaign-groups.server";
import { betweenTurns } from "./stepwise";
import { parseCommentFilters } from "./comment-filters";
import { consultationThemes, consultationThemesForPage, THEMES_NOW_UP_TO } from "./themes.server";

let db: Db;
let consultationId: number;
let group: number;
let seq = 0;

const TEMPLATE = "We ask the drafters to protect indigenous data sovereignty in every national artificial intelligence strategy without delay";

function add(values: Partial<typeof comments.$inferInsert>): number {
  seq += 1;
  return db
    .insert(comments)
    .values({
      consultationId,
      nodeId: "p1",
      authorName: "Someone",
      authorRegion: "africa",
      authorStakeholderGroupId: group,
      stance: "concern",
      body: `comment ${seq} about schools and teachers and their training`,
      submissionId: `s-${seq}`,
      createdAt: new Date("2026-11-01T10:00:00Z"),
      ...values,
    })
    .returning({ id: comments.id })
    .get().id;
}

const filters = (query = "") => parseCommentFilters(new URLSearchParams(query));
let campaign: number[];

beforeEach(() => {
  db = createTestDatabase();
  consultationId = db.insert(consultations).values({ slug: "c", title: "C", status: "open" }).returning().get().id;
  group = db.select().from(stakeholderGroups).all()[0]!.id;
  // A campaign of four on p2 (one small edit, three regions), and three ordinary comments on p1.
  campaign = [
    add({ nodeId: "p2", body: TEMPLATE, authorRegion: "africa" }),
    add({ nodeId: "p2", body: TEMPLATE, authorRegion: "africa" }),
    add({ nodeId: "p2", body: `${TEMPLATE}.`, authorRegion: "arab-states" }),
    add({ nodeId: "p2", body: TEMPLATE, authorRegion: "europe-north-america", stance: "support" }),
  ];
  add({ body: "Schools need teachers trained in ethics", stance: "support" });
  add({ body: "Teachers and schools must be part of this", stance: "support" });
  add({ body: "Who pays for teachers in rural schools?", stance: "question", authorRegion: "arab-states" });
});

describe("the persisted campaign grouping", () => {
  it("stores the campaign under its first comment and recomputes only when the counted comments change", () => {
    expect(ensureCampaigns(db, consultationId)).toBe(true);
    const members = db.select().from(campaignMembers).all();
    expect(members.map((m) => m.commentId).sort((a, b) => a - b)).toEqual(campaign);
    expect(new Set(members.map((m) => m.campaignId))).toEqual(new Set([campaign[0]]));
    expect(db.select().from(campaignRuns).get()).toMatchObject({ consultationId, commentCount: 7 });

    expect(ensureCampaigns(db, consultationId)).toBe(false);
    // Hiding a member changes the counted comments: the grouping is made again without it.
    db.update(comments).set({ status: "hidden" }).where(eq(comments.id, campaign[1]!)).run();
    expect(ensureCampaigns(db, consultationId)).toBe(true);
    expect(db.select().from(campaignMembers).all()).toHaveLength(3);
    // A new copy joins.
    add({ nodeId: "p2", body: TEMPLATE, authorRegion: "asia-pacific" });
    expect(ensureCampaigns(db, consultationId)).toBe(true);
    expect(db.select().from(campaignMembers).all()).toHaveLength(4);
  });

  it("counts a campaign once with campaigns collapsed, in every figure and the list behind it", () => {
    ensureCampaigns(db, consultationId);
    expect(participation(db, consultationId, filters()).totals.comments).toBe(7);
    expect(participation(db, consultationId, filters("campaigns=collapsed")).totals.comments).toBe(4);
    const p2 = (q: string) => paragraphMatrix(db, consultationId, filters(q), "region").find((r) => r.node === "p2")!;
    expect(p2("").total.total).toBe(4);
    expect(p2("campaigns=collapsed").total.total).toBe(1);
    expect(p2("campaigns=collapsed").cells.africa!.total).toBe(1);
    expect(countedCommentList(db, consultationId, filters("campaigns=collapsed"), { node: "p2" }, 1).rows.map((r) => r.comment.id)).toEqual([campaign[0]]);
    // The drill-down of one campaign lists its members.
    expect(countedCommentList(db, consultationId, filters(), { campaign: campaign[0] }, 1).total).toBe(4);
  });

  it("summarises each campaign as one text × N with its regions, and keys its members for group dispositions", () => {
    ensureCampaigns(db, consultationId);
    const [summary] = campaignSummaries(db, consultationId, filters("campaigns=collapsed"));
    expect(summary).toMatchObject({ id: campaign[0], size: 4, node: "p2", body: TEMPLATE });
    expect(summary!.regions).toEqual([
      { region: "africa", count: 2 },
      { region: "arab-states", count: 1 },
      { region: "europe-north-america", count: 1 },
    ]);
    expect(campaignSummaries(db, consultationId, filters("region=africa"))[0]!.size).toBe(2);
    const keys = campaignKeys(db, consultationId);
    expect(keys.of.get(campaign[2]!)).toBe(`campaign-${campaign[0]}`);
    expect(keys.sizes.get(`campaign-${campaign[0]}`)).toBe(4);
  });
});

describe("refreshing while the server keeps answering (stale-while-revalidate)", () => {
  const memberCount = () => db.select().from(campaignMembers).all().length;

  it("groups a consultation never grouped at once", () => {
    expect(campaignsForPage(db, consultationId).stale).toBe(false);
    expect(memberCount()).toBe(4);
  });

  it("shows the stored grouping while the refresh runs, then the current one", async () => {
    ensureCampaigns(db, consultationId);
    const before = campaignsForPage(db, consultationId);
    add({ nodeId: "p2", body: TEMPLATE, authorRegion: "asia-pacific" });
    const during = campaignsForPage(db, consultationId);
    expect(during.stale).toBe(true);
    // The page is answered from the grouping as it was: the new copy is not in it yet.
    expect(memberCount()).toBe(4);
    await refreshCampaigns(db, consultationId);
    expect(memberCount()).toBe(5);
    const after = campaignsForPage(db, consultationId);
    expect(after.stale).toBe(false);
    expect(after.version).not.toBe(before.version);
  });

  it("lets other work run between its steps, and a second caller joins the refresh under way", async () => {
    ensureCampaigns(db, consultationId);
    add({ nodeId: "p2", body: TEMPLATE, authorRegion: "asia-pacific" });
    let turns = 0;
    let finished = false;
    const otherWork = () => {
      turns += 1;
      if (!finished) setImmediate(otherWork);
    };
    setImmediate(otherWork);
    const first = refreshCampaigns(db, consultationId);
    const second = refreshCampaigns(db, consultationId);
    await Promise.all([first, second]);
    finished = true;
    // A batch of texts, the signatures and 16 bands of hashes: each step gave the event loop back.
    expect(turns).toBeGreaterThanOrEqual(16);
    expect(memberCount()).toBe(5);
    expect(db.select().from(campaignRuns).get()).toMatchObject({ commentCount: 8 });
  });

  it("after a burst of new comments, brings the grouping up to date once, in the background", async () => {
    ensureCampaigns(db, consultationId);
    const runs = () => db.select().from(campaignRuns).get()!;
    const before = runs().computedAt.getTime();
    for (const region of ["asia-pacific", "latin-america-caribbean"] as const) {
      add({ nodeId: "p2", body: TEMPLATE, authorRegion: region });
      keepCampaignsCurrent(db, consultationId, betweenTurns, 5);
    }
    // Nothing happens during the request that added them.
    expect(runs().commentCount).toBe(7);
    for (let i = 0; i < 200 && runs().commentCount !== 9; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(runs().commentCount).toBe(9);
    expect(runs().computedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(memberCount()).toBe(6);
  });

  it("hands the refresh the compiled table needs to the server's background work, after the response", async () => {
    ensureCampaigns(db, consultationId);
    add({ nodeId: "p2", body: TEMPLATE, authorRegion: "asia-pacific" });
    const queued: Array<() => void> = [];
    const afterResponse = { start: (task: () => void) => void queued.push(task), pause: betweenTurns.pause };
    const keys = campaignKeys(db, consultationId, afterResponse);
    // The rows are keyed by the stored grouping; nothing was regrouped during the request.
    expect(keys.of.size).toBe(4);
    expect(queued).toHaveLength(1);
    queued[0]!();
    for (let i = 0; i < 200 && memberCount() !== 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(campaignKeys(db, consultationId, afterResponse).of.size).toBe(5);
  });

  it("keeps the themes last computed for a page while the current ones are computed", async () => {
    const stamp = () => countedStamp(db, consultationId);
    const first = consultationThemesForPage(db, consultationId, filters(), stamp());
    expect(first.stale).toBe(false);
    for (let i = 0; i < 4; i++) add({ body: "Protect the rivers and the wetlands", stance: "support" });
    const during = consultationThemesForPage(db, consultationId, filters(), stamp());
    expect(during).toEqual({ value: first.value, stale: true });
    for (let i = 0; i < 100 && consultationThemesForPage(db, consultationId, filters(), stamp()).stale; i++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    const after = consultationThemesForPage(db, consultationId, filters(), stamp());
    expect(after.stale).toBe(false);
    expect(after.value!.paragraphs.p1!.map((t) => t.term)).toEqual(expect.arrayContaining(["rivers"]));
  });
});

describe("themes of a large consultation", () => {
  it("are computed in the background the first time too, not during the request", async () => {
    const stamp = { ...countedStamp(db, consultationId), count: THEMES_NOW_UP_TO + 1 };
    const first = consultationThemesForPage(db, consultationId, filters(), stamp);
    expect(first).toEqual({ value: undefined, stale: true });
    let shown = first;
    for (let i = 0; i < 100 && shown.value === undefined; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      shown = consultationThemesForPage(db, consultationId, filters(), stamp);
    }
    expect(shown.stale).toBe(false);
    expect(shown.value!.paragraphs.p2!.map((t) => t.term)).toEqual(expect.arrayContaining(["drafters"]));
  });
});

describe("themes", () => {
  it("finds each paragraph's and each region's distinctive terms", () => {
    const themes = consultationThemes(db, consultationId, filters(), { minCount: 2 });
    expect(themes.paragraphs.p1!.map((t) => t.term)).toEqual(expect.arrayContaining(["schools", "teachers"]));
    expect(themes.paragraphs.p2!.map((t) => t.term)).toEqual(expect.arrayContaining(["artificial", "data", "drafters"]));
    expect(themes.regions.africa!.length).toBeGreaterThan(0);
    // Collapsed, the campaign's text counts once: under the minimum count, it has no theme left.
    ensureCampaigns(db, consultationId);
    expect(consultationThemes(db, consultationId, filters("campaigns=collapsed"), { minCount: 2 }).paragraphs.p2).toBeUndefined();
  });

  it("are kept until the counted comments change", () => {
    const first = consultationThemes(db, consultationId, filters(), { minCount: 2 });
    expect(consultationThemes(db, consultationId, filters(), { minCount: 2 })).toBe(first);
    add({ body: "Rivers and rivers: protect the rivers", stance: "support" });
    const second = consultationThemes(db, consultationId, filters(), { minCount: 2 });
    expect(second).not.toBe(first);
    // A meeting's attendance corrected, an account anonymised: the stamp changes too.
    const before = stampKey(countedStamp(db, consultationId));
    db.update(comments).set({ peopleRepresented: 30 }).where(eq(comments.id, campaign[0]!)).run();
    expect(stampKey(countedStamp(db, consultationId))).not.toBe(before);
    expect(consultationThemes(db, consultationId, filters(), { minCount: 2 })).not.toBe(second);
  });
});
