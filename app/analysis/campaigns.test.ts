import { describe, expect, it } from "vitest";
import {
  campaignTokens,
  collapseCampaigns,
  estimatedJaccard,
  findCampaigns,
  jaccard,
  minHashSignatures,
  shingleSet,
} from "./campaigns";

// 43 words, so 41 three-word shingles, none repeated.
const template =
  "We urge the drafters to strengthen the paragraph on open science by requiring that publicly funded " +
  "research data be made openly available within twelve months of publication, with clear exceptions " +
  "for personal data and security, and with support for institutions in developing countries.";

// Changing one word changes the 3 shingles that contain it: 38 shared, 41 + 41 − 38 = 44 in all,
// Jaccard 38/44 = 0.86 with the template (two such edits at different places: 35/47 = 0.74 with
// each other, linked through the template). Case, spacing, punctuation and full-width letters
// change nothing after normalisation.
const campaign = [
  { id: 3, body: template },
  { id: 7, body: template.replace("strengthen", "reinforce") },
  { id: 8, body: template.replace("twelve", "six") },
  { id: 12, body: template.toUpperCase().replaceAll(",", " ;  ").replace("WE URGE", "ＷＥ ＵＲＧＥ") },
  { id: 15, body: template.replace("developing countries.", "developing countries!!") },
];
const unrelated = [
  { id: 4, body: "The paragraph on artificial intelligence in education should mention teachers, who are absent from the whole draft as it stands today." },
  { id: 5, body: "I support this paragraph and thank the secretariat for the consultation, which reached many organisations in our region this year." },
  { id: 9, body: "Please define 'open science' in the glossary and align the definition with the 2021 Recommendation adopted by the General Conference." },
];

describe("shingles", () => {
  it("normalises case, punctuation, spacing and compatibility characters, and splits CJK characters", () => {
    expect(campaignTokens("Ｔhe  AI-act,\n2024!")).toEqual(["the", "ai", "act", "2024"]);
    expect(campaignTokens("人工智能 ethics")).toEqual(["人", "工", "智", "能", "ethics"]);
  });

  it("measures the Jaccard similarity of the shingle sets", () => {
    // {a b c, b c d} and {a b c, b c e}: 1 shared of 3
    expect(jaccard(shingleSet("a b c d"), shingleSet("A b, c e"))).toBeCloseTo(1 / 3, 12);
    expect(jaccard(shingleSet(template), shingleSet(campaign[1]!.body))).toBeCloseTo(38 / 44, 12);
    expect(shingleSet(template)).toHaveLength(41);
  });

  it("estimates the Jaccard similarity from 64 MinHash values, without bias", () => {
    // {0..999} and {500..1499} (hashed): 500 shared of 1,500 → 1/3; one estimate's standard
    // deviation is √(1/3 · 2/3 / 64) ≈ 0.06, the mean of 20 seeds' ≈ 0.013.
    const hashed = (from: number, to: number) =>
      Uint32Array.from({ length: to - from }, (_, i) => Math.imul(from + i, 0x9e3779b1) >>> 0);
    const estimates = Array.from({ length: 20 }, (_, seed) => {
      const signatures = minHashSignatures([hashed(0, 1000), hashed(500, 1500), hashed(0, 1000)], seed);
      expect(estimatedJaccard(signatures, 0, 2)).toBe(1);
      return estimatedJaccard(signatures, 0, 1);
    });
    for (const e of estimates) expect(Math.abs(e - 1 / 3)).toBeLessThan(0.25);
    expect(Math.abs(estimates.reduce((a, b) => a + b) / 20 - 1 / 3)).toBeLessThan(0.05);
  });

  it("fills the empty bins of small sets alike, so that the estimate still holds", () => {
    // 5 shingles leave most of the 64 bins empty. {0..4} against {0..4}: 1; against {2..6}:
    // 3 shared of 7 → 0.43; against {10..14}: 0.
    const small = (from: number) => Uint32Array.from({ length: 5 }, (_, i) => Math.imul(from + i, 0x9e3779b1) >>> 0);
    const mean = (other: number) => {
      let sum = 0;
      for (let seed = 0; seed < 40; seed++) sum += estimatedJaccard(minHashSignatures([small(0), small(other)], seed), 0, 1);
      return sum / 40;
    };
    expect(mean(0)).toBe(1);
    expect(Math.abs(mean(2) - 3 / 7)).toBeLessThan(0.1);
    expect(mean(10)).toBeLessThan(0.05);
  });
});

