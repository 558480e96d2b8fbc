import { describe, expect, it } from "vitest";
import { commentParagraphs } from "./comment-text";

describe("commentParagraphs", () => {
  it("splits paragraphs on blank lines and links web addresses", () => {
    expect(commentParagraphs("See https://unesdoc.unesco.org/ark:/48223/pf0000373434 for the text.\n\nSecond paragraph.")).toEqual([
      [
        { type: "text", text: "See " },
        { type: "link", text: "https://unesdoc.unesco.org/ark:/48223/pf0000373434", href: "https://unesdoc.unesco.org/ark:/48223/pf0000373434" },
        { type: "text", text: " for the text." },
      ],
      [{ type: "text", text: "Second paragraph." }],
    ]);
  });

  it("keeps markup and script-like addresses as inert text", () => {
    const text = `<script>alert(1)</script> <img src=x onerror=alert(1)> javascript:alert(document.cookie)`;
    const segments = commentParagraphs(text).flat();
    expect(segments.every((s) => s.type === "text" || /^https?:|^mailto:/.test(s.href))).toBe(true);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });

  it("links e-mail addresses with mailto", () => {
    const [paragraph] = commentParagraphs("Write to ethics@unesco.org please");
    expect(paragraph).toContainEqual({ type: "link", text: "ethics@unesco.org", href: "mailto:ethics@unesco.org" });
  });
});
