import { describe, expect, it } from "vitest";
import { currentSignatures, invitationStatus, savedOverOthers, submitRefusal } from "./joint-rules";

const now = new Date("2026-12-07T12:00:00Z");
const later = new Date("2026-12-08T12:00:00Z");

describe("an invitation", () => {
  const base = { expiresAt: later, revokedAt: null, usedAt: null, singleUse: true };
  it("is good until it expires", () => {
    expect(invitationStatus(base, now)).toBe("valid");
    expect(invitationStatus(base, later)).toBe("expired");
  });
  it("is spent once used when single-use, not when it is a link for several", () => {
    expect(invitationStatus({ ...base, usedAt: now }, now)).toBe("used");
    expect(invitationStatus({ ...base, singleUse: false, usedAt: now }, now)).toBe("valid");
  });
  it("stops the moment the initiator revokes it, whatever else holds", () => {
    expect(invitationStatus({ ...base, singleUse: false, revokedAt: now }, now)).toBe("revoked");
  });
});

describe("signatures", () => {
  it("count only under the words their signer saw, and only from current co-authors", () => {
    const signatures = [
      { userId: 1, textHash: "new" },
      { userId: 2, textHash: "old" },
      { userId: 3, textHash: "new" },
      { userId: null, textHash: "new" },
    ];
    expect(currentSignatures(signatures, "new", new Set([1, 2])).map((s) => s.userId)).toEqual([1]);
  });
});

describe("submitting", () => {
  const ready = { initiatorId: 1, stance: "amendment", body: "Why", proposedText: "Wording", signerIds: [1, 2] };
  it("needs the initiator's signature and at least one other", () => {
    expect(submitRefusal(ready)).toBeNull();
    expect(submitRefusal({ ...ready, signerIds: [2, 3] })).toBe("joint.submit.initiatorMustSign");
    expect(submitRefusal({ ...ready, signerIds: [1] })).toBe("joint.submit.needsCoSigner");
  });
  it("needs a text, and wording for an amendment", () => {
    expect(submitRefusal({ ...ready, body: "  " })).toBe("joint.submit.emptyBody");
    expect(submitRefusal({ ...ready, proposedText: "" })).toBe("joint.submit.emptyProposal");
    expect(submitRefusal({ ...ready, stance: "concern", proposedText: "" })).toBeNull();
  });
});

describe("the plain form", () => {
  it("warns when someone else saved since the form was loaded", () => {
    expect(savedOverOthers(3, 4)).toBe(true);
    expect(savedOverOthers(4, 4)).toBe(false);
  });
});