describe("finding campaigns", () => {
  it("groups five near-identical comments and leaves unrelated ones alone", () => {
    const found = findCampaigns([...unrelated, ...campaign]);
    expect(found).toEqual([{ ids: [3, 7, 8, 12, 15], representativeId: 3 }]);
  });

  it("groups a Chinese campaign by characters", () => {
    const zh = "我们建议在关于开放科学的段落中要求公共资助的研究数据在发表后十二个月内公开，并为发展中国家的机构提供支持。";
    const found = findCampaigns([
      { id: 1, body: zh },
      { id: 2, body: zh.replace("十二", "六") },
      { id: 3, body: zh.replace("建议", "要求") },
      { id: 4, body: `${zh}谢谢` },
      { id: 5, body: "本段关于人工智能伦理的内容应当提到教师的作用，目前的草案完全没有提到他们。" },
    ]);
    expect(found).toEqual([{ ids: [1, 2, 3, 4], representativeId: 1 }]);
  });

  it("needs minSize comments, and short formulas are not campaigns", () => {
    expect(findCampaigns(campaign.slice(0, 2))).toEqual([]);
    expect(findCampaigns(campaign.slice(0, 2), { minSize: 2 })).toEqual([{ ids: [3, 7], representativeId: 3 }]);
    const agree = [1, 2, 3, 4, 5].map((id) => ({ id, body: "I agree with this paragraph." }));
    expect(findCampaigns(agree)).toEqual([]);
    expect(findCampaigns(agree, { minTokens: 1 })).toEqual([{ ids: [1, 2, 3, 4, 5], representativeId: 1 }]);
  });

  it("follows the threshold: at 0.9, single-word edits are other texts", () => {
    // 38/44 = 0.86 < 0.9: only the three copies that differ in form stay together.
    expect(findCampaigns([...unrelated, ...campaign], { threshold: 0.9 })).toEqual([{ ids: [3, 12, 15], representativeId: 3 }]);
  });

  it("is deterministic for a seed", () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      id: i,
      body: i % 3 === 0 ? template.replace("twelve", `w${i}`) : `${unrelated[i % 3]!.body} ${i} ${"x".repeat(i % 7)}`,
    }));
    const first = findCampaigns(many, { seed: 11 });
    expect(findCampaigns(many, { seed: 11 })).toEqual(first);
    expect(first[0]!.ids).toEqual(many.filter((c) => c.id % 3 === 0).map((c) => c.id));
    const sets = many.map((c) => shingleSet(c.body));
    expect(minHashSignatures(sets, 11)).toEqual(minHashSignatures(sets, 11));
    expect(minHashSignatures(sets, 12)).not.toEqual(minHashSignatures(sets, 11));
  });
});

describe("collapsing campaigns", () => {
  const items = [1, 2, 3, 4, 5, 6].map((id) => ({ id, region: id % 2 ? "africa" : "asia-pacific" }));
  const campaigns = [{ ids: [2, 3, 5], representativeId: 2 }];

  it("keeps the representative with the campaign's size, and everything else with 1", () => {
    expect(collapseCampaigns(items, campaigns).map((i) => [i.id, i.campaignSize])).toEqual([[1, 1], [2, 3], [4, 1], [6, 1]]);
  });

  it("keeps the first member present when a filter left the representative out", () => {
    const africa = items.filter((i) => i.region === "africa"); // 1, 3, 5
    expect(collapseCampaigns(africa, campaigns).map((i) => [i.id, i.campaignSize])).toEqual([[1, 1], [3, 2]]);
  });
});
