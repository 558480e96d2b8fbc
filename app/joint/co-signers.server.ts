/**
 * Reading the co-signers of published joint submissions (issue 17 point 5, decision 032) for the
 * analysis, the compiled table, the exports and the disposition notifications. A joint submission
 * is the one comment whose `joint_draft_id` is set; its signers are `joint_signatures` rows. Only
 * submitted drafts count: a signature on a draft still being written (or withdrawn) is nobody's
 * business outside it.
 */
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { comments, jointDrafts, jointSignatures, stakeholderGroups } from "../../db/schema";
import type { CommentFilters } from "../analysis/comment-filters";
import { cellConditions, countedComments } from "../analysis/analysis.server";
import type { Cell } from "../analysis/drill-down";
import { coSignerBreakdown as breakdownOf, summariseSigners, type CoSignerBreakdown, type CoSignerSummary, type Signer } from "./co-signers";

const signerFields = {
  jointDraftId: jointSignatures.jointDraftId,
  userId: jointSignatures.userId,
  name: jointSignatures.name,
  pseudonymous: jointSignatures.pseudonymous,
  organisation: jointSignatures.organisation,
  countryCode: jointSignatures.countryCode,
  region: jointSignatures.region,
  electoralGroup: jointSignatures.electoralGroup,
  stakeholderGroupId: jointSignatures.stakeholderGroupId,
  stakeholderGroup: stakeholderGroups.name,
};

/** SQLite's bound-parameter limit is far above this; batches keep each statement small. */
const CHUNK = 500;

/** The signers of submitted joint drafts, per draft id, in signing order. */
export function signersByDraft(db: Db, jointDraftIds: Iterable<number>): Map<number, Signer[]> {
  const ids = [...new Set(jointDraftIds)];
  const out = new Map<number, Signer[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = db
      .select(signerFields)
      .from(jointSignatures)
      .innerJoin(jointDrafts, eq(jointDrafts.id, jointSignatures.jointDraftId))
      .innerJoin(stakeholderGroups, eq(stakeholderGroups.id, jointSignatures.stakeholderGroupId))
      .where(and(inArray(jointSignatures.jointDraftId, ids.slice(i, i + CHUNK)), eq(jointDrafts.state, "submitted")))
      .orderBy(jointSignatures.jointDraftId, jointSignatures.signedAt, jointSignatures.userId)
      .all();
    for (const r of rows) {
      let list = out.get(r.jointDraftId);
      if (!list) out.set(r.jointDraftId, (list = []));
      list.push(r);
    }
  }
  return out;
}

/** For comments (any ids), the signers of those that are joint submissions; others are absent. */
export function signersOfComments(db: Db, commentIds: number[]): Map<number, Signer[]> {
  const out = new Map<number, Signer[]>();
  const links: { id: number; jointDraftId: number | null }[] = [];
  for (let i = 0; i < commentIds.length; i += CHUNK) {
    links.push(
      ...db
        .select({ id: comments.id, jointDraftId: comments.jointDraftId })
        .from(comments)
        .where(and(inArray(comments.id, commentIds.slice(i, i + CHUNK)), isNotNull(comments.jointDraftId)))
        .all(),
    );
  }
  const signers = signersByDraft(db, links.map((l) => l.jointDraftId!));
  for (const l of links) {
    const list = signers.get(l.jointDraftId!);
    if (list) out.set(l.id, list);
  }
  return out;
}

/** "Co-signed by N … from M regions" figures for each joint submission among the comments. */
export function coSignerSummaries(db: Db, commentIds: number[]): Map<number, CoSignerSummary> {
  return new Map([...signersOfComments(db, commentIds)].map(([id, list]) => [id, summariseSigners(list)]));
}

/**
 * The co-signers of the joint submissions the analysis counts under these filters (and, for a
 * drill-down, this cell), by region, electoral group and stakeholder group. The filters select
 * comments, as everywhere in the analysis: a region filter keeps submissions whose initiator is
 * of that region, and then shows all of their co-signers.
 */
export function coSignerBreakdown(db: Db, consultationId: number, filters: CommentFilters, cell: Cell = {}): CoSignerBreakdown {
  // From the consultation's few submitted joint drafts to their comments by id (CROSS JOIN keeps
  // that order): left to itself SQLite walked the consultation's 100,000 comments (decision 032).
  const rows = db.all<Omit<Signer, "pseudonymous"> & { pseudonymous: number }>(sql`
    select ${jointSignatures.jointDraftId} as jointDraftId, ${jointSignatures.userId} as userId, ${jointSignatures.name} as name,
      ${jointSignatures.pseudonymous} as pseudonymous, ${jointSignatures.organisation} as organisation,
      ${jointSignatures.countryCode} as countryCode, ${jointSignatures.region} as region, ${jointSignatures.electoralGroup} as electoralGroup,
      ${jointSignatures.stakeholderGroupId} as stakeholderGroupId, ${stakeholderGroups.name} as stakeholderGroup
    from ${jointDrafts}
    cross join ${comments} on ${comments.id} = ${jointDrafts.commentId}
    join ${jointSignatures} on ${jointSignatures.jointDraftId} = ${jointDrafts.id}
    join ${stakeholderGroups} on ${stakeholderGroups.id} = ${jointSignatures.stakeholderGroupId}
    where ${and(eq(jointDrafts.consultationId, consultationId), eq(jointDrafts.state, "submitted"), countedComments(consultationId, filters), cellConditions(cell))}`);
  return breakdownOf(rows.map((r) => ({ ...r, pseudonymous: r.pseudonymous === 1 })));
}

/**
 * Who hears of a decision on a joint submission besides its author: every signer with an account,
 * once each (the author, who signed too, is left out here: the caller notifies them already).
 */
export function coSignerRecipients(db: Db, commentId: number, authorId: number | null): number[] {
  const rows = db.all<{ userId: number }>(sql`
    select distinct s.user_id as userId
    from ${comments} c
    join ${jointDrafts} d on d.id = c.joint_draft_id and d.state = 'submitted'
    join ${jointSignatures} s on s.joint_draft_id = d.id
    where c.id = ${commentId} and s.user_id is not null
    order by s.user_id`);
  return rows.map((r) => r.userId).filter((id) => id !== authorId);
}
