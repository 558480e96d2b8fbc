/**
 * Turns notifications into e-mail in the background (decision 028): those whose recipient chose
 * "immediately" within seconds, the others in the daily or weekly digest; and sends the reminder
 * three days before a followed consultation closes. It only fills the outbox; the outbox sender
 * delivers. What it did once is written down (notifier_marks), so a restart repeats nothing.
 */
import { performance } from "node:perf_hooks";
import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { consultationEvents, consultations, notifications, notifierMarks, users, type EmailMode, type User } from "../../db/schema";
import type { Config } from "../config/env.server";
import { effectiveStatus, MILESTONES } from "../consultations/lifecycle";
import { createTranslator } from "../i18n/translate";
import { digestText, groupDigest, notificationText, notificationTitle, type DigestItem } from "./digest";
import { consultationMilestone, type NotificationDetail } from "./notifications.server";
import { enqueueEmail } from "./outbox.server";
import { CATEGORY_OF } from "./preferences";
import { unsubscribeUrl } from "./unsubscribe-token.server";

const IMMEDIATE_BATCH = 100;
/**
 * The share of the thread's time that queueing e-mail in batches may take while more is waiting,
 * when the notifier shares its thread with requests (in process; the mail worker asks for more).
 */
const BATCH_SHARE = 0.25;
/** Recipients per digest batch: each batch is one transaction, requests are answered between. */
const DIGEST_BATCH = 200;
export const CLOSING_NOTICE_MS = 3 * 24 * 3600_000;
const DIGEST_EVERY: Record<"daily" | "weekly", number> = { daily: 24 * 3600_000, weekly: 7 * 24 * 3600_000 };

type Row = { n: typeof notifications.$inferSelect; user: User };

function pending(db: Db, mode: EmailMode, limit?: number): Row[] {
  const query = db
    .select({ n: notifications, user: users })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(notifications.emailMode, mode), isNull(notifications.emailedAt)))
    // In the due index's order: sorting 50,000 waiting rows by id for every batch of 100 would not be.
    .orderBy(notifications.userId);
  return (limit ? query.limit(limit) : query).all();
}

const item = ({ n }: Row): DigestItem => ({
  id: n.id,
  userId: n.userId,
  consultationId: n.consultationId,
  kind: n.kind,
  commentId: n.commentId,
  detail: JSON.parse(n.detail) as NotificationDetail,
});

function markEmailed(db: Db, ids: number[], now: Date) {
  for (let i = 0; i < ids.length; i += 500) db.update(notifications).set({ emailedAt: now }).where(inArray(notifications.id, ids.slice(i, i + 500))).run();
}

/**
 * One e-mail per notification whose recipient wants them at once, a batch at a time (the caller
 * yields to requests between batches). Returns how many were queued and whether more wait.
 */
export function dispatchImmediate(
  db: Db,
  config: Pick<Config, "publicOrigin" | "sessionSecret">,
  now = new Date(),
  batchSize = IMMEDIATE_BATCH,
): { queued: number; more: boolean } {
  return db.transaction((tx) => {
    const t0 = tx as unknown as Db;
    const rows = pending(t0, "immediately", batchSize);
    let queued = 0;
    for (const row of rows) {
      // An unconfirmed address gets nothing but its confirmation link.
      if (row.user.emailConfirmedAt === null) continue;
      const t = createTranslator(row.user.language);
      const it = item(row);
      enqueueEmail(t0, {
        to: row.user.email,
        language: row.user.language,
        subject: notificationTitle(t, it),
        body: `${t("email.hello", { name: row.user.displayName })}\n\n${notificationText(t, it, config.publicOrigin)}\n\n${t("email.manage", { link: `${config.publicOrigin}/account#email-preferences` })}`,
        unsubscribeUrl: unsubscribeUrl(config.publicOrigin, config.sessionSecret, row.user.id, CATEGORY_OF[row.n.kind]),
      });
      queued += 1;
    }
    markEmailed(t0, rows.map((r) => r.n.id), now);
    return { queued, more: rows.length === batchSize };
  });
}

