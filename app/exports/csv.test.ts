import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { BOM, csvLine } from "./csv";

describe("CSV lines", () => {
  it("round-trip through a CSV reader: quotes, commas, line breaks and accents", () => {
    const rows = [
      ["Égalité, « genre »", 'He said "no"', "two\nlines", 3],
      ["Côte d'Ivoire", "", null, 0],
    ];
    const text = BOM + rows.map(csvLine).join("");
    const parsed = parse(text, { bom: true });
    expect(parsed).toEqual([
      ["Égalité, « genre »", 'He said "no"', "two\nlines", "3"],
      ["Côte d'Ivoire", "", "", "0"],
    ]);
  });

  it("keeps a participant's text from running as a spreadsheet formula", () => {
    expect(csvLine(["=HYPERLINK(\"http://x\")", "-1 point", 5]).startsWith(`"'=HYPERLINK`)).toBe(true);
    expect(csvLine(["-1 point"])).toBe("'-1 point\r\n");
    expect(csvLine([-1])).toBe("-1\r\n");
  });
});
