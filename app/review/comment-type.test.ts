import { describe, expect, it } from "vitest";
import { defaultCommentType, wordsChanged } from "./comment-type";

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

describe("the words an amendment changes", () => {
  it("counts words inserted plus words deleted, with repetition and regardless of case", () => {
    expect(wordsChanged(TEXT, TEXT)).toBe(0);
    expect(wordsChanged(TEXT, TEXT.toUpperCase().replace(".", "!"))).toBe(0);
    expect(wordsChanged(TEXT, TEXT.replace("should", "shall"))).toBe(2);
    expect(wordsChanged(TEXT, `${TEXT} Research research.`)).toBe(2);
    expect(wordsChanged("the the the cat", "the cat")).toBe(2);
    expect(wordsChanged("the cat", "the the the cat")).toBe(2);
    expect(wordsChanged(TEXT, "")).toBe(8);
    expect(wordsChanged("", TEXT)).toBe(8);
  });

  it("gives the same answer when the paragraph was compared before", () => {
    const before = "Les États membres devraient promouvoir l'égalité des genres, l'égalité des chances.";
    const first = ["Les États membres doivent promouvoir l'égalité des genres.", before, "Égalité égalité"].map((after) => wordsChanged(before, after));
    const again = ["Les États membres doivent promouvoir l'égalité des genres.", before, "Égalité égalité"].map((after) => wordsChanged(before, after));
    expect(first).toEqual([6, 0, 11]);
    expect(again).toEqual(first);
  });
});
