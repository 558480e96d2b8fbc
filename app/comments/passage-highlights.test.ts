import { describe, expect, it } from "vitest";
import { textParagraphs } from "../drafts/outline";
import { createAnchor, passageFromForm } from "./passage-anchor";
import { highlightPieces, locatePassages } from "./passage-highlights";

const TEXT = "AI actors should respect human rights.\n\nThey should also protect the environment.";
const at = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });

describe("passage highlights", () => {
  it("cut the text at every edge of overlapping passages, each piece knowing its passages", () => {
    const a = at("respect human rights");
    const b = at("human rights.");
    const pieces = highlightPieces(TEXT, [
      { commentId: 1, ...a },
      { commentId: 2, ...b },
    ]);
    expect(pieces[0]!.map((p) => [p.text, p.commentIds])).toEqual([
      ["AI actors should ", []],
      ["respect ", [1]],
      ["human rights", [1, 2]],
      [".", [2]],
    ]);
    expect(pieces[1]!.map((p) => p.text).join("")).toBe("They should also protect the environment.");
  });

  it("keep the paragraphs the page shows, with offsets into the stored text", () => {
    const pieces = highlightPieces(TEXT, []);
    expect(pieces.map((p) => p.map((x) => x.text).join(""))).toEqual(textParagraphs(TEXT));
    expect(pieces[1]![0]!.start).toBe(TEXT.indexOf("They"));
  });

  it("find passages again in a revised text, and report those whose words are gone", () => {
    const kept = createAnchor(TEXT, at("protect the environment").start, at("protect the environment").end);
    const lost = createAnchor(TEXT, at("respect human rights").start, at("respect human rights").end);
    const revised = "AI actors should uphold dignity.\n\nThey should also protect the environment.";
    const { found, changed } = locatePassages(revised, [
      { commentId: 1, anchor: kept },
      { commentId: 2, anchor: lost },
    ]);
    expect(found).toEqual([{ commentId: 1, start: revised.indexOf("protect"), end: revised.indexOf("protect") + 23 }]);
    expect(changed).toEqual([2]);
  });
});

describe("the passage fields of the comment form", () => {
  it("name words of the paragraph, trimmed of the selection's surrounding spaces", () => {
    const start = TEXT.indexOf(" respect");
    expect(passageFromForm({ passageStart: String(start), passageEnd: String(start + 9) }, TEXT)).toMatchObject({ exact: "respect" });
    expect(passageFromForm({}, TEXT)).toBeNull();
  });

  it("are refused when they point outside the paragraph, backwards or at nothing but spaces", () => {
    expect(passageFromForm({ passageStart: "0", passageEnd: String(TEXT.length + 1) }, TEXT)).toBe("invalid");
    expect(passageFromForm({ passageStart: "10", passageEnd: "5" }, TEXT)).toBe("invalid");
    expect(passageFromForm({ passageStart: "x", passageEnd: "5" }, TEXT)).toBe("invalid");
    const gap = TEXT.indexOf("\n\n");
    expect(passageFromForm({ passageStart: String(gap), passageEnd: String(gap + 2) }, TEXT)).toBe("invalid");
  });
});
