/**
 * How the `/collab` namespace knows who is connecting and what they may do: the same session
 * cookie as the pages, and the same permission function. Two kinds of documents, told apart by
 * their name: a consultation's working draft (`draft/<slug>`: experts and the secretariat write,
 * moderators follow read-only, anyone else is refused) and a joint submission (`joint/<id>`,
 * decision 031: its co-authors write while it is drafted and read it once submitted; for anyone
 * else it does not exist, with the same answer as an unknown document).
 */
import type { Socket } from "socket.io";
import type { Db } from "../../db/client.server";
import type { Authorization, CollabIdentity, CollabOptions } from "../../realtime/collab/collab-server.server";
import { can, type Actor } from "../auth/permissions";
import { actorFromCookieHeader } from "../auth/session.server";
import type { Config } from "../config/env.server";
import { getConsultationBySlug } from "../drafts/drafts.server";
import { consultationOfDocument, initialWorkingDraft } from "./working-drafts.server";
import { consultationOfJoint, getJointDraft, initialJointDocument, jointRef } from "../joint/joint-drafts.server";
import { jointOfDocument } from "../joint/joint-text";

const noSuchDocument = (docName: string): Authorization => ({ ok: false, error: `no such document: ${docName.slice(0, 100)}` });

function authorizeJoint(db: Db, actor: Actor, docName: string, id: number): Authorization {
  const draft = getJointDraft(db, id);
  const consultation = draft ? consultationOfJoint(db, draft) : undefined;
  if (!draft || !consultation || actor.kind !== "user") return noSuchDocument(docName);
  const joint = jointRef(db, draft, actor.userId);
  if (!can(actor, { action: "joint.read", joint })) return noSuchDocument(docName);
  return { ok: true, writable: can(actor, { action: "joint.write", consultation, joint }) };
}

export function collabAccess(db: Db, config: Config): Omit<CollabOptions, "db"> {
  return {
    authenticate: async (handshake: Socket["handshake"]): Promise<CollabIdentity | null> => {
      const signedIn = await actorFromCookieHeader(handshake.headers.cookie, db, config);
      if (!signedIn) return null;
      return { userId: String(signedIn.user.id), name: signedIn.user.displayName, context: signedIn.actor };
    },
    authorize: (identity, docName): Authorization => {
      const jointId = jointOfDocument(docName);
      if (jointId !== null) return authorizeJoint(db, identity.context as Actor, docName, jointId);
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
    initialContent: (docName) => {
      const jointId = jointOfDocument(docName);
      return jointId !== null ? initialJointDocument(db, jointId) : initialWorkingDraft(db, docName);
    },
  };
}
