/**
 * Joint submissions (issue 17, decision 031): a participant starts a joint draft on a paragraph
 * (or the draft as a whole), invites co-authors by e-mail or by a shared link, they write it
 * together live (the Yjs document `joint/<id>`) or through the plain form, sign it, and the
 * initiator submits it as ONE comment "on behalf of" its signers. Private to its co-authors until
 * then. Callers ask `can()` first; these functions keep the data consistent.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, desc, eq, isNull, notInArray, or } from "drizzle-orm";
import * as Y from "yjs";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import {
  comments,
  consultations,
  jointCoAuthors,
  jointDrafts,
  jointInvitations,
  jointSignatures,
  languages,
  stances,
  users,
  type Comment,
  type Consultation,
  type Language,
  type Stance,
  type User,
} from "../../db/schema";
import type { CollabServer } from "../../realtime/collab/collab-server.server";
import { UpdateLog } from "../../realtime/collab/update-log.server";
import type { JointRef } from "../auth/permissions";
import { addComment } from "../comments/comments.server";
import { MAX_COMMENT_LENGTH } from "../comments/comment-text";
import { controlCharacterError, hasNoControlCharacters } from "../comments/control-characters";
import { currentVersion } from "../drafts/drafts.server";
import { createTranslator } from "../i18n/translate";
import { commentPublished, notifyUsers, type NotificationDetail } from "../notifications/notifications.server";
import { enqueueEmail } from "../notifications/outbox.server";
import { currentSignatures, DEFAULT_INVITATION_HOURS, invitationStatus, MAX_INVITATION_HOURS, submitRefusal, type InvitationStatus, type SubmitRefusal } from "./joint-rules";
import { jointDocumentName, jointTextUpdate, readJointText, signedText, writeJointText, type JointText } from "./joint-text";

export type JointDraft = typeof jointDrafts.$inferSelect;

/** Co-authors one draft may have (a coalition, not a petition: those sign comments of their own). */
export const MAX_CO_AUTHORS = 50;
/** Invitations one draft may have outstanding at once. */
export const MAX_OPEN_INVITATIONS = 50;

const text = (max: number) => z.string().trim().max(max, { error: "comment.body.tooLong" }).refine(hasNoControlCharacters, controlCharacterError);

export const startSchema = z.object({
  stance: z.enum(stances, { error: "comment.stance.required" }),
  /** The paragraph's label; empty: the draft as a whole. */
  label: z.string().trim().max(100).optional().default(""),
  language: z.enum(languages).optional().catch(undefined),
});

export const saveSchema = z.object({
  body: text(MAX_COMMENT_LENGTH).default(""),
  proposedText: text(MAX_COMMENT_LENGTH).optional().default(""),
  revision: z.coerce.number().int().nonnegative({ error: "error.invalidForm" }),
});

export const inviteSchema = z.object({
  email: z.email({ error: "joint.invite.emailInvalid" }).max(254, { error: "joint.invite.emailInvalid" }).transform((e) => e.toLowerCase()),
});

export const linkSchema = z.object({
  singleUse: z.enum(["on"]).optional().transform((v) => v === "on"),
  hours: z.coerce
    .number({ error: "joint.link.hoursInvalid" })
    .int({ error: "joint.link.hoursInvalid" })
    .min(1, { error: "joint.link.hoursInvalid" })
    .max(MAX_INVITATION_HOURS, { error: "joint.link.hoursInvalid" })
    .default(DEFAULT_INVITATION_HOURS),
});

const digest = (token: string) => createHash("sha256").update(token).digest("hex");
export const textHash = (t: JointText, stance: string) => createHash("sha256").update(signedText(t, stance)).digest("hex");

// Reading ---------------------------------------------------------------------------------------

export function getJointDraft(db: Db, id: number): JointDraft | undefined {
  return db.select().from(jointDrafts).where(eq(jointDrafts.id, id)).get();
}

export function consultationOfJoint(db: Db, draft: Pick<JointDraft, "consultationId">): Consultation | undefined {
  return db.select().from(consultations).where(eq(consultations.id, draft.consultationId)).get();
}

