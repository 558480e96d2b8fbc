import { describe, expect, it } from "vitest";
import { diffCounts, isUnchanged, wordDiff } from "./word-diff";

describe("wordDiff", () => {
  it("marks whole words inserted and deleted, keeping the rest", () => {
    const parts = wordDiff(
      "Member States should ensure transparency of AI systems;",
      "Member States shall ensure transparency and explainability of AI systems;",
    );
    expect(parts.filter((p) => p.kind === "delete").map((p) => p.text.trim())).toEqual(["should"]);
    expect(parts.filter((p) => p.kind === "insert").map((p) => p.text.trim())).toEqual(["shall", "and explainability"]);
    expect(parts.filter((p) => p.kind !== "insert").map((p) => p.text).join("")).toBe(
      "Member States should ensure transparency of AI systems;",
    );
    expect(parts.filter((p) => p.kind !== "delete").map((p) => p.text).join("")).toBe(
      "Member States shall ensure transparency and explainability of AI systems;",
    );
    expect(diffCounts(parts)).toEqual({ inserted: 3, deleted: 1 });
  });

  it("marks only the punctuation that changed", () => {
    const parts = wordDiff("Recognizing the risks,", "Recognizing the risks;");
    expect(parts.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text])).toEqual([
      ["delete", ","],
      ["insert", ";"],
    ]);
    expect(diffCounts(parts)).toEqual({ inserted: 0, deleted: 0 });
  });

  it("says when nothing changed", () => {
    expect(isUnchanged(wordDiff("Same text.", "Same text."))).toBe(true);
    expect(isUnchanged(wordDiff("Same text.", "Same text!"))).toBe(false);
  });
});
