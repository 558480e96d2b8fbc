/**
 * Comments on a paragraph: writing one (with a stance and, for an amendment, the proposed
 * wording), replies, endorsements, and what readers see of each author.
 */
import { and, asc, count, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { whileUnchanged } from "../../db/change-token.server";
import { comments, documentVersions, endorsements, languages, meetings, stakeholderGroups, stances, type Channel, type Comment, type User } from "../../db/schema";
import type { Language } from "../../db/enums";
import { countryByCode } from "../accounts/countries";
import { signersByDraft } from "../joint/co-signers.server";
import { MAX_COMMENT_LENGTH } from "./comment-text";
import { parsePassage, type StoredPassage } from "./passage-anchor";
import { canStillEdit } from "./moderation.server";
import { commentsIndexedBy } from "../analysis/analysis-indexes.server";
import { controlCharacterError, hasNoControlCharacters } from "./control-characters";
import { compareKeys, type ThreadKey } from "./comment-pages";

export const commentSchema = z
  .object({
    stance: z.enum(stances, { error: "comment.stance.required" }),
    body: z
      .string()
      .trim()
      .min(1, { error: "comment.body.required" })
      .max(MAX_COMMENT_LENGTH, { error: "comment.body.tooLong" })
      .refine(hasNoControlCharacters, controlCharacterError),
    proposedText: z.string().trim().max(MAX_COMMENT_LENGTH, { error: "comment.body.tooLong" }).refine(hasNoControlCharacters, controlCharacterError).optional(),
    submissionId: z.uuid({ error: "comment.resubmit" }),
    /** The comment's own language (the form proposes one); without it, the author's profile language. */
    language: z.enum(languages).optional().catch(undefined),
  })
  .refine((c) => c.stance !== "amendment" || (c.proposedText ?? "") !== "", {
    error: "comment.proposedText.required",
    path: ["proposedText"],
  });

export const replySchema = z.object({
  parentId: z.coerce.number().int().positive(),
  body: z.string().trim().min(1, { error: "comment.body.required" }).max(MAX_COMMENT_LENGTH, { error: "comment.body.tooLong" }).refine(hasNoControlCharacters, controlCharacterError),
  submissionId: z.uuid({ error: "comment.resubmit" }),
  language: z.enum(languages).optional().catch(undefined),
});

function authorColumns(author: User) {
  return {
    authorId: author.id,
    authorName: author.displayName,
    authorPseudonymous: author.pseudonymous,
    authorCountryCode: author.countryCode,
    authorRegion: author.unescoRegion,
    authorElectoralGroup: author.electoralGroup,
    authorStakeholderGroupId: author.stakeholderGroupId,
    authorGender: author.gender,
    authorAgeBand: author.ageBand,
    language: author.language,
  };
}

/** Whether a form with this submission id was stored already (sent twice: no second notice). */
export function submissionStored(db: Db, submissionId: string): boolean {
  return db.select({ id: comments.id }).from(comments).where(eq(comments.submissionId, submissionId)).get() !== undefined;
}

/** Stores a comment once per submission id: a form sent twice gives back the first comment. */
export function addComment(
  db: Db,
  input: { consultationId: number; nodeId: string | null; versionId: number | null; author: User; passage?: StoredPassage | null; round?: number } & z.infer<
    typeof commentSchema
  >,
): Comment {
  const existing = db.select().from(comments).where(eq(comments.submissionId, input.submissionId)).get();
  if (existing) return existing;
  return db
    .insert(comments)
    .values({
      consultationId: input.consultationId,
      nodeId: input.nodeId,
      versionId: input.versionId,
      round: input.round ?? 1,
      ...authorColumns(input.author),
      language: input.language ?? input.author.language,
      stance: input.stance,
      body: input.body,
      proposedText: input.stance === "amendment" ? (input.proposedText ?? null) : null,
      submissionId: input.submissionId,
      passageQuote: input.passage?.anchor.exact ?? null,
      passageAnchor: input.passage ? JSON.stringify(input.passage.anchor satisfies StoredPassage["anchor"]) : null,
    })
    .returning()
    .get();
}

export function addReply(db: Db, input: { author: User; consultationId: number } & z.infer<typeof replySchema>): Comment | null {
  const existing = db.select().from(comments).where(eq(comments.submissionId, input.submissionId)).get();
  if (existing) return existing;
  const parent = db
    .select()
    .from(comments)
    .where(and(eq(comments.id, input.parentId), eq(comments.consultationId, input.consultationId)))
    .get();
  if (!parent) return null;
  return db
    .insert(comments)
    .values({
      consultationId: parent.consultationId,
      nodeId: parent.nodeId,
      versionId: parent.versionId,
      // A reply belongs to the round of the comment it answers.
      round: parent.round,
      parentId: parent.parentId ?? parent.id,
      ...authorColumns(input.author),
      language: input.language ?? input.author.language,
      stance: null,
      body: input.body,
      submissionId: input.submissionId,
    })
    .returning()
    .get();
}

/** "I agree": one per participant, withdrawn by asking again. Returns whether it now stands. */
/**
 * The comment a paragraph page's endorse or flag form names, if it is one that page shows to
 * everyone: in that consultation, on that paragraph (null: the draft as a whole), not hidden.
 * Anything else (another consultation's comment, a hidden one, an id that does not exist) is
 * undefined, and the form answers 404.
 */
export function commentShownOnPage(db: Db, commentId: number, consultationId: number, nodeId: string | null) {
  return db
    .select({ id: comments.id, authorId: comments.authorId })
    .from(comments)
    .where(
      and(
        eq(comments.id, commentId),
        eq(comments.consultationId, consultationId),
        nodeId === null ? isNull(comments.nodeId) : eq(comments.nodeId, nodeId),
        eq(comments.status, "visible"),
      ),
    )
    .get();
}

export function toggleEndorsement(db: Db, commentId: number, userId: number): boolean {
  return db.transaction((tx) => {
    const removed = tx
      .delete(endorsements)
      .where(and(eq(endorsements.commentId, commentId), eq(endorsements.userId, userId)))
      .run().changes;
    if (removed > 0) return false;
    tx.insert(endorsements).values({ commentId, userId }).run();
    return true;
  });
}

/**
 * How an author appears to readers: "Name · group · country", or "Participant · group · country"
 * for a pseudonymous participant or a deleted account whose comments stayed. Input recorded on
 * behalf of a group (a meeting, a written submission) has no account: it shows the group's name.
 */
export function publicAuthor(
  c: Pick<Comment, "authorId" | "authorName" | "authorPseudonymous" | "authorCountryCode" | "channel">,
  groupName: string,
  participantWord: string,
): string {
  const name = c.authorPseudonymous || (c.authorId === null && c.channel === "online") ? participantWord : c.authorName;
  const country = c.authorCountryCode ? (countryByCode(c.authorCountryCode)?.name ?? c.authorCountryCode) : null;
  return [name, groupName, country].filter(Boolean).join(" · ");
}

export interface ThreadComment {
  id: number;
  author: string;
  region: string;
  electoralGroup: string | null;
  stakeholderGroupId: number;
  language: Language;
  stance: string | null;
  body: string;
  proposedText: string | null;
  status: "visible" | "hidden" | "removed";
  createdAt: string;
  /** The version of the text it was written on: marked when the paragraph has been revised since. */
  version: number | null;
  endorsements: number;
  endorsedByMe: boolean;
  /** The viewer wrote it: may edit (within 15 minutes) and delete it, and sees why it was hidden. */
  mine: boolean;
  editable: boolean;
  edited: boolean;
  hiddenReason: string | null;
  /** How it reached the consultation; for a meeting's input, which meeting. */
  channel: Channel;
  meeting: { title: string; region: string | null; location: string | null; heldOn: string } | null;
  /** For a comment on a passage: the words it was made on and where they were. */
  passage: StoredPassage | null;
  peopleRepresented: number;
  /** A joint submission (issue 17): who signed it, as they were when signing; null for other comments. */
  cosigners: { name: string; organisation: string | null; country: string }[] | null;
  replies: ThreadComment[];
}

/**
 * The comments on one paragraph (or on the whole draft), with their replies, oldest first.
 * `only`: just these top-level comments (a page of them), with or without their replies.
 */
export function commentThreads(
  db: Db,
  consultationId: number,
  nodeId: string | null,
  viewerId: number | null,
  participantWord: string,
  only?: { ids: number[]; replies: boolean },
): ThreadComment[] {
  if (only && only.ids.length === 0) return [];
  const chosen = only ? (only.replies ? or(inArray(comments.id, only.ids), inArray(comments.parentId, only.ids)) : inArray(comments.id, only.ids)) : undefined;
  const rows = db
    .select({ comment: comments, group: stakeholderGroups.name, meeting: meetings, version: documentVersions.number })
    .from(comments)
    .innerJoin(stakeholderGroups, eq(stakeholderGroups.id, comments.authorStakeholderGroupId))
    .leftJoin(meetings, eq(meetings.id, comments.meetingId))
    .leftJoin(documentVersions, eq(documentVersions.id, comments.versionId))
    .where(and(eq(comments.consultationId, consultationId), nodeId === null ? isNull(comments.nodeId) : eq(comments.nodeId, nodeId), chosen))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all();
  const ids = rows.map((r) => r.comment.id);
  const counts = new Map<number, number>();
  const mine = new Set<number>();
  if (ids.length > 0) {
    for (const row of db
      .select({ commentId: endorsements.commentId, n: count() })
      .from(endorsements)
      .where(inArray(endorsements.commentId, ids))
      .groupBy(endorsements.commentId)
      .all()) {
      counts.set(row.commentId, row.n);
    }
    if (viewerId !== null) {
      for (const row of db
        .select({ commentId: endorsements.commentId })
        .from(endorsements)
        .where(and(inArray(endorsements.commentId, ids), eq(endorsements.userId, viewerId)))
        .all()) {
        mine.add(row.commentId);
      }
    }
  }
  const cosigners = new Map<number, NonNullable<ThreadComment["cosigners"]>>();
  const joint = rows.filter((r) => r.comment.jointDraftId !== null && r.comment.status === "visible");
  if (joint.length > 0) {
    const signers = signersByDraft(db, joint.map((r) => r.comment.jointDraftId!));
    for (const r of joint) {
      const list = signers.get(r.comment.jointDraftId!);
      if (!list) continue;
      cosigners.set(
        r.comment.id,
        list.map((s) => ({
          name: s.pseudonymous ? participantWord : s.name,
          // Beside a pseudonym, an organisation would name the person (as in the analysis and exports).
          organisation: s.pseudonymous ? null : s.organisation,
          country: countryByCode(s.countryCode)?.name ?? s.countryCode,
        })),
      );
    }
  }
  const view = ({ comment: c, group, meeting, version }: (typeof rows)[number]): ThreadComment => ({
    id: c.id,
    author: publicAuthor(c, group, participantWord),
    region: c.authorRegion,
    electoralGroup: c.authorElectoralGroup,
    stakeholderGroupId: c.authorStakeholderGroupId,
    language: c.language,
    stance: c.stance,
    body: c.status === "visible" ? c.body : "",
    proposedText: c.status === "visible" ? c.proposedText : null,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
    version,
    endorsements: counts.get(c.id) ?? 0,
    endorsedByMe: mine.has(c.id),
    mine: viewerId !== null && c.authorId === viewerId,
    editable: viewerId !== null && c.authorId === viewerId && canStillEdit(c),
    edited: c.editedAt !== null,
    hiddenReason: viewerId !== null && c.authorId === viewerId ? c.hiddenReason : null,
    channel: c.channel,
    meeting: meeting ? { title: meeting.title, region: meeting.region, location: meeting.location, heldOn: meeting.heldOn } : null,
    peopleRepresented: c.peopleRepresented,
    cosigners: c.jointDraftId !== null ? (cosigners.get(c.id) ?? []) : null,
    passage: c.status === "visible" ? parsePassage(c.passageQuote, c.passageAnchor) : null,
    replies: [],
  });
  const threads: ThreadComment[] = [];
  const byId = new Map<number, ThreadComment>();
  for (const row of rows) {
    const item = view(row);
    byId.set(item.id, item);
    if (row.comment.parentId === null) threads.push(item);
  }
  for (const row of rows) if (row.comment.parentId !== null) byId.get(row.comment.parentId)?.replies.push(byId.get(row.comment.id)!);
  return threads;
}

/**
 * When an account is deleted, its comments either stay in the record without the name (the
 * profile attributes copied at writing remain, so aggregation stays whole) or are removed; a
 * removed comment that others replied to leaves a stub so their replies keep their context.
 */
export function settleCommentsOfDeletedAccount(db: Db, userId: number, choice: "anonymise" | "remove"): void {
  if (choice === "anonymise") {
    db.update(comments).set({ authorId: null, authorName: "", authorPseudonymous: true }).where(eq(comments.authorId, userId)).run();
    return;
  }
  const own = db.select({ id: comments.id }).from(comments).where(eq(comments.authorId, userId)).all().map((c) => c.id);
  if (own.length === 0) return;
  const withReplies = new Set(
    db
      .select({ parentId: comments.parentId })
      .from(comments)
      .where(inArray(comments.parentId, own))
      .all()
      .map((r) => r.parentId!),
  );
  const stubs = own.filter((id) => withReplies.has(id));
  const gone = own.filter((id) => !withReplies.has(id));
  if (stubs.length > 0) {
    db.update(comments)
      .set({ status: "removed", body: "", proposedText: null, authorId: null, authorName: "", authorPseudonymous: true })
      .where(inArray(comments.id, stubs))
      .run();
  }
  if (gone.length > 0) db.delete(comments).where(inArray(comments.id, gone)).run();
}

export type StanceCounts = Record<(typeof stances)[number], number> & { total: number };

const emptyCounts = (): StanceCounts => ({ support: 0, concern: 0, amendment: 0, question: 0, remark: 0, total: 0 });

/** Comments (not replies) per paragraph and stance, for the draft page's counts, bars and heat. */
export function stanceCountsByNode(db: Db, consultationId: number, language?: Language): ReadonlyMap<string, StanceCounts> {
  // Every reader of the draft page asks for these: kept until the database changes.
  return whileUnchanged(db, `stanceCountsByNode:${consultationId}:${language ?? ""}`, () => countStancesByNode(db, consultationId, language));
}

function countStancesByNode(db: Db, consultationId: number, language?: Language): Map<string, StanceCounts> {
  // Over the analysis index (decision 013): 100,000 comments are counted in tens of milliseconds.
  const rows = db.all<{ nodeId: string | null; stance: (typeof stances)[number] | null; n: number }>(sql`
    select ${comments.nodeId} as nodeId, ${comments.stance} as stance, count(*) as n
    from ${commentsIndexedBy("comments_analysis_region_idx")}
    where ${comments.consultationId} = ${consultationId} and parent_id is null and status = 'visible'
      ${language ? sql`and ${comments.language} = ${language}` : sql``}
    group by ${comments.nodeId}, ${comments.stance}`);
  const byNode = new Map<string, StanceCounts>();
  for (const row of rows) {
    if (row.nodeId === null || row.stance === null) continue;
    const counts = byNode.get(row.nodeId) ?? emptyCounts();
    counts[row.stance] += row.n;
    counts.total += row.n;
    byNode.set(row.nodeId, counts);
  }
  return byNode;
}

/**
 * One paragraph's public counts (visible top-level comments per stance), as the draft page shows
 * them to every reader: what a live event carries (realtime/protocol.ts), read off the analysis index.
 */
export function paragraphStanceCounts(db: Db, consultationId: number, nodeId: string): StanceCounts {
  const rows = db.all<{ stance: (typeof stances)[number] | null; n: number }>(sql`
    select ${comments.stance} as stance, count(*) as n
    from ${commentsIndexedBy("comments_analysis_region_idx")}
    where ${comments.consultationId} = ${consultationId} and ${comments.nodeId} = ${nodeId} and parent_id is null and status = 'visible'
    group by ${comments.stance}`);
  const counts = emptyCounts();
  for (const row of rows) {
    if (row.stance === null) continue;
    counts[row.stance] += row.n;
    counts.total += row.n;
  }
  return counts;
}

/** The paragraph's label in the consultation's current version (null: not in it, or unlabelled). */
export function currentLabel(db: Db, consultationId: number, nodeId: string): string | null {
  const row = db.get<{ label: string | null }>(sql`
    select n.label as label from outline_nodes n
    join document_versions v on v.id = n.version_id join documents d on d.id = v.document_id
    where d.consultation_id = ${consultationId} and v.published_at is not null and n.node_id = ${nodeId}
    order by v.number desc limit 1`);
  return row?.label ?? null;
}

export function stanceCounts(threads: Pick<ThreadSummary, "stance" | "status">[]): StanceCounts {
  const counts = emptyCounts();
  for (const t of threads) {
    if (t.stance === null || t.status !== "visible") continue;
    counts[t.stance as keyof typeof counts] += 1;
    counts.total += 1;
  }
  return counts;
}

/** What a comment list needs of every thread to filter, count, sort and page it: no text, no replies. */
export interface ThreadSummary extends ThreadKey {
  stance: (typeof stances)[number] | null;
  status: "visible" | "hidden" | "removed";
  region: string;
  electoralGroup: string | null;
  stakeholderGroupId: number;
  language: Language;
}

/**
 * Every top-level comment of a paragraph (or of the draft as a whole) as a summary, oldest first:
 * one narrow query, so that a page of 20 threads out of thousands reads and renders only those 20.
 */
export function threadSummaries(db: Db, consultationId: number, nodeId: string | null): ThreadSummary[] {
  return db
    .select({
      id: comments.id,
      // Whole milliseconds: the default time is a float, and a cursor must compare equal to its own thread.
      createdAt: sql<number>`cast(round(${comments.createdAt}) as integer)`,
      endorsements: sql<number>`(select count(*) from ${endorsements} where ${endorsements.commentId} = ${comments.id})`,
      stance: comments.stance,
      status: comments.status,
      region: comments.authorRegion,
      electoralGroup: comments.authorElectoralGroup,
      stakeholderGroupId: comments.authorStakeholderGroupId,
      language: comments.language,
    })
    .from(comments)
    .where(and(eq(comments.consultationId, consultationId), nodeId === null ? isNull(comments.nodeId) : eq(comments.nodeId, nodeId), isNull(comments.parentId)))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all();
}

/** The top-level comment a comment belongs to (itself, or the one a reply answers), if it is on that paragraph. */
export function threadOf(db: Db, commentId: number, consultationId: number, nodeId: string | null): number | null {
  const row = db
    .select({ id: comments.id, parentId: comments.parentId })
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.consultationId, consultationId), nodeId === null ? isNull(comments.nodeId) : eq(comments.nodeId, nodeId)))
    .get();
  return row ? (row.parentId ?? row.id) : null;
}

