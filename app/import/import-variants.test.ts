/**
 * The importer on layouts it was not tuned to: each clean seed re-laid out as other PDF
 * extractions and Word files bring it in (fixtures/variants, made by fixtures/make-import-variants.ts).
 * The rule: the outline equals the clean seed's, or findOutlineProblems flags every place where
 * it does not, so the secretariat sees it in the preview.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importDocx, importPlainText, type ImportedOutline, type OutlineNode } from ".";
import { nestedListsOutline, renderTextVariant, SYMBOLS, TEXT_LAYOUTS } from "./fixtures/make-import-variants";
import { findOutlineProblems } from "./outline-problems";
import { outlineMismatches } from "./variant-alignment";

const fixtures = join(__dirname, "fixtures");
const variantsFolder = join(fixtures, "variants");
const variants = readdirSync(variantsFolder).filter((f) => /\.(txt|docx)$/.test(f));
const seedOf = (file: string) => file.slice(0, file.indexOf("."));
const expectedOf = (seed: string): ImportedOutline =>
  JSON.parse(readFileSync(seed === "nested-lists" ? join(variantsFolder, `${seed}.expected.json`) : join(fixtures, `${seed}.expected.json`), "utf8"));

async function importVariant(file: string): Promise<ImportedOutline> {
  const data = readFileSync(join(variantsFolder, file));
  return file.endsWith(".docx") ? importDocx(data) : importPlainText(data.toString("utf8"));
}

/** The places where `actual` departs from `expected` and no problem is flagged at or next to. */
function unflaggedMismatches(expected: ImportedOutline, actual: ImportedOutline): { nodeIndex: number; node: OutlineNode | undefined }[] {
  const problems = findOutlineProblems(actual);
  return outlineMismatches(expected.nodes, actual.nodes)
    .filter((place) => !problems.some((p) => Math.abs(p.nodeIndex - place) <= 1))
    .map((nodeIndex) => ({ nodeIndex, node: actual.nodes[nodeIndex] }));
}

describe("importing variants of the seeds", () => {
  it("has every variant: three text layouts for each seed and the nested lists, two Word numberings for each", () => {
    const seeds = [...new Set(variants.map(seedOf))];
    expect(seeds).toHaveLength(6);
    for (const seed of seeds) {
      for (const layout of TEXT_LAYOUTS) expect(variants).toContain(`${seed}.${layout.name}.txt`);
      // The road map's table is a Word table in a real file; its Word form is covered by import-docx.test.ts.
      if (seed !== "un-system-ai-capacity-development-road-map") {
        expect(variants).toContain(`${seed}.word-numbering.docx`);
        expect(variants).toContain(`${seed}.typed-numbering.docx`);
      }
    }
  });

  it.each(variants)("%s: the outline equals the clean seed's, or the preview flags each place where it does not", async (file) => {
    const expected = expectedOf(seedOf(file));
    const actual = await importVariant(file);
    expect(actual.title).toBe(expected.title);
    expect(unflaggedMismatches(expected, actual)).toEqual([]);
  });

  // Stronger than the rule: today every variant comes out exactly as the clean seed did.
  it.each(variants)("%s comes out exactly as the clean seed", async (file) => {
    expect(await importVariant(file)).toEqual(expectedOf(seedOf(file)));
  });

  it("reads (a), (i) and (A) nested through Word's automatic numbering as labels", async () => {
    const outline = await importVariant("nested-lists.word-numbering.docx");
    expect(outline.nodes.map((n) => n.label).filter((l) => l?.startsWith("OP2"))).toEqual([
      "OP2",
      "OP2(a)",
      "OP2(a)(i)",
      "OP2(a)(ii)",
      "OP2(a)(ii)(A)",
      "OP2(a)(ii)(B)",
      "OP2(a)(ii)(C)",
      "OP2(b)",
    ]);
    expect(outline.nodes.find((n) => n.label === "OP2(a)(ii)(B)")).toMatchObject({ parent: "OP2(a)(ii)", level: 3, text: "auditing systems in use;" });
  });

  it("keeps the checked-in text variants as the generator makes them", () => {
    for (const file of variants.filter((f) => f.endsWith(".txt"))) {
      const layout = TEXT_LAYOUTS.find((l) => file.endsWith(`.${l.name}.txt`))!;
      const seed = seedOf(file);
      expect(renderTextVariant(expectedOf(seed), SYMBOLS[seed]!, layout), file).toBe(readFileSync(join(variantsFolder, file), "utf8"));
    }
    expect(expectedOf("nested-lists")).toEqual(nestedListsOutline());
  });
});

