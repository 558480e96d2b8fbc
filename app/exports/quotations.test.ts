import { describe, expect, it } from "vitest";
import { QUOTATION_MAX_CHARS, QuotationPicker, shorten } from "./quotations";
import { row } from "./report-fixture";

describe("the quotation rule", () => {
  // A fixture where each part of the rule decides one pick.
  const rows = [
    row({ id: 10, stance: "support", endorsements: 4, comment: "Fewer endorsements." }),
    row({ id: 11, stance: "support", endorsements: 7, comment: "Most endorsed, later." }),
    row({ id: 12, stance: "support", endorsements: 7, comment: "Most endorsed, but a later tie." }),
    row({ id: 20, stance: "concern", endorsements: 50, comment: "A campaign copy.", campaign: "campaign-19" }),
    row({ id: 19, stance: "concern", endorsements: 1, comment: "The campaign's first comment.", campaign: "campaign-19" }),
    row({ id: 21, stance: "concern", endorsements: 0, comment: "   " }),
    row({ id: 30, stance: null, endorsements: 99, comment: "No stance: never quoted." }),
    row({ id: 40, nodeId: "b", stance: "question", endorsements: 0, comment: "¿Por qué?", language: "es" }),
  ];
  const picker = new QuotationPicker();
  for (const r of rows) picker.add(r);

  it("quotes per stance the most endorsed comment, the earliest on a tie, a campaign only by its first comment", () => {
    expect(picker.quotations("a").map((q) => [q.stance, q.id])).toEqual([
      ["support", 11],
      ["concern", 19],
    ]);
    expect(picker.quotations("b")).toEqual([expect.objectContaining({ stance: "question", id: 40, text: "¿Por qué?", language: "es" })]);
    expect(picker.quotations("")).toEqual([]);
  });

  it("picks the same comments whatever order the rows arrive in", () => {
    const reversed = new QuotationPicker();
    for (const r of [...rows].reverse()) reversed.add(r);
    expect(reversed.quotations("a")).toEqual(picker.quotations("a"));
  });

  it("shortens long comments at a word with an ellipsis", () => {
    const long = "word ".repeat(400);
    const short = shorten(long);
    expect(short.length).toBeLessThanOrEqual(QUOTATION_MAX_CHARS + 1);
    expect(short.endsWith("word…")).toBe(true);
    expect(shorten("  Short\n comment. ")).toBe("Short comment.");
  });
});
