import { describe, expect, it } from "vitest";
import { applyCorrection, applyCorrections, CorrectionError, outlineCorrectionSchema, type OutlineCorrection } from "./outline-corrections";
import type { ImportedOutline, OutlineNode } from "./outline-types";

const node = (kind: OutlineNode["kind"], label: string | null, parent: string | null, level: number, text: string, footnotes: string[] = []): OutlineNode => ({
  kind,
  label,
  parent,
  level,
  text,
  footnotes,
});

/** A small resolution as the importer might have read it from a PDF extraction, with its slips. */
const OUTLINE: ImportedOutline = {
  title: "Draft resolution",
  nodes: [
    node("heading", "I", null, 0, "Principles"),
    node("paragraph", "1", "I", 1, "States should respect human rights online."),
    node("subparagraph", "1(a)", "1", 2, "in the design of systems;"),
    node("subparagraph", "1(b)", "1", 2, "in their deployment and"),
    node("text", null, "I", 1, "use, including procurement;"),
    node("paragraph", "3", "I", 1, "Encourages cooperation. Also requests the Secretary-General to report."),
    node("text", null, "I", 1, "A/RES/78/265 Page 4"),
    node("text", null, "I", 1, "See resolution 77/211."),
  ],
};

const apply = (c: OutlineCorrection) => applyCorrection(OUTLINE, c);
const reason = (c: OutlineCorrection) => {
  try {
    apply(c);
  } catch (error) {
    return error instanceof CorrectionError ? error.reason : String(error);
  }
  return "applied";
};

