/**
 * Confirming an e-mail address (decision 028): a single-use link that expires, sent at
 * registration and again on request; only the newest link works. Until the address is confirmed
 * the account reads and prepares, but nothing it writes is published or counted.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { emailConfirmations, users, type User } from "../../db/schema";
import { createTranslator } from "../i18n/translate";
import { enqueueEmail } from "../notifications/outbox.server";

export const CONFIRM_HOURS = 48;

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

/** Puts a new confirmation link in the outbox, voiding the older ones. False once confirmed. */
export function requestEmailConfirmation(db: Db, user: User, origin: string, now = new Date()): boolean {
  if (user.emailConfirmedAt !== null) return false;
  const token = randomBytes(32).toString("base64url");
  const t = createTranslator(user.language);
  db.transaction((tx) => {
    tx.update(emailConfirmations)
      .set({ usedAt: now })
      .where(and(eq(emailConfirmations.userId, user.id), isNull(emailConfirmations.usedAt)))
      .run();
    tx.insert(emailConfirmations)
      .values({ id: digest(token), userId: user.id, expiresAt: new Date(now.getTime() + CONFIRM_HOURS * 3600_000) })
      .run();
    enqueueEmail(tx as unknown as Db, {
      to: user.email,
      language: user.language,
      subject: t("email.confirm.subject"),
      body: t("email.confirm.body", { name: user.displayName, hours: CONFIRM_HOURS, link: `${origin}/confirm-email/${token}` }),
    });
  });
  return true;
}

/** The confirmation a token names, if it is known, unused and not expired. */
export function findConfirmation(db: Db, token: string, now = new Date()) {
  if (token.length > 100) return undefined;
  return db
    .select()
    .from(emailConfirmations)
    .where(and(eq(emailConfirmations.id, digest(token)), isNull(emailConfirmations.usedAt), gt(emailConfirmations.expiresAt, now)))
    .get();
}

/** Uses the token: the address is confirmed. Returns the account, or null for a void token. */
export function confirmEmail(db: Db, token: string, now = new Date()): number | null {
  return db.transaction((tx) => {
    const confirmation = findConfirmation(tx as unknown as Db, token, now);
    if (!confirmation) return null;
    tx.update(emailConfirmations).set({ usedAt: now }).where(eq(emailConfirmations.id, confirmation.id)).run();
    tx.update(users).set({ emailConfirmedAt: now }).where(and(eq(users.id, confirmation.userId), isNull(users.emailConfirmedAt))).run();
    return confirmation.userId;
  });
}

/** The secretariat confirms an address it checked otherwise; the pending links are void. */
export function confirmEmailByHand(db: Db, userId: number, now = new Date()): User | undefined {
  return db.transaction((tx) => {
    tx.update(emailConfirmations).set({ usedAt: now }).where(and(eq(emailConfirmations.userId, userId), isNull(emailConfirmations.usedAt))).run();
    tx.update(users).set({ emailConfirmedAt: now }).where(and(eq(users.id, userId), isNull(users.emailConfirmedAt))).run();
    return tx.select().from(users).where(eq(users.id, userId)).get();
  });
}