/**
 * The daily or weekly digest, for the next DIGEST_BATCH recipients with anything pending: one
 * e-mail each with everything pending for them. The digest counts as sent (its mark written) once
 * a batch finds nobody left. Returns how many were queued and whether recipients remain.
 */
export function dispatchDigest(
  db: Db,
  config: Pick<Config, "publicOrigin" | "sessionSecret">,
  mode: "daily" | "weekly",
  now = new Date(),
): { queued: number; more: boolean } {
  return db.transaction((tx) => {
    const t0 = tx as unknown as Db;
    const recipients = t0
      .selectDistinct({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.emailMode, mode), isNull(notifications.emailedAt)))
      .orderBy(notifications.userId)
      .limit(DIGEST_BATCH)
      .all()
      .map((r) => r.userId);
    const rows =
      recipients.length === 0
        ? []
        : t0
            .select({ n: notifications, user: users })
            .from(notifications)
            .innerJoin(users, eq(users.id, notifications.userId))
            .where(and(eq(notifications.emailMode, mode), isNull(notifications.emailedAt), inArray(notifications.userId, recipients)))
            .orderBy(notifications.id)
            .all();
    const usersById = new Map(rows.map((r) => [r.user.id, r.user]));
    const grouped = groupDigest(rows.filter((r) => r.user.emailConfirmedAt !== null).map(item));
    for (const [userId, groups] of grouped) {
      const user = usersById.get(userId)!;
      const t = createTranslator(user.language);
      const total = groups.reduce((sum, g) => sum + g.kinds.reduce((s, k) => s + k.items.length, 0), 0);
      enqueueEmail(t0, {
        to: user.email,
        language: user.language,
        subject: t(mode === "daily" ? "email.digest.dailySubject" : "email.digest.weeklySubject", { count: total }),
        body: `${t("email.hello", { name: user.displayName })}\n\n${digestText(t, groups, config.publicOrigin)}\n\n${t("email.manage", { link: `${config.publicOrigin}/account#email-preferences` })}`,
        unsubscribeUrl: unsubscribeUrl(config.publicOrigin, config.sessionSecret, user.id, mode),
      });
    }
    markEmailed(t0, rows.map((r) => r.n.id), now);
    const more = recipients.length === DIGEST_BATCH;
    if (!more) t0.insert(notifierMarks).values({ key: `digest:${mode}`, at: now }).onConflictDoUpdate({ target: notifierMarks.key, set: { at: now } }).run();
    return { queued: grouped.size, more };
  });
}

function markOf(db: Db, key: string): Date | null {
  return db.select().from(notifierMarks).where(eq(notifierMarks.key, key)).get()?.at ?? null;
}

/** Followers of a consultation closing within three days hear it once per closing instant. */
export function remindClosing(db: Db, now = new Date()): number {
  let reminded = 0;
  const soon = db
    .select()
    .from(consultations)
    .where(and(gt(consultations.closesAt, now), lte(consultations.closesAt, new Date(now.getTime() + CLOSING_NOTICE_MS))))
    .all();
  for (const c of soon) {
    if (effectiveStatus(c, now) !== "open") continue;
    // Keyed by the closing instant: an extended consultation reminds again before its new end.
    const key = `closing:${c.id}:${c.closesAt!.getTime()}`;
    db.transaction((tx) => {
      if (markOf(tx as unknown as Db, key)) return;
      consultationMilestone(tx as unknown as Db, c.id, "consultation-closing");
      tx.insert(notifierMarks).values({ key, at: now }).run();
      reminded += 1;
    });
  }
  return reminded;
}

/** Is a digest due: never sent, or sent a full period ago. */
export function digestDue(db: Db, mode: "daily" | "weekly", now: Date): boolean {
  const last = markOf(db, `digest:${mode}`);
  return last === null || now.getTime() - last.getTime() >= DIGEST_EVERY[mode];
}

/**
 * Followers hear of a milestone (opened, closed, results published) from the notifier, not from the
 * action that caused it: with 50,000 followers the fan-out is one INSERT … SELECT of 50,000 rows,
 * about half a second that the secretariat's "Close now" and every page waiting behind it paid
 * (decision 033). The event is written with the state change; `notified_at` says it was fanned out.
 * Returns how many events were.
 */
