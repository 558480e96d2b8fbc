import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TimeSeriesChart } from "./time-series-chart";

describe("TimeSeriesChart", () => {
  const html = renderToStaticMarkup(
    <TimeSeriesChart
      title="Comments per day"
      data={[
        { date: "2026-03-03", count: 7 },
        { date: "2026-03-01", count: 2 },
      ]}
    />,
  );

  it("is an image with a title and a summary naming the busiest day", () => {
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="chart[\w-]+-title chart[\w-]+-desc"/);
    expect(html).toMatch(/<title id="[^"]+">Comments per day<\/title>/);
    expect(html).toContain("9 comments over 3 days, from Mar 1, 2026 to Mar 3, 2026; the busiest day was Mar 3, 2026, with 7.");
  });

  it("has a column for every day, the quiet one included, and a row for each in the numbers", () => {
    expect(html.match(/class="chart__bar"/g)).toHaveLength(3);
    expect(html).toMatch(/<th scope="row">Mar 1, 2026<\/th><td>2<\/td>/);
    expect(html).toMatch(/<th scope="row">Mar 2, 2026<\/th><td>0<\/td>/);
    expect(html).toMatch(/<th scope="row">Mar 3, 2026<\/th><td>7<\/td>/);
    expect(html).toMatch(/<th scope="col">Day<\/th><th scope="col">Comments<\/th>/);
  });

  it("scales the columns to a round axis", () => {
    // axis 0–10 over 182 units: 7 comments → 127.4 high, 0 → 0
    const heights = [...html.matchAll(/class="chart__bar"[^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toEqual([2, 0, 7].map((n) => expect.closeTo((n / 10) * 182, 6)));
    expect(html).toMatch(/<text class="chart__axis"[^>]*>10<\/text>/);
  });
});
