import { describe, expect, it } from "vitest";
import { unescoRegions } from "../../db/enums";
import { memberStatesBaseline, representation, silentKeys } from "./representativeness";

describe("representation against a baseline", () => {
  it("gives each key's share, its baseline share and the ratio", () => {
    // counts 30 + 10 + 0 = 40; weights 45 + 20 + 35 = 100
    //   africa: 30/40 = 0.75 against 0.45 → ratio 0.75/0.45 = 5/3
    //   arab:   10/40 = 0.25 against 0.20 → 1.25
    //   asia:    0/40 = 0    against 0.35 → 0 (not counted at all, still listed)
    const rows = representation(
      [{ key: "africa", count: 30 }, { key: "arab", count: 10 }],
      [{ key: "africa", weight: 45 }, { key: "arab", weight: 20 }, { key: "asia", weight: 35 }],
    );
    expect(rows.map((r) => r.key)).toEqual(["africa", "arab", "asia"]);
    expect(rows[0]).toMatchObject({ count: 30, share: 0.75, baselineShare: 0.45 });
    expect(rows[0]!.ratio).toBeCloseTo(5 / 3, 12);
    expect(rows[1]!.ratio).toBeCloseTo(1.25, 12);
    expect(rows[2]).toEqual({ key: "asia", count: 0, share: 0, baselineShare: 0.35, ratio: 0 });
  });

  it("lists counted keys outside the baseline last, without a ratio, in the share's denominator", () => {
    // 6 + 2 = 8 counted: europe 6/8 = 0.75 against 1 → 0.75; "unknown" 2/8, no baseline
    const rows = representation(
      [{ key: "unknown", count: 2 }, { key: "europe", count: 4 }, { key: "europe", count: 2 }],
      [{ key: "europe", weight: 51 }],
    );
    expect(rows).toEqual([
      { key: "europe", count: 6, share: 0.75, baselineShare: 1, ratio: 0.75 },
      { key: "unknown", count: 2, share: 0.25, baselineShare: 0, ratio: null },
    ]);
  });

  it("has shares of 0, not NaN, when nothing was counted", () => {
    const rows = representation([], [{ key: "a", weight: 0 }]);
    expect(rows).toEqual([{ key: "a", count: 0, share: 0, baselineShare: 0, ratio: null }]);
  });
});

describe("the Member States baseline", () => {
  it("counts the 193 Member States per UNESCO region, without the observer States", () => {
    // Electoral groups I (28 without the Holy See) + II (23) make Europe and North America;
    // V(b) has 20 Member States without Palestine.
    expect(memberStatesBaseline()).toEqual([
      { key: "africa", weight: 45 },
      { key: "arab-states", weight: 20 },
      { key: "asia-pacific", weight: 44 },
      { key: "europe-north-america", weight: 51 },
      { key: "latin-america-caribbean", weight: 33 },
    ]);
  });
});

describe("silent keys", () => {
  it("names the keys with no comments, in the order of all keys", () => {
    expect(silentKeys(unescoRegions, [{ key: "asia-pacific", count: 0 }, { key: "africa", count: 3 }])).toEqual([
      "arab-states",
      "asia-pacific",
      "europe-north-america",
      "latin-america-caribbean",
    ]);
  });
});
