import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError, importMarkdown, type ImportedOutline } from ".";
import { markdownToSource } from "./markdown-source";
import { outlineToMarkdown } from "./render-markdown";

const fixtures = join(__dirname, "fixtures");

describe("Markdown import", () => {
  it.each(readdirSync(fixtures).filter((f) => f.endsWith(".expected.json")))(
    "a Markdown version of %s gives the same outline",
    (file) => {
      const expected = JSON.parse(readFileSync(join(fixtures, file), "utf8")) as ImportedOutline;
      expect(importMarkdown(outlineToMarkdown(expected))).toEqual(expected);
    },
  );

  it("numbers nested lists (a), (i) after their parent, honours list starts and typed markers", () => {
    const source = markdownToSource(
      [
        "# Draft resolution",
        "",
        "The General Assembly,",
        "",
        "*Recalling* its resolution 70/1,[^1]",
        "",
        "3. *Decides* to act:",
        "   1. first, including:",
        "      1. one;",
        "      2. two;",
        "   2. second;",
        "4. *Requests* a report:",
        "   a. on progress;",
        "   (b) on funding.",
        "",
        "[^1]: Resolution 70/1.",
      ].join("\n"),
    );
    expect(source.title).toBe("Draft resolution");
    expect(source.blocks.map((b) => b.text)).toEqual([
      "The General Assembly,",
      "Recalling its resolution 70/1,",
      "3. Decides to act:",
      "(a) first, including:",
      "(i) one;",
      "(ii) two;",
      "(b) second;",
      "4. Requests a report:",
      "(a) on progress;",
      "(b) on funding.",
    ]);
    expect(source.blocks[1]!.footnotes).toEqual(["Resolution 70/1."]);
    const outline = importMarkdown(
      "# T\n\nThe General Assembly,\n\nRecalling its work,\n\n1. Decides:\n   1. first;\n      1. one;\n   2. second.\n",
    );
    expect(outline.nodes.map((n) => n.label)).toEqual([null, "PP1", "OP1", "OP1(a)", "OP1(a)(i)", "OP1(b)"]);
  });

  it("reads a table: column names, then each cell's paragraphs with their own footnotes", () => {
    const source = markdownToSource(
      "| Commitment | Measure |\n| --- | --- |\n| 1. Enhance infrastructure[^a] | 1.1. Expand broadband.<br><br>In this regard, act.[^b]<br>Still the same paragraph. |\n\n[^a]: Note a.\n[^b]: Note b.\n",
    );
    expect(source.blocks).toEqual([
      { text: "", footnotes: [], tableHeader: ["Commitment", "Measure"] },
      { text: "1. Enhance infrastructure", footnotes: ["Note a."] },
      { text: "1.1. Expand broadband.", footnotes: [] },
      { text: "In this regard, act. Still the same paragraph.", footnotes: ["Note b."] },
    ]);
  });

  it("refuses empty and binary files with a reason", () => {
    expect(() => importMarkdown("   \n")).toThrow(ImportError);
    expect(() => importMarkdown("   \n")).toThrow("the file contains no text");
    expect(() => importMarkdown("PK\u0003\u0004\u0000")).toThrow("binary");
  });
});
