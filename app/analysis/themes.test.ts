import { describe, expect, it } from "vitest";
import { stopWords } from "./stop-words";
import { addTerms, compareTermCounts, compareWithRest, countTerms, distinctiveTerms, emptyCounts, isLabelOrNumber, labelWords, textTerms, tokenize, withoutCounts, type TermCounts } from "./themes";
import { FIXTURE_LABELS, PLANTED_THEMES, themesFixture } from "./themes-fixture";

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

describe("themes of a fixture with planted themes", () => {
  const comments = themesFixture();
  const labels = labelWords(Object.values(FIXTURE_LABELS));
  const all = emptyCounts(true);
  const byNode = new Map<string, TermCounts>();
  for (const c of comments) {
    const terms = textTerms(c.body, c.language, labels);
    addTerms(all, terms);
    if (!byNode.has(c.node)) byNode.set(c.node, emptyCounts());
    addTerms(byNode.get(c.node)!, terms);
  }
  const themesOf = (node: string) => compareWithRest(all, byNode.get(node)!, { limit: 8, minCount: 3 }).map((t) => t.term);
  const everyStopWord = new Set(Object.values(stopWords).flatMap((s) => [...s]));

  it("is a few hundred comments in the six languages", () => {
    expect(comments.length).toBeGreaterThanOrEqual(300);
    expect(new Set(comments.map((c) => c.language))).toEqual(new Set(["en", "fr", "es", "ar", "zh", "ru"]));
  });

  it.each(Object.entries(PLANTED_THEMES))("finds the phrases planted in %s among its eight themes", (node, planted) => {
    expect(themesOf(node)).toEqual(expect.arrayContaining(planted));
  });

  it("gives no label, number, ordinal, address or stop word as a theme, nor as a phrase's first or last word", () => {
    const shown = [...byNode.keys()].flatMap(themesOf);
    expect(shown.length).toBeGreaterThan(10);
    for (const term of shown) {
      const words = term.split(" ");
      for (const word of [words[0]!, words[words.length - 1]!]) {
        expect(word).not.toMatch(/\d|^(?:https?|www|org|example)$/u);
        expect(everyStopWord.has(word), `${term}: stop word ${word}`).toBe(false);
        expect(isLabelOrNumber(word, labels), `${term}: label ${word}`).toBe(false);
      }
    }
    // What the old method showed first for every paragraph: its own label.
    expect(shown).not.toEqual(expect.arrayContaining(["pp5"]));
  });

  it("shows a phrase rather than the words it accounts for", () => {
    const p1 = themesOf("p1");
    expect(p1).toContain("right to privacy");
    expect(p1).not.toContain("privacy");
    expect(p1).not.toContain("protection");
    expect(themesOf("p2")).not.toContain("humanos");
  });
});

describe("labels, numbers and phrases", () => {
  it("leaves out labels in their usual forms and the consultation's own, ordinals, roman numerals and addresses", () => {
    const labels = labelWords(["PP5", "OP4(a)", "III.2", "37", "Art. B7"]);
    expect(tokenize("See PP5, op4(a), iii.2, para 37, §12, b7 and the 5th, 1er, 2ème report at https://un.org/x?y=1 or mail@un.org", "en", labels)).toEqual([
      "see",
      "report",
    ]);
    // A word with digits that is no label stays.
    expect(tokenize("CO2 and COVID19 under SDG4", "en")).toEqual(["co2", "covid19", "sdg4"]);
  });

  it("makes phrases of adjacent words only, not across punctuation, labels or a stop word that links nothing", () => {
    expect(textTerms("Data protection, law; the right to privacy. We ask the drafters", "en").terms).toEqual([
      "data",
      "data\u0001protection",
      "protection",
      "law",
      "right",
      "right\u0001to\u0001privacy",
      "privacy",
      "ask",
      "drafters",
    ]);
  });

  it("drops a phrase that is only ever a fragment of a longer one, as in a campaign's copies", () => {
    const copy = "We ask the drafters to protect indigenous data sovereignty in every national artificial intelligence strategy";
    const terms = distinctiveTerms([copy, copy, copy, copy], ["Schools and teachers", "Teachers need training"]).map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(["drafters", "artificial", "data"]));
    expect(terms.filter((t) => t.includes(" "))).toEqual([]);
  });

  it("joins Chinese words of a phrase without a space", () => {
    const zh = ["我们必须加强数据保护。", "个人数据保护很重要。", "数据保护应当明确。"];
    const terms = compareWithRest(countZh([...zh, "教育很重要。"]), countZh(zh), { minCount: 3 }).map((t) => t.term);
    expect(terms).toContain("数据保护");
    expect(terms).not.toContain("数据");
  });
});

function countZh(texts: string[]): TermCounts {
  const counts = emptyCounts(true);
  for (const text of texts) addTerms(counts, textTerms(text, "zh"));
  return counts;
}
