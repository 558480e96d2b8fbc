import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/translate";
import { describeFilters, dimensionValueLabel } from "./dimension-labels";

const t = createTranslator();
const groups = [{ id: 4, name: "Academia" }];

describe("dimension labels", () => {
  it("names each dimension's values in words, and values without data as not recorded", () => {
    expect(dimensionValueLabel(t, "region", "africa", groups)).toBe("Africa");
    expect(dimensionValueLabel(t, "electoral", "V(a)", groups)).toBe("Group V(a): African States");
    expect(dimensionValueLabel(t, "group", "4", groups)).toBe("Academia");
    expect(dimensionValueLabel(t, "channel", "regional-consultation", groups)).toBe("Regional consultation");
    expect(dimensionValueLabel(t, "age", "none", groups)).toBe("Not recorded");
  });

  it("describes the active filters, or nothing", () => {
    expect(describeFilters(t, {}, groups)).toBeNull();
    expect(describeFilters(t, { region: "africa", group: 4, stance: "concern", to: "2026-11-30" }, groups)).toBe(
      "Region: Africa, Stakeholder group: Academia, Position: Concern, To (day, inclusive): 2026-11-30",
    );
    expect(describeFilters(t, { joint: "exclude" }, groups)).toBe("Excluding joint submissions");
  });
});
