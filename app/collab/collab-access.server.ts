/**
 * How the `/collab` namespace knows who is connecting and what they may do: the same session
 * cookie as the pages, and the same permission function. Experts of the consultation and the
 * secretariat write; moderators follow read-only; anyone else is refused.
 */
import type { Socket } from "socket.io";
import type { Db } from "../../db/client.server";
import type { Authorization, CollabIdentity, CollabOptions } from "../../realtime/collab/collab-server.server";
import { can, type Actor } from "../auth/permissions";
import { actorFromCookieHeader } from "../auth/session.server";
import type { Config } from "../config/env.server";
import { getConsultationBySlug } from "../drafts/drafts.server";
import { consultationOfDocument, initialWorkingDraft } from "./working-drafts.server";

export function collabAccess(db: Db, config: Config): Omit<CollabOptions, "db"> {
  return {
    authenticate: async (handshake: Socket["handshake"]): Promise<CollabIdentity | null> => {
      const signedIn = await actorFromCookieHeader(handshake.headers.cookie, db, config);
      if (!signedIn) return null;
      return { userId: String(signedIn.user.id), name: signedIn.user.displayName, context: signedIn.actor };
    },
    authorize: (identity, docName): Authorization => {
      const slug = consultationOfDocument(docName);
      const consultation = slug ? getConsultationBySlug(db, slug) : undefined;
      if (!consultation) return { ok: false, error: `no such document: ${docName.slice(0, 100)}` };
      const actor = identity.context as Actor;
      // The pages' path: a consultation nobody may read (one in preparation) does not exist for
      // them; one they may read but whose working draft is not theirs is refused.
      if (!can(actor, { action: "consultation.read", consultation })) return { ok: false, error: `no such document: ${docName.slice(0, 100)}` };
      if (!can(actor, { action: "draft.view", consultation })) {
        return { ok: false, error: "only the expert group, moderators and the secretariat may open this working draft" };
      }
      return { ok: true, writable: can(actor, { action: "draft.edit", consultation }) };
    },
    initialContent: (docName) => initialWorkingDraft(db, docName),
  };
}
