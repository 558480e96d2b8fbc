import type { ConsultationStatus } from "../../db/schema";

/**
 * Who is acting. Accounts arrive with the accounts issue; until then everyone is anonymous, and
 * this type is where roles will be added without touching the callers.
 */
export type Actor = { kind: "anonymous" };

export const anonymous: Actor = { kind: "anonymous" };

export type Permission =
  | { action: "consultation.list" }
  | { action: "consultation.read"; consultation: { status: ConsultationStatus } };

/**
 * The one place that decides who may do what. Every loader, action and socket event asks here.
 * A consultation in preparation is invisible to the public; open and closed ones are public texts.
 */
export function can(actor: Actor, permission: Permission): boolean {
  switch (permission.action) {
    case "consultation.list":
      return true;
    case "consultation.read":
      return permission.consultation.status !== "draft" || actor.kind !== "anonymous";
  }
}
