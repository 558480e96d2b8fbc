import { describe, expect, it } from "vitest";
import { effectiveMode, modeForKind, modesFor, preferencesSchema } from "./preferences";

const all = { replies: "immediately", activity: "daily", endorsements: "weekly", consultations: "never", dispositions: "immediately", announcements: "daily" };

describe("e-mail preferences", () => {
  it("sends replies at once and the activity of what one follows in the daily digest by default", () => {
    expect(modeForKind("reply", {})).toBe("immediately");
    expect(modeForKind("new-comment", {})).toBe("daily");
    expect(modeForKind("endorsement", {})).toBe("daily");
    expect(modeForKind("disposition", {})).toBe("immediately");
  });

  it("applies one choice to every kind of its category", () => {
    const stored = { consultations: "weekly" } as const;
    for (const kind of ["consultation-opened", "consultation-closing", "consultation-closed", "results-published"] as const) {
      expect(modeForKind(kind, stored)).toBe("weekly");
    }
    expect(modeForKind("reply", stored)).toBe("immediately");
  });

  it("never sends an e-mail for each endorsement, whatever is stored", () => {
    expect(modesFor("endorsements")).not.toContain("immediately");
    expect(effectiveMode("endorsements", "immediately")).toBe("daily");
  });

  it("honours never", () => {
    expect(modeForKind("reply", { replies: "never" })).toBe("never");
  });

  it("accepts a complete form and refuses an unknown mode or an endorsement e-mail at once", () => {
    expect(preferencesSchema.safeParse(all).success).toBe(true);
    expect(preferencesSchema.safeParse({ ...all, replies: "hourly" }).success).toBe(false);
    const refused = preferencesSchema.safeParse({ ...all, endorsements: "immediately" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(["endorsements"]);
  });
});
