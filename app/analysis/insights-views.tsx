/**
 * The analysis page's consensus, representativeness, campaign and theme sections. Server-rendered
 * tables (and SVG charts with their numbers, charts/); every count links to the comments behind it
 * under the page's filters. User text (campaign texts) is rendered as React text, never as HTML.
 */
import { Link } from "@remix-run/react";
import { unescoRegions } from "../../db/enums";
import { useLocale, useT } from "../i18n/i18n-context";
import { BarChart } from "./charts/bar-chart";
import { formatValue } from "./charts/chart-scale";
import { filtersToSearch, type CommentFilters } from "./comment-filters";
import { dimensionValueLabel, type GroupName } from "./dimension-labels";
import { drillDownPath, WHOLE_DRAFT } from "./drill-down";
import type { ConsensusRow, DivergenceRow, GroupSide, RepresentationRow, SilentRow } from "./insights";
import { ScrollRegion } from "~/components/scroll-region";

type Dimension = "region" | "group";

interface Common {
  slug: string;
  filters: CommentFilters;
  groups: GroupName[];
  labels: Record<string, string>;
}

function useParagraphName(labels: Record<string, string>) {
  const t = useT();
  return (node: string) => (node === WHOLE_DRAFT ? t("analysis.wholeDraft") : (labels[node] ?? t("analysis.earlierParagraph")));
}

/** "12 supports" linking to the paragraph's supports (of one group when given), under the page's filters. */
function StanceCount({ slug, filters, node, stance, count, by, value }: {
  slug: string;
  filters: CommentFilters;
  node: string;
  stance: "support" | "concern";
  count: number;
  by?: Dimension;
  value?: string;
}) {
  const t = useT();
  const text = t(stance === "support" ? "analysis.consensus.support" : "analysis.consensus.concern", { count });
  if (count === 0) return <>{text}</>;
  return <Link to={drillDownPath(slug, { ...filters, stance }, { node, by, value })}>{text}</Link>;
}

