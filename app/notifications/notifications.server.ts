/**
 * Follows and notifications (issue 16): who follows what, and the notifications made when
 * something happens to it. Making them never sends anything: each row records the e-mail mode its
 * recipient chose (at once, daily, weekly, never) and the notifier (notifier.server.ts) turns them
 * into e-mail in the background. Fan-out to followers is one INSERT … SELECT, so a comment on a
 * consultation followed by 50,000 people costs the page one statement, not 50,000.
 */
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import {
  comments,
  consultations,
  emailPreferences,
  follows,
  notifications,
  outlineNodes,
  type Comment,
  type EmailCategory,
  type EmailMode,
  type NotificationKind,
} from "../../db/schema";
import { CATEGORY_OF, DEFAULT_MODE, effectiveMode, modeForKind } from "./preferences";
import { coSignerRecipients } from "../joint/co-signers.server";

/** What a notification shows; stored once as JSON when it is made. */
export interface NotificationDetail {
  slug?: string;
  title?: string;
  /** The paragraph's label (null: the draft as a whole). */
  label?: string | null;
  excerpt?: string;
  /** Who wrote it, as readers see the name; null for a pseudonymous author. */
  by?: string | null;
  decision?: string;
  rationale?: string;
  /** The paragraph as it now reads, when the decision is carried by a revised text. */
  revisedText?: string | null;
  closesAt?: string | null;
  /** A secretariat's announcement: its subject and text. */
  subject?: string;
  message?: string;
  /** Where it leads when not to a comment's page: a joint draft, an invitation (this site's paths only). */
  path?: string;
}

const EXCERPT = 280;
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text);

// Follows ---------------------------------------------------------------------------------------

/** "" stands for the consultation as a whole, a node id for one paragraph. */
export function follow(db: Db, userId: number, consultationId: number, nodeId: string | null): void {
  db.insert(follows).values({ userId, consultationId, nodeId: nodeId ?? "" }).onConflictDoNothing().run();
}

export function unfollow(db: Db, userId: number, consultationId: number, nodeId: string | null): void {
  db.delete(follows)
    .where(and(eq(follows.userId, userId), eq(follows.consultationId, consultationId), eq(follows.nodeId, nodeId ?? "")))
    .run();
}

export function isFollowing(db: Db, userId: number, consultationId: number, nodeId: string | null): boolean {
  return (
    db
      .select({ n: count() })
      .from(follows)
      .where(and(eq(follows.userId, userId), eq(follows.consultationId, consultationId), eq(follows.nodeId, nodeId ?? "")))
      .get()!.n > 0
  );
}

/** What a participant follows, for the notifications page (where each can be unfollowed). */
export function followsOf(db: Db, userId: number) {
  return db
    .select({ consultationId: follows.consultationId, nodeId: follows.nodeId, slug: consultations.slug, title: consultations.title })
    .from(follows)
    .innerJoin(consultations, eq(consultations.id, follows.consultationId))
    .where(eq(follows.userId, userId))
    .orderBy(consultations.title, follows.nodeId)
    .all();
}

// Preferences -----------------------------------------------------------------------------------

export function preferencesOf(db: Db, userId: number): Record<EmailCategory, EmailMode> {
  const stored = Object.fromEntries(
    db.select().from(emailPreferences).where(eq(emailPreferences.userId, userId)).all().map((p) => [p.category, p.mode]),
  ) as Partial<Record<EmailCategory, EmailMode>>;
  return Object.fromEntries(Object.keys(DEFAULT_MODE).map((c) => [c, effectiveMode(c as EmailCategory, stored[c as EmailCategory])])) as Record<
    EmailCategory,
    EmailMode
  >;
}

export function setPreferences(db: Db, userId: number, modes: Partial<Record<EmailCategory, EmailMode>>): void {
  db.transaction((tx) => {
    for (const [category, mode] of Object.entries(modes) as [EmailCategory, EmailMode][]) {
      tx.insert(emailPreferences)
        .values({ userId, category, mode })
        .onConflictDoUpdate({ target: [emailPreferences.userId, emailPreferences.category], set: { mode } })
        .run();
    }
  });
}

// Making notifications --------------------------------------------------------------------------

/** The e-mail mode of one recipient for one kind, from their stored choice. */
function modeOf(db: Db, userId: number, kind: NotificationKind): EmailMode {
  const category = CATEGORY_OF[kind];
  const stored = db
    .select({ mode: emailPreferences.mode })
    .from(emailPreferences)
    .where(and(eq(emailPreferences.userId, userId), eq(emailPreferences.category, category)))
    .get();
  return modeForKind(kind, stored ? { [category]: stored.mode } : {});
}

function notifyOne(db: Db, userId: number, kind: NotificationKind, consultationId: number, commentId: number | null, detail: NotificationDetail): void {
  db.insert(notifications)
    .values({ userId, kind, consultationId, commentId, detail: JSON.stringify(detail), emailMode: modeOf(db, userId, kind) })
    .run();
}

