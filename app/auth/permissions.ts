import type { ConsultationStatus, Role } from "../../db/schema";

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
    };

export const anonymous: Actor = { kind: "anonymous" };

interface ConsultationRef {
  id: number;
  status: ConsultationStatus;
}

export type Permission =
  | { action: "consultation.list" }
  | { action: "consultation.read"; consultation: { status: ConsultationStatus; id?: number } }
  | { action: "comment.create"; consultation: ConsultationRef }
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
  | { action: "experts.manage" }
  | { action: "stakeholderGroups.manage" }
  | { action: "outbox.read" }
  | { action: "profiles.readFull" };

export type PermissionAction = Permission["action"];

function isExpert(actor: Actor, consultationId: number): boolean {
  return actor.kind === "user" && actor.expertOf.has(consultationId);
}

/**
 * The one place that decides who may do what. Every loader, action and socket event asks here.
 * A consultation in preparation is visible to the secretariat and its experts only; open and
 * closed ones are public texts.
 */
export function can(actor: Actor, permission: Permission): boolean {
  const user = actor.kind === "user" ? actor : null;
  const secretariat = user?.role === "secretariat";
  switch (permission.action) {
    case "consultation.list":
      return true;
    case "consultation.read": {
      const { status, id } = permission.consultation;
      if (status !== "draft") return true;
      return secretariat || (id !== undefined && isExpert(actor, id));
    }
    case "comment.create":
      return user !== null && permission.consultation.status === "open";
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
      return secretariat && permission.consultation.status !== "draft";
    // The compiled table, dispositions and assignments: the expert group's and secretariat's work.
    case "comments.review":
      return secretariat || isExpert(actor, permission.consultation.id);
    // Exports without personal data: for the experts while they work, for everyone once closed.
    case "export.public":
    case "whatWeHeard.read":
      return secretariat || isExpert(actor, permission.consultation.id) || permission.consultation.status === "closed";
    case "comment.moderate":
      return secretariat || user?.role === "moderator";
    case "account.manage":
      return user !== null;
    case "users.list":
    case "users.changeRole":
    case "experts.manage":
    case "stakeholderGroups.manage":
    case "outbox.read":
    case "moderation.log.read":
    case "profiles.readFull":
    case "export.private":
      return secretariat;
  }
}
