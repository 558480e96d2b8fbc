import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { paragraphPath } from "~/drafts/outline";
import { whatWeHeardPage } from "~/exports/what-we-heard.server";
import { useLocale, useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";
import { formatValue } from "~/analysis/charts/chart-scale";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: data ? `${t("heard.title")} · ${data.consultation.title}` : t("app.name") }];
};

export function loader({ request, context, params }: LoaderFunctionArgs) {
  return whatWeHeardPage(request, context, params.slug);
}

/** A table of counts with a bar per row; the figures are the text alternative of the bars. */
function CountsTable({
  id,
  title,
  rows,
  label,
  empty,
}: {
  id: string;
  title: string;
  rows: { key: string; count: number }[];
  label: (key: string) => string;
  /** What to say instead of a table with headers only. */
  empty?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const max = Math.max(1, ...rows.map((r) => r.count));
  const total = rows.reduce((a, r) => a + r.count, 0) || 1;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 && empty ? (
        <p>{empty}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col">{t("export.col.comments")}</th>
              <th scope="col">{t("heard.share")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{label(r.key)}</th>
                <td>{formatValue(r.count, "number", locale)}</td>
                <td className="heard-share">
                  <span className="heard-bar" style={{ width: `${(r.count / max) * 12}rem` }} aria-hidden="true" />{" "}
                  {formatValue(r.count / total, "percent", locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default function WhatWeHeardPage() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  const slug = page.consultation.slug;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/c/${slug}`}>{page.consultation.title}</Link>
      </p>
      <h1>{t("heard.title")}</h1>
      {!page.available ? (
        <p>{t("heard.notYet")}</p>
      ) : (
        <>
          <p>{t("heard.intro")}</p>
          <p role="status">{t("heard.totals", page.totals)}</p>
          <CountsTable id="by-region" title={t("heard.byRegion")} rows={page.byRegion} label={(k) => t(`region.${k}` as MessageKey)} />
          <CountsTable id="by-group" title={t("heard.byGroup")} rows={page.byGroup} label={(k) => k} />
          <CountsTable id="by-stance" title={t("heard.byStance")} rows={page.byStance} label={(k) => t(`stance.${k}` as MessageKey)} />
          <CountsTable id="by-decision" title={t("heard.dispositions")} rows={page.byDecision} label={(k) => t(`decision.${k}` as MessageKey)} empty={t("heard.noDecision")} />
          <p>
            <a href={`/c/${slug}/export/summary.pdf`}>{t("export.summaryPdf")}</a> · <a href={`/c/${slug}/export/summary.docx`}>{t("export.summaryDocx")}</a> ·{" "}
            <a href={`/c/${slug}/export/open-data.json`}>{t("export.json")}</a>
          </p>
          <h2>{t("heard.paragraphs")}</h2>
          {page.paragraphs.map((p) => (
            <section key={p.nodeId} aria-labelledby={`heard-${p.nodeId}`} className="heard-paragraph">
              <h3 id={`heard-${p.nodeId}`}>
                <Link to={paragraphPath(slug, p.label)}>{t("summary.paragraph", { label: p.label })}</Link>
              </h3>
              <p>
                {t("review.count", { count: p.total })}: {p.stances.map((s) => t("summary.count", { label: t(`stance.${s.key}` as MessageKey), count: s.count })).join(" · ")}
              </p>
              {p.decisions.length > 0 ? (
                <p>
                  {t("summary.dispositions")}: {p.decisions.map((d) => t("summary.count", { label: t(`decision.${d.key}` as MessageKey), count: d.count })).join(" · ")}
                </p>
              ) : null}
              {p.rationales.length > 0 ? (
                <ul>
                  {p.rationales.map((r, i) => (
                    <li key={i}>
                      <strong>{t(`decision.${r.decision}` as MessageKey)}</strong> ({r.stakeholderGroup}, {t(`region.${r.region}` as MessageKey)}): {r.rationale}
                    </li>
                  ))}
                </ul>
              ) : null}
              {p.revised ? (
                <>
                  <h4>{t("summary.revised")}</h4>
                  <p>{p.revised}</p>
                </>
              ) : null}
            </section>
          ))}
        </>
      )}
    </div>
  );
}
