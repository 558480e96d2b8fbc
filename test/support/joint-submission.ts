/**
 * A submitted joint submission written straight into the database, for tests of how the analysis,
 * the compiled table, the exports and the notifications count it: the joint_drafts row (submitted),
 * its signatures, and the one comment it published (authored by the initiator, joint_draft_id set).
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import type { ElectoralGroup, Stance, UnescoRegion } from "../../db/enums";
import { comments, jointDrafts, jointSignatures, stakeholderGroups, users } from "../../db/schema";

export interface TestSigner {
  name: string;
  region: UnescoRegion;
  countryCode?: string;
  electoralGroup?: ElectoralGroup | null;
  organisation?: string | null;
  pseudonymous?: boolean;
  /** A stakeholder group's slug (the seeded ones: academia, youth, civil-society…); academia by default. */
  group?: string;
  /** An existing account; without it one is made from the other fields. */
  userId?: number;
}

let seq = 0;

export function groupId(db: Db, slug: string): number {
  const g = db.select().from(stakeholderGroups).where(eq(stakeholderGroups.slug, slug)).get();
  if (!g) throw new Error(`No stakeholder group "${slug}"`);
  return g.id;
}

/** A participant account with this profile. */
export function testParticipant(db: Db, s: TestSigner): number {
  seq += 1;
  return db
    .insert(users)
    .values({
      email: `signer-${seq}-${Math.random().toString(36).slice(2, 8)}@example.org`,
      displayName: s.name,
      passwordHash: "x",
      countryCode: s.countryCode ?? "KE",
      unescoRegion: s.region,
      electoralGroup: s.electoralGroup ?? "V(a)",
      stakeholderGroupId: groupId(db, s.group ?? "academia"),
      organisation: s.organisation ?? null,
      pseudonymous: s.pseudonymous ?? false,
      consentedAt: new Date(),
    })
    .returning({ id: users.id })
    .get().id;
}

/**
 * Inserts a submitted joint submission; the first signer is its initiator and the comment's
 * author. Returns the comment's id, the draft's id and the signers' account ids in order.
 */
export function insertJointSubmission(
  db: Db,
  input: { consultationId: number; nodeId?: string | null; body: string; stance?: Stance; signers: TestSigner[]; createdAt?: Date },
): { commentId: number; jointDraftId: number; userIds: number[] } {
  if (input.signers.length < 2) throw new Error("A joint submission needs the initiator and at least one other signer");
  return db.transaction((tx) => {
    const t = tx as unknown as Db;
    const userIds = input.signers.map((s) => s.userId ?? testParticipant(t, s));
    const initiator = input.signers[0]!;
    const stance = input.stance ?? "amendment";
    const createdAt = input.createdAt ?? new Date("2026-11-03T09:00:00Z");
    const draft = t
      .insert(jointDrafts)
      .values({ consultationId: input.consultationId, nodeId: input.nodeId ?? null, initiatorId: userIds[0]!, stance, body: input.body, state: "submitted", submittedAt: createdAt })
      .returning({ id: jointDrafts.id })
      .get();
    input.signers.forEach((s, i) => {
      t.insert(jointSignatures)
        .values({
          jointDraftId: draft.id,
          userId: userIds[i]!,
          name: s.name,
          pseudonymous: s.pseudonymous ?? false,
          organisation: s.organisation ?? null,
          countryCode: s.countryCode ?? "KE",
          region: s.region,
          electoralGroup: s.electoralGroup === undefined ? "V(a)" : s.electoralGroup,
          stakeholderGroupId: groupId(t, s.group ?? "academia"),
          signedAt: new Date(createdAt.getTime() - (input.signers.length - i) * 1000),
        })
        .run();
    });
    seq += 1;
    const comment = t
      .insert(comments)
      .values({
        consultationId: input.consultationId,
        nodeId: input.nodeId === undefined ? "p1" : input.nodeId,
        authorId: userIds[0]!,
        authorName: initiator.name,
        authorPseudonymous: initiator.pseudonymous ?? false,
        authorCountryCode: initiator.countryCode ?? "KE",
        authorRegion: initiator.region,
        authorElectoralGroup: initiator.electoralGroup === undefined ? "V(a)" : initiator.electoralGroup,
        authorStakeholderGroupId: groupId(t, initiator.group ?? "academia"),
        stance,
        body: input.body,
        submissionId: `joint-${draft.id}-${seq}`,
        jointDraftId: draft.id,
        createdAt,
      })
      .returning({ id: comments.id })
      .get();
    t.update(jointDrafts).set({ commentId: comment.id }).where(eq(jointDrafts.id, draft.id)).run();
    return { commentId: comment.id, jointDraftId: draft.id, userIds };
  });
}
