import { describe, expect, it } from "vitest";
import type { DraftNode } from "./outline";
import { compareOutlines } from "./version-diff";

const node = (nodeId: string, label: string | null, text: string, kind: DraftNode["kind"] = "operative"): DraftNode => ({
  nodeId, label, text, kind, parentLabel: null, level: 0, position: 0, footnotes: [],
});

describe("compareOutlines", () => {
  it("matches paragraphs by id through renumbering and reports changes, additions and removals in place", () => {
    const previous = [
      node("a", "OP1", "Decides to act;"),
      node("b", "OP2", "Requests a report;"),
      node("c", "OP3", "Decides to remain seized of the matter."),
    ];
    const next = [
      node("a", "OP1", "Decides to act;"),
      node("new", "OP2", "Invites Member States to contribute;"),
      node("c", "OP3", "Decides to remain actively seized of the matter."),
    ];
    const { changes, counts } = compareOutlines(previous, next);
    expect(changes.map((c) => c.change)).toEqual(["unchanged", "added", "removed", "changed"]);
    expect(counts).toEqual({ changed: 1, added: 1, removed: 1, unchanged: 1, renumbered: 0 });
    const changed = changes[3]!;
    expect(changed.change === "changed" && changed.parts.filter((p) => p.kind === "insert").map((p) => p.text.trim())).toEqual(["actively"]);
  });

  it("counts a renumbered paragraph as unchanged text with a new label", () => {
    const { changes, counts } = compareOutlines([node("a", "OP5", "Same text.")], [node("a", "OP6", "Same text.")]);
    expect(changes[0]).toMatchObject({ change: "unchanged", previousLabel: "OP5" });
    expect(counts.renumbered).toBe(1);
  });
});