/** Active co-authors' ids (the initiator included; removed ones not). */
export function coAuthorIds(db: Db, jointDraftId: number): number[] {
  return db
    .select({ userId: jointCoAuthors.userId })
    .from(jointCoAuthors)
    .where(and(eq(jointCoAuthors.jointDraftId, jointDraftId), isNull(jointCoAuthors.removedAt)))
    .all()
    .map((r) => r.userId);
}

/** The actor's place in a joint draft, for `can()`. */
export function jointRef(db: Db, draft: JointDraft, userId: number | null): JointRef {
  const coAuthor =
    userId !== null &&
    db
      .select({ userId: jointCoAuthors.userId })
      .from(jointCoAuthors)
      .where(and(eq(jointCoAuthors.jointDraftId, draft.id), eq(jointCoAuthors.userId, userId), isNull(jointCoAuthors.removedAt)))
      .get() !== undefined;
  return { coAuthor, initiator: coAuthor && draft.initiatorId === userId, state: draft.state };
}

/** The joint drafts a participant writes in one consultation, newest first. */
export function myJointDrafts(db: Db, userId: number, consultationId: number) {
  return db
    .select({ draft: jointDrafts })
    .from(jointCoAuthors)
    .innerJoin(jointDrafts, eq(jointDrafts.id, jointCoAuthors.jointDraftId))
    .where(and(eq(jointCoAuthors.userId, userId), isNull(jointCoAuthors.removedAt), eq(jointDrafts.consultationId, consultationId)))
    .orderBy(desc(jointDrafts.id))
    .all()
    .map((r) => r.draft);
}

/**
 * The text as it stands: the live document when someone has it open, else its stored log, else
 * the last plain-form save (the columns). Once submitted, the frozen columns.
 */
export function currentJointText(db: Db, collab: CollabServer | undefined, draft: JointDraft): JointText {
  const stored = { body: draft.body, proposedText: draft.proposedText ?? "" };
  if (draft.state !== "drafting") return stored;
  const name = jointDocumentName(draft.id);
  const live = collab?.documents.get(name)?.doc;
  if (live) return readJointText(live);
  const loaded = new UpdateLog(db).load(name);
  if (!loaded) return stored;
  try {
    return readJointText(loaded.doc);
  } finally {
    loaded.doc.destroy();
  }
}

/** First content of `joint/<id>` never opened before: the draft's columns; null for an unknown id. */
export function initialJointDocument(db: Db, id: number): Uint8Array | null {
  const draft = getJointDraft(db, id);
  if (!draft) return null;
  return jointTextUpdate({ body: draft.body, proposedText: draft.proposedText ?? "" });
}

export function coAuthorsOf(db: Db, jointDraftId: number) {
  return db
    .select({
      userId: users.id,
      name: users.displayName,
      pseudonymous: users.pseudonymous,
      organisation: users.organisation,
      countryCode: users.countryCode,
      joinedAt: jointCoAuthors.joinedAt,
    })
    .from(jointCoAuthors)
    .innerJoin(users, eq(users.id, jointCoAuthors.userId))
    .where(and(eq(jointCoAuthors.jointDraftId, jointDraftId), isNull(jointCoAuthors.removedAt)))
    .orderBy(jointCoAuthors.joinedAt)
    .all();
}

export function signaturesOf(db: Db, jointDraftId: number) {
  return db.select().from(jointSignatures).where(eq(jointSignatures.jointDraftId, jointDraftId)).orderBy(jointSignatures.signedAt).all();
}

export function invitationsOf(db: Db, jointDraftId: number, now = new Date()) {
  return db
    .select()
    .from(jointInvitations)
    .where(eq(jointInvitations.jointDraftId, jointDraftId))
    .orderBy(desc(jointInvitations.createdAt))
    .all()
    .map((i) => ({ ...i, status: invitationStatus(i, now) }));
}

// Writing ---------------------------------------------------------------------------------------

/** Starts a joint draft; for an amendment, the paragraph's current text is the wording to rework. */
export function startJointDraft(
  db: Db,
  input: { consultation: Consultation; initiator: User; nodeId: string | null; paragraphText: string | null; stance: Stance; language?: Language },
): JointDraft {
  return db.transaction((tx) => {
    const draft = tx
      .insert(jointDrafts)
      .values({
        consultationId: input.consultation.id,
        nodeId: input.nodeId,
        initiatorId: input.initiator.id,
        stance: input.stance,
        language: input.language ?? input.initiator.language,
        proposedText: input.stance === "amendment" ? (input.paragraphText ?? "") : "",
      })
      .returning()
      .get();
    tx.insert(jointCoAuthors).values({ jointDraftId: draft.id, userId: input.initiator.id }).run();
    return draft;
  });
}

