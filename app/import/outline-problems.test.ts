import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findOutlineProblems } from "./outline-problems";
import type { ImportedOutline, NodeKind, OutlineNode } from "./outline-types";

const fixtures = join(__dirname, "fixtures");
const SENTENCE = "Encourages Member States to promote the safe and trustworthy use of digital technologies;";

function node(kind: NodeKind, label: string | null, text = `${SENTENCE.slice(0, -1)} (${label ?? "text"});`, footnotes: string[] = []): OutlineNode {
  const parent = label?.includes("(") ? label.replace(/\([^()]+\)$/, "") : null;
  return { kind, label, parent, level: parent ? 1 : 0, text, footnotes };
}
const outline = (...nodes: OutlineNode[]): ImportedOutline => ({ title: "Draft", nodes });
const problems = (...nodes: OutlineNode[]) =>
  findOutlineProblems(outline(...nodes)).map(({ nodeIndex, kind, detail }) => ({ nodeIndex, kind, detail }));
const kinds = (...nodes: OutlineNode[]) => findOutlineProblems(outline(...nodes)).map((p) => `${p.nodeIndex}:${p.kind}`);

describe("findOutlineProblems", () => {
  it.each(readdirSync(fixtures).filter((f) => f.endsWith(".expected.json")))("flags nothing on the clean seed %s", (file) => {
    const clean = JSON.parse(readFileSync(join(fixtures, file), "utf8")) as ImportedOutline;
    expect(findOutlineProblems(clean)).toEqual([]);
  });

  it("flags a label used twice, and the repeat the classifier renamed \"bis\"", () => {
    expect(problems(node("operative", "OP1"), node("operative", "OP2"), node("operative", "OP2"))).toContainEqual({
      nodeIndex: 2,
      kind: "duplicate-label",
      detail: "OP2",
    });
    expect(problems(node("paragraph", "1"), node("paragraph", "2"), node("paragraph", "2 bis"), node("paragraph", "3"))).toEqual([
      { nodeIndex: 2, kind: "duplicate-label", detail: "2" },
    ]);
  });

  it("flags a numbered kind without a label, not unnumbered text", () => {
    expect(problems(node("text", null), node("operative", "OP1"), node("operative", null))).toEqual([
      { nodeIndex: 2, kind: "missing-label", detail: undefined },
    ]);
  });

  it("flags gaps in operative, preambular, body, decimal, table, lettered, roman and capital-letter numbering", () => {
    expect(problems(node("operative", "OP1"), node("operative", "OP3"))).toEqual([{ nodeIndex: 1, kind: "numbering-gap", detail: "OP2" }]);
    expect(problems(node("preambular", "PP2"))).toEqual([{ nodeIndex: 0, kind: "numbering-gap", detail: "PP1" }]);
    expect(problems(node("paragraph", "36"), node("paragraph", "38"))).toEqual([
      { nodeIndex: 0, kind: "numbering-gap", detail: "1" },
      { nodeIndex: 1, kind: "numbering-gap", detail: "37" },
    ]);
    expect(problems(node("paragraph", "9.1"), node("paragraph", "9.3"))).toEqual([{ nodeIndex: 1, kind: "numbering-gap", detail: "9.2" }]);
    expect(problems(node("paragraph", "Commitment 1"), node("paragraph", "Commitment 3"))).toEqual([
      { nodeIndex: 1, kind: "numbering-gap", detail: "Commitment 2" },
    ]);
    expect(
      problems(node("operative", "OP1"), node("subparagraph", "OP1(a)"), node("subparagraph", "OP1(c)")),
    ).toEqual([{ nodeIndex: 2, kind: "numbering-gap", detail: "OP1(b)" }]);
    expect(
      problems(node("operative", "OP1"), node("subparagraph", "OP1(a)"), node("subparagraph", "OP1(a)(i)"), node("subparagraph", "OP1(a)(iii)")),
    ).toEqual([{ nodeIndex: 3, kind: "numbering-gap", detail: "OP1(a)(ii)" }]);
    expect(
      problems(
        node("operative", "OP1"),
        node("subparagraph", "OP1(a)"),
        node("subparagraph", "OP1(a)(i)"),
        node("subparagraph", "OP1(a)(i)(A)"),
        node("subparagraph", "OP1(a)(i)(C)"),
      ),
    ).toEqual([{ nodeIndex: 4, kind: "numbering-gap", detail: "OP1(a)(i)(B)" }]);
  });

  it("counts sub-paragraphs within their parent and takes (i) after (h) for a letter", () => {
    const letters = "abcdefghi".split("").map((l) => node("subparagraph", `OP1(${l})`));
    expect(problems(node("operative", "OP1"), ...letters, node("operative", "OP2"), node("subparagraph", "OP2(a)"))).toEqual([]);
  });

  it("flags a paragraph far longer than the document's usual, and one of a few words", () => {
    const usual = Array.from({ length: 9 }, (_, i) => node("operative", `OP${i + 1}`));
    const merged = node("operative", "OP10", `${SENTENCE} `.repeat(30).trim());
    const fragment = node("text", null, "rights and freedoms;");
    expect(kinds(...usual, merged, fragment, node("operative", "OP11"))).toEqual(["9:long-paragraph", "10:short-paragraph"]);
  });

  it("does not call a short heading, the front matter or the closing lines a fragment", () => {
    expect(problems(node("text", null, "Seventy-eighth session"), node("heading", "I", "Scope"), node("paragraph", "1"))).toEqual([]);
    expect(problems(node("operative", "OP1"), node("text", null, "58th plenary meeting"), node("text", null, "21 March 2024"))).toEqual([]);
  });

  it("flags page numbers, document symbols, job numbers, repeated running headers and furniture inside a paragraph", () => {
    const body = node("paragraph", "1");
    expect(kinds(body, node("text", null, "- 3 -"))).toContain("1:page-furniture");
    expect(kinds(body, node("text", null, "Page 3 of 12"))).toContain("1:page-furniture");
    expect(kinds(body, node("text", null, "3/12"))).toContain("1:page-furniture");
    expect(kinds(body, node("text", null, "A/HRC/53/L.1"))).toContain("1:page-furniture");
    expect(kinds(body, node("text", null, "23-21456 (E)"))).toContain("1:page-furniture");
    const header = "Human rights in the digital age draft";
    expect(kinds(body, node("text", null, header), node("paragraph", "2"), node("text", null, header), node("text", null, header))).toEqual(
      expect.arrayContaining(["1:page-furniture", "3:page-furniture", "4:page-furniture"]),
    );
    expect(problems(node("paragraph", "1", "Calls upon States to respect the - 12 - right to privacy;"))).toEqual([
      { nodeIndex: 0, kind: "page-furniture", detail: "- 12 -" },
    ]);
    expect(kinds(node("paragraph", "1", "Calls upon States Page 3 of 12 to respect privacy;"))).toEqual(["0:page-furniture"]);
  });

  it("does not take a document symbol cited in a sentence for furniture", () => {
    expect(problems(node("paragraph", "1", "Takes note of the report of the Secretary-General (A/78/L.49);"))).toEqual([]);
  });

  it("flags a footnote rule with no text, an empty footnote, a marker with no footnote and footnote text in the body", () => {
    expect(kinds(node("operative", "OP1", "Decides to remain seized of the matter. ________"))).toEqual(["0:footnote"]);
    expect(kinds(node("operative", "OP1", SENTENCE, [""]))).toEqual(["0:footnote"]);
    expect(kinds(node("operative", "OP1", "Recalls the Universal Declaration of Human Rights,¹"))).toEqual(["0:footnote"]);
    expect(kinds(node("operative", "OP1"), node("text", null, "3 See A/60/687, annex, for the text of the declaration."))).toEqual([
      "1:footnote",
    ]);
    // A marker that did get its footnote attached is fine once the marker is gone.
    expect(kinds(node("operative", "OP1", SENTENCE, ["Resolution 217 A (III)."]))).toEqual([]);
  });

  it("flags a paragraph cut mid-sentence and continued in lower case, on the second half", () => {
    const first = node("preambular", "PP1", "Recalling its resolution 77/211 of 15 December 2022 on the right to privacy in the");
    const second = node("text", null, "digital age and its resolutions on the safety of journalists and the issue of impunity,");
    expect(problems(first, second)).toEqual([{ nodeIndex: 1, kind: "cut-sentence", detail: "PP1" }]);
    // A list item that ends "; and" before the last item is not a cut.
    const item = node("subparagraph", "OP1(a)", "to promote equitable access to knowledge; and");
    expect(problems(node("operative", "OP1", "Calls upon States:"), item, node("subparagraph", "OP1(b)", "to report back on progress made."))).toEqual([]);
  });

  it("reports problems in document order", () => {
    const found = findOutlineProblems(outline(node("operative", "OP2"), node("text", null, "- 4 -"), node("operative", "OP2")));
    expect(found.map((p) => p.nodeIndex)).toEqual([...found.map((p) => p.nodeIndex)].sort((a, b) => a - b));
  });
});
