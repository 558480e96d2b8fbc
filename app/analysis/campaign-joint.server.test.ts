import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { campaignMembers, comments, consultations } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { groupId, insertJointSubmission, type TestSigner } from "../../test/support/joint-submission";
import { participation } from "./analysis.server";
import { campaignSummaries, ensureCampaigns } from "./campaign-groups.server";
import { parseCommentFilters } from "./comment-filters";

const TEXT = "Member States must guarantee that public algorithms are audited every year by independent bodies with published findings";
const filters = (query = "") => parseCommentFilters(new URLSearchParams(query));
let db: Db;
let consultationId: number;
let individuals: number[];
let joint: number;

beforeEach(() => {
  db = createTestDatabase();
  consultationId = db.insert(consultations).values({ slug: "c", title: "C", status: "open" }).returning().get().id;
  const academia = groupId(db, "academia");
  // Twelve people send in near-identical texts one by one: a campaign.
  individuals = Array.from({ length: 12 }, (_, i) =>
    db
      .insert(comments)
      .values({ consultationId, nodeId: "p1", authorName: `P${i}`, authorRegion: "africa", authorStakeholderGroupId: academia, stance: "amendment", body: i % 3 === 0 ? `${TEXT}.` : TEXT, submissionId: `s-${i}` })
      .returning({ id: comments.id })
      .get().id,
  );
  // Twelve others co-sign the same words as one joint submission.
  const signers: TestSigner[] = Array.from({ length: 12 }, (_, i) => ({ name: `Signer ${i}`, region: i % 2 === 0 ? "asia-pacific" : "arab-states", organisation: `Org ${i}` }));
  joint = insertJointSubmission(db, { consultationId, body: TEXT, signers }).commentId;
});

describe("campaign detection and joint submissions", () => {
  it("groups the twelve individual copies, never the joint submission, which counts once", () => {
    ensureCampaigns(db, consultationId);
    const members = db.select().from(campaignMembers).all().map((m) => m.commentId).sort((a, b) => a - b);
    expect(members).toEqual(individuals);
    expect(members).not.toContain(joint);
    expect(campaignSummaries(db, consultationId, filters())).toMatchObject([{ id: individuals[0], size: 12 }]);
    expect(participation(db, consultationId, filters()).totals.comments).toBe(13);
    // Collapsed: the campaign once, the joint submission once — not 12, and not folded in.
    expect(participation(db, consultationId, filters("campaigns=collapsed")).totals.comments).toBe(2);
    expect(participation(db, consultationId, filters("campaigns=collapsed&joint=only")).totals.comments).toBe(1);
  });

  it("does not make a campaign of joint submissions with the same text", () => {
    for (let k = 0; k < 3; k++) {
      insertJointSubmission(db, { consultationId, body: `${TEXT} and more`, signers: [{ name: `A${k}`, region: "africa" }, { name: `B${k}`, region: "africa" }] });
    }
    ensureCampaigns(db, consultationId);
    expect(campaignSummaries(db, consultationId, filters()).map((c) => c.size)).toEqual([12]);
  });
});
