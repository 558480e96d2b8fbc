/**
 * The consultation report as a typed document: a cover, then sections (executive summary,
 * methodology, paragraph by paragraph, annex tables) made of headings, text, tables, charts and
 * quotations. The PDF and Word writers render the same document; the contents page is built by
 * the writers from the level 1 and 2 headings, since only they know the page numbers.
 */
import { ageBands, channels, decisions, electoralGroups, genders, stances, unescoRegions, type Stance } from "../../db/enums";
import { formatValue } from "../analysis/charts/chart-scale";
import type { BarDatum } from "../analysis/charts/chart-spec";
import type { CommentFilters } from "../analysis/comment-filters";
import { divergenceEnds, rankParagraphs, type GroupStances } from "../analysis/consensus";
import { memberStatesBaseline, representation, silentKeys } from "../analysis/representativeness";
import type { DiffPart } from "../drafts/word-diff";
import type { DraftNode } from "../drafts/outline";
import type { ParagraphChange } from "../drafts/version-diff";
import type { MessageKey } from "../i18n/messages.en";
import { formatDate, type Locale, type Translate } from "../i18n/translate";
import type { QuotationPicker } from "./quotations";
import type { Counts, ParagraphTally, Tally } from "./tally";

export interface TableBlock {
  kind: "table";
  caption: string;
  columns: string[];
  /** The first cell of each row labels it (a row header); the others are figures or text. */
  rows: string[][];
}

export type ChartBlock =
  | { kind: "bars"; title: string; alt: string; data: BarDatum[]; values: string[]; comparisonLabel?: string }
  | { kind: "stance"; title: string; alt: string; counts: Partial<Record<Stance, number>>; labels: Record<Stance, string> };

export type ReportBlock =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "text"; text: string; lang?: string }
  | { kind: "list"; items: string[] }
  | TableBlock
  /** A chart is always followed by its numbers: the table is its text alternative in print too. */
  | { kind: "chart"; chart: ChartBlock; numbers: TableBlock }
  | { kind: "quote"; text: string; lang: string; attribution: string }
  | { kind: "diff"; parts: DiffPart[] }
  | { kind: "pageBreak" };

export interface ReportDocument {
  lang: Locale;
  title: string;
  cover: { title: string; lines: string[] };
  /** Running header on every page after the cover. */
  header: string;
  contentsTitle: string;
  /** "Page {n}" in the report's language, for the footer. */
  pageLabel: (page: number | string) => string;
  blocks: ReportBlock[];
}

/** What the analysis adds, keyed by node id ("" for the draft as a whole). */
export interface ReportHooks {
  themes?: ReadonlyMap<string, readonly string[]>;
  campaigns?: ReadonlyMap<string, readonly { label: string; size: number; decision?: string | null }[]>;
}

export interface ReportInput {
  title: string;
  version: number | null;
  locale: Locale;
  generatedAt: Date;
  opensAt: Date | null;
  closesAt: Date | null;
  filters: CommentFilters;
  /** The stakeholder group filter's name, when one is applied. */
  groupName?: string;
  tally: Tally;
  quotations: QuotationPicker;
  /** The paragraphs in reading order; with the revision's changes when there is one. */
  paragraphs: DraftNode[];
  changes: ParagraphChange[] | null;
  hooks?: ReportHooks;
}

/** Paragraphs listed as the most discussed in the executive summary. */
export const MOST_DISCUSSED = 10;
/** Paragraphs named where regions or groups agree most and divide most. */
const AGREEMENT_LIST = 3;
/** Share of participants against the Member States' share below or above which a region is named. */
const UNDER = 0.5;
const OVER = 2;

