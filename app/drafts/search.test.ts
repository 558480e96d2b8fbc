import { describe, expect, it } from "vitest";
import { highlight, parseQuery, searchNodes } from "./search";

const marked = (text: string, query: string) =>
  highlight(text, parseQuery(query))
    ?.map((s) => (s.match ? `[${s.text}]` : s.text))
    .join("") ?? null;

describe("search within a draft", () => {
  it("marks every occurrence, whatever the case", () => {
    expect(marked("Ethics of AI and ethical impact", "ethic")).toBe("[Ethic]s of AI and [ethic]al impact");
  });

  it("ignores accents both ways and keeps the original characters", () => {
    expect(marked("Le résumé des États", "resume etats")).toBe("Le [résumé] des [États]");
    expect(marked("a resume", "résumé")).toBe("a [resume]");
  });

  it("requires every term, and treats a quoted phrase as one term", () => {
    expect(marked("human rights online", "human offline")).toBeNull();
    expect(marked("rights of humans", '"human rights"')).toBeNull();
    expect(marked("all human rights", '"human rights"')).toBe("all [human rights]");
  });

  it("merges overlapping matches", () => {
    expect(marked("stakeholder", "stake holder")).toBe("[stakeholder]");
  });

  it("keeps markup-looking text as plain text segments", () => {
    const segments = highlight("<script>alert(1)</script> data", ["data"]);
    expect(segments).toEqual([
      { text: "<script>alert(1)</script> ", match: false },
      { text: "data", match: true },
    ]);
  });

  it("returns the matching nodes in order", () => {
    const nodes = [{ text: "privacy by design" }, { text: "no match" }, { text: "Privacy impact" }];
    expect(searchNodes(nodes, "privacy").map((h) => h.node)).toEqual([nodes[0], nodes[2]]);
    expect(searchNodes(nodes, "   ")).toEqual([]);
  });
});
