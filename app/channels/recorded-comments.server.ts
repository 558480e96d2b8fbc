/**
 * Input from other channels: the meetings of a consultation, the comments the secretariat records
 * on behalf of their participants, and the rows of bulk imports. Such a comment has no author
 * account: the group or organisation it speaks for is its author's name, and it says how many
 * people it represents.
 */
import { randomUUID } from "node:crypto";
import { and, count, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import {
  comments,
  importBatches,
  meetings,
  stakeholderGroups,
  type Channel,
  type Comment,
  type Meeting,
} from "../../db/schema";
import type { MeetingInput, Origin } from "./recorded-input";

export interface RecordedComment extends Origin {
  nodeId: string | null;
  stance: Comment["stance"] & string;
  body: string;
  proposedText: string | null;
  authorName: string;
  stakeholderGroupId: number;
  peopleRepresented: number;
  language: Comment["language"];
}

/** The row of a comment recorded by `recordedById` through `channel`. */
export function recordedCommentValues(
  input: RecordedComment & {
    consultationId: number;
    versionId: number | null;
    channel: Channel;
    meetingId?: number | null;
    importBatchId?: number | null;
    recordedById: number;
    submissionId?: string;
    createdAt?: Date;
  },
): typeof comments.$inferInsert {
  return {
    consultationId: input.consultationId,
    nodeId: input.nodeId,
    versionId: input.versionId,
    authorId: null,
    authorName: input.authorName,
    authorPseudonymous: false,
    authorCountryCode: input.countryCode,
    authorRegion: input.region,
    authorElectoralGroup: input.electoralGroup,
    authorGender: null,
    authorAgeBand: null,
    authorStakeholderGroupId: input.stakeholderGroupId,
    stance: input.stance,
    language: input.language,
    body: input.body,
    proposedText: input.stance === "amendment" ? input.proposedText : null,
    channel: input.channel,
    meetingId: input.meetingId ?? null,
    importBatchId: input.importBatchId ?? null,
    peopleRepresented: input.peopleRepresented,
    recordedById: input.recordedById,
    submissionId: input.submissionId ?? randomUUID(),
    ...(input.createdAt ? { createdAt: input.createdAt } : {}),
  };
}

export function createMeeting(db: Db, consultationId: number, createdById: number, input: MeetingInput): Meeting {
  return db
    .insert(meetings)
    .values({ consultationId, createdById, ...input })
    .returning()
    .get();
}

export function getMeeting(db: Db, consultationId: number, meetingId: number): Meeting | undefined {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.consultationId, consultationId)))
    .get();
}

/** Stores one comment of a meeting; the same form sent twice stores it once. */
export function recordMeetingComment(
  db: Db,
  meeting: Meeting,
  recordedById: number,
  input: RecordedComment & { versionId: number | null; submissionId: string },
): Comment {
  const existing = db.select().from(comments).where(eq(comments.submissionId, input.submissionId)).get();
  if (existing) return existing;
  return db
    .insert(comments)
    .values(recordedCommentValues({ ...input, consultationId: meeting.consultationId, channel: meeting.channel, meetingId: meeting.id, recordedById }))
    .returning()
    .get();
}

/** The meetings of a consultation, latest first, with how many comments and people each brought. */
export function listMeetings(db: Db, consultationId: number) {
  const totals = new Map(
    db
      .select({ meetingId: comments.meetingId, n: count(), people: sql<number>`coalesce(sum(${comments.peopleRepresented}), 0)` })
      .from(comments)
      .where(and(eq(comments.consultationId, consultationId), isNotNull(comments.meetingId)))
      .groupBy(comments.meetingId)
      .all()
      .map((r) => [r.meetingId!, { comments: r.n, people: Number(r.people) }]),
  );
  return db
    .select()
    .from(meetings)
    .where(eq(meetings.consultationId, consultationId))
    .orderBy(desc(meetings.heldOn), desc(meetings.id))
    .all()
    .map((m) => ({ ...m, ...(totals.get(m.id) ?? { comments: 0, people: 0 }) }));
}

export function listImportBatches(db: Db, consultationId: number) {
  return db.select().from(importBatches).where(eq(importBatches.consultationId, consultationId)).orderBy(desc(importBatches.id)).all();
}

/** What the secretariat recorded for one meeting, in the order it was recorded. */
export function meetingComments(db: Db, meetingId: number) {
  return db
    .select({ comment: comments, group: stakeholderGroups.name })
    .from(comments)
    .innerJoin(stakeholderGroups, eq(stakeholderGroups.id, comments.authorStakeholderGroupId))
    .where(eq(comments.meetingId, meetingId))
    .orderBy(comments.id)
    .all();
}
