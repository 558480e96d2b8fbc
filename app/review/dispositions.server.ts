/**
 * The expert group's decisions on comments: one current disposition per comment (or campaign
 * group), updated in place and appended to the history; assignments of comments to experts; the
 * type of comment when an expert corrects the default; progress (share decided).
 */
import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import {
  campaignMembers,
  commentReviews,
  commentTypes,
  comments,
  decisions,
  dispositionHistory,
  dispositions,
  type User,
} from "../../db/schema";
import { dispositionRecorded } from "../notifications/notifications.server";

const ids = z.preprocess(
  (v) => (Array.isArray(v) ? v : v === undefined || v === "" ? [] : [v]),
  z.array(z.coerce.number().int().positive()).min(1, { error: "review.select.required" }).max(50_000),
);

export const dispositionSchema = z.object({
  commentIds: ids,
  decision: z.enum(decisions, { error: "review.decision.required" }),
  rationale: z.string().trim().max(5000, { error: "review.rationale.tooLong" }).default(""),
  /** Paragraph labels in the next version (working draft), comma or space separated. */
  targets: z.string().trim().max(500).default(""),
});

export const assignSchema = z.object({
  commentIds: ids,
  assigneeId: z.union([z.literal("none"), z.coerce.number().int().positive()], { error: "review.assignee.required" }),
});

export const typeSchema = z.object({
  commentIds: ids,
  commentType: z.enum(commentTypes, { error: "review.type.required" }),
});

