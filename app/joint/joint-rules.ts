/**
 * The rules of a joint submission that need no database (decision 031): whether an invitation may
 * still be used, which signatures count, and whether the draft may be submitted.
 */

export interface InvitationRow {
  expiresAt: Date;
  revokedAt: Date | null;
  usedAt: Date | null;
  singleUse: boolean;
}

export type InvitationStatus = "valid" | "expired" | "revoked" | "used";

export function invitationStatus(invitation: InvitationRow, now: Date): InvitationStatus {
  if (invitation.revokedAt !== null) return "revoked";
  if (invitation.singleUse && invitation.usedAt !== null) return "used";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

/** Invitations last a week by default; a shared link may be given from one hour to 30 days. */
export const DEFAULT_INVITATION_HOURS = 7 * 24;
export const MAX_INVITATION_HOURS = 30 * 24;

export interface SignatureRow {
  userId: number | null;
  textHash: string;
}

/** The signatures given to the text as it now reads: the only ones shown as signed and published. */
export function currentSignatures<S extends SignatureRow>(signatures: readonly S[], textHash: string, coAuthorIds: ReadonlySet<number>): S[] {
  return signatures.filter((s) => s.textHash === textHash && s.userId !== null && coAuthorIds.has(s.userId));
}

export type SubmitRefusal = "joint.submit.initiatorMustSign" | "joint.submit.needsCoSigner" | "joint.submit.emptyBody" | "joint.submit.emptyProposal";

/**
 * Why it may not be submitted yet, or null: the initiator and at least one other co-author have
 * signed the current text, and the text is a comment (an explanation; for an amendment, wording).
 */
export function submitRefusal(input: { initiatorId: number; stance: string; body: string; proposedText: string; signerIds: readonly number[] }): SubmitRefusal | null {
  if (input.body.trim() === "") return "joint.submit.emptyBody";
  if (input.stance === "amendment" && input.proposedText.trim() === "") return "joint.submit.emptyProposal";
  if (!input.signerIds.includes(input.initiatorId)) return "joint.submit.initiatorMustSign";
  if (!input.signerIds.some((id) => id !== input.initiatorId)) return "joint.submit.needsCoSigner";
  return null;
}

/** A plain-form save made on an older revision than the stored one: someone else saved since. */
export function savedOverOthers(formRevision: number, storedRevision: number): boolean {
  return formRevision < storedRevision;
}
