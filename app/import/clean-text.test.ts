import { describe, expect, it } from "vitest";
import { rejoinSplitWords } from "./clean-text";

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