export function fanOutMilestones(db: Db, now = new Date()): number {
  const waiting = db
    .select({ id: consultationEvents.id, consultationId: consultationEvents.consultationId, kind: consultationEvents.kind })
    .from(consultationEvents)
    .where(isNull(consultationEvents.notifiedAt))
    .orderBy(consultationEvents.id)
    .limit(20)
    .all();
  for (const event of waiting) {
    db.transaction((tx) => {
      const milestone = MILESTONES[event.kind];
      if (milestone) consultationMilestone(tx as unknown as Db, event.consultationId, milestone);
      tx.update(consultationEvents).set({ notifiedAt: now }).where(eq(consultationEvents.id, event.id)).run();
    });
  }
  return waiting.length;
}

export interface NotifierOptions {
  /** Told when e-mail went into the outbox (the sender, when SMTP is configured). */
  mailed?: () => void;
  /** How often to look for due digests, reminders and anything a missed wake left. */
  everyMs?: number;
  /** See BATCH_SHARE. */
  batchShare?: number;
  /** Immediate e-mails per batch (one transaction, holding SQLite's write lock while it runs). */
  batchSize?: number;
  onError?: (error: unknown) => void;
}

export class Notifier {
  private timer: NodeJS.Timeout | null = null;
  private queued = false;
  private stopped = false;
  /** A digest is half sent: its next batch goes at the next turn, not at the next poll. */
  private digesting = false;
  private readonly mailed: () => void;
  private readonly everyMs: number;
  private readonly batchShare: number;
  private readonly batchSize: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly db: Db,
    private readonly config: Pick<Config, "publicOrigin" | "sessionSecret">,
    options: NotifierOptions = {},
  ) {
    this.mailed = options.mailed ?? (() => {});
    this.everyMs = options.everyMs ?? 15_000;
    this.batchShare = options.batchShare ?? BATCH_SHARE;
    this.batchSize = options.batchSize ?? IMMEDIATE_BATCH;
    this.onError = options.onError ?? ((error) => console.error("notifier:", error));
  }

  start(): void {
    this.stopped = false;
    this.tick(true);
  }

  /**
   * New notifications were made: their immediate e-mail is queued right after this response (a
   * setImmediate, before the next request is read), never inside the action that caused them.
   */
  wake(afterMs = 0): void {
    if (this.queued || this.stopped) return;
    this.queued = true;
    const run = () => {
      this.queued = false;
      this.tick(false);
    };
    if (afterMs > 0) setTimeout(run, afterMs).unref();
    else setImmediate(run);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private tick(full: boolean): void {
    if (this.stopped) return;
    const started = performance.now();
    try {
      const now = new Date();
      let queued = 0;
      let more = fanOutMilestones(this.db, now) > 0;
      if (full || this.digesting) {
        if (full) remindClosing(this.db, now);
        this.digesting = false;
        for (const mode of ["daily", "weekly"] as const) {
          if (!digestDue(this.db, mode, now)) continue;
          const digest = dispatchDigest(this.db, this.config, mode, now);
          queued += digest.queued;
          if (digest.more) this.digesting = more = true;
        }
      }
      const immediate = dispatchImmediate(this.db, this.config, now, this.batchSize);
      queued += immediate.queued;
      // 50,000 followers make 500 batches. One per turn of the event loop still took most of the
      // loop (bench:closing-mail: pages 1.5–5× slower at p95 while a closing was queued): the next
      // batch waits so that queueing takes at most its share of the thread's time.
      if (immediate.more || more) this.wake(((performance.now() - started) * (1 - this.batchShare)) / this.batchShare);
      if (queued > 0) this.mailed();
    } catch (error) {
      this.onError(error);
      // Nothing was queued (the batch rolled back): try again soon, not at the next poll.
      if (!full) setTimeout(() => this.wake(), 1_000).unref();
    }
    if (full) {
      this.timer = setTimeout(() => this.tick(true), this.everyMs);
      this.timer.unref();
    }
  }
}
