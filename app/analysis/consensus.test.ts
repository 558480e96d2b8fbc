import { describe, expect, it } from "vitest";
import { divergence, divergenceEnds, groupInformedConsensus, rankParagraphs, type GroupStances } from "./consensus";

// Smoothed support share of a group: (support + 1) / (support + concern + 2).
//   africa:  3 supports, 1 concern  → 4/6 = 2/3
//   europe:  1 support,  2 concerns → 2/5
//   arab:    no support, no concern (2 amendments) → 1/2
const africa: GroupStances = { group: "africa", support: 3, concern: 1, question: 4 };
const europe: GroupStances = { group: "europe", support: 1, concern: 2 };
const arab: GroupStances = { group: "arab", support: 0, concern: 0, amendment: 2 };

describe("group-informed consensus", () => {
  it("is the product of the groups' smoothed support shares", () => {
    // 2/3 × 2/5 = 4/15
    expect(groupInformedConsensus([africa, europe])).toBeCloseTo(4 / 15, 12);
    // 2/3 × 2/5 × 1/2 = 2/15: a group that took no side halves the score
    expect(groupInformedConsensus([africa, europe, arab])).toBeCloseTo(2 / 15, 12);
  });

  it("is 1 for no groups (the empty product) and never reaches 1 with evidence", () => {
    expect(groupInformedConsensus([])).toBe(1);
    // 5 supports, nothing else: 6/7
    expect(groupInformedConsensus([{ group: "a", support: 5, concern: 0 }])).toBeCloseTo(6 / 7, 12);
  });
});

describe("divergence", () => {
  it("is the widest gap between the groups' smoothed support shares", () => {
    // 2/3 − 2/5 = 4/15
    expect(divergence([africa, europe])).toBeCloseTo(4 / 15, 12);
  });

  it("names the groups at its two ends", () => {
    expect(divergenceEnds([arab, europe, africa])).toEqual({ most: africa, least: europe });
    expect(divergenceEnds([arab, africa])).toBeNull();
  });

  it("leaves out groups that took no side", () => {
    // arab's 1/2 lies between 2/5 and 2/3 anyway; with one side-taking group there is no gap
    expect(divergence([africa, europe, arab])).toBeCloseTo(4 / 15, 12);
    expect(divergence([africa, arab])).toBe(0);
    expect(divergence([])).toBe(0);
  });

  it("grows with the evidence behind the same split", () => {
    // 1 vs 1: 2/3 − 1/3 = 1/3; 10 vs 10: 11/12 − 1/12 = 5/6
    const split = (n: number) => [
      { group: "a", support: n, concern: 0 },
      { group: "b", support: 0, concern: n },
    ];
    expect(divergence(split(1))).toBeCloseTo(1 / 3, 12);
    expect(divergence(split(10))).toBeCloseTo(5 / 6, 12);
  });
});

describe("ranking paragraphs", () => {
  // P1: both groups 9 supports → (10/11)² = 100/121 ≈ 0.826
  // P2: only group a, 20 supports → 21/22, times 1/2 for silent b = 21/44 ≈ 0.477
  // P3: a 10 supports, b 10 concerns → 11/12 × 1/12 = 11/144; divergence 11/12 − 1/12 = 5/6
  const paragraphs = [
    { label: "P1", groups: [{ group: "a", support: 9, concern: 0 }, { group: "b", support: 9, concern: 0 }] },
    { label: "P2", groups: [{ group: "a", support: 20, concern: 0 }] },
    { label: "P3", groups: [{ group: "a", support: 10, concern: 0 }, { group: "b", support: 0, concern: 10 }] },
  ];

  it("puts support from every group above stronger support from one group", () => {
    const ranked = rankParagraphs(paragraphs, "consensus");
    expect(ranked.map((p) => p.label)).toEqual(["P1", "P2", "P3"]);
    expect(ranked[0]!.consensus).toBeCloseTo(100 / 121, 12);
    expect(ranked[1]!.consensus).toBeCloseTo(21 / 44, 12);
    expect(ranked[2]!.consensus).toBeCloseTo(11 / 144, 12);
  });

  it("puts the most divided first, ties broken by the counts behind them, and keeps the input", () => {
    const ranked = rankParagraphs(paragraphs, "divergence", 2);
    // P1 and P2 both diverge by 0; P2 rests on 20 comments, P1 on 18.
    expect(ranked.map((p) => p.label)).toEqual(["P3", "P2"]);
    expect(ranked[0]!.divergence).toBeCloseTo(5 / 6, 12);
    expect(ranked[1]!.divergence).toBe(0);
    expect(ranked[0]!.groups).toBe(paragraphs[2]!.groups);
    expect(rankParagraphs(paragraphs, "divergence", 0)).toEqual([]);
  });
});
