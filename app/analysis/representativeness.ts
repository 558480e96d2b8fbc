/**
 * Who took part, beside who could have: each region's or group's share of participants or
 * comments next to a baseline the secretariat chooses, and the ones that said nothing.
 */
import { unescoRegions, type UnescoRegion } from "../../db/enums";
import { COUNTRIES } from "../accounts/countries";

export interface Representation {
  key: string;
  count: number;
  /** count / all counts; 0 when there are none. */
  share: number;
  /** weight / all weights; 0 when the key is not in the baseline. */
  baselineShare: number;
  /** share / baselineShare: above 1 over-represented, below 1 under-represented; null without a baseline. */
  ratio: number | null;
}

function sumByKey(rows: { key: string; value: number }[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const { key, value } of rows) sums.set(key, (sums.get(key) ?? 0) + value);
  return sums;
}

/**
 * Each key's share of the counts beside its share of the baseline. The rows follow the baseline's
 * order, keys in the baseline without a count appearing with 0; keys counted but absent from the
 * baseline (e.g. "not stated") follow, with a baseline share of 0 and no ratio. Repeated keys add up.
 */
export function representation(
  counts: { key: string; count: number }[],
  baseline: { key: string; weight: number }[],
): Representation[] {
  const countOf = sumByKey(counts.map((c) => ({ key: c.key, value: c.count })));
  const weightOf = sumByKey(baseline.map((b) => ({ key: b.key, value: b.weight })));
  let totalCount = 0;
  for (const n of countOf.values()) totalCount += n;
  let totalWeight = 0;
  for (const w of weightOf.values()) totalWeight += w;
  const keys = [...weightOf.keys(), ...[...countOf.keys()].filter((k) => !weightOf.has(k))];
  return keys.map((key) => {
    const count = countOf.get(key) ?? 0;
    const share = totalCount > 0 ? count / totalCount : 0;
    const baselineShare = totalWeight > 0 ? (weightOf.get(key) ?? 0) / totalWeight : 0;
    return { key, count, share, baselineShare, ratio: baselineShare > 0 ? share / baselineShare : null };
  });
}

/**
 * The number of UN Member States in each UNESCO region (193 in all), from app/accounts/countries.ts.
 * The two observer States (Holy See, State of Palestine) are not Member States and are left out.
 */
export function memberStatesBaseline(): { key: UnescoRegion; weight: number }[] {
  return unescoRegions.map((key) => ({
    key,
    weight: COUNTRIES.filter((c) => c.region === key && !c.observer).length,
  }));
}

/** The keys, in the order given, that have no count or a count of 0: who said nothing. */
export function silentKeys(allKeys: readonly string[], counts: { key: string; count: number }[]): string[] {
  const countOf = sumByKey(counts.map((c) => ({ key: c.key, value: c.count })));
  return allKeys.filter((key) => !(countOf.get(key)! > 0));
}
