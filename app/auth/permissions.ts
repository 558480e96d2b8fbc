import type { ConsultationStatus, JointDraftState, Role } from "../../db/enums";
import { effectiveStatus } from "../consultations/lifecycle";

/**
 * Who is acting: nobody signed in, or a user with a platform role (participant, moderator,
 * secretariat) and the consultations whose expert group they belong to ("expert" is a membership,
 * not a platform role: one person can be an expert for one consultation and a participant in
 * another).
 */
export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "user";
      userId: number;
      role: Role;
      /** consultation id → whether they lead its expert group. */
      expertOf: ReadonlyMap<number, { lead: boolean }>;
      /** Their stakeholder group, for consultations open to chosen groups only. */
      stakeholderGroupId?: number | null;
      /**
       * Whether they proved their e-mail address is theirs. Until then they read and prepare, but
       * nothing they write is published or counted (decision 028): one person, one voice.
       */
      emailConfirmed: boolean;
    };

export const anonymous: Actor = { kind: "anonymous" };

/**
 * A consultation as stored: its status and schedule. Every check derives the state from them and
 * the clock (app/consultations/lifecycle.ts), so a consultation opens and closes on time whether or
 * not the scheduler has written the change down.
 */
export interface ConsultationRef {
  id: number;
  status: ConsultationStatus;
  opensAt: Date | null;
  closesAt: Date | null;
  /** Stakeholder groups who may comment, JSON array or list; empty: every registered participant. */
  commenterGroupIds?: string | readonly number[];
}

function groupsOf(c: ConsultationRef): readonly number[] {
  if (c.commenterGroupIds === undefined) return [];
  if (typeof c.commenterGroupIds !== "string") return c.commenterGroupIds;
  try {
    const parsed: unknown = JSON.parse(c.commenterGroupIds);
    return Array.isArray(parsed) ? parsed.filter((n): n is number => typeof n === "number") : [];
  } catch {
    return [];
  }
}

export type Permission =
  | { action: "consultation.list" }
  | { action: "consultation.read"; consultation: Omit<ConsultationRef, "id"> & { id?: number } }
  | { action: "consultation.manage" }
  | { action: "comment.create"; consultation: ConsultationRef }
  /** Seeing the comment form and writing in it: comment.create but for a confirmed address. */
  | { action: "comment.prepare"; consultation: ConsultationRef }
  /** Following a consultation or a paragraph, and reading one's own notifications. */
  | { action: "notifications.manage" }
  /** authorId: the comment's author (null for input recorded on behalf of a group). */
  | { action: "comment.endorse"; consultation: ConsultationRef; authorId: number | null }
  | { action: "draft.view"; consultation: ConsultationRef }
  | { action: "draft.edit"; consultation: ConsultationRef }
  | { action: "draft.publish"; consultation: ConsultationRef }
  | { action: "draft.upload"; consultation: ConsultationRef }
  | { action: "input.record"; consultation: ConsultationRef }
  | { action: "analysis.view"; consultation: ConsultationRef }
  | { action: "comments.review"; consultation: ConsultationRef }
  | { action: "export.public"; consultation: ConsultationRef }
  | { action: "export.private" }
  | { action: "whatWeHeard.read"; consultation: ConsultationRef }
  | { action: "comment.moderate" }
  | { action: "moderation.log.read" }
  | { action: "account.manage" }
  | { action: "users.list" }
  | { action: "users.changeRole" }
  | { action: "users.confirmEmail" }
  /** Writing to a consultation's participants (or chosen regions or groups of them). */
  | { action: "announcement.send" }
  | { action: "experts.manage" }
  | { action: "stakeholderGroups.manage" }
  | { action: "outbox.read" }
  | { action: "profiles.readFull" }
  /** Exempting a meeting's address range from per-address rate limits for a day. */
  | { action: "addressAllowances.manage" }
  /** Starting a joint submission (issue 17), or accepting an invitation to co-author one. */
  | { action: "joint.start"; consultation: ConsultationRef }
  /** Opening a joint draft: its co-authors only, before and after submission (decision 031). */
  | { action: "joint.read"; joint: JointRef }
  /** Writing in it, live or by the plain form; inviting others in. */
  | { action: "joint.write"; consultation: ConsultationRef; joint: JointRef }
  /** Signing it: one's name under the words, so a confirmed address as for a comment. */
  | { action: "joint.sign"; consultation: ConsultationRef; joint: JointRef }
  /** Removing a co-author, revoking invitations: the initiator's. */
  | { action: "joint.manage"; consultation: ConsultationRef; joint: JointRef }
  /** Publishing it as one comment: the initiator's, from a confirmed address. */
  | { action: "joint.submit"; consultation: ConsultationRef; joint: JointRef };

