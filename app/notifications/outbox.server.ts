/**
 * Putting e-mail in the outbox. Nothing here talks to a mail server: the background sender
 * (outbox-sender.server.ts) delivers what waits when SMTP_URL is set, so the action that caused an
 * e-mail never waits on, or fails with, the mail server (decision 028).
 */
import type { Db } from "../../db/client.server";
import { outbox, type Language } from "../../db/schema";
import { createTranslator } from "../i18n/translate";

export interface Email {
  to: string;
  language: Language;
  subject: string;
  /** The plain text; the HTML part is rendered from it when sent. */
  body: string;
  /** For e-mail of a notification category: the one-click unsubscribe link (RFC 8058). */
  unsubscribeUrl?: string | null;
}

/** The plain text with its footer: who sent it and, for notifications, how to stop them. */
export function withFooter(email: Email): string {
  const t = createTranslator(email.language);
  const footer = email.unsubscribeUrl ? `${t("email.footer")}\n${t("email.unsubscribeLine", { link: email.unsubscribeUrl })}` : t("email.footer");
  return `${email.body.trimEnd()}\n\n-- \n${footer}\n`;
}

export function enqueueEmail(db: Db, email: Email): void {
  db.insert(outbox)
    .values({ to: email.to, subject: email.subject, body: withFooter(email), language: email.language, unsubscribeUrl: email.unsubscribeUrl ?? null })
    .run();
}
