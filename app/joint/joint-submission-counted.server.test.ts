import { beforeEach, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { consultations, users, type User } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { testParticipant } from "../../test/support/joint-submission";
import { participation } from "../analysis/analysis.server";
import { recordDispositions } from "../review/dispositions.server";
import { notificationsOf } from "../notifications/notifications.server";
import { eq } from "drizzle-orm";
import { acceptInvitation, createInvitationLink, getJointDraft, saveJointText, signJointDraft, startJointDraft, submitJointDraft } from "./joint-drafts.server";
import { coSignerBreakdown } from "./co-signers.server";

let db: Db;
beforeEach(() => {
  db = createTestDatabase();
});
it("a joint draft written, signed and submitted by two participants counts once, shows both regions, and its decision reaches the co-signer", () => {
  const consultation = db.insert(consultations).values({ slug: "c", title: "C", status: "open" }).returning().get();
  const u = (id: number) => db.select().from(users).where(eq(users.id, id)).get() as User;
  const a = u(testParticipant(db, { name: "A", region: "africa", organisation: "X" }));
  const b = u(testParticipant(db, { name: "B", region: "arab-states", organisation: "Y" }));
  let draft = startJointDraft(db, { consultation, initiator: a, nodeId: null, paragraphText: null, stance: "concern" });
  saveJointText(db, undefined, draft, a.id, { body: "Together we worry.", proposedText: "", revision: 0 });
  draft = getJointDraft(db, draft.id)!;
  const token = createInvitationLink(db, draft, a.id, { singleUse: true, hours: 24 })!;
  expect(acceptInvitation(db, token, b.id).ok).toBe(true);
  signJointDraft(db, undefined, draft, a);
  signJointDraft(db, undefined, draft, b);
  const out = submitJointDraft(db, undefined, getJointDraft(db, draft.id)!, a, consultation);
  expect(out.ok).toBe(true);
  expect(participation(db, consultation.id, { joint: "only" }).totals.comments).toBe(1);
  expect(coSignerBreakdown(db, consultation.id, {}).totals).toEqual({ submissions: 1, signers: 2, organisations: 2, regions: 2 });
  if (out.ok) recordDispositions(db, { consultationId: consultation.id, commentIds: [out.comment.id], decision: "noted", rationale: "r", targetNodeIds: null, by: { id: a.id, displayName: "A" } });
  expect(notificationsOf(db, b.id).filter((n) => n.kind === "disposition")).toHaveLength(1);
});
