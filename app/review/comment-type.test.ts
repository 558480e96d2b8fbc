import { describe, expect, it } from "vitest";
import { defaultCommentType } from "./comment-type";

const TEXT = "Member States should promote gender equality in research.";

describe("the default type of a comment", () => {
  it("is general for a comment on the draft as a whole", () => {
    expect(defaultCommentType({ nodeId: null, stance: "concern", proposedText: null })).toBe("general");
  });

  it("is editorial for an amendment that changes punctuation or a word", () => {
    expect(defaultCommentType({ nodeId: "n1", stance: "amendment", proposedText: TEXT.replace(".", ";"), paragraphText: TEXT })).toBe("editorial");
    expect(defaultCommentType({ nodeId: "n1", stance: "amendment", proposedText: TEXT.replace("should", "shall"), paragraphText: TEXT })).toBe("editorial");
  });

  it("is technical for an amendment that rewrites the substance, and for other comments on a paragraph", () => {
    const rewritten = "Member States shall ensure equal access to research funding for women and girls.";
    expect(defaultCommentType({ nodeId: "n1", stance: "amendment", proposedText: rewritten, paragraphText: TEXT })).toBe("technical");
    expect(defaultCommentType({ nodeId: "n1", stance: "question", proposedText: null, paragraphText: TEXT })).toBe("technical");
  });
});
