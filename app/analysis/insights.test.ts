import { describe, expect, it } from "vitest";
import { consensusView, representativenessView, silentByParagraph, type MatrixCells } from "./insights";

const mix = (support: number, concern: number, other = 0) => ({ support, concern, total: support + concern + other });

// Two regions, three paragraphs and the whole draft.
const rows: MatrixCells[] = [
  { node: "draft", cells: { a: mix(9, 0), b: mix(9, 0) } },
  // Both support: (5+1)/(5+2) each → (6/7)² ≈ 0.7347
  { node: "p1", cells: { a: mix(5, 0), b: mix(5, 0) } },
  // a supports, b objects: (4+1)/(4+2) = 5/6 and 1/6 → divergence 2/3, consensus 5/36
  { node: "p2", cells: { a: mix(4, 0), b: mix(0, 4) } },
  // Only questions: no evidence, left out.
  { node: "p3", cells: { a: mix(0, 0, 3) } },
  // a alone supports, b silent: (3+1)/(3+2) × 1/2 = 0.4; one group took a side: no divergence.
  { node: "p4", cells: { a: mix(3, 0) } },
];

describe("consensusView", () => {
  const view = consensusView(rows, ["a", "b"]);

  it("ranks the paragraphs by group-informed consensus, silent groups at one half, with the counts behind", () => {
    expect(view.agreed.map((r) => r.node)).toEqual(["p1", "p4", "p2"]);
    expect(view.agreed[0]).toEqual({ node: "p1", consensus: expect.closeTo((6 / 7) ** 2, 10), support: 10, concern: 0 });
    expect(view.agreed[1]!.consensus).toBeCloseTo(0.4, 10);
    expect(view.agreed[2]).toEqual({ node: "p2", consensus: expect.closeTo(5 / 36, 10), support: 4, concern: 4 });
  });

  it("lists only the paragraphs where groups diverge, with both ends' counts", () => {
    expect(view.divided).toEqual([
      { node: "p2", divergence: expect.closeTo(2 / 3, 10), most: { value: "a", support: 4, concern: 0 }, least: { value: "b", support: 0, concern: 4 } },
    ]);
  });

  it("keeps to the limit", () => {
    expect(consensusView(rows, ["a", "b"], 1).agreed.map((r) => r.node)).toEqual(["p1"]);
  });
});

describe("representativenessView", () => {
  it("gives shares of participants and comments beside the baseline, with the ratios", () => {
    const view = representativenessView(
      [
        { value: "a", participants: 3, comments: 10 },
        { value: "none", participants: 1, comments: 10 },
      ],
      [
        { key: "a", weight: 1 },
        { key: "b", weight: 3 },
      ],
    );
    // participants 3/4 against 1/4 → ratio 3; comments 10/20 → ratio 2; b: nobody; none: no baseline.
    expect(view).toEqual([
      { key: "a", participants: 3, participantShare: 0.75, comments: 10, commentShare: 0.5, baselineShare: 0.25, participantRatio: 3, commentRatio: 2 },
      { key: "b", participants: 0, participantShare: 0, comments: 0, commentShare: 0, baselineShare: 0.75, participantRatio: 0, commentRatio: 0 },
      { key: "none", participants: 1, participantShare: 0.25, comments: 10, commentShare: 0.5, baselineShare: 0, participantRatio: null, commentRatio: null },
    ]);
  });
});

describe("silentByParagraph", () => {
  it("names, per paragraph, the regions and groups that said nothing", () => {
    const regionRows: MatrixCells[] = [{ node: "p1", cells: { a: mix(1, 0), b: mix(0, 1) } }, { node: "p2", cells: { a: mix(1, 1) } }];
    const groupRows: MatrixCells[] = [{ node: "p1", cells: { "1": mix(1, 1) } }, { node: "p2", cells: { "1": mix(1, 0), "2": mix(0, 1) } }];
    expect(silentByParagraph(["p1", "p2", "p3"], regionRows, groupRows, ["a", "b"], ["1", "2"])).toEqual([
      { node: "p1", comments: 2, regions: [], groups: ["2"] },
      { node: "p2", comments: 2, regions: ["b"], groups: [] },
      { node: "p3", comments: 0, regions: ["a", "b"], groups: ["1", "2"] },
    ]);
  });
});