/**
 * The plain form's save: last save wins (in the live document too, so the editors show it).
 * Returns whether someone else had saved since the form was loaded, for the warning.
 */
export function saveJointText(db: Db, collab: CollabServer | undefined, draft: JointDraft, userId: number, input: z.infer<typeof saveSchema>): { overwrote: boolean } {
  const value: JointText = { body: input.body, proposedText: draft.stance === "amendment" ? input.proposedText : "" };
  const overwrote = input.revision < draft.revision && draft.savedById !== userId;
  db.update(jointDrafts)
    .set({ body: value.body, proposedText: value.proposedText, revision: draft.revision + 1, savedById: userId, savedAt: new Date() })
    .where(eq(jointDrafts.id, draft.id))
    .run();
  const name = jointDocumentName(draft.id);
  const live = collab?.documents.get(name)?.doc;
  if (live) {
    // The collab server logs this change before relaying it, like any other.
    writeJointText(live, value);
    return { overwrote };
  }
  const log = new UpdateLog(db);
  const loaded = log.load(name);
  if (!loaded) return { overwrote };
  const updates: Uint8Array[] = [];
  loaded.doc.on("update", (u: Uint8Array) => updates.push(u));
  writeJointText(loaded.doc, value);
  if (updates.length > 0) log.append(name, Y.mergeUpdates(updates), String(userId));
  loaded.doc.destroy();
  return { overwrote };
}

function newToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, id: digest(token) };
}

function openInvitations(db: Db, jointDraftId: number, now: Date): number {
  return invitationsOf(db, jointDraftId, now).filter((i) => i.status === "valid").length;
}

export type InviteOutcome = { ok: true } | { ok: false; error: "joint.invite.tooMany" | "joint.invite.already" };

/**
 * Invites one address. An account with it hears through the notification system, in its own
 * language and by its e-mail preference; an address without an account gets the e-mail at once,
 * in the inviter's language, and registers first (the link brings them back).
 */
export function inviteByEmail(
  db: Db,
  input: { draft: JointDraft; consultation: Consultation; inviter: User; email: string; label: string | null; origin: string; locale: Language },
  now = new Date(),
): InviteOutcome {
  if (openInvitations(db, input.draft.id, now) >= MAX_OPEN_INVITATIONS) return { ok: false, error: "joint.invite.tooMany" };
  const invitee = db.select().from(users).where(eq(users.email, input.email)).get();
  if (invitee && coAuthorIds(db, input.draft.id).includes(invitee.id)) return { ok: false, error: "joint.invite.already" };
  const { token, id } = newToken();
  const path = `/joint/accept/${token}`;
  db.transaction((tx) => {
    tx.insert(jointInvitations)
      .values({ id, jointDraftId: input.draft.id, email: input.email, singleUse: true, expiresAt: new Date(now.getTime() + DEFAULT_INVITATION_HOURS * 3600_000), createdById: input.inviter.id })
      .run();
    const detail: NotificationDetail = {
      slug: input.consultation.slug,
      title: input.consultation.title,
      label: input.label,
      by: input.inviter.pseudonymous ? null : input.inviter.displayName,
      path,
    };
    if (invitee) {
      notifyUsers(tx as unknown as Db, [invitee.id], "joint-invitation", input.consultation.id, null, detail);
      return;
    }
    const t = createTranslator(input.locale);
    const who = detail.by ?? t("comment.participant");
    const where = input.label ? t("notifications.onParagraph", { label: input.label }) : t("notifications.onDraft");
    enqueueEmail(tx as unknown as Db, {
      to: input.email,
      language: input.locale,
      subject: t("notifications.jointInvitation", { who, where, title: input.consultation.title }),
      body: t("joint.invite.emailBody", { who, where, title: input.consultation.title, link: `${input.origin}${path}`, days: DEFAULT_INVITATION_HOURS / 24 }),
    });
  });
  return { ok: true };
}

