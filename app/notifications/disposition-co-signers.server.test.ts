import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { consultations, jointSignatures, outbox, users } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { insertJointSubmission } from "../../test/support/joint-submission";
import "../i18n/catalogs.server";
import { recordDispositions } from "../review/dispositions.server";
import { notificationsOf } from "./notifications.server";
import { dispatchImmediate } from "./notifier.server";

const CONFIG = { publicOrigin: "https://redraft.example.org", sessionSecret: "a secret for the co-signer tests" };
let db: Db;
let consultationId: number;

beforeEach(() => {
  db = createTestDatabase();
  consultationId = db.insert(consultations).values({ slug: "c", title: "Joint", status: "open" }).returning().get().id;
});

const decide = (commentId: number) =>
  recordDispositions(db, { consultationId, commentIds: [commentId], decision: "accepted-in-part", rationale: "Audits, yes; yearly, no.", targetNodeIds: null, by: { id: 1, displayName: "Chen" } });
const dispositionsOf = (userId: number) => notificationsOf(db, userId).filter((n) => n.kind === "disposition");

describe("a decision on a joint submission", () => {
  it("reaches its author and every co-signer, once each", () => {
    const joint = insertJointSubmission(db, {
      consultationId,
      body: "Our coalition proposes yearly audits.",
      signers: [
        { name: "Amina", region: "africa" },
        { name: "Kofi", region: "africa", countryCode: "GH" },
        { name: "Lena", region: "europe-north-america", countryCode: "DE" },
      ],
    });
    decide(joint.commentId);
    for (const id of joint.userIds) {
      expect(dispositionsOf(id)).toMatchObject([{ commentId: joint.commentId, detail: { decision: "accepted-in-part", rationale: "Audits, yes; yearly, no." } }]);
    }
    // By e-mail too, to each confirmed address at once (the default for decisions).
    db.update(users).set({ emailConfirmedAt: new Date() }).run();
    dispatchImmediate(db, CONFIG);
    const addresses = db.select({ to: outbox.to }).from(outbox).all().map((m) => m.to).sort();
    const expected = db.select({ email: users.email }).from(users).all().map((u) => u.email).sort();
    expect(addresses).toEqual(expected);
  });

  it("leaves out a signer whose account was deleted, and tells the others", () => {
    const joint = insertJointSubmission(db, {
      consultationId,
      body: "Our coalition proposes yearly audits.",
      signers: [
        { name: "Amina", region: "africa" },
        { name: "Kofi", region: "africa" },
        { name: "Lena", region: "europe-north-america" },
      ],
    });
    db.update(jointSignatures).set({ userId: null }).where(eq(jointSignatures.userId, joint.userIds[2]!)).run();
    decide(joint.commentId);
    expect(dispositionsOf(joint.userIds[0]!)).toHaveLength(1);
    expect(dispositionsOf(joint.userIds[1]!)).toHaveLength(1);
    expect(dispositionsOf(joint.userIds[2]!)).toHaveLength(0);
  });
});
