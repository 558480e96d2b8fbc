/**
 * Accounts: registration, sign-in, password change and reset, the participants list of the
 * secretariat, roles and expert groups, data export and account deletion.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, asc, count, eq, gt, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import {
  comments as commentsTable,
  consultationExperts,
  endorsements,
  consultations,
  emailPreferences,
  follows,
  notifications,
  outbox,
  passwordResets,
  sessions,
  stakeholderGroups,
  users,
  type Role,
  type User,
} from "../../db/schema";
import { dummyPasswordHash, hashPassword, verifyPassword } from "../auth/password.server";
import { settleCommentsOfDeletedAccount } from "../comments/comments.server";
import { countryByCode } from "./countries";
import type { RegistrationInput } from "./profile-schema";

export const RESET_MINUTES = 60;

export class EmailTakenError extends Error {
  constructor() {
    super("field.email.taken");
  }
}

export function listStakeholderGroups(db: Db) {
  return db.select().from(stakeholderGroups).orderBy(asc(stakeholderGroups.position), asc(stakeholderGroups.name)).all();
}

export function addStakeholderGroup(db: Db, name: string) {
  const slug = name.toLowerCase().normalize("NFKD").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").slice(0, 60);
  const position = (db.select({ n: count() }).from(stakeholderGroups).get()?.n ?? 0) + 1;
  return db.insert(stakeholderGroups).values({ slug: slug || `group-${position}`, name, position }).onConflictDoNothing().returning().get();
}

export function findUserByEmail(db: Db, email: string): User | undefined {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export async function registerUser(
  db: Db,
  /** confirmed: the address needs no confirmation link (created by the secretariat's CLI). */
  input: Omit<RegistrationInput, "consent" | "website"> & { role?: Role; demo?: boolean; confirmed?: boolean },
  now = new Date(),
): Promise<User> {
  const country = countryByCode(input.countryCode);
  if (!country) throw new Error(`unknown country ${input.countryCode}`);
  const group = db.select().from(stakeholderGroups).where(eq(stakeholderGroups.id, input.stakeholderGroupId)).get();
  if (!group) throw new Error("field.stakeholderGroup.required");
  const passwordHash = await hashPassword(input.password);
  if (findUserByEmail(db, input.email)) throw new EmailTakenError();
  try {
    return db
      .insert(users)
      .values({
        email: input.email.trim().toLowerCase(),
        displayName: input.displayName,
        passwordHash,
        role: input.role ?? "participant",
        countryCode: country.code,
        unescoRegion: country.region,
        electoralGroup: country.group,
        stakeholderGroupId: group.id,
        organisation: input.organisation ?? null,
        respondsFor: input.respondsFor,
        gender: input.gender,
        ageBand: input.ageBand,
        language: input.language,
        pseudonymous: input.pseudonymous,
        consentedAt: now,
        demo: input.demo ?? false,
        emailConfirmedAt: input.confirmed ? now : null,
      })
      .returning()
      .get();
  } catch (error) {
    // Two registrations racing for one address: the unique index decides.
    if (String(error).includes("UNIQUE")) throw new EmailTakenError();
    throw error;
  }
}

/**
 * The user with this e-mail and password, or null. An unknown e-mail costs the same time as a
 * wrong password, so the answer does not reveal who has an account.
 */
export async function authenticate(db: Db, email: string, password: string): Promise<User | null> {
  const user = findUserByEmail(db, email);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : null;
}

export async function changePassword(db: Db, userId: number, newPassword: string): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    // Every other session ends: whoever knew the old password is signed out.
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
  });
}

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Puts a reset link in the outbox when the e-mail belongs to an account; does nothing otherwise,
 * and the page says the same either way.
 */
export function requestPasswordReset(db: Db, email: string, origin: string, now = new Date()): boolean {
  const user = findUserByEmail(db, email);
  if (!user) return false;
  const token = randomBytes(32).toString("base64url");
  const link = `${origin}/reset-password/${token}`;
  db.transaction((tx) => {
    // Only the newest link works: an older one, perhaps in a mailbox someone else reads, is void.
    tx.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt))).run();
    tx.insert(passwordResets)
      .values({ id: digest(token), userId: user.id, expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000) })
      .run();
    tx.insert(outbox)
      .values({
        to: user.email,
        subject: "Reset your Redraft password",
        body: `Hello ${user.displayName},\n\nSomeone (hopefully you) asked to reset the password of your Redraft account. Choose a new password here within ${RESET_MINUTES} minutes:\n\n${link}\n\nIf you did not ask for this, ignore this message: your password stays as it is.\n`,
      })
      .run();
  });
  return true;
}