/** Visible top-level comments of a paragraph made on a passage (the text's highlights cover all of them, not one page). */
export function passageCommentIds(db: Db, consultationId: number, nodeId: string): number[] {
  return db
    .select({ id: comments.id })
    .from(comments)
    .where(
      and(
        eq(comments.consultationId, consultationId),
        eq(comments.nodeId, nodeId),
        isNull(comments.parentId),
        eq(comments.status, "visible"),
        sql`${comments.passageAnchor} is not null`,
      ),
    )
    .all()
    .map((r) => r.id);
}

export const threadFilterSchema = z.object({
  stance: z.enum(stances).optional().catch(undefined),
  region: z.string().max(40).optional().catch(undefined),
  electoral: z.string().max(10).optional().catch(undefined),
  group: z.coerce.number().int().positive().optional().catch(undefined),
  language: z.enum(languages).optional().catch(undefined),
  sort: z.enum(["newest", "oldest", "endorsed"]).catch("oldest"),
});
export type ThreadFilters = z.infer<typeof threadFilterSchema>;

/** The threads a reader asked for: filtered by the top comment's stance and author, then sorted. */
export function filterThreads<T extends Pick<ThreadSummary, "stance" | "region" | "electoralGroup" | "stakeholderGroupId" | "language" | keyof ThreadKey>>(
  threads: T[],
  f: ThreadFilters,
): T[] {
  const kept = threads.filter(
    (t) =>
      (!f.stance || t.stance === f.stance) &&
      (!f.region || t.region === f.region) &&
      (!f.electoral || t.electoralGroup === f.electoral) &&
      (!f.group || t.stakeholderGroupId === f.group) &&
      (!f.language || t.language === f.language),
  );
  return kept.sort((a, b) => compareKeys(f.sort, a, b));
}