describe("outline corrections", () => {
  it("changes a node's label and moves what hung under the old one", () => {
    const result = apply({ op: "label", index: 5, label: "2" });
    expect(result.nodes[5]).toMatchObject({ label: "2", kind: "paragraph", parent: "I" });
    const renamed = apply({ op: "label", index: 1, label: "1 bis" });
    expect(renamed.nodes.filter((n) => n.parent === "1 bis").map((n) => n.label)).toEqual(["1(a)", "1(b)"]);
  });

  it("puts a sub-paragraph under the paragraph its new label names", () => {
    const outline: ImportedOutline = {
      title: "t",
      nodes: [node("paragraph", "1", null, 0, "One"), node("paragraph", "2", null, 0, "Two"), node("subparagraph", "2(a)", "2", 1, "a")],
    };
    const result = applyCorrection(outline, { op: "label", index: 2, label: "1(a)" });
    expect(result.nodes[2]).toMatchObject({ label: "1(a)", parent: "1", level: 1 });
  });

  it("refuses a label another node carries, and a change that changes nothing", () => {
    expect(reason({ op: "label", index: 5, label: "1" })).toBe("label-taken");
    expect(reason({ op: "label", index: 5, label: "3" })).toBe("unchanged");
  });

  it("an empty label makes the node unnumbered", () => {
    expect(apply({ op: "label", index: 5, label: "" }).nodes[5]!.label).toBeNull();
  });

  it("changes a node's kind and recomputes its parent and level", () => {
    const sub = apply({ op: "kind", index: 4, kind: "subparagraph" });
    expect(sub.nodes[4]).toMatchObject({ kind: "subparagraph", parent: "1", level: 2 });
    const heading = apply({ op: "kind", index: 2, kind: "heading" });
    expect(heading.nodes[2]).toMatchObject({ kind: "heading", parent: "I" });
    const body = apply({ op: "kind", index: 2, kind: "paragraph" });
    expect(body.nodes[2]).toMatchObject({ kind: "paragraph", parent: "I", level: 1 });
  });

  it("joins a node cut by a page break to the previous one", () => {
    const result = apply({ op: "join", index: 4 });
    expect(result.nodes).toHaveLength(7);
    expect(result.nodes[3]!.text).toBe("in their deployment and use, including procurement;");
  });

  it("joins a word hyphenated across the break without the hyphen", () => {
    const outline: ImportedOutline = { title: "t", nodes: [node("paragraph", "1", null, 0, "the pro-"), node("text", null, null, 0, "cess")] };
    expect(applyCorrection(outline, { op: "join", index: 1 }).nodes).toEqual([node("paragraph", "1", null, 0, "the process")]);
  });

  it("joining a numbered node hands its sub-paragraphs to the node it joins", () => {
    const outline: ImportedOutline = {
      title: "t",
      nodes: [node("paragraph", "1", null, 0, "One"), node("paragraph", "2", null, 0, "Two", ["n"]), node("subparagraph", "2(a)", "2", 1, "a")],
    };
    const result = applyCorrection(outline, { op: "join", index: 1 });
    expect(result.nodes).toEqual([node("paragraph", "1", null, 0, "One Two", ["n"]), node("subparagraph", "2(a)", "1", 1, "a")]);
  });

  it("refuses to join or attach the first node: there is nothing before it", () => {
    expect(reason({ op: "join", index: 0 })).toBe("no-previous-node");
    expect(reason({ op: "footnote", index: 0 })).toBe("no-previous-node");
  });

  it("splits a node where the given words start, the second part unnumbered unless labelled", () => {
    const result = apply({ op: "split", index: 5, at: "Also   requests", label: "" });
    expect(result.nodes).toHaveLength(9);
    expect(result.nodes[5]).toMatchObject({ label: "3", text: "Encourages cooperation." });
    expect(result.nodes[6]).toMatchObject({ kind: "paragraph", label: null, parent: "I", level: 1, text: "Also requests the Secretary-General to report." });
    const labelled = apply({ op: "split", index: 5, at: "Also", label: "4" });
    expect(labelled.nodes[6]!.label).toBe("4");
  });

  it("splitting a heading makes its second part the text under it", () => {
    const outline: ImportedOutline = { title: "t", nodes: [node("heading", "I", null, 0, "Principles The States agree.")] };
    const result = applyCorrection(outline, { op: "split", index: 0, at: "The States", label: "" });
    expect(result.nodes[1]).toMatchObject({ kind: "text", parent: "I", level: 1, text: "The States agree." });
  });

  it("refuses to split at words the text does not contain, or at its very start", () => {
    expect(reason({ op: "split", index: 5, at: "nowhere", label: "" })).toBe("split-not-found");
    expect(reason({ op: "split", index: 5, at: "Encourages", label: "" })).toBe("split-not-found");
    // Whole words only: "operation" inside "cooperation" is not a place to split.
    expect(reason({ op: "split", index: 5, at: "operation", label: "" })).toBe("split-not-found");
  });

  it("deletes a node; what hung under it moves up a level", () => {
    expect(apply({ op: "delete", index: 6 }).nodes.map((n) => n.text)).not.toContain("A/RES/78/265 Page 4");
    const withoutHeading = apply({ op: "delete", index: 0 });
    expect(withoutHeading.nodes.slice(0, 3)).toEqual([
      node("paragraph", "1", null, 0, "States should respect human rights online."),
      node("subparagraph", "1(a)", "1", 1, "in the design of systems;"),
      node("subparagraph", "1(b)", "1", 1, "in their deployment and"),
    ]);
  });

  it("attaches a node as a footnote of the previous one", () => {
    const result = apply({ op: "footnote", index: 7 });
    expect(result.nodes).toHaveLength(7);
    expect(result.nodes[6]!.footnotes).toEqual(["See resolution 77/211."]);
  });

  it("refuses a node that is not there (the preview changed since the form was shown)", () => {
    expect(reason({ op: "delete", index: 8 })).toBe("no-such-node");
  });

  it("leaves the outline it was given unchanged, so the importer's outline can be replayed", () => {
    const before = JSON.stringify(OUTLINE);
    const corrections: OutlineCorrection[] = [
      { op: "join", index: 4 },
      { op: "label", index: 4, label: "2" },
      { op: "delete", index: 5 },
    ];
    const result = applyCorrections(OUTLINE, corrections);
    expect(JSON.stringify(OUTLINE)).toBe(before);
    expect(result.nodes.map((n) => n.label)).toEqual(["I", "1", "1(a)", "1(b)", "2", null]);
    // Undo the last: the same list without it.
    expect(applyCorrections(OUTLINE, corrections.slice(0, -1)).nodes).toHaveLength(7);
  });

  it("validates what a form sends", () => {
    expect(outlineCorrectionSchema.safeParse({ op: "label", index: 1, label: "<script>" }).success).toBe(false);
    expect(outlineCorrectionSchema.safeParse({ op: "kind", index: 1, kind: "chapter" }).success).toBe(false);
    expect(outlineCorrectionSchema.safeParse({ op: "split", index: -1, at: "x" }).success).toBe(false);
    expect(outlineCorrectionSchema.parse({ op: "label", index: 1, label: "  OP4(a) " })).toEqual({ op: "label", index: 1, label: "OP4(a)" });
  });
});
