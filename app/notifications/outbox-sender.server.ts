/**
 * The background sender (decision 028). It claims due outbox rows before sending them (status
 * `sending`, a lease of LEASE_MS), records each as sent once the mail server accepted it, and
 * after a failure puts the row back with an exponential backoff, up to MAX_ATTEMPTS. An action that
 * queues e-mail only wakes it: a slow or failing mail server never holds or fails a page.
 *
 * After a restart nothing sent is sent again: rows recorded `sent` are never claimed, and a row
 * left `sending` by a process that died is claimed again only once its lease expired. The one
 * window left is a crash between the mail server's acceptance and the database write: that
 * message goes again when its lease expires, with the same Message-ID so mail systems can tell it
 * is the same message. At-least-once, never silently lost.
 */
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { outbox, type OutboxRow } from "../../db/schema";
import type { Config } from "../config/env.server";
import { renderEmailHtml } from "./email-html.server";

export const MAX_ATTEMPTS = 8;
export const LEASE_MS = 5 * 60_000;
const BATCH = 20;
const POLL_MS = 30_000;

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

/** Hands one message to the mail server; throws when it is refused or unreachable. */
export type Transport = (message: OutgoingMessage) => Promise<void>;

/** The wait before attempt n+1 after n failed attempts: 1 min, 2, 4… capped at 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

/** Claims up to `limit` due rows for this sender, atomically: another sender cannot take them. */
export function claimDue(db: Db, now = new Date(), limit = BATCH): OutboxRow[] {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      or(
        and(eq(outbox.status, "pending"), or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, now))),
        and(eq(outbox.status, "sending"), lte(outbox.leaseUntil, now)),
      ),
    )
    .orderBy(asc(outbox.id))
    .limit(limit);
  return db
    .update(outbox)
    .set({ status: "sending", leaseUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, due))
    .returning()
    .all();
}

export function messageFor(row: OutboxRow, html: string, host: string): OutgoingMessage {
  const headers: Record<string, string> = {};
  if (row.unsubscribeUrl) {
    headers["List-Unsubscribe"] = `<${row.unsubscribeUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return { to: row.to, subject: row.subject, text: row.body, html, messageId: `<outbox-${row.id}.${row.createdAt.getTime()}@${host}>`, headers };
}

/** Sends what is due once; returns how many went and how many failed. */
export async function deliverDue(db: Db, transport: Transport, host: string, now = () => new Date()): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const row of claimDue(db, now())) {
    try {
      const html = await renderEmailHtml({ subject: row.subject, body: row.body, language: row.language });
      await transport(messageFor(row, html, host));
      db.update(outbox).set({ status: "sent", sentAt: now(), leaseUntil: null, error: null }).where(eq(outbox.id, row.id)).run();
      sent += 1;
    } catch (error) {
      const giveUp = row.attempts >= MAX_ATTEMPTS;
      db.update(outbox)
        .set({
          status: giveUp ? "failed" : "pending",
          leaseUntil: null,
          nextAttemptAt: giveUp ? null : new Date(now().getTime() + backoffMs(row.attempts)),
          error: String((error as Error)?.message ?? error).slice(0, 500),
        })
        .where(eq(outbox.id, row.id))
        .run();
      failed += 1;
    }
  }
  return { sent, failed };
}

/** SMTP through nodemailer, loaded only when mail is configured (decision 017). */
export async function smtpTransport(config: Config): Promise<{ send: Transport; close(): void }> {
  const { default: nodemailer } = await import("nodemailer");
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    send: async (m) => {
      await transport.sendMail({ from: config.mailFrom, to: m.to, subject: m.subject, text: m.text, html: m.html, messageId: m.messageId, headers: m.headers });
    },
    close: () => transport.close(),
  };
}

export class OutboxSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly transport: Transport,
    private readonly host: string,
    private readonly onError: (error: unknown) => void = (error) => console.error("outbox sender:", error),
  ) {}

  start(): void {
    this.stopped = false;
    this.wake();
  }

  /** Sends what is due soon, without waiting: what an action calls after queueing e-mail. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.wake();
      } else this.schedule();
    });
  }

  /** Resolves when the round under way, if any, is over (tests and shutdown). */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule() {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), POLL_MS);
    this.timer.unref();
  }

  private async run() {
    try {
      // A full batch means more may be due: keep going until a batch comes back short.
      for (;;) {
        const { sent, failed } = await deliverDue(this.db, this.transport, this.host);
        if (sent + failed < BATCH || this.stopped) break;
      }
    } catch (error) {
      this.onError(error);
    }
  }
}
