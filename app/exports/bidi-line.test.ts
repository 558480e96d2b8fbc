import { describe, expect, it } from "vitest";
import { visualPieces } from "./bidi-line";

/** The line as the eye reads it left to right, one piece after another (spaces included). */
const seen = (line: string, direction?: "rtl" | "ltr") => visualPieces(line, direction).map((p) => p.text).join("");
/** The pieces' words in logical order: what a copy of the page gives back. */
const logical = (line: string) => visualPieces(line, "rtl").sort((a, b) => a.start - b.start).filter((p) => !p.space).map((p) => p.text);

describe("a mixed-direction line by the bidi algorithm", () => {
  it("puts an Arabic sentence's first word on the right, with numbers and Latin words kept left to right", () => {
    // Logical: "The paragraph OP2 received 75 comments"; Arabic words stay whole (the shaper reverses them).
    const pieces = visualPieces("تلقت الفقرة OP2 عدد 75 تعليقا", "rtl");
    expect(pieces.filter((p) => !p.space).map((p) => p.text)).toEqual(["تعليقا", "75", "عدد", "OP2", "الفقرة", "تلقت"]);
    expect(pieces.find((p) => p.text === "OP2")!.rtl).toBe(false);
    expect(pieces.find((p) => p.text === "تلقت")!.rtl).toBe(true);
  });

  it("keeps a Latin phrase inside Arabic in its own order, and mirrors brackets in right-to-left runs", () => {
    // Brackets resolved right to left sit on the other side and are marked to be drawn mirrored.
    expect(seen("انظر القرار (Campaign A) الآن", "rtl")).toBe("الآن )Campaign A( القرار انظر");
    expect(visualPieces("انظر القرار (Campaign A) الآن", "rtl").filter((p) => p.mirror).map((p) => p.text)).toEqual([")", "("]);
    expect(visualPieces("انظر (القرار) الآن", "rtl").map((p) => p.text)).toEqual(["الآن", " ", ")", "القرار", "(", " ", "انظر"]);
    expect(seen("Human rights (OP1).")).toBe("Human rights (OP1).");
    expect(visualPieces("Human rights (OP1).").some((p) => p.mirror)).toBe(false);
  });

  it("keeps a number and its unit or slash together, and leaves left-to-right text alone", () => {
    expect(seen("القرار 2025/14 نافذ", "rtl")).toBe("نافذ 2025/14 القرار");
    expect(seen("Human rights first (OP1).")).toBe("Human rights first (OP1).");
  });

  it("gives the words back in the order they were written", () => {
    expect(logical("تلقت الفقرة OP2 عدد 75 تعليقا")).toEqual(["تلقت", "الفقرة", "OP2", "عدد", "75", "تعليقا"]);
  });
});
