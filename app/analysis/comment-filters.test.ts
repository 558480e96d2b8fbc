import { describe, expect, it } from "vitest";
import { filtersToSearch, parseCommentFilters } from "./comment-filters";

describe("comment filters", () => {
  it("reads the filters from the URL and drops values that do not parse", () => {
    const f = parseCommentFilters(
      new URLSearchParams("region=africa&stance=concern&group=3&channel=nowhere&from=2026-02-30&to=2026-03-01&language=ar"),
    );
    expect(f).toEqual({ region: "africa", stance: "concern", group: 3, to: "2026-03-01", language: "ar" });
  });

  it("reads the round, and drops one that is not a round number", () => {
    expect(parseCommentFilters(new URLSearchParams("round=2"))).toEqual({ round: 2 });
    expect(parseCommentFilters(new URLSearchParams("round=zero"))).toEqual({});
    expect(filtersToSearch({ round: 2, stance: "support" })).toBe("?stance=support&round=2");
  });

  it("reads the joint submissions filter, and drops a value it does not know", () => {
    expect(parseCommentFilters(new URLSearchParams("joint=only"))).toEqual({ joint: "only" });
    expect(parseCommentFilters(new URLSearchParams("joint=exclude&stance=support"))).toEqual({ joint: "exclude", stance: "support" });
    expect(parseCommentFilters(new URLSearchParams("joint=all"))).toEqual({});
    expect(filtersToSearch({ joint: "only", campaigns: "collapsed" })).toBe("?campaigns=collapsed&joint=only");
  });

  it("writes them back so a view can be shared, with a drill-down's extra parameters", () => {
    const f = parseCommentFilters(new URLSearchParams("electoral=V(a)&region=arab-states"));
    expect(filtersToSearch(f, { node: "n-12" })).toBe("?region=arab-states&electoral=V%28a%29&node=n-12");
    expect(parseCommentFilters(new URLSearchParams(filtersToSearch(f).slice(1)))).toEqual(f);
    expect(filtersToSearch({})).toBe("");
  });
});
