/** Live updates of a consultation's discussion: who may follow it, through the permission function. */
import type { Socket } from "socket.io";
import type { Db } from "../../db/client.server";
import { anonymous, can } from "../auth/permissions";
import { actorFromCookieHeader } from "../auth/session.server";
import type { Config } from "../config/env.server";
import { getConsultationBySlug } from "../drafts/drafts.server";
import type { AppLoadContext } from "@remix-run/node";
import type { ConsultationChange } from "../../realtime/protocol";
import { keepCampaignsCurrent } from "../analysis/campaign-groups.server";
import { currentLabel, paragraphStanceCounts } from "./comments.server";

/**
 * Comments of the consultation changed (one added, edited, removed, imported): its live viewers
 * are told, and in the server its campaign grouping is refreshed in the background soon after.
 * A change on one paragraph carries that paragraph's public counts, read once here: 500 viewers
 * of the draft page then update from the event, where each used to ask the server (decision 026).
 */
export function commentsChanged(context: AppLoadContext, consultationId: number, change: ConsultationChange): void {
  const withCounts =
    change.kind === "comment" && change.nodeId !== null && context.announce
      ? { counts: paragraphStanceCounts(context.db, consultationId, change.nodeId), label: currentLabel(context.db, consultationId, change.nodeId) }
      : {};
  context.announce?.({ ...change, ...withCounts });
  if (change.kind === "comment" && context.background) keepCampaignsCurrent(context.db, consultationId, context.background);
}

/**
 * May the viewer of this handshake follow the consultation (the pages' read permission, on its
 * current state)? With its current change cursor when they may.
 */
export function mayWatchConsultation(db: Db, config: Config, cursorOf: (slug: string) => string) {
  return async (handshake: Socket["handshake"], slug: string): Promise<{ cursor: string } | null> => {
    const actor = (await actorFromCookieHeader(handshake.headers.cookie, db, config))?.actor ?? anonymous;
    // Read after the session (an await): the consultation's state as it is now.
    const consultation = getConsultationBySlug(db, slug);
    if (!consultation || !can(actor, { action: "consultation.read", consultation })) return null;
    return { cursor: cursorOf(slug) };
  };
}
