import { describe, expect, it } from "vitest";
import { assignNodeIds, textSimilarity, type PreviousNode } from "./node-identity";

function counter() {
  let n = 0;
  return () => `new-${++n}`;
}

const previous: PreviousNode[] = [
  { nodeId: "a", label: "PP1", kind: "preambular", text: "Recalling the Charter of the United Nations," },
  { nodeId: "b", label: "OP1", kind: "operative", text: "Decides to promote safe and trustworthy systems;" },
  { nodeId: "c", label: "OP2", kind: "operative", text: "Encourages Member States to develop regulatory frameworks for data governance;" },
  { nodeId: "d", label: "OP3", kind: "operative", text: "Requests the Secretary-General to report at its next session." },
];

describe("stable paragraph identity across versions", () => {
  it("keeps every id when nothing changed", () => {
    expect(assignNodeIds(previous, previous, counter())).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps the id of a renumbered paragraph when a new one is inserted before it", () => {
    const next = [
      previous[0]!,
      { label: "OP1", kind: "operative", text: "Welcomes the work of the expert group;" },
      { ...previous[1]!, label: "OP2" },
      { ...previous[2]!, label: "OP3" },
      { ...previous[3]!, label: "OP4" },
    ];
    expect(assignNodeIds(previous, next, counter())).toEqual(["a", "new-1", "b", "c", "d"]);
  });

  it("keeps the id of an edited paragraph that keeps its label", () => {
    const next = previous.map((p) =>
      p.nodeId === "c"
        ? { ...p, text: "Encourages all Member States to develop inclusive regulatory frameworks for data governance;" }
        : p,
    );
    expect(assignNodeIds(previous, next, counter())).toEqual(["a", "b", "c", "d"]);
  });

  it("gives a new id when a paragraph under the same label is rewritten entirely", () => {
    const next = previous.map((p) =>
      p.nodeId === "d" ? { ...p, text: "Decides to remain seized of the matter." } : p,
    );
    expect(assignNodeIds(previous, next, counter())).toEqual(["a", "b", "c", "new-1"]);
  });

  it("never gives one previous id to two paragraphs", () => {
    const next = [previous[1]!, { ...previous[1]! }, previous[2]!];
    const ids = assignNodeIds(previous, next, counter());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("measures similarity on words, ignoring case and punctuation", () => {
    expect(textSimilarity("Human rights, online.", "human RIGHTS online")).toBe(1);
    expect(textSimilarity("a b c d", "a b x y")).toBeCloseTo(2 / 6);
  });
});
