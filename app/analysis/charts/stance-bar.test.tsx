import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StanceBar } from "./stance-bar";

describe("StanceBar", () => {
  // 12 + 6 + 2 = 20 comments: 60%, 30%, 10%
  const html = renderToStaticMarkup(<StanceBar title="Paragraph 3" counts={{ support: 12, concern: 6, question: 2 }} />);

  it("is an image with a title and a description in words", () => {
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="chart[\w-]+-title chart[\w-]+-desc"/);
    expect(html).toMatch(/<title id="[^"]+">Paragraph 3<\/title>/);
    expect(html).toContain("20 comments: Support 12, Concern 6, Question 2.");
  });

  it("draws one textured segment per stance present, proportional to its count", () => {
    const segments = [...html.matchAll(/class="chart__segment chart__segment--(\w+)" x="([\d.]+)" y="2" width="([\d.]+)"[^>]*fill="url\(#([^)]+)\)"/g)];
    expect(segments.map((m) => [m[1], Number(m[2]), Number(m[3])])).toEqual([
      ["support", 0, 384],
      ["concern", 384, 192],
      ["question", 576, 64],
    ]);
    for (const m of segments) expect(html).toContain(`<pattern id="${m[4]}"`);
  });

  it("names each stance in the legend and gives the numbers with shares", () => {
    expect(html).toContain("Support 12 (60%)");
    expect(html).toContain("Concern 6 (30%)");
    expect(html).not.toContain("General remark 0");
    expect(html).toMatch(/<th scope="row">Support<\/th><td>12<\/td><td>60%<\/td>/);
    expect(html).toMatch(/<th scope="row">General remark<\/th><td>0<\/td><td>0%<\/td>/);
    expect(html).toMatch(/<th scope="row">Total<\/th><td>20<\/td><td>100%<\/td>/);
  });
});
