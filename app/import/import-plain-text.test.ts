import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError, importPlainText, type ImportedOutline } from ".";

const seedsFolder = join(__dirname, "../../seeds");
const fixturesFolder = join(__dirname, "fixtures");
const SEEDS = [
  "unesco-first-draft-recommendation-ethics-of-ai",
  "ga-resolution-78-265-safe-secure-trustworthy-ai",
  "ga-third-committee-draft-human-rights-digital-technologies",
  "hrc-resolution-53-29-new-emerging-digital-technologies",
  "un-system-ai-capacity-development-road-map",
] as const;

const seedText = (name: string) => readFileSync(join(seedsFolder, `${name}.txt`), "utf8");
const imported = new Map<string, ImportedOutline>(SEEDS.map((name) => [name, importPlainText(seedText(name))]));
const outline = (name: (typeof SEEDS)[number]) => imported.get(name)!;
const node = (name: (typeof SEEDS)[number], label: string) => {
  const found = outline(name).nodes.find((n) => n.label === label);
  if (!found) throw new Error(`${name} has no node ${label}`);
  return found;
};
const labels = (name: (typeof SEEDS)[number], pattern: RegExp) =>
  outline(name).nodes.map((n) => n.label).filter((l): l is string => l !== null && pattern.test(l));
const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
const letters = (parent: string, last: string) =>
  Array.from({ length: last.charCodeAt(0) - 96 }, (_, i) => `${parent}(${String.fromCharCode(97 + i)})`);

