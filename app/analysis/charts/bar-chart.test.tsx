import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "./bar-chart";

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe("BarChart", () => {
  const data = [
    { label: "Africa", value: 0.3, comparison: 45 / 193 },
    { label: "Arab States", value: 0.05, comparison: 20 / 193 },
    { label: "Asia and the Pacific", value: 0.65, comparison: 44 / 193 },
  ];
  const html = renderToStaticMarkup(
    <BarChart title="Comments by region" labelHeading="Region" valueLabel="Share of comments" comparisonLabel="Share of Member States" data={data} format="percent" />,
  );

  it("is an image named by its title and a summary", () => {
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="(chart[\w-]+-title) (chart[\w-]+-desc)"/);
    const [, titleId, descId] = html.match(/aria-labelledby="(\S+) (\S+)"/)!;
    expect(html).toContain(`<title id="${titleId}">Comments by region</title>`);
    expect(html).toContain(`<desc id="${descId}">3 bars; the longest is Asia and the Pacific, 65%.</desc>`);
  });

  it("draws one bar and one comparison mark per row, and writes every value", () => {
    expect(count(html, /class="chart__bar"/g)).toBe(3);
    expect(count(html, /<line class="chart__marker"/g)).toBe(3 + 1); // and the legend's
    expect(html).toContain("Dashed mark: Share of Member States");
    // 45/193 = 23.3%, ratio 0.3 × 193/45 = 1.29; 20/193 = 10.4%, 0.05 × 193/20 = 0.48;
    // 44/193 = 22.8%, 0.65 × 193/44 = 2.85
    expect(html).toMatch(/<th scope="row">Africa<\/th><td>30%<\/td><td>23.3%<\/td><td>1.29<\/td>/);
    expect(html).toMatch(/<th scope="row">Arab States<\/th><td>5%<\/td><td>10.4%<\/td><td>0.48<\/td>/);
    expect(html).toMatch(/<th scope="row">Asia and the Pacific<\/th><td>65%<\/td><td>22.8%<\/td><td>2.85<\/td>/);
    expect(html).toContain('<th scope="col">Ratio</th>');
    expect(html).toContain("<summary>Show the numbers</summary>");
    expect(html).toContain('<th scope="col">Share of Member States</th>');
  });

  it("scales the longest bar to a round maximum", () => {
    // 0.65 rounds up to an axis of 1: the bars are 0.3, 0.05 and 0.65 of 340 units wide
    const widths = [...html.matchAll(/class="chart__bar"[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([0.3 * 340, 0.05 * 340, 0.65 * 340].map((w) => expect.closeTo(w, 6)));
  });

  it("says so when there is nothing to show", () => {
    const empty = renderToStaticMarkup(<BarChart title="Nothing" labelHeading="Region" valueLabel="Comments" data={[]} />);
    expect(empty).toContain("No data to show.");
    expect(count(empty, /class="chart__bar"/g)).toBe(0);
  });
});