export function ConsensusTables({ slug, filters, groups, labels, dimension, agreed, divided }: Common & {
  dimension: Dimension;
  agreed: ConsensusRow[];
  divided: DivergenceRow[];
}) {
  const t = useT();
  const locale = useLocale();
  const name = useParagraphName(labels);
  const percent = (n: number) => formatValue(n, "percent", locale);
  const sideCell = (node: string, g: GroupSide) => (
    <td>
      {dimensionValueLabel(t, dimension, g.value, groups)}:{" "}
      <StanceCount slug={slug} filters={filters} node={node} stance="support" count={g.support} by={dimension} value={g.value} />,{" "}
      <StanceCount slug={slug} filters={filters} node={node} stance="concern" count={g.concern} by={dimension} value={g.value} />
    </td>
  );
  if (agreed.length === 0) return <p>{t("analysis.consensus.none")}</p>;
  return (
    <div className="analysis-grid analysis-grid--wide">
      <table className="analysis-table">
        <caption>{t(`analysis.consensus.agreed.${dimension}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t("analysis.col.paragraph")}</th>
            <th scope="col" className="num">{t("analysis.col.consensus")}</th>
            <th scope="col" className="num">{t("analysis.col.support")}</th>
            <th scope="col" className="num">{t("analysis.col.concern")}</th>
          </tr>
        </thead>
        <tbody>
          {agreed.map((r) => (
            <tr key={r.node}>
              <th scope="row">{name(r.node)}</th>
              <td className="num">{percent(r.consensus)}</td>
              <td className="num">
                <StanceCount slug={slug} filters={filters} node={r.node} stance="support" count={r.support} />
              </td>
              <td className="num">
                <StanceCount slug={slug} filters={filters} node={r.node} stance="concern" count={r.concern} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="analysis-table">
        <caption>{t(`analysis.consensus.divided.${dimension}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t("analysis.col.paragraph")}</th>
            <th scope="col" className="num">{t("analysis.col.divergence")}</th>
            <th scope="col">{t("analysis.col.mostSupportive")}</th>
            <th scope="col">{t("analysis.col.leastSupportive")}</th>
          </tr>
        </thead>
        <tbody>
          {divided.length === 0 ? (
            <tr>
              <td colSpan={4}>{t("analysis.consensus.none")}</td>
            </tr>
          ) : (
            divided.map((r) => (
              <tr key={r.node}>
                <th scope="row">{name(r.node)}</th>
                <td className="num">{percent(r.divergence)}</td>
                {sideCell(r.node, r.most)}
                {sideCell(r.node, r.least)}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export function RepresentationTable({ slug, filters, groups, dimension, rows, baselineLabel }: Omit<Common, "labels"> & {
  dimension: Dimension;
  rows: RepresentationRow[];
  baselineLabel: string;
}) {
  const t = useT();
  const locale = useLocale();
  const percent = (n: number) => formatValue(n, "percent", locale);
  const ratio = (n: number | null) => (n === null ? "—" : formatValue(n, "ratio", locale));
  const label = (key: string) => dimensionValueLabel(t, dimension, key, groups);
  return (
    <>
      <BarChart
        title={t(`analysis.representativeness.${dimension}.chart`)}
        labelHeading={t(dimension === "region" ? "analysis.col.region" : "analysis.col.group")}
        valueLabel={t("analysis.col.participantShare")}
        comparisonLabel={baselineLabel}
        format="percent"
        data={rows.map((r) => ({ label: label(r.key), value: r.participantShare, comparison: r.baselineShare > 0 ? r.baselineShare : undefined }))}
      />
      <ScrollRegion label={t(`analysis.representativeness.${dimension}.caption`)}>
        <table className="analysis-table">
          <caption>{t(`analysis.representativeness.${dimension}.caption`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(dimension === "region" ? "analysis.col.region" : "analysis.col.group")}</th>
              <th scope="col" className="num">{t("analysis.col.participants")}</th>
              <th scope="col" className="num">{t("analysis.col.participantShare")}</th>
              <th scope="col" className="num">{t("analysis.col.comments")}</th>
              <th scope="col" className="num">{t("analysis.col.commentShare")}</th>
              <th scope="col" className="num">{baselineLabel}</th>
              <th scope="col" className="num">{t("analysis.col.participantRatio")}</th>
              <th scope="col" className="num">{t("analysis.col.commentRatio")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{label(r.key)}</th>
                <td className="num">{r.participants}</td>
                <td className="num">{percent(r.participantShare)}</td>
                <td className="num">{r.comments > 0 ? <Link to={drillDownPath(slug, filters, { by: dimension, value: r.key })}>{r.comments}</Link> : 0}</td>
                <td className="num">{percent(r.commentShare)}</td>
                <td className="num">{percent(r.baselineShare)}</td>
                <td className="num">{ratio(r.participantRatio)}</td>
                <td className="num">{ratio(r.commentRatio)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

export function SilentTable({ rows, groups, labels }: { rows: SilentRow[]; groups: GroupName[]; labels: Record<string, string> }) {
  const t = useT();
  const name = useParagraphName(labels);
  if (rows.length === 0) return <p>{t("analysis.silent.none")}</p>;
  const list = (dimension: Dimension, keys: string[]) => (keys.length === 0 ? "—" : keys.map((k) => dimensionValueLabel(t, dimension, k, groups)).join(", "));
  // A row per paragraph: folded, so the page stays short (printed open).
  return (
    <details className="analysis-more">
      <summary>{t("analysis.silent.title")}</summary>
      <ScrollRegion label={t("analysis.silent.caption")}>
        <table className="analysis-table">
          <caption>{t("analysis.silent.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("analysis.col.paragraph")}</th>
              <th scope="col" className="num">{t("analysis.col.comments")}</th>
              <th scope="col">{t("analysis.col.silentRegions")}</th>
              <th scope="col">{t("analysis.col.silentGroups")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.node}>
                <th scope="row">{name(r.node)}</th>
                <td className="num">{r.comments}</td>
                <td>{list("region", r.regions)}</td>
                <td>{list("group", r.groups)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}

export interface CampaignItem {
  id: number;
  size: number;
  node: string | null;
  label: string | null;
  body: string;
  regions: { region: string; count: number }[];
}

export function CampaignList({ slug, filters, groups, campaigns }: Omit<Common, "labels"> & { campaigns: CampaignItem[] }) {
  const t = useT();
  const collapsed = filters.campaigns === "collapsed";
  const toggle = `/c/${slug}/analysis${filtersToSearch({ ...filters, campaigns: collapsed ? undefined : "collapsed" })}#campaigns-title`;
  return (
    <>
      <p>
        {t(collapsed ? "analysis.campaigns.collapsedNow" : "analysis.campaigns.rawNow")}{" "}
        <Link to={toggle}>{t(collapsed ? "analysis.campaigns.expand" : "analysis.campaigns.collapse")}</Link>
      </p>
      {campaigns.length === 0 ? (
        <p>{t("analysis.campaigns.none")}</p>
      ) : (
        <ol className="campaign-list">
          {campaigns.map((c) => (
            <li key={c.id} className="campaign">
              <p className="campaign__head">
                <Link to={drillDownPath(slug, { ...filters, campaigns: undefined }, { campaign: c.id })}>{t("analysis.campaigns.item", { count: c.size })}</Link>{" "}
                <span className="muted">
                  {t("analysis.campaigns.on", { where: c.node === null ? t("analysis.wholeDraft") : c.label ?? t("analysis.earlierParagraph") })}
                </span>
              </p>
              <blockquote className="campaign__text">{c.body}</blockquote>
              <p className="muted">
                {t("analysis.campaigns.regions", {
                  regions: c.regions.map((r) => `${dimensionValueLabel(t, "region", r.region, groups)} ${r.count}`).join(", "),
                })}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export function ThemeTables({ labels, paragraphs, regions }: {
  labels: Record<string, string>;
  paragraphs: { node: string; terms: { term: string; count: number }[] }[];
  regions: { region: string; terms: { term: string; count: number }[] }[];
}) {
  const t = useT();
  const name = useParagraphName(labels);
  const terms = (list: { term: string; count: number }[]) => list.map((x) => t("analysis.themes.term", x)).join(" · ");
  if (paragraphs.length === 0 && regions.length === 0) return <p>{t("analysis.themes.none")}</p>;
  return (
    <>
      <table className="analysis-table">
        <caption>{t("analysis.themes.regions.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("analysis.col.region")}</th>
            <th scope="col">{t("analysis.col.terms")}</th>
          </tr>
        </thead>
        <tbody>
          {unescoRegions
            .map((r) => regions.find((x) => x.region === r))
            .filter((r) => r !== undefined)
            .map((r) => (
              <tr key={r.region}>
                <th scope="row">{t(`region.${r.region}` as "region.africa")}</th>
                <td>{terms(r.terms)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <details className="analysis-more">
        <summary>{t("analysis.themes.paragraphs.caption")}</summary>
        <ScrollRegion label={t("analysis.themes.paragraphs.caption")}>
          <table className="analysis-table">
            <caption>{t("analysis.themes.paragraphs.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("analysis.col.paragraph")}</th>
                <th scope="col">{t("analysis.col.terms")}</th>
              </tr>
            </thead>
            <tbody>
              {paragraphs.map((p) => (
                <tr key={p.node}>
                  <th scope="row">{name(p.node)}</th>
                  <td>{terms(p.terms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </>
  );
}