describe("plain-text import of the five seeds", () => {
  it.each(SEEDS)("%s matches the outline checked by hand", (name) => {
    const expected = JSON.parse(readFileSync(join(fixturesFolder, `${name}.expected.json`), "utf8"));
    expect(outline(name)).toEqual(expected);
  });

  it.each(SEEDS)("%s has unique labels, no footnote text or markers left in paragraphs", (name) => {
    const { nodes } = outline(name);
    const used = nodes.map((n) => n.label).filter((l) => l !== null);
    expect(new Set(used).size).toBe(used.length);
    const footnotes = nodes.flatMap((n) => n.footnotes);
    for (const n of nodes) {
      expect(n.text).not.toMatch(/[⁰¹²³⁴⁵⁶⁷⁸⁹*_]|https?:/);
      for (const footnote of footnotes) if (footnote.length > 25) expect(n.text).not.toContain(footnote);
    }
  });

  it("gives the UNESCO draft its title, preamble, operative paragraphs, sections and body paragraphs", () => {
    const name = "unesco-first-draft-recommendation-ethics-of-ai";
    expect(outline(name).title).toBe("FIRST DRAFT OF THE RECOMMENDATION ON THE ETHICS OF ARTIFICIAL INTELLIGENCE");
    expect(labels(name, /^PP\d+$/)).toEqual(range("PP", 1, 22));
    expect(labels(name, /^OP\d+$/)).toEqual(range("OP", 1, 3));
    expect(labels(name, /^\d+$/)).toEqual(range("", 1, 141));
    expect(labels(name, /^[IVX]+$/)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]);
    expect(labels(name, /^III\.\d$/)).toEqual(["III.1", "III.2"]);
    expect(node(name, "PP1").text).toMatch(/^Recognizing the profound and dynamic impact/);
    expect(node(name, "OP1").text).toBe("Adopts the present Recommendation on the Ethics of Artificial Intelligence;");
    expect(node(name, "2(a)(i)")).toMatchObject({ kind: "subparagraph", parent: "2(a)", level: 3 });
    expect(node(name, "2(a)(iii)").text).toMatch(/^cyber-physical systems/);
    expect(node(name, "POLICY AREA 3")).toMatchObject({ kind: "heading", text: "DATA POLICY", parent: "IV", level: 1 });
    const unnumbered = outline(name).nodes.find((n) => n.text === "Proportionality and do no harm");
    expect(unnumbered).toMatchObject({ kind: "heading", label: null, parent: "III.2", level: 2 });
    // The title repeated above the preamble is not a paragraph of the draft.
    expect(outline(name).nodes.filter((n) => n.text.startsWith("FIRST DRAFT"))).toHaveLength(0);
  });

  it("gives GA resolution 78/265 thirteen operative paragraphs with their sub-paragraphs", () => {
    const name = "ga-resolution-78-265-safe-secure-trustworthy-ai";
    expect(outline(name).title).toBe(
      "Seizing the opportunities of safe, secure and trustworthy artificial intelligence systems for sustainable development",
    );
    expect(labels(name, /^OP\d+$/)).toEqual(range("OP", 1, 13));
    expect(labels(name, /^OP4\(/)).toEqual(letters("OP4", "g"));
    expect(labels(name, /^OP6\(/)).toEqual(letters("OP6", "q"));
    expect(labels(name, /^PP\d+$/)).toEqual(range("PP", 1, 9));
    // The preamble ran together on one line, clauses in italics: each clause is its own paragraph.
    expect(node(name, "PP1").text).toMatch(/^Reaffirming international law, .*Human Rights,$/);
    expect(node(name, "PP1").footnotes).toEqual(["Resolution 217 A (III)."]);
    expect(node(name, "PP2").text).toMatch(/^Reaffirming also its resolution 70\/1/);
    expect(node(name, "OP4(a)")).toMatchObject({ kind: "subparagraph", parent: "OP4", level: 1 });
  });

  it("joins every paragraph a page break split, with the page's footnotes attached, not inlined", () => {
    const ga = "ga-resolution-78-265-safe-secure-trustworthy-ai";
    expect(node(ga, "PP3").text).toContain("the Geneva Plan of Action, the Tunis Commitment and the Tunis Agenda");
    expect(node(ga, "PP3").footnotes).toEqual(["See A/C.2/59/3, annex.", "Ibid.", "See A/60/687.", "Ibid."]);
    expect(node(ga, "PP7").text).toContain("human rights and fundamental freedoms, including the right not to be subject");
    expect(node(ga, "OP4").text).toContain("towards inclusive and equitable access to the benefits");
    expect(node(ga, "OP7").text).toContain("potential of safe, secure and trustworthy artificial intelligence systems");

    const hrc = "hrc-resolution-53-29-new-emerging-digital-technologies";
    expect(node(hrc, "PP16").text).toContain("by persons with disabilities, and that these technologies");
    expect(node(hrc, "PP16").footnotes).toEqual([]);
    expect(node(hrc, "PP25").text).toContain("regulatory frameworks and legislation, and on the conception");
    // A clause whose end was lost in extraction still imports, joined to what follows it.
    expect(node(hrc, "PP6").text).toContain("noting the adoption by the General Conference of the United Nations");

    const third = "ga-third-committee-draft-human-rights-digital-technologies";
    expect(outline(third).title).toBe("Promotion and protection of human rights in the context of digital technologies");
    expect(node(third, "PP11").text).toContain("in order to promote a free, open, universal");
    expect(node(third, "PP19").text).toContain("to undertake surveillance, hacking of devices");
    expect(node(third, "OP7").text).toContain("safeguards so that companies, including technology companies");
    expect(labels(third, /^OP\d+$/)).toEqual(range("OP", 1, 22));

    const roadMap = "un-system-ai-capacity-development-road-map";
    expect(node(roadMap, "3").text).toContain("support the use of these technologies to accelerate the achievement");
    expect(node(roadMap, "12(e)").text).toMatch(/work and training in the informal economy\. There should be/);
    expect(node(roadMap, "18").text).toContain("relevant United Nations entities, taking into consideration");
  });

  it("takes out spaced, glued and lettered footnote markers of wrapped text", () => {
    const name = "un-system-ai-capacity-development-road-map";
    expect(node(name, "1").text).toContain("the bottom billion, in the context of achieving");
    expect(node(name, "1").footnotes).toEqual([
      "In the present document, the term “bottom billion” refers to the people living in extreme poverty in middle- and low-income developing countries.",
    ]);
    expect(node(name, "4").text).toContain("an independent contribution offering a basis");
    expect(node(name, "12(e)").text).toContain("recommends in its report, implement a “human-in-command” approach");
    expect(node(name, "Commitment 3").text).toMatch(/the private sector and academia$/);
    expect(node(name, "Commitment 3").footnotes[0]).toMatch(/^Some of these actions may fall under the purview/);
    // Words split by extraction are repaired in footnotes too.
    expect(node(name, "12(b)").footnotes[0]).toContain("application of artificial intelligence also depends");
    expect(node(name, "9.3").text).toMatch(/^Convene, as necessary, consultations/);
    expect(node(name, "9.3").footnotes[0]).toMatch(/^For example, building, as appropriate/);
    // The title's asterisk note goes with the first node, not lost.
    expect(outline(name).nodes[0]!.footnotes[0]).toMatch(/^The International Monetary Fund opted out/);
  });

  it("makes the road map's table rows paragraphs under their commitment", () => {
    const name = "un-system-ai-capacity-development-road-map";
    expect(labels(name, /^Commitment \d+$/)).toEqual(range("Commitment ", 1, 9));
    expect(labels(name, /^1\.\d$/)).toEqual(["1.1", "1.2", "1.3", "1.4"]);
    expect(labels(name, /^9\.\d$/)).toEqual(["9.1", "9.2", "9.3", "9.4", "9.5"]);
    expect(node(name, "1.1")).toMatchObject({ kind: "paragraph", parent: "Commitment 1" });
    expect(node(name, "Commitment 1").text).toMatch(/^Enhance technical infrastructure .* close the digital divide$/);
    // A cell's second paragraph stays with its measure.
    expect(node(name, "4.2").text).toMatch(/related to artificial intelligence\.\n\nIn this regard, launch initiatives/);
    const clusters = outline(name).nodes.filter((n) => n.kind === "heading" && n.label === null).map((n) => n.text);
    expect(clusters).toContain("High certainty – immediate action");
    expect(labels(name, /^\d+$/)).toEqual(range("", 1, 20));
    expect(node(name, "13(c)").text).toContain("to ensure safety and security.");
  });
});

describe("plain-text import of damaged or unusual input", () => {
  it("refuses empty and binary input with a reason", () => {
    expect(() => importPlainText("  \n\n ")).toThrow(ImportError);
    expect(() => importPlainText("  \n\n ")).toThrow("the file contains no text");
    expect(() => importPlainText("PK\u0003\u0004\u0000\u0000")).toThrow("the file is binary, not text");
  });

  it("imports a seed cut anywhere, mid-word included, without crashing", () => {
    for (const name of SEEDS) {
      const text = seedText(name);
      for (const fraction of [0.13, 0.37, 0.5, 0.71, 0.93]) {
        const cut = importPlainText(text.slice(0, Math.floor(text.length * fraction)));
        expect(cut.nodes.length).toBeGreaterThan(0);
      }
    }
  });

  it("tells a letter (i) after (h) from a roman (i) under (a)", () => {
    const list = ["(a) one;", "(b) two;", "(c) three;", "(d) four;", "(e) five;", "(f) six;", "(g) seven;", "(h) eight;", "(i) nine."];
    const text = ["The General Assembly,", "Recalling the past,", "1. Decides:", ...list, "2. Requests:", "(a) first, including:", "(i) one;", "(ii) two;", "(b) second."].join("\n\n");
    const result = importPlainText(text);
    expect(result.nodes.map((n) => n.label)).toEqual([
      null, "PP1", "OP1", ...letters("OP1", "i"), "OP2", "OP2(a)", "OP2(a)(i)", "OP2(a)(ii)", "OP2(b)",
    ]);
  });

  it("drops a footnote rule with nothing under it, keeping the next page's text in the body", () => {
    const page = (n: number, lines: string[]) => [...lines, "", "__________", "", `- ${n} -`, "", "\fA/HRC/99/L.1", ""];
    const text = [
      ...page(1, [
        "Automated decisions in public administration",
        "",
        "The Human Rights Council,",
        "",
        "1. Calls upon all States to ensure that any use of artificial intelligence by",
        "public authorities is provided for by law and subject to independent",
      ]),
      "oversight with the power to suspend its use;",
      "",
      "2. Decides to remain seized of the matter.",
    ].join("\n");
    const { nodes } = importPlainText(text);
    expect(nodes.map((n) => [n.label, n.text, n.footnotes])).toEqual([
      [null, "The Human Rights Council,", []],
      ["OP1", "Calls upon all States to ensure that any use of artificial intelligence by public authorities is provided for by law and subject to independent oversight with the power to suspend its use;", []],
      ["OP2", "Decides to remain seized of the matter.", []],
    ]);
  });

  it("joins a paragraph cut by a page break before a capitalised word, across footer and running header", () => {
    const text = [
      "Human rights in the context of digital technologies",
      "",
      "The General Assembly,",
      "",
      "Reaffirming the Universal Declaration of Human Rights and the International Covenant on Civil and",
      "Political Rights, and recalling all relevant resolutions of the Human Rights Council and of the",
      "",
      "Page 1 of 2",
      "\fA/C.3/78/L.49    Human rights in the context of digital technologies",
      "",
      "General Assembly on the right to privacy in the digital age,",
      "",
      "1. Decides to remain seized of the matter.",
    ].join("\n");
    const { nodes } = importPlainText(text);
    expect(nodes.find((n) => n.label === "PP1")?.text).toBe(
      "Reaffirming the Universal Declaration of Human Rights and the International Covenant on Civil and Political Rights, and recalling all relevant resolutions of the Human Rights Council and of the General Assembly on the right to privacy in the digital age,",
    );
    expect(nodes.map((n) => n.label)).toEqual([null, "PP1", "OP1"]);
  });

  it("labels a numbering slip uniquely rather than twice", () => {
    const result = importPlainText(["I. Scope", "1. First.", "2. Second.", "2. Second again.", "3. Third."].join("\n"));
    expect(result.nodes.map((n) => n.label)).toEqual(["I", "1", "2", "2 bis", "3"]);
  });
});
