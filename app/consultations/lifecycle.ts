/**
 * The state of a consultation at an instant (docs/consultation-lifecycle.md, decision 023).
 *
 * The stored status says what the secretariat decided; the clock says where the consultation is in
 * its schedule. A consultation is therefore open from its opening instant and closed from its
 * closing instant to the millisecond, whether or not the scheduler (lifecycle-scheduler.server.ts)
 * has written the change down yet: every permission check goes through `effectiveStatus`.
 */
import type { ConsultationEventKind, ConsultationStatus } from "../../db/enums";

export interface ScheduledConsultation {
  status: ConsultationStatus;
  opensAt: Date | null;
  closesAt: Date | null;
}

export function effectiveStatus(c: ScheduledConsultation, now: Date): ConsultationStatus {
  const t = now.getTime();
  const closed = c.closesAt !== null && c.closesAt.getTime() <= t;
  switch (c.status) {
    case "scheduled":
      if (c.opensAt === null || c.opensAt.getTime() > t) return "scheduled";
      return closed ? "closed" : "open";
    case "open":
      return closed ? "closed" : "open";
    default:
      return c.status;
  }
}

/**
 * The instant the scheduler must next write a change down: the opening of a scheduled consultation,
 * the closing of an open one (already past when the server was down at that moment: due at once).
 * Null when the state never changes by itself (draft, closed, results published, no deadline).
 */
export function nextTransition(c: ScheduledConsultation): Date | null {
  if (c.status === "scheduled") return c.opensAt;
  if (c.status === "open") return c.closesAt;
  return null;
}

/** What the secretariat may do from a state, for the buttons on the consultation's page. */
export type LifecycleAction = "schedule" | "unschedule" | "open-now" | "close-now" | "extend" | "reopen" | "publish-results";

export function availableActions(state: ConsultationStatus, hasText: boolean): LifecycleAction[] {
  switch (state) {
    case "draft":
      return hasText ? ["schedule", "open-now"] : [];
    case "scheduled":
      return ["unschedule", "open-now", "extend"];
    case "open":
      return ["close-now", "extend"];
    case "closed":
      return ["reopen", "publish-results"];
    case "results-published":
      return [];
  }
}

/** Whether the stored status differs from the effective one: the scheduler has something to write. */
export function isDue(c: ScheduledConsultation, now: Date): boolean {
  return effectiveStatus(c, now) !== c.status;
}

/** The events of a consultation its followers are told of, and as what. */
export const MILESTONES: Partial<Record<ConsultationEventKind, "consultation-opened" | "consultation-closed" | "results-published">> = {
  opened: "consultation-opened",
  reopened: "consultation-opened",
  "round-opened": "consultation-opened",
  closed: "consultation-closed",
  "results-published": "results-published",
};
