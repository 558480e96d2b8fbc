import { Form, Link } from "@remix-run/react";
import { channels, electoralGroups, languages, stances, unescoRegions } from "../../db/enums";
import { useT } from "../i18n/i18n-context";
import { jointFilterValues, type CommentFilters } from "./comment-filters";
import { dimensionValueLabel, type GroupName } from "./dimension-labels";
import { drillDownPath, drillDownPaths, WHOLE_DRAFT, type AnalysisDimension } from "./drill-down";
import { ScrollRegion } from "~/components/scroll-region";

/** The filters as a plain GET form: works without JavaScript, and the URL it makes can be shared. */
export function AnalysisFilterForm({ filters, groups, clearTo, keep = {}, rounds = 1 }: {
  filters: CommentFilters;
  groups: GroupName[];
  /** How many rounds the consultation has had: a round filter from two on. */
  rounds?: number;
  clearTo: string;
  /** Parameters of the view that the filters leave as they are (the chosen matrix, the drill-down's cell). */
  keep?: Record<string, string | undefined>;
}) {
  const t = useT();
  const selects = [
    ["region", t("analysis.filter.region"), filters.region, unescoRegions.map((r) => ({ value: r, label: t(`region.${r}`) }))],
    ["electoral", t("analysis.filter.electoral"), filters.electoral, electoralGroups.map((g) => ({ value: g, label: t(`group.${g}`) }))],
    ["group", t("analysis.filter.group"), filters.group, groups.map((g) => ({ value: String(g.id), label: g.name }))],
    ["stance", t("analysis.filter.stance"), filters.stance, stances.map((s) => ({ value: s, label: t(`stance.${s}`) }))],
    ["channel", t("analysis.filter.channel"), filters.channel, channels.map((c) => ({ value: c, label: t(`channel.${c}`) }))],
    ["language", t("analysis.filter.language"), filters.language, languages.map((l) => ({ value: l, label: t(`language.${l}`) }))],
    ...(rounds > 1
      ? ([["round", t("analysis.filter.round"), filters.round, Array.from({ length: rounds }, (_, i) => ({ value: String(i + 1), label: t("analysis.filter.roundNumber", { round: i + 1 }) }))]] as const)
      : []),
  ] as const;
  const anyLabel: Record<string, string> = { campaigns: t("analysis.filter.campaigns.raw"), joint: t("coSigners.filter.any") };
  return (
    // Keyed by the filters: after a client-side navigation (a tab, the campaigns toggle) the
    // selects show the new address's values, not those they were first rendered with.
    <Form key={JSON.stringify([filters, keep])} method="get" className="filters analysis-filters" aria-label={t("analysis.filters")}>
      {Object.entries(keep).map(([name, value]) => (value !== undefined ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {[
        ...selects,
        ["campaigns", t("analysis.filter.campaigns"), filters.campaigns, [{ value: "collapsed", label: t("analysis.filter.campaigns.collapsed") }]] as const,
        ["joint", t("coSigners.filter"), filters.joint, jointFilterValues.map((v) => ({ value: v, label: t(`coSigners.filter.${v}`) }))] as const,
      ].map(([name, label, value, options]) => (
        <div className="field" key={name}>
          <label htmlFor={`analysis-${name}`}>{label}</label>
          <select id={`analysis-${name}`} name={name} defaultValue={value === undefined ? "" : String(value)}>
            <option value="">{anyLabel[name] ?? t("admin.any")}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      {(["from", "to"] as const).map((name) => (
        <div className="field" key={name}>
          <label htmlFor={`analysis-${name}`}>{t(`analysis.filter.${name}`)}</label>
          <input id={`analysis-${name}`} type="date" name={name} defaultValue={filters[name] ?? ""} />
        </div>
      ))}
      <div className="field">
        <button type="submit">{t("analysis.apply")}</button> <Link to={clearTo}>{t("analysis.clear")}</Link>
      </div>
    </Form>
  );
}

/**
 * A stance mix as it travels to the page: the count of each stance in the order of `stances`,
 * then the total (which also counts comments without a stance). Compact on purpose: a matrix has
 * thousands of cells, and Remix serialises the loader data into the page.
 */
export type MixArray = number[];

/**
 * A cell's stance mix: the count and a small stacked bar, one element drawn by a CSS gradient
 * (a matrix has thousands of cells), described in words for screen readers. `names` are the
 * stances' names in the order of `stances`, translated once per table.
 */
export function mixBar(mix: MixArray, names: string[]) {
  const total = mix[stances.length]!;
  let stated = 0;
  for (let i = 0; i < stances.length; i++) stated += mix[i]!;
  let edge = 0;
  const style: Record<string, string> = {};
  const words: string[] = [];
  for (let i = 0; i < stances.length; i++) {
    if (mix[i]! > 0) words.push(`${names[i]} ${mix[i]}`);
    if (i < stances.length - 1) {
      edge += mix[i]!;
      style[`--e${i}`] = `${Math.round((edge / (stated || 1)) * 100)}%`;
    }
  }
  return (
    <>
      {total}
      <span className="mixbar" role="img" aria-label={words.join(", ") || names[stances.length]} style={style as React.CSSProperties} />
    </>
  );
}

export interface BreakdownRow {
  value: string;
  comments: number;
  participants: number;
  people: number;
}

export function BreakdownTable({ slug, dimension, rows, filters, groups }: {
  slug: string;
  dimension: AnalysisDimension;
  rows: BreakdownRow[];
  filters: CommentFilters;
  groups: GroupName[];
}) {
  const t = useT();
  return (
    <ScrollRegion label={t(`analysis.by.${dimension}`)}>
      <table className="analysis-table">
        <caption>{t(`analysis.by.${dimension}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t("analysis.col.value")}</th>
            <th scope="col" className="num">{t("analysis.col.comments")}</th>
            <th scope="col" className="num">{t("analysis.col.participants")}</th>
            <th scope="col" className="num">{t("analysis.col.people")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.value}>
              <th scope="row">{dimensionValueLabel(t, dimension, r.value, groups)}</th>
              <td className="num">
                <Link to={drillDownPath(slug, filters, { by: dimension, value: r.value })}>{r.comments}</Link>
              </td>
              <td className="num">{r.participants}</td>
              <td className="num">{r.people}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export interface MatrixRowView {
  node: string;
  total: MixArray;
  cells: Record<string, MixArray>;
}

/** Paragraph × dimension: every cell its stance mix, and a link to the comments it counted. */
export function MatrixTable({ slug, dimension, values, rows, labels, filters, groups, caption }: {
  slug: string;
  dimension: AnalysisDimension;
  values: string[];
  rows: MatrixRowView[];
  labels: Record<string, string>;
  filters: CommentFilters;
  groups: GroupName[];
  caption: string;
}) {
  const t = useT();
  const rowName = (node: string) => (node === WHOLE_DRAFT ? t("analysis.wholeDraft") : (labels[node] ?? t("analysis.earlierParagraph")));
  const names = [...stances.map((s) => t(`stance.${s}`)), t("analysis.none")];
  const href = drillDownPaths(slug, filters);
  // Plain links and plain function calls: thousands of <Link>s and components would cost more to
  // render than the page's queries.
  return (
    <ScrollRegion label={caption}>
      <table className="analysis-table analysis-matrix">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("analysis.col.paragraph")}</th>
            {values.map((v) => (
              <th scope="col" key={v}>
                {dimensionValueLabel(t, dimension, v, groups)}
              </th>
            ))}
            <th scope="col">{t("analysis.col.total")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.node}>
              <th scope="row">{rowName(r.node)}</th>
              {values.map((v) => (
                <td key={v}>
                  {r.cells[v] ? (
                    <a href={href({ node: r.node, by: dimension, value: v })}>{mixBar(r.cells[v]!, names)}</a>
                  ) : null}
                </td>
              ))}
              <td>
                <a href={href({ node: r.node })}>{mixBar(r.total, names)}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export interface HeatNode {
  nodeId: string;
  kind: string;
  label: string | null;
  level: number;
  excerpt: string;
  comments: number;
  heat: number;
}

/** The draft as a list of paragraphs, shaded by comment count; each count opens its comments. */
export function HeatView({ slug, nodes, filters }: { slug: string; nodes: HeatNode[]; filters: CommentFilters }) {
  const t = useT();
  const href = drillDownPaths(slug, filters);
  return (
    <ol className="heat-list">
      {nodes.map((n) =>
        n.kind === "heading" ? (
          <li key={n.nodeId} className="heat-list__heading">
            {n.label ? `${n.label}. ` : ""}
            {n.excerpt}
          </li>
        ) : (
          <li key={n.nodeId} className="heat-list__item" style={{ "--heat": n.heat } as React.CSSProperties}>
            <span className="heat-list__label">{n.label ?? ""}</span>
            <span className="heat-list__text">{n.excerpt}</span>
            {n.comments > 0 ? (
              <a className="heat-list__count" href={href({ node: n.nodeId })}>
                {t("analysis.heat.count", { count: n.comments })}
              </a>
            ) : (
              <span className="heat-list__count muted">{t("analysis.heat.count", { count: 0 })}</span>
            )}
          </li>
        ),
      )}
    </ol>
  );
}
