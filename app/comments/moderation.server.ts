/**
 * After publishing: an author edits their comment within 15 minutes or deletes it (a stub stays
 * where others replied); readers flag comments; moderators hide them with a reason (the author
 * sees why) or restore them; every decision goes to the moderation log the secretariat reads.
 */
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { comments, consultations, flags, moderationLog, type User } from "../../db/schema";
import { MAX_COMMENT_LENGTH } from "./comment-text";
import { controlCharacterError, hasNoControlCharacters } from "./control-characters";

export const EDIT_WINDOW_MINUTES = 15;

export const editSchema = z.object({
  commentId: z.coerce.number().int().positive(),
  body: z.string().trim().min(1, { error: "comment.body.required" }).max(MAX_COMMENT_LENGTH, { error: "comment.body.tooLong" }).refine(hasNoControlCharacters, controlCharacterError),
  proposedText: z.string().trim().max(MAX_COMMENT_LENGTH, { error: "comment.body.tooLong" }).refine(hasNoControlCharacters, controlCharacterError).optional(),
});

export const reasonSchema = z.string().trim().min(3, { error: "moderation.reason.required" }).max(500, { error: "moderation.reason.required" });

export function canStillEdit(comment: { createdAt: Date; status: string; jointDraftId?: number | null }, now = new Date()): boolean {
  // A joint submission's words are those its co-signers signed: nobody edits them afterwards (decision 031).
  if (comment.jointDraftId != null) return false;
  return comment.status === "visible" && now.getTime() - comment.createdAt.getTime() <= EDIT_WINDOW_MINUTES * 60_000;
}

function ownComment(db: Db, commentId: number, userId: number) {
  return db.select().from(comments).where(and(eq(comments.id, commentId), eq(comments.authorId, userId))).get();
}

/** "edited" | "too-late" | "not-found" */
export function editComment(db: Db, userId: number, input: z.infer<typeof editSchema>, now = new Date()) {
  const comment = ownComment(db, input.commentId, userId);
  if (!comment) return "not-found" as const;
  if (!canStillEdit(comment, now)) return "too-late" as const;
  db.update(comments)
    .set({ body: input.body, proposedText: comment.stance === "amendment" ? (input.proposedText ?? comment.proposedText) : null, editedAt: now })
    .where(eq(comments.id, comment.id))
    .run();
  return "edited" as const;
}

/** Deletes the author's comment; where others replied, a stub "removed by the author" stays. */
export function deleteOwnComment(db: Db, userId: number, commentId: number): boolean {
  const comment = ownComment(db, commentId, userId);
  if (!comment) return false;
  const replies = db.select({ id: comments.id }).from(comments).where(eq(comments.parentId, comment.id)).all();
  if (replies.length > 0) {
    db.update(comments).set({ status: "removed", body: "", proposedText: null }).where(eq(comments.id, comment.id)).run();
  } else {
    db.delete(comments).where(eq(comments.id, comment.id)).run();
  }
  return true;
}

export function flagComment(db: Db, userId: number, commentId: number, reason: string): void {
  db.insert(flags).values({ commentId, userId, reason }).onConflictDoUpdate({ target: [flags.commentId, flags.userId], set: { reason, resolvedAt: null } }).run();
}

/** Comments with open flags, most flagged first. */
export function moderationQueue(db: Db) {
  const open = db
    .select({ commentId: flags.commentId, reasons: sql<string>`group_concat(${flags.reason}, '\n')`, count: sql<number>`count(*)` })
    .from(flags)
    .where(isNull(flags.resolvedAt))
    .groupBy(flags.commentId)
    .orderBy(desc(sql`count(*)`))
    .all();
  if (open.length === 0) return [];
  const rows = db.select().from(comments).where(inArray(comments.id, open.map((o) => o.commentId))).all();
  const byId = new Map(rows.map((c) => [c.id, c]));
  return open
    .filter((o) => byId.has(o.commentId))
    .map((o) => ({ comment: byId.get(o.commentId)!, flags: o.count, reasons: o.reasons.split("\n") }));
}

function decide(db: Db, moderator: User, commentId: number, action: "hide" | "restore" | "dismiss", reason: string): boolean {
  return db.transaction((tx) => {
    const comment = tx.select().from(comments).where(eq(comments.id, commentId)).get();
    if (!comment) return false;
    if (action === "hide") tx.update(comments).set({ status: "hidden", hiddenReason: reason }).where(eq(comments.id, commentId)).run();
    if (action === "restore") tx.update(comments).set({ status: "visible", hiddenReason: null }).where(eq(comments.id, commentId)).run();
    tx.update(flags).set({ resolvedAt: new Date() }).where(and(eq(flags.commentId, commentId), isNull(flags.resolvedAt))).run();
    tx.insert(moderationLog).values({ commentId, actorId: moderator.id, actorName: moderator.displayName, action, reason }).run();
    return true;
  });
}

export const hideComment = (db: Db, moderator: User, commentId: number, reason: string) => decide(db, moderator, commentId, "hide", reason);
export const restoreComment = (db: Db, moderator: User, commentId: number, reason: string) => decide(db, moderator, commentId, "restore", reason);
export const dismissFlags = (db: Db, moderator: User, commentId: number, reason: string) => decide(db, moderator, commentId, "dismiss", reason);

export function readModerationLog(db: Db) {
  return db.select().from(moderationLog).orderBy(desc(moderationLog.id)).limit(500).all();
}

export function hiddenComments(db: Db) {
  return db.select().from(comments).where(eq(comments.status, "hidden")).orderBy(desc(comments.id)).limit(200).all();
}

/** Where a comment sits: its consultation and paragraph, for telling the consultation's live viewers. */
export function commentPlace(db: Db, commentId: number): { consultationId: number; slug: string; nodeId: string | null } | undefined {
  return db
    .select({ consultationId: comments.consultationId, slug: consultations.slug, nodeId: comments.nodeId })
    .from(comments)
    .innerJoin(consultations, eq(consultations.id, comments.consultationId))
    .where(eq(comments.id, commentId))
    .get();
}
