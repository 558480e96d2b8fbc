import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ImportedOutline } from "../import";
import { relabel } from "./relabel";

const fixtures = join(__dirname, "../import/fixtures");

describe("relabel", () => {
  it.each(readdirSync(fixtures).filter((f) => f.endsWith(".expected.json")))(
    "gives %s back its own labels when nothing changed",
    (file) => {
      const outline = JSON.parse(readFileSync(join(fixtures, file), "utf8")) as ImportedOutline;
      expect(relabel(outline.nodes)).toEqual(outline.nodes.map((n) => n.label));
    },
  );

  it("renumbers what follows an inserted or deleted paragraph, keeping sub-paragraph shape", () => {
    const outline = [
      { kind: "operative", level: 0, label: "OP1" },
      { kind: "operative", level: 0, label: "OP2" },
      { kind: "subparagraph", level: 1, label: "OP2(a)" },
      { kind: "subparagraph", level: 2, label: "OP2(a)(i)" },
      { kind: "subparagraph", level: 2, label: "OP2(a)(ii)" },
      { kind: "subparagraph", level: 1, label: "OP2(b)" },
      { kind: "operative", level: 0, label: "OP3" },
    ];
    // A new operative paragraph after OP1 (a split copies the label; relabelling fixes it).
    const inserted = [outline[0]!, { kind: "operative", level: 0, label: "OP1" }, ...outline.slice(1)];
    expect(relabel(inserted)).toEqual(["OP1", "OP2", "OP3", "OP3(a)", "OP3(a)(i)", "OP3(a)(ii)", "OP3(b)", "OP4"]);
    // Deleting OP2(a)(i) and OP2(a): what was (b) becomes (a).
    const deleted = outline.filter((n) => n.label !== "OP2(a)" && n.label !== "OP2(a)(i)");
    expect(relabel(deleted)).toEqual(["OP1", "OP2", "OP2(a)", "OP2(b)", "OP3"]);
  });

  it("renumbers sections, named sections, table rows and their measures", () => {
    const outline = [
      { kind: "heading", level: 0, label: "I" },
      { kind: "paragraph", level: 1, label: "1" },
      { kind: "heading", level: 0, label: "III" },
      { kind: "heading", level: 1, label: "III.2" },
      { kind: "heading", level: 1, label: "POLICY AREA 4" },
      { kind: "heading", level: 2, label: null },
      { kind: "paragraph", level: 2, label: "Commitment 3" },
      { kind: "paragraph", level: 3, label: "3.2" },
      { kind: "paragraph", level: 3, label: "3.5" },
      { kind: "paragraph", level: 1, label: "9" },
    ];
    expect(relabel(outline)).toEqual(["I", "1", "II", "II.1", "POLICY AREA 1", null, "Commitment 1", "1.1", "1.2", "2"]);
  });
});