/** Tells the given people of something that concerns them only (a joint submission's co-authors). */
export function notifyUsers(db: Db, userIds: readonly number[], kind: NotificationKind, consultationId: number, commentId: number | null, detail: NotificationDetail): void {
  for (const userId of new Set(userIds)) notifyOne(db, userId, kind, consultationId, commentId, detail);
}

/**
 * One notification per follower of the consultation (node "") or of the given paragraphs, in one
 * statement; each with its own e-mail mode (the SQL mirrors effectiveMode for the category).
 */
function notifyFollowers(
  db: Db,
  kind: NotificationKind,
  consultationId: number,
  nodeIds: string[] | "all",
  commentId: number | null,
  detail: NotificationDetail,
  exceptUserIds: number[],
): number {
  const category = CATEGORY_OF[kind];
  const fallback = DEFAULT_MODE[category];
  const which = nodeIds === "all" ? sql`` : sql`and f.node_id in (${sql.join([sql`''`, ...nodeIds.map((n) => sql`${n}`)], sql`, `)})`;
  const except = exceptUserIds.length > 0 ? sql`and f.user_id not in (${sql.join(exceptUserIds.map((id) => sql`${id}`), sql`, `)})` : sql``;
  const allowed = category === "endorsements" ? sql`p.mode in ('daily', 'weekly', 'never')` : sql`p.mode is not null`;
  const result = db.run(sql`
    insert into notifications (user_id, kind, consultation_id, comment_id, detail, email_mode)
    select f.user_id, ${kind}, ${consultationId}, ${commentId}, ${JSON.stringify(detail)},
      case when ${allowed} then p.mode else ${fallback} end
    from (select distinct user_id, consultation_id from follows f where f.consultation_id = ${consultationId} ${which} ${except}) f
    left join email_preferences p on p.user_id = f.user_id and p.category = ${category}`);
  return result.changes;
}

function labelOf(db: Db, c: Pick<Comment, "nodeId" | "versionId">): string | null {
  if (c.nodeId === null || c.versionId === null) return null;
  return (
    db
      .select({ label: outlineNodes.label })
      .from(outlineNodes)
      .where(and(eq(outlineNodes.versionId, c.versionId), eq(outlineNodes.nodeId, c.nodeId)))
      .get()?.label ?? null
  );
}

function consultationOf(db: Db, id: number) {
  return db.select({ slug: consultations.slug, title: consultations.title, closesAt: consultations.closesAt }).from(consultations).where(eq(consultations.id, id)).get();
}

const byline = (c: Comment) => (c.authorPseudonymous ? null : c.authorName);

/**
 * A comment or reply was published: its author follows the paragraph from now on; the author of
 * the comment answered is told of the reply; followers of the paragraph or consultation are told
 * of the new comment (the author and the one already told of the reply left out).
 */
export function commentPublished(db: Db, comment: Comment): void {
  db.transaction((tx) => {
    const t = tx as unknown as Db;
    if (comment.authorId !== null) follow(t, comment.authorId, comment.consultationId, comment.nodeId);
    const c = consultationOf(t, comment.consultationId);
    if (!c) return;
    const detail: NotificationDetail = { slug: c.slug, title: c.title, label: labelOf(t, comment), excerpt: excerpt(comment.body), by: byline(comment) };
    const except = comment.authorId === null ? [] : [comment.authorId];
    if (comment.parentId !== null) {
      const parent = t.select().from(comments).where(eq(comments.id, comment.parentId)).get();
      if (parent?.authorId != null && parent.authorId !== comment.authorId) {
        notifyOne(t, parent.authorId, "reply", comment.consultationId, comment.id, detail);
        except.push(parent.authorId);
      }
    }
    notifyFollowers(t, "new-comment", comment.consultationId, comment.nodeId === null ? [] : [comment.nodeId], comment.id, detail, except);
  });
}

/** Someone agreed with a comment: its author hears of it in the digests only. */
export function commentEndorsed(db: Db, commentId: number, endorserId: number): void {
  const comment = db.select().from(comments).where(eq(comments.id, commentId)).get();
  if (!comment || comment.authorId === null || comment.authorId === endorserId) return;
  const c = consultationOf(db, comment.consultationId);
  if (!c) return;
  notifyOne(db, comment.authorId, "endorsement", comment.consultationId, comment.id, { slug: c.slug, title: c.title, label: labelOf(db, comment), excerpt: excerpt(comment.body) });
}

/** A consultation opened, closes in three days, closed, or published its results: its followers hear. */
export function consultationMilestone(db: Db, consultationId: number, kind: Extract<NotificationKind, `consultation-${string}` | "results-published">): number {
  const c = consultationOf(db, consultationId);
  if (!c) return 0;
  return notifyFollowers(db, kind, consultationId, "all", null, { slug: c.slug, title: c.title, closesAt: c.closesAt?.toISOString() ?? null }, []);
}

