import { describe, expect, it } from "vitest";
import { addTerms, compareTermCounts, compareWithRest, countTerms, distinctiveTerms, emptyCounts, textTerms, tokenize, withoutCounts, type TermCounts } from "./themes";

describe("tokenize", () => {
  it("keeps content words, lower-cased, without stop words, numbers or single letters", () => {
    expect(tokenize("The Paragraph’s scope is NOT clear: see 3.5 (2024), point b.", "en")).toEqual([
      "paragraph",
      "scope",
      "not",
      "clear",
      "see",
      "point",
    ]);
  });

  it("cuts Chinese into words and keeps one-character words that are not stop words", () => {
    // 的 is a stop word; 人工 and 智能 come from ICU's dictionary; 年 stays, 2024 goes.
    expect(tokenize("人工智能的伦理问题，2024年", "zh")).toEqual(["人工", "智能", "伦理", "问题", "年"]);
    // Chinese beside Latin script, language unknown: still cut into words
    expect(tokenize("UNESCO 的人工智能伦理建议")).toEqual(["unesco", "人工", "智能", "伦理", "建议"]);
  });

  it("drops French elisions and the stop words of every language when none is given", () => {
    expect(tokenize("L’intelligence artificielle et l'éthique de la science")).toEqual([
      "intelligence",
      "artificielle",
      "éthique",
      "science",
    ]);
    expect(tokenize("Искусственный интеллект и этика")).toEqual(["искусственный", "интеллект", "этика"]);
    // أن (that) and تكون (be) are function words
    expect(tokenize("يجب أن تكون البيانات مفتوحة")).toEqual(["يجب", "البيانات", "مفتوحة"]);
  });
});

describe("distinctive terms", () => {
  // target: water ×4, policy ×1, access ×1 → n_t = 6
  // rest:   education ×2, policy ×2, teachers ×1, access ×1 → n_r = 6; α₀ = 12, α_w = y_t + y_r
  // water:  α = 4; δ = ln(8 / (6 + 12 − 4 − 4)) − ln(4 / (6 + 12 − 0 − 4)) = ln(0.8) − ln(4/14) = ln 2.8
  //         σ² = 1/8 + 1/4 = 3/8 → score = ln 2.8 / √0.375 ≈ 1.6813
  // policy (1 vs 2): δ = ln(4/14) − ln(5/13) < 0, leans to the rest; access (1 vs 1): δ = 0.
  const target = ["Water, water and water policy.", "Water access"];
  const rest = ["Education policy", "Education and teachers", "Policy access"];

  it("finds the term that leans to the target, with its z-score", () => {
    const terms = distinctiveTerms(target, rest, { minCount: 1 });
    expect(terms).toHaveLength(1);
    expect(terms[0]!.term).toBe("water");
    expect(terms[0]!.count).toBe(4);
    expect(terms[0]!.score).toBeCloseTo(Math.log(2.8) / Math.sqrt(0.375), 10);
    expect(terms[0]!.score).toBeCloseTo(1.6814, 4);
  });

  it("turns round when target and rest swap, and respects minCount and limit", () => {
    // education: y_t = 2, y_r = 0, α = 2: δ = ln(4 / (6 + 12 − 4)) − ln(2 / (6 + 12 − 2)) = ln(4/14) − ln(2/16)
    //            = ln(16/7), σ² = 1/4 + 1/2 → score = ln(16/7) / √0.75 ≈ 0.9546
    // policy: y_t = 2, y_r = 1, α = 3: δ = ln(5/13) − ln(4/14) > 0, but less evidence
    const terms = distinctiveTerms(rest, target);
    expect(terms.map((t) => t.term)).toEqual(["education", "policy"]);
    expect(terms[0]!.score).toBeCloseTo(Math.log(16 / 7) / Math.sqrt(0.75), 10);
    expect(distinctiveTerms(rest, target, { limit: 1 })).toHaveLength(1);
    expect(distinctiveTerms(rest, target, { minCount: 3 })).toEqual([]);
  });

  it("gives the same terms from counts made once, a part taken from the whole", () => {
    const all = countTerms([...target, ...rest]);
    const part = countTerms(target);
    const others = withoutCounts(all, part);
    expect(others.total).toBe(6);
    expect(others.counts.get("water")).toBeUndefined();
    expect(others.counts.get("policy")).toBe(2);
    expect(compareTermCounts(part, others, { minCount: 1 })).toEqual(distinctiveTerms(target, rest, { minCount: 1 }));
    // The same without copying the whole: the rest read as all − part.
    expect(compareWithRest(all, part, { minCount: 1 })).toEqual(distinctiveTerms(target, rest, { minCount: 1 }));
    expect(compareWithRest(all, countTerms(rest))).toEqual(distinctiveTerms(rest, target));
  });

  it("adds one text's terms at a time to the same counts as countTerms", () => {
    const counts: TermCounts = emptyCounts(true);
    for (const text of target) addTerms(counts, textTerms(text));
    expect(counts).toEqual(countTerms(target));
  });

  it("ranks a term used more often above one used as distinctively but less", () => {
    const many = distinctiveTerms(["solar solar solar solar wind wind"], ["coal coal coal coal coal coal"]);
    expect(many.map((t) => t.term)).toEqual(["solar", "wind"]);
  });
});
