import { describe, expect, it } from "vitest";
import { fillDays, formatValue, niceMax, svgId } from "./chart-scale";

describe("chart scales", () => {
  it("rounds an axis up to 1, 2, 2.5 or 5 × 10ⁿ", () => {
    expect([0, 0.3, 1, 7, 12, 23, 40, 101, 0.45].map(niceMax)).toEqual([1, 0.5, 1, 10, 20, 25, 50, 200, 0.5]);
  });

  it("fills the days without comments with 0 and adds up repeated days", () => {
    expect(
      fillDays([
        { date: "2026-03-02", count: 4 },
        { date: "2026-02-27", count: 1 },
        { date: "2026-03-02", count: 1 },
      ]),
    ).toEqual([
      { date: "2026-02-27", count: 1 },
      { date: "2026-02-28", count: 0 },
      { date: "2026-03-01", count: 0 },
      { date: "2026-03-02", count: 5 },
    ]);
    expect(fillDays([])).toEqual([]);
  });

  it("formats counts and shares for the locale, and makes ids fit for url(#…)", () => {
    expect(formatValue(12345, "number", "en")).toBe("12,345");
    expect(formatValue(0.2345, "percent", "en")).toBe("23.5%");
    expect(formatValue(1.5, "ratio", "en")).toBe("1.50");
    expect(svgId(":R1a:", "support")).toBe("chartR1a-support");
  });
});