/**
 * "You said, we did": the expert group recorded a decision on a comment; its author hears, and for
 * a joint submission every co-signer with an account too, once each (issue 17, decision 032).
 */
export function dispositionRecorded(db: Db, commentId: number, input: { decision: string; rationale: string; targetNodeIds: string[] }): void {
  const comment = db.select().from(comments).where(eq(comments.id, commentId)).get();
  if (!comment) return;
  const recipients = [...(comment.authorId === null ? [] : [comment.authorId]), ...(comment.jointDraftId === null ? [] : coSignerRecipients(db, comment.id, comment.authorId))];
  if (recipients.length === 0) return;
  const c = consultationOf(db, comment.consultationId);
  if (!c) return;
  const detail: NotificationDetail = {
    slug: c.slug,
    title: c.title,
    label: labelOf(db, comment),
    excerpt: excerpt(comment.body),
    decision: input.decision,
    rationale: input.rationale,
    revisedText: revisedText(db, comment, input.targetNodeIds),
  };
  for (const userId of recipients) notifyOne(db, userId, "disposition", comment.consultationId, comment.id, detail);
}

/**
 * The paragraphs carrying the decision as the latest published version reads them, when that
 * version is newer than the one commented on; null while no revision is published.
 */
function revisedText(db: Db, comment: Comment, targetNodeIds: string[]): string | null {
  if (targetNodeIds.length === 0) return null;
  const latest = db.all<{ id: number }>(sql`
    select v.id from document_versions v join documents d on d.id = v.document_id
    where d.consultation_id = ${comment.consultationId} and v.published_at is not null
    order by v.number desc limit 1`)[0];
  if (!latest || latest.id === comment.versionId) return null;
  const nodes = db
    .select({ label: outlineNodes.label, text: outlineNodes.text })
    .from(outlineNodes)
    .where(and(eq(outlineNodes.versionId, latest.id), inArray(outlineNodes.nodeId, targetNodeIds)))
    .orderBy(outlineNodes.position)
    .all();
  return nodes.length === 0 ? null : nodes.map((n) => (n.label ? `${n.label}. ${n.text}` : n.text)).join("\n\n");
}

// Reading them ----------------------------------------------------------------------------------

export function unreadCount(db: Db, userId: number): number {
  return db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).get()!.n;
}

export const NOTIFICATIONS_PAGE = 50;

export function notificationsOf(db: Db, userId: number, limit = NOTIFICATIONS_PAGE) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.id))
    .limit(limit)
    .all()
    .map((n) => ({ ...n, detail: JSON.parse(n.detail) as NotificationDetail }));
}

/** Marks one (or, without an id, every) notification of this participant read. */
export function markRead(db: Db, userId: number, id: number | null, now = new Date()): void {
  db.update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), id === null ? undefined : eq(notifications.id, id)))
    .run();
}



/**
 * An unsubscribe link was used: the category stops (mode "never"); a digest's link stops every
 * category that was sent in that digest.
 */
export function unsubscribe(db: Db, userId: number, scope: EmailCategory | "daily" | "weekly"): EmailCategory[] {
  const current = preferencesOf(db, userId);
  const stopped = (Object.keys(current) as EmailCategory[]).filter((c) => (scope === "daily" || scope === "weekly" ? current[c] === scope : c === scope));
  setPreferences(db, userId, Object.fromEntries(stopped.map((c) => [c, "never"])));
  return stopped;
}

/**
 * The secretariat writes to a consultation's participants: whoever follows it or any of its
 * paragraphs, and whoever commented on it; optionally only some regions or stakeholder groups.
 * One statement, each recipient's e-mail choice for announcements applied (an unsubscribed one
 * still sees it in the app). Returns how many were told.
 */
export function announce(
  db: Db,
  input: { consultationId: number; subject: string; message: string; regions: string[]; stakeholderGroupIds: number[] },
): number {
  const c = consultationOf(db, input.consultationId);
  if (!c) return 0;
  const detail: NotificationDetail = { slug: c.slug, title: c.title, subject: input.subject, message: input.message };
  const regions = input.regions.length > 0 ? sql`and u.unesco_region in (${sql.join(input.regions.map((r) => sql`${r}`), sql`, `)})` : sql``;
  const groups =
    input.stakeholderGroupIds.length > 0 ? sql`and u.stakeholder_group_id in (${sql.join(input.stakeholderGroupIds.map((g) => sql`${g}`), sql`, `)})` : sql``;
  return db.run(sql`
    insert into notifications (user_id, kind, consultation_id, comment_id, detail, email_mode)
    select u.id, 'announcement', ${input.consultationId}, null, ${JSON.stringify(detail)},
      coalesce(p.mode, ${DEFAULT_MODE.announcements})
    from users u
    left join email_preferences p on p.user_id = u.id and p.category = 'announcements'
    where u.id in (
      select user_id from follows where consultation_id = ${input.consultationId}
      union select author_id from comments where consultation_id = ${input.consultationId} and author_id is not null
    ) ${regions} ${groups}`).changes;
}
