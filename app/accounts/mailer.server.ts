/**
 * Sends what waits in the outbox, by SMTP (nodemailer) when SMTP_URL is set. Without it messages
 * stay in the outbox, which the secretariat reads: a newcomer's instance works with no mail server.
 */
import { eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { outbox } from "../../db/schema";
import type { Config } from "../config/env.server";

export async function deliverOutbox(db: Db, config: Config): Promise<number> {
  if (!config.smtpUrl) return 0;
  // Loaded only when mail is configured: most instances never need it (decision 017).
  const { default: nodemailer } = await import("nodemailer");
  const transport = nodemailer.createTransport(config.smtpUrl);
  const pending = db.select().from(outbox).where(isNull(outbox.sentAt)).limit(50).all();
  let sent = 0;
  for (const message of pending) {
    try {
      await transport.sendMail({ from: config.mailFrom, to: message.to, subject: message.subject, text: message.body });
      db.update(outbox).set({ sentAt: new Date(), error: null }).where(eq(outbox.id, message.id)).run();
      sent += 1;
    } catch (error) {
      db.update(outbox).set({ error: String((error as Error).message ?? error).slice(0, 500) }).where(eq(outbox.id, message.id)).run();
    }
  }
  transport.close();
  return sent;
}