/** A link the initiator shares: single use or for anyone who has it until it expires. The token is returned once. */
export function createInvitationLink(db: Db, draft: JointDraft, creatorId: number, input: z.infer<typeof linkSchema>, now = new Date()): string | null {
  if (openInvitations(db, draft.id, now) >= MAX_OPEN_INVITATIONS) return null;
  const { token, id } = newToken();
  db.insert(jointInvitations)
    .values({ id, jointDraftId: draft.id, email: null, singleUse: input.singleUse, expiresAt: new Date(now.getTime() + input.hours * 3600_000), createdById: creatorId })
    .run();
  return token;
}

export function revokeInvitation(db: Db, jointDraftId: number, invitationId: string, now = new Date()): boolean {
  return (
    db
      .update(jointInvitations)
      .set({ revokedAt: now })
      .where(and(eq(jointInvitations.id, invitationId), eq(jointInvitations.jointDraftId, jointDraftId), isNull(jointInvitations.revokedAt)))
      .run().changes > 0
  );
}

/** The invitation a token names, with its draft; undefined for a token that names none. */
export function invitationByToken(db: Db, token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const row = db
    .select({ invitation: jointInvitations, draft: jointDrafts, consultation: consultations })
    .from(jointInvitations)
    .innerJoin(jointDrafts, eq(jointDrafts.id, jointInvitations.jointDraftId))
    .innerJoin(consultations, eq(consultations.id, jointDrafts.consultationId))
    .where(eq(jointInvitations.id, digest(token)))
    .get();
  if (!row) return undefined;
  const status: InvitationStatus | "closed" = row.draft.state !== "drafting" ? "closed" : invitationStatus(row.invitation, now);
  return { ...row, status };
}

export type AcceptOutcome = { ok: true; jointDraftId: number } | { ok: false; error: "joint.accept.invalid" | "joint.accept.full" };

/** Accepts an invitation (the caller checked `joint.start` on its consultation). */
export function acceptInvitation(db: Db, token: string, userId: number, now = new Date()): AcceptOutcome {
  return db.transaction((tx) => {
    const t = tx as unknown as Db;
    const found = invitationByToken(t, token, now);
    if (!found || found.status !== "valid") return { ok: false, error: "joint.accept.invalid" };
    const ids = coAuthorIds(t, found.draft.id);
    if (ids.includes(userId)) return { ok: true, jointDraftId: found.draft.id };
    if (ids.length >= MAX_CO_AUTHORS) return { ok: false, error: "joint.accept.full" };
    tx.update(jointInvitations).set({ usedAt: now }).where(eq(jointInvitations.id, found.invitation.id)).run();
    // A co-author removed earlier and invited again comes back on the same row.
    tx.insert(jointCoAuthors)
      .values({ jointDraftId: found.draft.id, userId, joinedAt: now })
      .onConflictDoUpdate({ target: [jointCoAuthors.jointDraftId, jointCoAuthors.userId], set: { removedAt: null, joinedAt: now } })
      .run();
    return { ok: true, jointDraftId: found.draft.id };
  });
}

/** The initiator removes a co-author: they lose access at once, and their signature goes. */
export function removeCoAuthor(db: Db, draft: JointDraft, userId: number, now = new Date()): boolean {
  if (userId === draft.initiatorId) return false;
  return db.transaction((tx) => {
    const changed = tx
      .update(jointCoAuthors)
      .set({ removedAt: now })
      .where(and(eq(jointCoAuthors.jointDraftId, draft.id), eq(jointCoAuthors.userId, userId), isNull(jointCoAuthors.removedAt)))
      .run().changes;
    tx.delete(jointSignatures).where(and(eq(jointSignatures.jointDraftId, draft.id), eq(jointSignatures.userId, userId))).run();
    return changed > 0;
  });
}

