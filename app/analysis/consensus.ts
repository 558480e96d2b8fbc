/**
 * Consensus and division per paragraph, across regions or stakeholder groups. Pure functions over
 * counts so that the analysis page can feed them from any grouping. Formulas and the reasons for
 * them: docs/decisions/012-analysis-statistics.md.
 */

/** The comments of one group (a region, an electoral group, a stakeholder group) on one paragraph. */
export interface GroupStances {
  group: string;
  support: number;
  concern: number;
  amendment?: number;
  question?: number;
  remark?: number;
}

/**
 * A group's support share smoothed with one pseudo-comment on each side (Laplace's rule of
 * succession): (support + 1) / (support + concern + 2). A group that neither supported nor raised
 * a concern gets 1/2, "no evidence either way".
 */
export function smoothedSupport(g: GroupStances): number {
  return (g.support + 1) / (g.support + g.concern + 2);
}

/** A group whose comments say something about agreement: at least one support or one concern. */
function takesSides(g: GroupStances): boolean {
  return g.support + g.concern > 0;
}

/**
 * Group-informed consensus, as Pol.is computes it for its opinion groups: the product over groups
 * of each group's smoothed support share. High only when every group leans towards support.
 *
 * Every group given counts, including groups that said nothing (they contribute 1/2): leaving them
 * out would make a paragraph supported by one region score higher than one supported by all five,
 * since a product over fewer factors is larger. Scores are therefore comparable only across
 * paragraphs scored over the same groups; `rankParagraphs` sees to that. No groups: 1, the empty
 * product.
 */
export function groupInformedConsensus(groups: GroupStances[]): number {
  let product = 1;
  for (const g of groups) product *= smoothedSupport(g);
  return product;
}

/**
 * How far groups disagree: the most supportive group's smoothed support share minus the least
 * supportive one's, between 0 and 1. Only groups with at least one support or concern take part,
 * since a silent group's 1/2 is an absence of opinion, not a middle one; with fewer than two such
 * groups there is no disagreement to measure (0). The smoothing makes the measure grow with the
 * evidence: 1 support against 1 concern gives 2/3 − 1/3 = 0.33, 10 against 10 gives 0.83.
 */
export function divergence(groups: GroupStances[]): number {
  let min = Infinity;
  let max = -Infinity;
  let sides = 0;
  for (const g of groups) {
    if (!takesSides(g)) continue;
    const p = smoothedSupport(g);
    if (p < min) min = p;
    if (p > max) max = p;
    sides++;
  }
  return sides < 2 ? 0 : max - min;
}

/**
 * The most and the least supportive of the groups that took a side (the two ends of
 * `divergence`), to show with their counts; null with fewer than two such groups.
 */
export function divergenceEnds(groups: GroupStances[]): { most: GroupStances; least: GroupStances } | null {
  const sides = groups.filter(takesSides);
  if (sides.length < 2) return null;
  let most = sides[0]!;
  let least = sides[0]!;
  for (const g of sides) {
    if (smoothedSupport(g) > smoothedSupport(most)) most = g;
    if (smoothedSupport(g) < smoothedSupport(least)) least = g;
  }
  return { most, least };
}

function evidence(groups: GroupStances[]): number {
  let n = 0;
  for (const g of groups) n += g.support + g.concern;
  return n;
}

/**
 * Paragraphs with their consensus and divergence, best first by `by` (highest consensus, or
 * widest divergence), then by the number of supports and concerns behind the score, then in the
 * order given. Consensus is computed over the union of the groups named in any paragraph: a group
 * missing from a paragraph counts as silent there, so that every score has the same factors. The
 * paragraphs' own `groups` are returned as given.
 */
export function rankParagraphs<T extends { groups: GroupStances[] }>(
  paragraphs: T[],
  by: "consensus" | "divergence",
  limit?: number,
): (T & { consensus: number; divergence: number })[] {
  const allGroups = new Set<string>();
  for (const p of paragraphs) for (const g of p.groups) allGroups.add(g.group);
  const silentFactor = 1 / 2;
  const scored = paragraphs.map((p) => {
    const present = new Set(p.groups.map((g) => g.group));
    let missing = 0;
    for (const name of allGroups) if (!present.has(name)) missing++;
    const ranked = { ...p, consensus: groupInformedConsensus(p.groups) * silentFactor ** missing, divergence: divergence(p.groups) };
    return { ranked, evidence: evidence(p.groups) };
  });
  scored.sort((a, b) => b.ranked[by] - a.ranked[by] || b.evidence - a.evidence);
  const top = limit === undefined ? scored : scored.slice(0, Math.max(0, limit));
  return top.map((s) => s.ranked);
}