describe("the variant rule catches what the importer gets wrong", () => {
  const clean = expectedOf("ga-third-committee-draft-human-rights-digital-technologies");
  const at = (label: string) => clean.nodes.findIndex((n) => n.label === label);
  const damaged = (change: (nodes: OutlineNode[]) => void): ImportedOutline => {
    const nodes = structuredClone(clean.nodes);
    change(nodes);
    return { ...clean, nodes };
  };

  it("flags a page number left between paragraphs", () => {
    const outline = damaged((nodes) => nodes.splice(at("OP3"), 0, { kind: "text", label: null, parent: null, level: 0, text: "- 7 -", footnotes: [] }));
    expect(outlineMismatches(clean.nodes, outline.nodes)).not.toEqual([]);
    expect(unflaggedMismatches(clean, outline)).toEqual([]);
  });

  it("flags a paragraph a page break cut in two", () => {
    const outline = damaged((nodes) => {
      const node = nodes[at("PP11")]!;
      const words = node.text.split(" ");
      const cut = words.findIndex((w, i) => i > 10 && /^\p{Ll}+$/u.test(words[i + 1] ?? "") && /\p{Ll}$/u.test(w));
      nodes.splice(at("PP11") + 1, 0, { ...node, kind: "text", label: null, text: words.slice(cut + 1).join(" "), footnotes: [] });
      node.text = words.slice(0, cut + 1).join(" ");
    });
    expect(unflaggedMismatches(clean, outline)).toEqual([]);
  });

  it("flags two operative paragraphs merged into one", () => {
    const outline = damaged((nodes) => {
      const [merged] = nodes.splice(at("OP5"), 1);
      nodes[at("OP4")]!.text += ` ${merged!.text}`;
    });
    expect(findOutlineProblems(outline).map((p) => p.kind)).toContain("numbering-gap");
    expect(unflaggedMismatches(clean, outline)).toEqual([]);
  });

  it("flags footnote text taken into the body", () => {
    const outline = damaged((nodes) => {
      const node = nodes[at("PP1")]!;
      const [note] = node.footnotes.splice(0, 1);
      nodes.splice(at("PP1") + 1, 0, { kind: "text", label: null, parent: null, level: 0, text: `1 ${note}`, footnotes: [] });
    });
    expect(unflaggedMismatches(clean, outline)).toEqual([]);
  });

  it("reports a change no problem explains: the rule can fail", () => {
    const outline = damaged((nodes) => {
      nodes[at("OP7")]!.text = nodes[at("OP7")]!.text.replace("companies", "compagnies");
    });
    expect(unflaggedMismatches(clean, outline).map((m) => m.nodeIndex)).toContain(at("OP7"));
  });
});

describe("bounded work on large input", () => {
  it(
    "imports a 10 MB text of page after page of furniture and breaks, and finds its problems",
    () => {
      const file = "unesco-first-draft-recommendation-ethics-of-ai.page-breaks.txt";
      const page = readFileSync(join(variantsFolder, file), "utf8");
      const copies = Math.ceil((10 * 1024 * 1024) / page.length);
      const outline = importPlainText(Array.from({ length: copies }, () => page).join("\f"));
      const paragraph = expectedOf(seedOf(file)).nodes.find((n) => n.label === "28")!.text;
      // Every copy's paragraph 28 came through whole, under its own label ("28", "28 bis", …).
      expect(outline.nodes.filter((n) => n.text === paragraph)).toHaveLength(copies);
      expect(findOutlineProblems(outline).filter((p) => p.kind === "duplicate-label").length).toBeGreaterThan(0);
    },
    // Not a speed target (bench/ holds those): room for a shared, busy machine to finish.
    180_000,
  );
});
