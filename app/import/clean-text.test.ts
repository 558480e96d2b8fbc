import { describe, expect, it } from "vitest";
import { normalizeSpaces, rejoinSplitWords } from "./clean-text";

describe("rejoinSplitWords", () => {
  it("rejoins a word split by extraction", () => {
    expect(rejoinSplitWords(["the safe ty of AI systems"])).toEqual(["the safety of AI systems"]);
  });

  it("leaves the short words of French, Spanish and Russian translations alone", () => {
    const texts = [
      "Rappelant sa résolution sur ce sujet, et se félicitant du rapport",
      "Recordando su resolución, y se felicita de lo dispuesto",
      "Ссылаясь на свою резолюцию по этому вопросу",
    ];
    expect(rejoinSplitWords(texts)).toEqual(texts);
  });
});

describe("normalizeSpaces", () => {
  it("keeps the space French typography puts before ; : ! ?", () => {
    const french = "Encourage les États et les régions ; prie le Secrétaire général : faites-le ! Pourquoi ?";
    expect(normalizeSpaces(french)).toBe(french);
    expect(normalizeSpaces("les régions\u00a0; le rapport\u202f:")).toBe("les régions ; le rapport :");
  });

  it("removes the space extraction leaves before a comma or a closing bracket", () => {
    expect(normalizeSpaces("States , including (all ) of them [sic ]")).toBe("States, including (all) of them [sic]");
  });
});
