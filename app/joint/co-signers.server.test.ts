import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { comments, consultations, jointDrafts, jointSignatures } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { groupId, insertJointSubmission, testParticipant } from "../../test/support/joint-submission";
import { countedCommentList, paragraphMatrix, participation } from "../analysis/analysis.server";
import { parseCommentFilters } from "../analysis/comment-filters";
import { commentThreads } from "../comments/comments.server";
import { coSignerBreakdown, coSignerRecipients, coSignerSummaries, signersOfComments } from "./co-signers.server";

let db: Db;
let consultationId: number;
let joint: { commentId: number; jointDraftId: number; userIds: number[] };
let individual: number;

const filters = (query = "") => parseCommentFilters(new URLSearchParams(query));

beforeEach(() => {
  db = createTestDatabase();
  consultationId = db.insert(consultations).values({ slug: "c", title: "C", status: "open" }).returning().get().id;
  // One joint submission on p1, signed from two regions (Africa twice, Europe and North America once).
  joint = insertJointSubmission(db, {
    consultationId,
    body: "Our coalition proposes: 'shall publish yearly audits'.",
    signers: [
      { name: "Amina", region: "africa", organisation: "Open Data Kenya", group: "civil-society" },
      { name: "Kofi", region: "africa", countryCode: "GH", organisation: "open data  kenya", group: "civil-society" },
      { name: "Lena", region: "europe-north-america", countryCode: "DE", electoralGroup: "I", organisation: "Uni Bonn" },
    ],
  });
  const author = testParticipant(db, { name: "Solo", region: "asia-pacific", electoralGroup: "IV" });
  individual = db
    .insert(comments)
    .values({ consultationId, nodeId: "p1", authorId: author, authorName: "Solo", authorRegion: "asia-pacific", authorElectoralGroup: "IV", authorStakeholderGroupId: groupId(db, "academia"), stance: "support", body: "Fine as it is.", submissionId: "solo" })
    .returning({ id: comments.id })
    .get().id;
});

describe("a joint submission in the analysis", () => {
  it("counts once as a comment, by its author, however many signed it", () => {
    const counted = participation(db, consultationId, filters());
    expect(counted.totals).toMatchObject({ comments: 2, participants: 2 });
    expect(counted.byDimension.region.find((r) => r.value === "africa")).toMatchObject({ comments: 1, participants: 1 });
    const [p1] = paragraphMatrix(db, consultationId, filters(), "region");
    expect(p1!.total.total).toBe(2);
  });

  it("shows its co-signers under both their regions, and under each electoral and stakeholder group", () => {
    const breakdown = coSignerBreakdown(db, consultationId, filters());
    expect(breakdown.totals).toEqual({ submissions: 1, signers: 3, organisations: 2, regions: 2 });
    expect(breakdown.byDimension.region).toEqual([
      { value: "africa", submissions: 1, coSigners: 2, organisations: 1 },
      { value: "europe-north-america", submissions: 1, coSigners: 1, organisations: 1 },
    ]);
    expect(breakdown.byDimension.electoral.map((r) => [r.value, r.coSigners])).toEqual([["V(a)", 2], ["I", 1]]);
    expect(breakdown.byDimension.group.map((r) => [r.value, r.coSigners])).toEqual([
      [String(groupId(db, "civil-society")), 2],
      [String(groupId(db, "academia")), 1],
    ]);
  });

  it("follows the analysis filters: the joint filter, and filters on the comment", () => {
    expect(participation(db, consultationId, filters("joint=only")).totals.comments).toBe(1);
    expect(participation(db, consultationId, filters("joint=exclude")).totals.comments).toBe(1);
    expect(countedCommentList(db, consultationId, filters("joint=only"), {}, 1).rows.map((r) => r.comment.id)).toEqual([joint.commentId]);
    expect(countedCommentList(db, consultationId, filters("joint=exclude"), {}, 1).rows.map((r) => r.comment.id)).toEqual([individual]);
    expect(coSignerBreakdown(db, consultationId, filters("joint=exclude")).totals.submissions).toBe(0);
    // The initiator is African: an Asia-Pacific filter keeps only the individual comment.
    expect(coSignerBreakdown(db, consultationId, filters("region=asia-pacific")).totals.submissions).toBe(0);
    expect(coSignerBreakdown(db, consultationId, filters("region=africa")).totals.signers).toBe(3);
    expect(coSignerBreakdown(db, consultationId, filters(), { node: "p2" }).totals.submissions).toBe(0);
  });

  it("leaves out a hidden joint submission, and signatures of drafts not submitted", () => {
    // A draft still being written, with signatures: not published, not counted.
    const drafting = db.insert(jointDrafts).values({ consultationId, nodeId: "p1", initiatorId: joint.userIds[0]!, stance: "support" }).returning().get();
    db.insert(jointSignatures).values({ jointDraftId: drafting.id, userId: joint.userIds[0]!, name: "Amina", countryCode: "KE", region: "africa", stakeholderGroupId: groupId(db, "academia") }).run();
    expect(coSignerBreakdown(db, consultationId, filters()).totals.submissions).toBe(1);
    db.update(comments).set({ status: "hidden" }).where(eq(comments.id, joint.commentId)).run();
    expect(coSignerBreakdown(db, consultationId, filters()).totals).toMatchObject({ submissions: 0, signers: 0 });
  });
});

describe("co-signers of given comments", () => {
  it("summarises joint submissions and leaves other comments out", () => {
    const summaries = coSignerSummaries(db, [joint.commentId, individual]);
    expect([...summaries.keys()]).toEqual([joint.commentId]);
    expect(summaries.get(joint.commentId)).toEqual({ signers: 3, organisations: 2, regions: 2 });
    expect(signersOfComments(db, [joint.commentId]).get(joint.commentId)!.map((s) => s.name)).toEqual(["Amina", "Kofi", "Lena"]);
  });

  it("names every signer with an account, once, but the author, as recipients of a decision", () => {
    expect(coSignerRecipients(db, joint.commentId, joint.userIds[0]!)).toEqual(joint.userIds.slice(1));
    expect(coSignerRecipients(db, individual, null)).toEqual([]);
  });
});

describe("a joint submission on the consultation's pages", () => {
  it("lists its signers under the comment, a pseudonymous one without the organisation that would name them", () => {
    const mixed = insertJointSubmission(db, {
      consultationId,
      body: "Together.",
      signers: [
        { name: "Rosa", region: "latin-america-caribbean", countryCode: "MX", organisation: "Red Ciudadana" },
        { name: "Hidden Person", region: "africa", organisation: "Tiny Collective of Three", pseudonymous: true },
      ],
    });
    const shown = commentThreads(db, consultationId, "p1", null, "Participant").find((c) => c.id === mixed.commentId)!;
    expect(shown.cosigners).toEqual([
      { name: "Rosa", organisation: "Red Ciudadana", country: "Mexico" },
      { name: "Participant", organisation: null, country: "Kenya" },
    ]);
    expect(JSON.stringify(commentThreads(db, consultationId, "p1", null, "Participant"))).not.toMatch(/Hidden Person|Tiny Collective/);
  });
});
