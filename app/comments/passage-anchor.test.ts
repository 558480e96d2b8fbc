import { describe, expect, it } from "vitest";
import { createAnchor, locateAnchor } from "./passage-anchor";

const paragraph =
  "Member States should ensure that AI systems are transparent. Member States should ensure that AI systems are auditable.";

describe("passage anchors", () => {
  it("find the same words again after text is inserted before them", () => {
    const start = paragraph.indexOf("auditable");
    const anchor = createAnchor(paragraph, start, start + "auditable".length);
    const revised = `Recalling its earlier work, ${paragraph}`;
    const found = locateAnchor(revised, anchor)!;
    expect(revised.slice(found.start, found.end)).toBe("auditable");
  });

  it("tell apart repeated words by their context", () => {
    const second = paragraph.lastIndexOf("Member States should ensure");
    const anchor = createAnchor(paragraph, second, second + "Member States should ensure".length);
    const revised = paragraph.replace("transparent.", "transparent and explainable.");
    expect(locateAnchor(revised, anchor)!.start).toBe(revised.lastIndexOf("Member States should ensure"));
  });

  it("report the passage gone when its words were deleted or changed", () => {
    const start = paragraph.indexOf("auditable");
    const anchor = createAnchor(paragraph, start, start + "auditable".length);
    expect(locateAnchor(paragraph.replace("auditable", "accountable"), anchor)).toBeNull();
  });

  it("refuse a range outside the paragraph", () => {
    expect(() => createAnchor("short", 2, 10)).toThrow(RangeError);
    expect(() => createAnchor("short", 3, 3)).toThrow(RangeError);
  });
});