/** Signs the text as it now stands, with the profile as it now is (a later profile change does not alter it). */
export function signJointDraft(db: Db, collab: CollabServer | undefined, draft: JointDraft, signer: User): void {
  const hash = textHash(currentJointText(db, collab, draft), draft.stance);
  const values = {
    jointDraftId: draft.id,
    userId: signer.id,
    name: signer.displayName,
    pseudonymous: signer.pseudonymous,
    organisation: signer.organisation,
    countryCode: signer.countryCode,
    region: signer.unescoRegion,
    electoralGroup: signer.electoralGroup,
    stakeholderGroupId: signer.stakeholderGroupId,
    textHash: hash,
    signedAt: new Date(),
  };
  const { jointDraftId: _d, userId: _u, ...update } = values;
  db.insert(jointSignatures)
    .values(values)
    .onConflictDoUpdate({ target: [jointSignatures.jointDraftId, jointSignatures.userId], set: update })
    .run();
}

export function withdrawSignature(db: Db, draftId: number, userId: number): void {
  db.delete(jointSignatures).where(and(eq(jointSignatures.jointDraftId, draftId), eq(jointSignatures.userId, userId))).run();
}

/** Who has signed the text as it stands now, and whose signature is under an earlier text. */
export function signatureState(db: Db, collab: CollabServer | undefined, draft: JointDraft) {
  const current = currentJointText(db, collab, draft);
  const hash = textHash(current, draft.stance);
  const all = signaturesOf(db, draft.id);
  const active = new Set(coAuthorIds(db, draft.id));
  const valid = currentSignatures(all, hash, active);
  const validIds = new Set(valid.map((s) => s.userId));
  return { text: current, hash, valid, stale: all.filter((s) => s.userId !== null && active.has(s.userId) && !validIds.has(s.userId)) };
}

export type SubmitOutcome = { ok: true; comment: Comment } | { ok: false; error: SubmitRefusal };

/**
 * Freezes the text, publishes it as one comment by the initiator with joint_draft_id set, keeps
 * only the signatures given to that text, and tells the co-authors. One transaction.
 */
export function submitJointDraft(
  db: Db,
  collab: CollabServer | undefined,
  draft: JointDraft,
  initiator: User,
  consultation: Consultation,
  /** The paragraph's label, for the notification's link to the published comment (null: the draft as a whole). */
  label: string | null = null,
): SubmitOutcome {
  const outcome = db.transaction((tx): SubmitOutcome => {
    const t = tx as unknown as Db;
    const fresh = getJointDraft(t, draft.id)!;
    const { text: frozen, valid } = signatureState(t, collab, fresh);
    const refusal = submitRefusal({
      initiatorId: fresh.initiatorId,
      stance: fresh.stance,
      body: frozen.body,
      proposedText: frozen.proposedText,
      signerIds: valid.map((s) => s.userId!),
    });
    if (refusal) return { ok: false, error: refusal };
    const version = currentVersion(t, consultation.id);
    const comment = addComment(t, {
      consultationId: consultation.id,
      nodeId: fresh.nodeId,
      versionId: version?.id ?? null,
      round: consultation.round,
      author: initiator,
      stance: fresh.stance,
      body: frozen.body,
      proposedText: fresh.stance === "amendment" ? frozen.proposedText : undefined,
      submissionId: randomUUID(),
      language: fresh.language,
    });
    tx.update(comments).set({ jointDraftId: fresh.id }).where(eq(comments.id, comment.id)).run();
    // Listed under the published words: the signers of exactly these words, nobody else.
    const keep = valid.map((s) => s.userId!);
    tx.delete(jointSignatures)
      .where(and(eq(jointSignatures.jointDraftId, fresh.id), or(isNull(jointSignatures.userId), notInArray(jointSignatures.userId, keep))))
      .run();
    tx.update(jointDrafts)
      .set({
        state: "submitted",
        body: frozen.body,
        proposedText: fresh.stance === "amendment" ? frozen.proposedText : "",
        commentId: comment.id,
        submittedAt: new Date(),
      })
      .where(eq(jointDrafts.id, fresh.id))
      .run();
    return { ok: true, comment: { ...comment, jointDraftId: fresh.id } };
  });
  if (!outcome.ok) return outcome;
  commentPublished(db, outcome.comment);
  const others = coAuthorIds(db, draft.id).filter((id) => id !== initiator.id);
  notifyUsers(db, others, "joint-submitted", consultation.id, outcome.comment.id, {
    slug: consultation.slug,
    title: consultation.title,
    label,
    excerpt: outcome.comment.body.slice(0, 280),
  });
  return outcome;
}
