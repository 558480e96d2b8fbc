import { describe, expect, it } from "vitest";
import { parseCommentFilters } from "./comment-filters";
import { drillDownPath, drillDownPaths, isKnownDimensionValue, parseDrillDown, withPage } from "./drill-down";

describe("drill-down addresses", () => {
  const filters = parseCommentFilters(new URLSearchParams("region=africa&electoral=V(a)&from=2026-10-01"));

  it("carry the filters and the figure's cell, and read back as the same cell", () => {
    const path = drillDownPath("unesco-ethics-of-ai", filters, { node: "abc-1", by: "electoral", value: "V(b)" });
    const url = new URL(path, "http://x");
    expect(url.pathname).toBe("/c/unesco-ethics-of-ai/analysis/comments");
    expect(parseCommentFilters(url.searchParams)).toEqual(filters);
    expect(parseDrillDown(url.searchParams)).toEqual({ node: "abc-1", by: "electoral", value: "V(b)", page: 1 });
    const campaign = new URL(drillDownPath("s", { ...filters, campaigns: "collapsed" }, { campaign: 42 }), "http://x");
    expect(parseDrillDown(campaign.searchParams)).toEqual({ campaign: 42, page: 1 });
    expect(parseCommentFilters(campaign.searchParams).campaigns).toBe("collapsed");
  });

  it("are the same whether built one by one or for a whole matrix", () => {
    const many = drillDownPaths("unesco-ethics-of-ai", filters);
    for (const cell of [{}, { node: "draft" }, { node: "n-1", by: "region" as const, value: "arab-states" }, { by: "electoral" as const, value: "V(a)" }, { by: "group" as const, value: "none" }, { node: "n-2", campaign: 42 }]) {
      expect(many(cell)).toBe(drillDownPath("unesco-ethics-of-ai", filters, cell));
    }
    expect(drillDownPaths("s", {})({ node: "x" })).toBe(drillDownPath("s", {}, { node: "x" }));
  });

  it("drop what does not parse, and page through", () => {
    expect(parseDrillDown(new URLSearchParams("node=<script>&by=shoe&page=-3"))).toEqual({ page: 1 });
    expect(withPage("?region=africa&page=2", 3)).toBe("?region=africa&page=3");
    expect(withPage("?region=africa&page=2", 1)).toBe("?region=africa");
  });
});

describe("isKnownDimensionValue", () => {
  it("knows each dimension's values, none included", () => {
    expect(isKnownDimensionValue("region", "africa", [])).toBe(true);
    expect(isKnownDimensionValue("electoral", "V(a)", [])).toBe(true);
    expect(isKnownDimensionValue("gender", "none", [])).toBe(true);
    expect(isKnownDimensionValue("group", "3", [1, 2, 3])).toBe(true);
  });

  it.each([
    ["gender", "xyz"],
    ["region", "Atlantis"],
    ["age", "200-plus"],
    ["language", "tlh"],
    ["group", "999"],
    ["group", "3.0"],
    ["region", "__proto__"],
  ] as const)("refuses %s=%s", (by, value) => {
    expect(isKnownDimensionValue(by, value, [1, 2, 3])).toBe(false);
  });
});