/** "OP3, OP4(a)" → ["OP3", "OP4(a)"]. */
export function parseLabels(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** Only comments of this consultation, and not replies: the ids a form may name. */
function ownComments(db: Db, consultationId: number, commentIds: number[]) {
  return db
    .select({ id: comments.id, nodeId: comments.nodeId })
    .from(comments)
    .where(and(eq(comments.consultationId, consultationId), inArray(comments.id, commentIds), isNull(comments.parentId)))
    .all();
}

/**
 * Records a decision on each comment. Without explicit targets an accepted comment points at its
 * own paragraph (it carries over under the same node id), the usual case.
 */
export function recordDispositions(
  db: Db,
  input: { consultationId: number; commentIds: number[]; decision: (typeof decisions)[number]; rationale: string; targetNodeIds: string[] | null; by: Pick<User, "id" | "displayName"> },
  now = new Date(),
): number {
  return db.transaction((tx) => {
    const found = ownComments(tx as unknown as Db, input.consultationId, input.commentIds);
    for (const c of found) {
      const targets =
        input.targetNodeIds ??
        ((input.decision === "accepted" || input.decision === "accepted-in-part") && c.nodeId ? [c.nodeId] : []);
      const values = {
        consultationId: input.consultationId,
        commentId: c.id,
        decision: input.decision,
        rationale: input.rationale,
        targetNodeIds: targets,
        decidedById: input.by.id,
        decidedByName: input.by.displayName,
        decidedAt: now,
      };
      tx.insert(dispositions)
        .values(values)
        .onConflictDoUpdate({
          target: dispositions.commentId,
          set: { decision: values.decision, rationale: values.rationale, targetNodeIds: targets, decidedById: values.decidedById, decidedByName: values.decidedByName, decidedAt: now },
        })
        .run();
      tx.insert(dispositionHistory).values(values).run();
      // "You said, we did": the author hears of the decision, with its rationale.
      dispositionRecorded(tx as unknown as Db, c.id, { decision: input.decision, rationale: input.rationale, targetNodeIds: targets });
    }
    return found.length;
  });
}

/** A decision on a campaign group as a whole (its key comes from the near-duplicate grouping). */
export function recordGroupDisposition(
  db: Db,
  input: { consultationId: number; groupKey: string; decision: (typeof decisions)[number]; rationale: string; targetNodeIds: string[]; by: Pick<User, "id" | "displayName"> },
  now = new Date(),
): void {
  const values = {
    consultationId: input.consultationId,
    groupKey: input.groupKey,
    decision: input.decision,
    rationale: input.rationale,
    targetNodeIds: input.targetNodeIds,
    decidedById: input.by.id,
    decidedByName: input.by.displayName,
    decidedAt: now,
  };
  db.transaction((tx) => {
    tx.insert(dispositions)
      .values(values)
      .onConflictDoUpdate({
        target: [dispositions.consultationId, dispositions.groupKey],
        set: { decision: values.decision, rationale: values.rationale, targetNodeIds: values.targetNodeIds, decidedById: values.decidedById, decidedByName: values.decidedByName, decidedAt: now },
      })
      .run();
    tx.insert(dispositionHistory).values(values).run();
    // Every author in the group hears of the decision taken for it, except those whose own
    // comment carries a decision of its own (that one is what applies to them).
    const campaign = /^campaign-(\d+)$/.exec(input.groupKey);
    if (!campaign) return;
    const members = tx
      .select({ id: campaignMembers.commentId })
      .from(campaignMembers)
      .where(
        and(
          eq(campaignMembers.consultationId, input.consultationId),
          eq(campaignMembers.campaignId, Number(campaign[1])),
          sql`not exists (select 1 from ${dispositions} own where own.comment_id = ${campaignMembers.commentId})`,
        ),
      )
      .all();
    for (const m of members) {
      dispositionRecorded(tx as unknown as Db, m.id, { decision: input.decision, rationale: input.rationale, targetNodeIds: input.targetNodeIds });
    }
  });
}

function upsertReviews(db: Db, consultationId: number, commentIds: number[], set: { assigneeId?: number | null; commentType?: (typeof commentTypes)[number] }, now: Date): number {
  return db.transaction((tx) => {
    const found = ownComments(tx as unknown as Db, consultationId, commentIds);
    for (const c of found) {
      tx.insert(commentReviews)
        .values({ commentId: c.id, consultationId, ...set, updatedAt: now })
        .onConflictDoUpdate({ target: commentReviews.commentId, set: { ...set, updatedAt: now } })
        .run();
    }
    return found.length;
  });
}

export function assignComments(db: Db, consultationId: number, commentIds: number[], assigneeId: number | null, now = new Date()): number {
  return upsertReviews(db, consultationId, commentIds, { assigneeId }, now);
}

export function setCommentType(db: Db, consultationId: number, commentIds: number[], commentType: (typeof commentTypes)[number], now = new Date()): number {
  return upsertReviews(db, consultationId, commentIds, { commentType }, now);
}

export interface Progress {
  key: string;
  decided: number;
  total: number;
}

/** Share decided per paragraph (node id; "" for the draft as a whole) and per assignee ("" for nobody). */
/** A comment decided through its campaign group's disposition (decision 016). */
export const decidedAsGroup: SQL = sql`exists (select 1 from ${campaignMembers} join ${dispositions} as group_disposition
  on group_disposition.consultation_id = ${campaignMembers.consultationId} and group_disposition.group_key = 'campaign-' || ${campaignMembers.campaignId}
  where ${campaignMembers.commentId} = ${comments.id})`;

export function reviewProgress(db: Db, consultationId: number): { byParagraph: Progress[]; byAssignee: Progress[] } {
  const base = and(eq(comments.consultationId, consultationId), isNull(comments.parentId), eq(comments.status, "visible"));
  const decided = sql<number>`sum(case when ${dispositions.id} is not null or ${decidedAsGroup} then 1 else 0 end)`;
  const byParagraph = db
    .select({ key: sql<string>`coalesce(${comments.nodeId}, '')`, decided, total: sql<number>`count(*)` })
    .from(comments)
    .leftJoin(dispositions, eq(dispositions.commentId, comments.id))
    .where(base)
    .groupBy(comments.nodeId)
    .all();
  const byAssignee = db
    .select({ key: sql<string>`coalesce(${commentReviews.assigneeId}, '')`, decided, total: sql<number>`count(*)` })
    .from(comments)
    .leftJoin(dispositions, eq(dispositions.commentId, comments.id))
    .leftJoin(commentReviews, eq(commentReviews.commentId, comments.id))
    .where(base)
    .groupBy(commentReviews.assigneeId)
    .all();
  const norm = (p: Progress) => ({ key: String(p.key), decided: Number(p.decided ?? 0), total: Number(p.total) });
  return { byParagraph: byParagraph.map(norm), byAssignee: byAssignee.map(norm) };
}
