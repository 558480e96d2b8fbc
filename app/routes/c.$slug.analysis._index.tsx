import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { analysisPage } from "~/analysis/analysis-page.server";
import { AnalysisFilterForm, BreakdownTable, HeatView, MatrixTable } from "~/analysis/analysis-views";
import { TimeSeriesChart } from "~/analysis/charts/time-series-chart";
import { CoSignersPanel } from "~/analysis/co-signer-views";
import { CampaignList, ConsensusTables, RepresentationTable, SilentTable, ThemeTables } from "~/analysis/insights-views";
import { describeFilters } from "~/analysis/dimension-labels";
import { analysisDimensions, drillDownPath } from "~/analysis/drill-down";
import { filtersToSearch } from "~/analysis/comment-filters";
import { unescoRegions } from "../../db/enums";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";
import { ScrollRegion } from "~/components/scroll-region";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: data ? `${t("analysis.title")} · ${data.consultation.title}` : t("app.name") }];
};

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  return analysisPage(request, context, params.slug);
}

export default function AnalysisPage() {
  const { consultation, filters, updating, groups, participation, perDay, labels, matrix, rows, heat, consensus, baseline, representativeness, silent, coSigners, campaigns, themes } =
    useLoaderData<typeof loader>();
  const t = useT();
  const slug = consultation.slug;
  const described = describeFilters(t, filters, groups);
  const columns = matrix === "region" ? [...unescoRegions] : groups.filter((g) => rows.some((r) => r.cells[String(g.id)])).map((g) => String(g.id));
  return (
    <div className="page page--wide analysis">
      <p className="breadcrumbs">
        <Link to={`/c/${slug}`}>{consultation.title}</Link>
      </p>
      <h1>{t("analysis.title")}</h1>
      <p className="lede">{t("analysis.intro")}</p>
      <AnalysisFilterForm filters={filters} groups={groups} rounds={consultation.round} clearTo={`/c/${slug}/analysis`} keep={{ matrix: matrix === "region" ? undefined : matrix, baseline: baseline === "member-states" ? undefined : baseline }} />
      <p role="status">
        {described ? t("analysis.activeFilters", { filters: described }) : t("analysis.noFilter")}{" "}
        {t("analysis.totals", participation.totals)}{" "}
        <Link to={drillDownPath(slug, filters)}>{t("analysis.allComments")}</Link>
      </p>
      {updating ? <p className="notice">{t("analysis.updating")}</p> : null}

      <section aria-labelledby="participation-title">
        <h2 id="participation-title">{t("analysis.participation")}</h2>
        {participation.totals.comments === 0 ? <p>{t("analysis.empty")}</p> : null}
        <div className="analysis-grid">
          {analysisDimensions.map((d) => (
            <BreakdownTable key={d} slug={slug} dimension={d} rows={participation.byDimension[d]} filters={filters} groups={groups} />
          ))}
        </div>
      </section>

      <section aria-labelledby="over-time-title">
        <h2 id="over-time-title">{t("analysis.overTime")}</h2>
        <TimeSeriesChart title={t("analysis.overTime.chart")} data={perDay.map((d) => ({ date: d.day, count: d.comments }))} />
        <ScrollRegion label={t("analysis.overTime.caption")}>
          <table className="analysis-table">
            <caption>{t("analysis.overTime.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("analysis.col.day")}</th>
                <th scope="col" className="num">{t("analysis.col.comments")}</th>
              </tr>
            </thead>
            <tbody>
              {perDay.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{d.day}</th>
                  <td className="num">
                    <Link to={drillDownPath(slug, { ...filters, from: d.day, to: d.day })}>{d.comments}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <section aria-labelledby="matrix-title">
        <h2 id="matrix-title">{t(matrix === "region" ? "analysis.matrix.region" : "analysis.matrix.group")}</h2>
        <nav aria-label={t("analysis.matrix.choose")} className="tabs">
          <ul>
            {(["region", "group"] as const).map((m) => (
              <li key={m}>
                <Link to={`/c/${slug}/analysis${filtersToSearch(filters, { matrix: m === "region" ? undefined : m, baseline: baseline === "member-states" ? undefined : baseline })}#matrix-title`} aria-current={m === matrix ? "page" : undefined}>
                  {t(`analysis.matrix.${m}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <MatrixTable
          slug={slug}
          dimension={matrix}
          values={columns}
          rows={rows}
          labels={labels}
          filters={filters}
          groups={groups}
          caption={t(matrix === "region" ? "analysis.matrix.region.caption" : "analysis.matrix.group.caption")}
        />
      </section>

      <section aria-labelledby="consensus-title">
        <h2 id="consensus-title">{t("analysis.consensus")}</h2>
        <p>{t("analysis.consensus.intro")}</p>
        <p className="muted">{t("analysis.consensus.explain")}</p>
        {(["region", "group"] as const).map((d) => (
          <ConsensusTables key={d} slug={slug} filters={filters} groups={groups} labels={labels} dimension={d} agreed={consensus[d].agreed} divided={consensus[d].divided} />
        ))}
      </section>

      <section aria-labelledby="representativeness-title">
        <h2 id="representativeness-title">{t("analysis.representativeness")}</h2>
        <p>{t("analysis.representativeness.intro")}</p>
        <nav aria-label={t("analysis.baseline.choose")} className="tabs">
          <p>{t("analysis.baseline.choose")}</p>
          <ul>
            {(["member-states", "registered"] as const).map((b) => (
              <li key={b}>
                <Link
                  to={`/c/${slug}/analysis${filtersToSearch(filters, { matrix: matrix === "region" ? undefined : matrix, baseline: b === "member-states" ? undefined : b })}#representativeness-title`}
                  aria-current={b === baseline ? "page" : undefined}
                >
                  {t(`analysis.baseline.${b}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="muted">{t("analysis.representativeness.groupsNote")}</p>
        <RepresentationTable slug={slug} filters={filters} groups={groups} dimension="region" rows={representativeness.region} baselineLabel={t(`analysis.representativeness.baseline.${baseline}`)} />
        <RepresentationTable slug={slug} filters={filters} groups={groups} dimension="group" rows={representativeness.group} baselineLabel={t("analysis.representativeness.baseline.registered")} />
        <SilentTable rows={silent} groups={groups} labels={labels} />
      </section>

      <section aria-labelledby="co-signers-title">
        <h2 id="co-signers-title">{t("coSigners.title")}</h2>
        <p>{t("coSigners.intro")}</p>
        <CoSignersPanel slug={slug} filters={filters} groups={groups} breakdown={coSigners} />
      </section>

      <section aria-labelledby="campaigns-title">
        <h2 id="campaigns-title">{t("analysis.campaigns")}</h2>
        <p>{t("analysis.campaigns.intro")}</p>
        <CampaignList slug={slug} filters={filters} groups={groups} campaigns={campaigns} />
      </section>

      <section aria-labelledby="themes-title">
        <h2 id="themes-title">{t("analysis.themes")}</h2>
        <p>{t("analysis.themes.intro")}</p>
        {themes ? <ThemeTables labels={labels} paragraphs={themes.paragraphs} regions={themes.regions} /> : <p className="notice">{t("analysis.themes.computing")}</p>}
      </section>

      <section aria-labelledby="heat-title">
        <h2 id="heat-title">{t("analysis.heat")}</h2>
        <p>{t("analysis.heat.intro")}</p>
        <HeatView slug={slug} nodes={heat} filters={filters} />
      </section>
    </div>
  );
}