/** The account a reset token opens, if the token is known, unused and not expired. */
export function findResetToken(db: Db, token: string, now = new Date()) {
  return db
    .select()
    .from(passwordResets)
    .where(and(eq(passwordResets.id, digest(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .get();
}

export async function resetPassword(db: Db, token: string, newPassword: string, now = new Date()): Promise<number | null> {
  const reset = findResetToken(db, token, now);
  if (!reset) return null;
  const passwordHash = await hashPassword(newPassword);
  db.transaction((tx) => {
    tx.update(passwordResets).set({ usedAt: now }).where(eq(passwordResets.id, reset.id)).run();
    tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId)).run();
    tx.delete(sessions).where(eq(sessions.userId, reset.userId)).run();
  });
  return reset.userId;
}

export interface ParticipantFilters {
  q?: string;
  role?: Role;
  region?: string;
  stakeholderGroupId?: number;
  countryCode?: string;
}

export const PAGE_SIZE = 50;

export function listParticipants(db: Db, filters: ParticipantFilters, page = 1) {
  const conditions: SQL[] = [];
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        sql`${users.displayName} like ${pattern} escape '\\'`,
        sql`${users.email} like ${pattern} escape '\\'`,
        sql`${users.organisation} like ${pattern} escape '\\'`,
      )!,
    );
  }
  if (filters.role) conditions.push(eq(users.role, filters.role));
  if (filters.region) conditions.push(sql`${users.unescoRegion} = ${filters.region}`);
  if (filters.stakeholderGroupId) conditions.push(eq(users.stakeholderGroupId, filters.stakeholderGroupId));
  if (filters.countryCode) conditions.push(eq(users.countryCode, filters.countryCode));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const total = db.select({ n: count() }).from(users).where(where).get()?.n ?? 0;
  const rows = db
    .select({ user: users, group: stakeholderGroups.name })
    .from(users)
    .innerJoin(stakeholderGroups, eq(stakeholderGroups.id, users.stakeholderGroupId))
    .where(where)
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all();
  return { total, rows };
}

export function changeRole(db: Db, userId: number, role: Role): boolean {
  return db.update(users).set({ role }).where(eq(users.id, userId)).run().changes > 0;
}

export function expertsOf(db: Db, consultationId: number) {
  return db
    .select({ user: users, lead: consultationExperts.lead })
    .from(consultationExperts)
    .innerJoin(users, eq(users.id, consultationExperts.userId))
    .where(eq(consultationExperts.consultationId, consultationId))
    .orderBy(asc(users.displayName))
    .all();
}

export function addExpert(db: Db, consultationId: number, userId: number, lead: boolean) {
  db.insert(consultationExperts)
    .values({ consultationId, userId, lead })
    .onConflictDoUpdate({ target: [consultationExperts.consultationId, consultationExperts.userId], set: { lead } })
    .run();
}

export function removeExpert(db: Db, consultationId: number, userId: number) {
  db.delete(consultationExperts)
    .where(and(eq(consultationExperts.consultationId, consultationId), eq(consultationExperts.userId, userId)))
    .run();
}

export function listOutbox(db: Db) {
  return db.select().from(outbox).orderBy(sql`${outbox.id} desc`).limit(200).all();
}

/** Everything stored about a person, for the right of access (downloaded as JSON). */
export function exportUserData(db: Db, userId: number) {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return null;
  const { passwordHash: _secret, ...profile } = user;
  const group = db.select().from(stakeholderGroups).where(eq(stakeholderGroups.id, user.stakeholderGroupId)).get();
  const expertGroups = db
    .select({ consultation: consultations.slug, title: consultations.title, lead: consultationExperts.lead })
    .from(consultationExperts)
    .innerJoin(consultations, eq(consultations.id, consultationExperts.consultationId))
    .where(eq(consultationExperts.userId, userId))
    .all();
  const activeSessions = db
    .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, remember: sessions.remember })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .all();
  return {
    exportedAt: new Date().toISOString(),
    profile: { ...profile, stakeholderGroup: group?.name ?? null, country: countryByCode(user.countryCode)?.name ?? user.countryCode },
    expertGroups,
    sessions: activeSessions,
    emails: db.select().from(outbox).where(eq(outbox.to, user.email)).all(),
    comments: db.select().from(commentsTable).where(eq(commentsTable.authorId, userId)).all(),
    endorsements: db.select().from(endorsements).where(eq(endorsements.userId, userId)).all(),
    follows: db.select().from(follows).where(eq(follows.userId, userId)).all(),
    notifications: db.select().from(notifications).where(eq(notifications.userId, userId)).all(),
    emailPreferences: db.select().from(emailPreferences).where(eq(emailPreferences.userId, userId)).all(),
  };
}

/**
 * Deletes the account, its sessions, reset tokens, endorsements and expert memberships (cascade)
 * and settles its comments as the person chose, in one transaction.
 */
export function deleteAccount(db: Db, userId: number, comments: "anonymise" | "remove"): void {
  db.transaction((tx) => {
    const user = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!user) return;
    settleCommentsOfDeletedAccount(tx as unknown as Db, userId, comments);
    tx.delete(outbox).where(eq(outbox.to, user.email)).run();
    tx.delete(users).where(eq(users.id, userId)).run();
  });
}


