/**
 * The consultation summary report as a list of blocks, which the Word and PDF writers render the
 * same way: per paragraph its text, counts by region and stakeholder group, the stance mix, the
 * dispositions, themes and campaigns (supplied by the analysis when wired), and the revised wording.
 */
import { decisions, stances, unescoRegions } from "../../db/enums";
import type { DiffPart } from "../drafts/word-diff";
import type { DraftNode } from "../drafts/outline";
import type { ParagraphChange } from "../drafts/version-diff";
import type { MessageKey } from "../i18n/messages.en";
import type { Translate } from "../i18n/translate";
import type { Counts, ParagraphTally, Tally } from "./tally";

export type ReportBlock =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "subheading"; text: string }
  | { kind: "text"; text: string }
  | { kind: "diff"; parts: DiffPart[] }
  | { kind: "counts"; title: string; rows: [string, number][] };

/** What the analysis adds, keyed by node id ("" for the draft as a whole). */
export interface ReportHooks {
  themes?: ReadonlyMap<string, readonly string[]>;
  campaigns?: ReadonlyMap<string, readonly { label: string; size: number; decision?: string | null }[]>;
}

export interface ReportInput {
  title: string;
  version: number | null;
  tally: Tally;
  /** The paragraphs in reading order; with the revision's changes when there is one. */
  paragraphs: DraftNode[];
  changes: ParagraphChange[] | null;
  hooks?: ReportHooks;
}

function ordered(counts: Counts, keys: readonly string[], label: (k: string) => string): [string, number][] {
  const known = keys.filter((k) => counts.has(k)).map((k) => [label(k), counts.get(k)!] as [string, number]);
  const rest = [...counts].filter(([k]) => !keys.includes(k)).sort((a, b) => b[1] - a[1]).map(([k, n]) => [label(k), n] as [string, number]);
  return [...known, ...rest];
}

export function summaryReport(input: ReportInput, t: Translate): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: "title", text: t("summary.title", { title: input.title }) },
    { kind: "text", text: t("summary.generated", { version: input.version ?? 0, count: input.tally.total }) },
  ];
  const region = (k: string) => t(`region.${k}` as MessageKey);
  const stance = (k: string) => t(`stance.${k}` as MessageKey);
  const decision = (k: string) => t(`decision.${k}` as MessageKey);
  const counts = (title: string, rows: [string, number][]) => (rows.length > 0 ? [{ kind: "counts", title, rows } as ReportBlock] : []);
  const tallies = (p: ParagraphTally | undefined): ReportBlock[] => {
    if (!p) return [{ kind: "text", text: t("summary.noComments") }];
    return [
      ...counts(t("summary.byRegion"), ordered(p.byRegion, unescoRegions, region)),
      ...counts(t("summary.byGroup"), ordered(p.byGroup, [], (g) => g)),
      ...counts(t("summary.stances"), ordered(p.byStance, stances, stance)),
      ...counts(t("summary.dispositions"), ordered(p.byDecision, decisions, decision)),
    ];
  };
  const extras = (key: string): ReportBlock[] => {
    const themes = input.hooks?.themes?.get(key) ?? [];
    const campaigns = input.hooks?.campaigns?.get(key) ?? [];
    return [
      ...(themes.length > 0 ? [{ kind: "subheading", text: t("summary.themes") } as ReportBlock, { kind: "text", text: themes.join(" · ") } as ReportBlock] : []),
      ...counts(t("summary.campaigns"), campaigns.map((c) => [c.decision ? `${c.label} (${decision(c.decision)})` : c.label, c.size])),
    ];
  };

  blocks.push({ kind: "heading", text: t("summary.wholeDraft") });
  blocks.push(...tallies(input.tally.paragraphs.get("")), ...extras(""));

  const changeOf = new Map<string, ParagraphChange>();
  for (const c of input.changes ?? []) changeOf.set(c.change === "removed" ? c.previous.nodeId : c.node.nodeId, c);
  const sections: DraftNode[] = input.changes
    ? input.changes.map((c) => (c.change === "removed" ? c.previous : c.change === "changed" ? c.previous : c.node))
    : input.paragraphs;
  for (const node of sections) {
    if (node.kind === "heading" || node.label === null) continue;
    const change = changeOf.get(node.nodeId);
    blocks.push({ kind: "heading", text: t("summary.paragraph", { label: node.label }) });
    if (change?.change !== "added") blocks.push({ kind: "text", text: node.text });
    blocks.push(...tallies(input.tally.paragraphs.get(node.nodeId)), ...extras(node.nodeId));
    if (change) {
      blocks.push({ kind: "subheading", text: t("summary.revised") });
      if (change.change === "unchanged") blocks.push({ kind: "text", text: t("summary.unchanged") });
      else if (change.change === "removed") blocks.push({ kind: "text", text: t("summary.removed") });
      else if (change.change === "added") blocks.push({ kind: "diff", parts: [{ kind: "insert", text: change.node.text }] });
      else blocks.push({ kind: "diff", parts: change.parts });
    }
  }
  return blocks;
}