/** The actor's place in one joint draft, read by the caller from joint_co_authors. */
export interface JointRef {
  /** A co-author now (the initiator included; a removed one is not). */
  coAuthor: boolean;
  initiator: boolean;
  state: JointDraftState;
}

export type PermissionAction = Permission["action"];

function isExpert(actor: Actor, consultationId: number): boolean {
  return actor.kind === "user" && actor.expertOf.has(consultationId);
}

/**
 * The one place that decides who may do what. Every loader, action and socket event asks here.
 * A consultation in preparation is visible to the secretariat and its experts only; open and
 * closed ones are public texts.
 */
export function can(actor: Actor, permission: Permission, now: Date = new Date()): boolean {
  const user = actor.kind === "user" ? actor : null;
  const secretariat = user?.role === "secretariat";
  const state = "consultation" in permission ? effectiveStatus(permission.consultation, now) : null;
  switch (permission.action) {
    case "consultation.list":
      return true;
    case "consultation.read": {
      const { id } = permission.consultation;
      if (state !== "draft" && state !== "scheduled") return true;
      return secretariat || (id !== undefined && isExpert(actor, id));
    }
    case "comment.prepare": {
      // Comments, replies, endorsements, flags and edits: while the consultation is open, by the clock.
      if (user === null || state !== "open") return false;
      const groups = groupsOf(permission.consultation);
      return groups.length === 0 || (user.stakeholderGroupId != null && groups.includes(user.stakeholderGroupId));
    }
    case "comment.create":
      // Published and counted only from a confirmed address: otherwise one person could speak as many.
      return user !== null && user.emailConfirmed && can(actor, { action: "comment.prepare", consultation: permission.consultation }, now);
    case "comment.endorse":
      // "I agree" is others' support: endorsing one's own comment would count its author twice.
      return can(actor, { action: "comment.create", consultation: permission.consultation }, now) && permission.authorId !== user?.userId;
    case "draft.view":
      return secretariat || user?.role === "moderator" || isExpert(actor, permission.consultation.id);
    case "analysis.view":
      // The feedback by region, group, gender and age is for those who revise the text.
      return secretariat || isExpert(actor, permission.consultation.id);
    case "draft.edit":
      return secretariat || isExpert(actor, permission.consultation.id);
    case "draft.publish":
      return secretariat || (user?.expertOf.get(permission.consultation.id)?.lead ?? false);
    case "draft.upload":
      // Bringing in a text from a file (a new version or a translation) is the secretariat's, in
      // any state: the first text of a consultation in preparation, a new round's, a late translation.
      return secretariat;
    case "input.record":
      // Meetings held during the consultation may be written up after it closes; a consultation
      // still in preparation has no text to comment on yet.
      return secretariat && state !== "draft" && state !== "scheduled";
    // The compiled table, dispositions and assignments: the expert group's and secretariat's work.
    case "comments.review":
      return secretariat || isExpert(actor, permission.consultation.id);
    // Exports without personal data and "what we heard": for the experts while they work, for
    // everyone once the secretariat publishes the results.
    case "export.public":
    case "whatWeHeard.read":
      return secretariat || isExpert(actor, permission.consultation.id) || state === "results-published";
    case "comment.moderate":
      return secretariat || user?.role === "moderator";
    case "account.manage":
    case "notifications.manage":
      return user !== null;
    case "joint.start":
      // Writing a joint submission is preparing a comment: same people, same moments.
      return can(actor, { action: "comment.prepare", consultation: permission.consultation }, now);
    case "joint.read":
      return user !== null && permission.joint.coAuthor;
    case "joint.write":
      return user !== null && permission.joint.coAuthor && permission.joint.state === "drafting" && can(actor, { action: "comment.prepare", consultation: permission.consultation }, now);
    case "joint.sign":
      return can(actor, { action: "joint.write", consultation: permission.consultation, joint: permission.joint }, now) && can(actor, { action: "comment.create", consultation: permission.consultation }, now);
    case "joint.manage":
      return can(actor, { action: "joint.write", consultation: permission.consultation, joint: permission.joint }, now) && permission.joint.initiator;
    case "joint.submit":
      return can(actor, { action: "joint.manage", consultation: permission.consultation, joint: permission.joint }, now) && can(actor, { action: "comment.create", consultation: permission.consultation }, now);
    case "consultation.manage":
    case "users.list":
    case "users.changeRole":
    case "users.confirmEmail":
    case "announcement.send":
    case "experts.manage":
    case "stakeholderGroups.manage":
    case "outbox.read":
    case "moderation.log.read":
    case "profiles.readFull":
    case "export.private":
    case "addressAllowances.manage":
      return secretariat;
  }
}
