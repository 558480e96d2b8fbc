import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Db } from "../../db/client.server";
import { comments, consultations, jointInvitations, users, type Consultation, type User } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { UpdateLog } from "../../realtime/collab/update-log.server";
import { seedDemoAccounts } from "../../seeds/seed-demo-accounts.server";
import { seedDemoConsultations } from "../../seeds/seed-demo.server";
import { canStillEdit } from "../comments/moderation.server";
import { currentVersion, getOutline } from "../drafts/drafts.server";
import {
  acceptInvitation,
  createInvitationLink,
  currentJointText,
  getJointDraft,
  initialJointDocument,
  jointRef,
  removeCoAuthor,
  revokeInvitation,
  saveJointText,
  signatureState,
  signJointDraft,
  startJointDraft,
  submitJointDraft,
} from "./joint-drafts.server";
import { jointDocumentName, readJointText, writeJointText } from "./joint-text";

let db: Db;
let consultation: Consultation;
let a: User;
let b: User;
let c: User;
let paragraph: { nodeId: string; text: string };

beforeAll(async () => {
  db = createTestDatabase();
  seedDemoConsultations(db, new Date("2026-11-22T12:00:00Z"));
  await seedDemoAccounts(db);
  consultation = db.update(consultations).set({ status: "open", opensAt: null, closesAt: null }).where(eq(consultations.slug, "unesco-ethics-of-ai")).returning().get();
  const byEmail = (email: string) => db.select().from(users).where(eq(users.email, email)).get()!;
  [a, b, c] = [byEmail("participant@demo.redraft.org"), byEmail("participant1@demo.redraft.org"), byEmail("participant2@demo.redraft.org")];
  const node = getOutline(db, currentVersion(db, consultation.id)!.id).find((n) => n.kind !== "heading")!;
  paragraph = { nodeId: node.nodeId, text: node.text };
}, 60_000);

const start = () => startJointDraft(db, { consultation, initiator: a, nodeId: paragraph.nodeId, paragraphText: paragraph.text, stance: "amendment" });
const link = (id: number, singleUse = true) => createInvitationLink(db, getJointDraft(db, id)!, a.id, { singleUse, hours: 24 })!;

describe("a joint draft", () => {
  it("starts with its initiator as the only co-author, and for an amendment the paragraph's text to rework", () => {
    const draft = start();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialJointDocument(db, draft.id)!);
    expect(readJointText(doc)).toEqual({ body: "", proposedText: paragraph.text });
    expect(jointRef(db, draft, a.id)).toEqual({ coAuthor: true, initiator: true, state: "drafting" });
    expect(jointRef(db, draft, b.id)).toEqual({ coAuthor: false, initiator: false, state: "drafting" });
  });

  it("lets invitations in while valid only: a spent single-use link, a revoked one, an expired one are refused", () => {
    const draft = start();
    const single = link(draft.id);
    expect(acceptInvitation(db, single, b.id)).toEqual({ ok: true, jointDraftId: draft.id });
    expect(acceptInvitation(db, single, c.id)).toEqual({ ok: false, error: "joint.accept.invalid" });
    const revoked = link(draft.id, false);
    const id = db.select().from(jointInvitations).all().at(-1)!.id;
    expect(revokeInvitation(db, draft.id, id)).toBe(true);
    expect(acceptInvitation(db, revoked, c.id)).toMatchObject({ ok: false });
    const shared = link(draft.id, false);
    expect(acceptInvitation(db, shared, c.id, new Date(Date.now() + 25 * 3600_000))).toMatchObject({ ok: false });
    expect(acceptInvitation(db, "not-a-token", c.id)).toMatchObject({ ok: false });
  });

  it("brings a removed co-author back only through a new invitation, and never lets the initiator be removed", () => {
    const draft = start();
    acceptInvitation(db, link(draft.id), b.id);
    expect(removeCoAuthor(db, draft, a.id)).toBe(false);
    expect(removeCoAuthor(db, draft, b.id)).toBe(true);
    expect(jointRef(db, draft, b.id).coAuthor).toBe(false);
    acceptInvitation(db, link(draft.id), b.id);
    expect(jointRef(db, draft, b.id).coAuthor).toBe(true);
  });

  it("takes a plain-form save into the stored live document, so both ways of writing read the same text", () => {
    const draft = start();
    const name = jointDocumentName(draft.id);
    const log = new UpdateLog(db);
    log.append(name, initialJointDocument(db, draft.id)!, null);
    const live = log.load(name)!.doc;
    const edits: Uint8Array[] = [];
    live.on("update", (u: Uint8Array) => edits.push(u));
    writeJointText(live, { body: "Written live", proposedText: "Live wording" });
    log.append(name, Y.mergeUpdates(edits), String(a.id));
    expect(currentJointText(db, undefined, getJointDraft(db, draft.id)!)).toEqual({ body: "Written live", proposedText: "Live wording" });
    saveJointText(db, undefined, getJointDraft(db, draft.id)!, a.id, { body: "Saved by form", proposedText: "Form wording", revision: 0 });
    expect(currentJointText(db, undefined, getJointDraft(db, draft.id)!)).toEqual({ body: "Saved by form", proposedText: "Form wording" });
  });

  it("counts a signature only for the text it was given to, and publishes its signers under the frozen text", () => {
    const draft = start();
    acceptInvitation(db, link(draft.id), b.id);
    acceptInvitation(db, link(draft.id), c.id);
    saveJointText(db, undefined, getJointDraft(db, draft.id)!, a.id, { body: "First text", proposedText: "Wording", revision: 0 });
    signJointDraft(db, undefined, getJointDraft(db, draft.id)!, a);
    signJointDraft(db, undefined, getJointDraft(db, draft.id)!, c);
    saveJointText(db, undefined, getJointDraft(db, draft.id)!, b.id, { body: "Second text", proposedText: "Wording", revision: 1 });
    signJointDraft(db, undefined, getJointDraft(db, draft.id)!, b);
    const state = signatureState(db, undefined, getJointDraft(db, draft.id)!);
    expect(state.valid.map((s) => s.userId)).toEqual([b.id]);
    expect(state.stale.map((s) => s.userId).sort()).toEqual([a.id, c.id].sort());
    expect(submitJointDraft(db, undefined, getJointDraft(db, draft.id)!, a, consultation)).toEqual({ ok: false, error: "joint.submit.initiatorMustSign" });

    signJointDraft(db, undefined, getJointDraft(db, draft.id)!, a);
    const outcome = submitJointDraft(db, undefined, getJointDraft(db, draft.id)!, a, consultation);
    if (!outcome.ok) throw new Error(outcome.error);
    const stored = db.select().from(comments).where(eq(comments.id, outcome.comment.id)).get()!;
    expect(stored).toMatchObject({ jointDraftId: draft.id, authorId: a.id, body: "Second text", proposedText: "Wording", stance: "amendment" });
    // C signed words that were not published: not listed.
    expect(signatureState(db, undefined, getJointDraft(db, draft.id)!).valid.map((s) => s.userId).sort()).toEqual([a.id, b.id].sort());
    expect(getJointDraft(db, draft.id)).toMatchObject({ state: "submitted", commentId: stored.id, body: "Second text" });
    // Its words are the signers': not editable, even at once.
    expect(canStillEdit(stored)).toBe(false);
    // Submitted once: a second submission is refused by the permission (state) and would find nothing to do.
    expect(jointRef(db, getJointDraft(db, draft.id)!, a.id).state).toBe("submitted");
  });
});