function ordered(counts: Counts, keys: readonly string[]): [string, number][] {
  const known = keys.filter((k) => counts.has(k)).map((k) => [k, counts.get(k)!] as [string, number]);
  const rest = [...counts].filter(([k]) => !keys.includes(k)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [...known, ...rest];
}

export function filterDescriptions(f: CommentFilters, t: Translate, groupName?: string): string[] {
  const out: string[] = [];
  if (f.region) out.push(`${t("review.col.region")}: ${t(`region.${f.region}` as MessageKey)}`);
  if (f.electoral) out.push(`${t("review.col.electoral")}: ${t("electoral.group", { group: f.electoral })}`);
  if (f.group) out.push(`${t("review.col.group")}: ${groupName ?? f.group}`);
  if (f.stance) out.push(`${t("review.col.stance")}: ${t(`stance.${f.stance}` as MessageKey)}`);
  if (f.channel) out.push(`${t("review.col.channel")}: ${t(`channel.${f.channel}` as MessageKey)}`);
  if (f.language) out.push(`${t("review.col.language")}: ${t(`language.${f.language}` as MessageKey)}`);
  if (f.from || f.to) out.push(t("report.filter.dates", { from: f.from ?? "…", to: f.to ?? "…" }));
  if (f.round) out.push(t("analysis.filter.roundNumber", { round: f.round }));
  if (f.campaigns) out.push(t("report.filter.campaignsCollapsed"));
  if (f.joint) out.push(t(`coSigners.filter.${f.joint}`));
  return out;
}

export function buildReport(input: ReportInput, t: Translate): ReportDocument {
  const { tally, locale } = input;
  const num = (n: number) => formatValue(n, "number", locale);
  const pct = (n: number) => formatValue(n, "percent", locale);
  const region = (k: string) => (k ? t(`region.${k}` as MessageKey) : t("report.notStated"));
  const stance = (k: string) => t(`stance.${k}` as MessageKey);
  const decision = (k: string) => t(`decision.${k}` as MessageKey);
  const channel = (k: string) => t(`channel.${k}` as MessageKey);
  const electoral = (k: string) => ((electoralGroups as readonly string[]).includes(k) ? t("electoral.group", { group: k }) : t("report.notStated"));
  const labelOf = (p: ParagraphTally) => (p.label === null ? t("summary.wholeDraft") : t("summary.paragraph", { label: p.label }));
  const blocks: ReportBlock[] = [];
  const push = (...b: ReportBlock[]) => blocks.push(...b);

  const countsTable = (caption: string, head: string, rows: [string, number][], label: (k: string) => string): TableBlock => {
    const total = rows.reduce((n, [, c]) => n + c, 0);
    return {
      kind: "table",
      caption,
      columns: [head, t("chart.comments"), t("chart.share")],
      rows: rows.map(([k, n]) => [label(k), num(n), pct(total > 0 ? n / total : 0)]),
    };
  };
  const barChart = (title: string, head: string, rows: [string, number][], label: (k: string) => string): ReportBlock => {
    const data = rows.map(([k, n]) => ({ label: label(k), value: n }));
    const top = data.reduce<BarDatum | undefined>((best, d) => (!best || d.value > best.value ? d : best), undefined);
    return {
      kind: "chart",
      chart: {
        kind: "bars",
        title,
        alt: top ? t("chart.barSummary", { count: data.length, label: top.label, value: num(top.value) }) : t("chart.noData"),
        data,
        values: data.map((d) => num(d.value)),
      },
      numbers: countsTable(title, head, rows, label),
    };
  };
  const stanceChart = (title: string, counts: Counts): ReportBlock => {
    const record = Object.fromEntries(stances.map((s) => [s, counts.get(s) ?? 0])) as Record<Stance, number>;
    const total = stances.reduce((n, s) => n + record[s], 0);
    const labels = Object.fromEntries(stances.map((s) => [s, stance(s)])) as Record<Stance, string>;
    const parts = stances.filter((s) => record[s] > 0).map((s) => `${labels[s]} ${num(record[s])}`).join(", ");
    return {
      kind: "chart",
      chart: { kind: "stance", title, alt: total > 0 ? t("chart.stanceSummary", { total, parts }) : t("chart.noData"), counts: record, labels },
      numbers: countsTable(title, t("chart.stance"), stances.map((s) => [s, record[s]] as [string, number]), stance),
    };
  };

  // ---- Executive summary
  const paragraphTallies = [...tally.paragraphs.values()];
  const commented = paragraphTallies.filter((p) => p.label !== null);
  push({ kind: "heading", level: 1, text: t("report.summary") });
  push({
    kind: "text",
    text: t("report.summary.totals", { comments: tally.total, participants: tally.participants.size, people: tally.people, paragraphs: commented.length }),
  });
  push({ kind: "heading", level: 2, text: t("report.summary.whoTookPart") });
  const participation = (dimension: "region" | "electoral" | "group" | "channel", keys: readonly string[], label: (k: string) => string, caption: string, head: string): TableBlock => {
    const byValue = tally.participation.get(dimension)!;
    const ordering = ordered(new Map([...byValue].map(([k, p]) => [k, p.comments])), keys);
    return {
      kind: "table",
      caption,
      columns: [head, t("export.col.comments"), t("export.col.participants"), t("export.col.people")],
      rows: ordering.map(([k]) => {
        const p = byValue.get(k)!;
        return [label(k), num(p.comments), num(p.participants.size), num(p.people)];
      }),
    };
  };
  push(participation("channel", channels, channel, t("report.table.byChannel"), t("export.dimension.channel")));

  // Representativeness: each region's share of participants beside its share of Member States.
  const regionParticipants = [...tally.participation.get("region")!].map(([key, p]) => ({ key, count: p.participants.size }));
  const represented = representation(regionParticipants, memberStatesBaseline()).filter((r) => r.baselineShare > 0);
  const regionTitle = t("report.chart.regionShare");
  push({
    kind: "chart",
    chart: {
      kind: "bars",
      title: regionTitle,
      alt: t("report.chart.regionShareAlt"),
      data: represented.map((r) => ({ label: region(r.key), value: r.share, comparison: r.baselineShare })),
      values: represented.map((r) => pct(r.share)),
      comparisonLabel: t("report.baseline.memberStates"),
    },
    numbers: {
      kind: "table",
      caption: regionTitle,
      columns: [t("export.dimension.region"), t("export.col.participants"), t("report.col.shareParticipants"), t("report.baseline.memberStates"), t("chart.ratio")],
      rows: represented.map((r) => [region(r.key), num(r.count), pct(r.share), pct(r.baselineShare), r.ratio === null ? "—" : formatValue(r.ratio, "ratio", locale)]),
    },
  });
  const under = represented.filter((r) => r.count > 0 && r.ratio !== null && r.ratio < UNDER).map((r) => region(r.key));
  const over = represented.filter((r) => r.ratio !== null && r.ratio > OVER).map((r) => region(r.key));
  const silent = silentKeys(unescoRegions, regionParticipants).map(region);
  const note: string[] = [t("report.representativeness.rule", { under: UNDER, over: OVER })];
  if (under.length) note.push(t("report.representativeness.under", { regions: under.join(", ") }));
  if (over.length) note.push(t("report.representativeness.over", { regions: over.join(", ") }));
  if (silent.length) note.push(t("report.representativeness.silent", { regions: silent.join(", ") }));
  if (!under.length && !over.length && !silent.length) note.push(t("report.representativeness.balanced"));
  push({ kind: "text", text: note.join(" ") });
  push(participation("electoral", electoralGroups, electoral, t("report.table.byElectoral"), t("export.dimension.electoral")));
  push(participation("group", [], (g) => g, t("report.table.byGroup"), t("export.dimension.group")));
  // Gender and age where participants gave them: totals of participants only, as the profile promises.
  const profile = (by: Map<string, Set<string>>, keys: readonly string[], field: "gender" | "ageBand", caption: string) => {
    const given = [...by].filter(([k]) => k !== "" && k !== "prefer-not-to-say");
    if (given.length === 0) return;
    const rows = ordered(new Map([...by].map(([k, set]) => [k, set.size])), [...keys, ""]);
    const total = rows.reduce((n, [, c]) => n + c, 0);
    const label = (k: string) => (k === "" ? t("report.notStated") : t(`field.${field}.${k}` as MessageKey));
    push({ kind: "table", caption, columns: [t(`field.${field}`), t("export.col.participants"), t("chart.share")], rows: rows.map(([k, n]) => [label(k), num(n), pct(total > 0 ? n / total : 0)]) });
  };
  profile(tally.byGender, genders, "gender", t("report.table.byGender"));
  profile(tally.byAge, ageBands, "ageBand", t("report.table.byAge"));

  push({ kind: "heading", level: 2, text: t("report.summary.mostDiscussed", { count: MOST_DISCUSSED }) });
  const most = [...commented].sort((a, b) => b.total - a.total || (a.label ?? "").localeCompare(b.label ?? "", undefined, { numeric: true })).slice(0, MOST_DISCUSSED);
  push({
    kind: "table",
    caption: t("report.summary.mostDiscussed", { count: MOST_DISCUSSED }),
    columns: [t("export.col.paragraph"), t("chart.comments"), ...stances.map(stance)],
    rows: most.map((p) => [p.label ?? "", num(p.total), ...stances.map((s) => num(p.byStance.get(s) ?? 0))]),
  });

  push({ kind: "heading", level: 2, text: t("report.summary.agreement") });
  const agreementLines = (across: "regions" | "groups", pick: (p: ParagraphTally) => Map<string, Counts>, name: (k: string) => string): string[] => {
    const scored = commented.map((p) => ({
      label: p.label!,
      groups: [...pick(p)].map(([g, c]): GroupStances => ({ group: g, support: c.get("support") ?? 0, concern: c.get("concern") ?? 0 })),
    }));
    const withSides = scored.filter((p) => p.groups.some((g) => g.support + g.concern > 0));
    if (withSides.length === 0) return [t(`report.agreement.none.${across}` as MessageKey)];
    const agree = rankParagraphs(withSides, "consensus", AGREEMENT_LIST);
    const divide = rankParagraphs(withSides, "divergence").filter((p) => p.divergence > 0).slice(0, AGREEMENT_LIST);
    const lines = [t(`report.agreement.agree.${across}` as MessageKey, { paragraphs: agree.map((p) => p.label).join(", ") })];
    for (const p of divide) {
      const ends = divergenceEnds(p.groups)!;
      lines.push(
        t(`report.agreement.divide.${across}` as MessageKey, {
          paragraph: p.label,
          most: name(ends.most.group),
          mostSupport: ends.most.support,
          mostConcern: ends.most.concern,
          least: name(ends.least.group),
          leastSupport: ends.least.support,
          leastConcern: ends.least.concern,
        }),
      );
    }
    if (divide.length === 0) lines.push(t(`report.agreement.noDivision.${across}` as MessageKey));
    return lines;
  };
  push({ kind: "list", items: [...agreementLines("regions", (p) => p.stanceByRegion, region), ...agreementLines("groups", (p) => p.stanceByGroup, (g) => g)] });
  push({ kind: "text", text: t("report.agreement.method") });

  push({ kind: "heading", level: 2, text: t("summary.campaigns") });
  push({
    kind: "text",
    text:
      tally.campaigns.size === 0
        ? t("report.campaigns.none")
        : t(input.filters.campaigns ? "report.campaigns.collapsed" : "report.campaigns.raw", { campaigns: tally.campaigns.size, comments: tally.inCampaigns }),
  });
  if (tally.jointSubmissions > 0) {
    push({ kind: "text", text: t("coSigners.report", { submissions: tally.jointSubmissions, signatures: tally.coSignatures, regions: tally.coSignerRegions.size }) });
  }

  push({ kind: "heading", level: 2, text: t("summary.dispositions") });
  const decided = [...tally.byDecision.values()].reduce((n, c) => n + c, 0);
  push({ kind: "text", text: t("report.dispositions.state", { decided, total: tally.total, share: pct(tally.total > 0 ? decided / tally.total : 0) }) });
  if (decided > 0) push(countsTable(t("summary.dispositions"), t("review.col.decision"), ordered(tally.byDecision, decisions), decision));

  // ---- Methodology
  push({ kind: "pageBreak" }, { kind: "heading", level: 1, text: t("report.methodology") });
  push({ kind: "heading", level: 2, text: t("report.methodology.channels") });
  push({ kind: "list", items: channels.map((c) => `${channel(c)}: ${t(`report.methodology.channel.${c}` as MessageKey)}`) });
  push({ kind: "heading", level: 2, text: t("report.methodology.counted") });
  push({ kind: "text", text: t("report.methodology.countedText") });
  push({ kind: "heading", level: 2, text: t("summary.campaigns") });
  push({ kind: "text", text: t(input.filters.campaigns ? "report.methodology.campaignsCollapsed" : "report.methodology.campaignsRaw") });
  push({ kind: "heading", level: 2, text: t("report.methodology.pseudonymity") });
  push({ kind: "text", text: t("report.methodology.pseudonymityText") });
  push({ kind: "heading", level: 2, text: t("report.methodology.quotations") });
  push({ kind: "text", text: t("report.methodology.quotationsText") });
  push({ kind: "heading", level: 2, text: t("summary.themes") });
  push({ kind: "text", text: t("report.methodology.themesText") });
  push({ kind: "heading", level: 2, text: t("report.methodology.limitations") });
  push({ kind: "text", text: t("report.methodology.limitationsText") });

  // ---- Paragraph by paragraph
  push({ kind: "pageBreak" }, { kind: "heading", level: 1, text: t("report.paragraphs") });
  const changeOf = new Map<string, ParagraphChange>();
  for (const c of input.changes ?? []) changeOf.set(c.change === "removed" ? c.previous.nodeId : c.node.nodeId, c);
  const sections: DraftNode[] = input.changes
    ? input.changes.map((c) => (c.change === "removed" || c.change === "changed" ? c.previous : c.node))
    : input.paragraphs;
  const section = (key: string, heading: string, text: string | null, change: ParagraphChange | undefined) => {
    push({ kind: "heading", level: 2, text: heading });
    if (text !== null) push({ kind: "text", text });
    const p = tally.paragraphs.get(key);
    if (!p) push({ kind: "text", text: t("summary.noComments") });
    else {
      push(stanceChart(t("summary.stances"), p.byStance));
      push(barChart(t("summary.byRegion"), t("export.dimension.region"), ordered(p.byRegion, unescoRegions), region));
      push(barChart(t("summary.byGroup"), t("export.dimension.group"), ordered(p.byGroup, []), (g) => g));
    }
    const themes = input.hooks?.themes?.get(key) ?? [];
    if (themes.length > 0) push({ kind: "heading", level: 3, text: t("summary.themes") }, { kind: "text", text: themes.join(" · ") });
    const quotes = input.quotations.quotations(key);
    if (quotes.length > 0) {
      push({ kind: "heading", level: 3, text: t("report.quotations") });
      for (const q of quotes) {
        push({
          kind: "quote",
          text: q.text,
          lang: q.language,
          attribution: t("report.quotation.attribution", {
            stance: stance(q.stance),
            author: q.stakeholder,
            group: q.stakeholderGroup,
            region: region(q.region),
            endorsements: q.endorsements,
            id: q.id,
          }),
        });
      }
    }
    if (p && p.byDecision.size > 0) push(countsTable(t("summary.dispositions"), t("review.col.decision"), ordered(p.byDecision, decisions), decision));
    const campaigns = input.hooks?.campaigns?.get(key) ?? [];
    if (campaigns.length > 0) {
      push({
        kind: "table",
        caption: t("summary.campaigns"),
        columns: [t("report.col.campaign"), t("chart.comments")],
        rows: campaigns.map((c) => [c.decision ? `${c.label} (${decision(c.decision)})` : c.label, num(c.size)]),
      });
    }
    if (change) {
      push({ kind: "heading", level: 3, text: t("summary.revised") });
      if (change.change === "unchanged") push({ kind: "text", text: t("summary.unchanged") });
      else if (change.change === "removed") push({ kind: "text", text: t("summary.removed") });
      else if (change.change === "added") push({ kind: "diff", parts: [{ kind: "insert", text: change.node.text }] });
      else push({ kind: "diff", parts: change.parts });
    }
  };
  section("", t("summary.wholeDraft"), null, undefined);
  for (const node of sections) {
    if (node.kind === "heading" || node.label === null) continue;
    const change = changeOf.get(node.nodeId);
    section(node.nodeId, t("summary.paragraph", { label: node.label }), change?.change === "added" ? null : node.text, change);
  }

  // ---- Annex tables
  push({ kind: "pageBreak" }, { kind: "heading", level: 1, text: t("report.annex") });
  const matrix = (caption: string, keys: readonly string[], head: (k: string) => string, pick: (p: ParagraphTally) => Counts): TableBlock => ({
    kind: "table",
    caption,
    columns: [t("export.col.paragraph"), ...keys.map(head), t("export.col.total")],
    rows: paragraphTallies.map((p) => [p.label ?? t("review.wholeDraft"), ...keys.map((k) => num(pick(p).get(k) ?? 0)), num(p.total)]),
  });
  push({ kind: "heading", level: 2, text: t("report.annex.regions") });
  push(matrix(t("report.annex.regions"), unescoRegions, region, (p) => p.byRegion));
  push({ kind: "heading", level: 2, text: t("report.annex.stances") });
  push(matrix(t("report.annex.stances"), stances, stance, (p) => p.byStance));
  push({ kind: "heading", level: 2, text: t("report.annex.dispositions") });
  push(matrix(t("report.annex.dispositions"), decisions, decision, (p) => p.byDecision));

  const title = t("summary.title", { title: input.title });
  const filters = filterDescriptions(input.filters, t, input.groupName);
  const date = (d: Date | null) => (d ? formatDate(d, locale) : "—");
  return {
    lang: locale,
    title,
    header: title,
    contentsTitle: t("report.contents"),
    pageLabel: (page) => t("report.page", { page }),
    cover: {
      title,
      lines: [
        input.version === null ? t("report.cover.noVersion") : t("report.cover.version", { version: input.version }),
        t("report.cover.period", { opens: date(input.opensAt), closes: date(input.closesAt) }),
        t("report.cover.generated", { date: formatDate(input.generatedAt, locale) }),
        filters.length > 0 ? t("report.cover.filters", { filters: filters.join("; ") }) : t("report.cover.noFilters"),
        t("summary.generated", { version: input.version ?? 0, count: tally.total }),
      ],
    },
    blocks,
  };
}
