/**
 * The analysis page's consensus, representativeness and silence figures, assembled from the
 * counts the page already has (the paragraph matrices, participation) with the pure statistics of
 * consensus.ts and representativeness.ts. Plain data in, plain data out: tested on small fixtures.
 */
import { divergenceEnds, rankParagraphs, type GroupStances } from "./consensus";
import { representation } from "./representativeness";
import { WHOLE_DRAFT } from "./drill-down";

/** What a matrix cell needs here: supports, concerns and all comments. */
export interface SideCounts {
  support: number;
  concern: number;
  total: number;
}

export interface MatrixCells {
  node: string;
  cells: Record<string, SideCounts>;
}

export interface ConsensusRow {
  node: string;
  /** Group-informed consensus, 0–1. */
  consensus: number;
  support: number;
  concern: number;
}

export interface GroupSide {
  value: string;
  support: number;
  concern: number;
}

export interface DivergenceRow {
  node: string;
  /** Most supportive group's smoothed support share minus the least supportive one's, 0–1. */
  divergence: number;
  most: GroupSide;
  least: GroupSide;
}

const side = (g: GroupStances): GroupSide => ({ value: g.group, support: g.support, concern: g.concern });

/**
 * The paragraphs the groups (`values`: every region, or every stakeholder group) agree on most
 * and divide on most, `limit` of each. Every paragraph is scored over the same groups, silent
 * ones at zero (decision 012); paragraphs with no support and no concern are left out, having
 * nothing to say about agreement, and so is the whole draft, which is not a paragraph to revise.
 */
export function consensusView(rows: MatrixCells[], values: readonly string[], limit = 10): { agreed: ConsensusRow[]; divided: DivergenceRow[] } {
  const paragraphs = rows
    .filter((r) => r.node !== WHOLE_DRAFT)
    .map((r) => ({
      node: r.node,
      groups: values.map((v) => ({ group: v, support: r.cells[v]?.support ?? 0, concern: r.cells[v]?.concern ?? 0 })),
    }))
    .filter((p) => p.groups.some((g) => g.support + g.concern > 0));
  const sum = (groups: GroupStances[], key: "support" | "concern") => groups.reduce((n, g) => n + g[key], 0);
  const agreed = rankParagraphs(paragraphs, "consensus", limit).map((p) => ({
    node: p.node,
    consensus: p.consensus,
    support: sum(p.groups, "support"),
    concern: sum(p.groups, "concern"),
  }));
  const divided: DivergenceRow[] = [];
  for (const p of rankParagraphs(paragraphs, "divergence")) {
    if (divided.length >= limit || p.divergence <= 0) break;
    const ends = divergenceEnds(p.groups);
    if (ends) divided.push({ node: p.node, divergence: p.divergence, most: side(ends.most), least: side(ends.least) });
  }
  return { agreed, divided };
}

export interface RepresentationRow {
  key: string;
  participants: number;
  participantShare: number;
  comments: number;
  commentShare: number;
  baselineShare: number;
  /** Share of participants / baseline share; null without a baseline for the key. */
  participantRatio: number | null;
  commentRatio: number | null;
}

/**
 * Each value's share of participants and of comments beside its share of the baseline, in the
 * baseline's order (values counted but outside it last, e.g. "not recorded").
 */
export function representativenessView(
  rows: { value: string; participants: number; comments: number }[],
  baseline: { key: string; weight: number }[],
): RepresentationRow[] {
  const byParticipants = representation(rows.map((r) => ({ key: r.value, count: r.participants })), baseline);
  const byComments = new Map(representation(rows.map((r) => ({ key: r.value, count: r.comments })), baseline).map((r) => [r.key, r]));
  return byParticipants.map((p) => {
    const c = byComments.get(p.key)!;
    return {
      key: p.key,
      participants: p.count,
      participantShare: p.share,
      comments: c.count,
      commentShare: c.share,
      baselineShare: p.baselineShare,
      participantRatio: p.ratio,
      commentRatio: c.ratio,
    };
  });
}

export interface SilentRow {
  node: string;
  comments: number;
  regions: string[];
  groups: string[];
}

/**
 * Per paragraph (in the order given), the regions and the stakeholder groups that said nothing on
 * it; paragraphs where every region and every group spoke are left out.
 */
export function silentByParagraph(
  nodes: readonly string[],
  regionRows: MatrixCells[],
  groupRows: MatrixCells[],
  regions: readonly string[],
  groups: readonly string[],
): SilentRow[] {
  const regionCells = new Map(regionRows.map((r) => [r.node, r.cells]));
  const groupCells = new Map(groupRows.map((r) => [r.node, r.cells]));
  const out: SilentRow[] = [];
  for (const node of nodes) {
    const rc = regionCells.get(node) ?? {};
    const gc = groupCells.get(node) ?? {};
    const silentRegions = regions.filter((r) => !((rc[r]?.total ?? 0) > 0));
    const silentGroups = groups.filter((g) => !((gc[g]?.total ?? 0) > 0));
    if (silentRegions.length === 0 && silentGroups.length === 0) continue;
    const comments = Object.values(rc).reduce((n, c) => n + c.total, 0);
    out.push({ node, comments, regions: silentRegions, groups: silentGroups });
  }
  return out;
}
