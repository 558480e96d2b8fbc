import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { drillDownPage } from "~/analysis/analysis-page.server";
import { AnalysisFilterForm } from "~/analysis/analysis-views";
import { CoSignersPanel } from "~/analysis/co-signer-views";
import { describeFilters, dimensionValueLabel } from "~/analysis/dimension-labels";
import { filtersToSearch } from "~/analysis/comment-filters";
import { WHOLE_DRAFT, withPage } from "~/analysis/drill-down";
import { ParagraphText } from "~/components/draft-node";
import { paragraphPath } from "~/drafts/outline";
import { WithLocalTime } from "~/components/local-date";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: data ? `${t("analysis.comments.title")} · ${data.consultation.title}` : t("app.name") }];
};

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  return drillDownPage(request, context, params.slug);
}

export default function DrillDownPage() {
  const { consultation, filters, cell, total, page, pageSize, pages, groups, nodeLabel, comments, coSigners } = useLoaderData<typeof loader>();
  const t = useT();
  const { search, pathname } = useLocation();
  const slug = consultation.slug;
  const cellParts = [
    cell.node === WHOLE_DRAFT ? t("analysis.wholeDraft") : cell.node !== undefined ? t("paragraph.title", { label: nodeLabel ?? t("analysis.earlierParagraph") }) : null,
    cell.by && cell.value ? `${t(`analysis.by.${cell.by}`)}: ${dimensionValueLabel(t, cell.by, cell.value, groups)}` : null,
    cell.campaign !== undefined ? `${t("analysis.filter.campaigns")}: ${cell.campaign}` : null,
  ].filter((p): p is string => p !== null);
  const described = describeFilters(t, filters, groups);
  return (
    <div className="page analysis">
      <p className="breadcrumbs">
        <Link to={`/c/${slug}`}>{consultation.title}</Link> ·{" "}
        <Link to={`/c/${slug}/analysis${filtersToSearch(filters)}`}>{t("analysis.comments.back")}</Link>
      </p>
      <h1>{t("analysis.comments.title")}</h1>
      {cellParts.length > 0 ? <p>{t("analysis.comments.cell", { cell: cellParts.join(" · ") })}</p> : null}
      <p>{described ? t("analysis.activeFilters", { filters: described }) : t("analysis.noFilter")}</p>
      <AnalysisFilterForm filters={filters} groups={groups} rounds={consultation.round} clearTo={pathname} keep={{ node: cell.node, by: cell.by, value: cell.value, campaign: cell.campaign === undefined ? undefined : String(cell.campaign) }} />
      <p role="status">{t("analysis.comments.count", { count: total })}</p>
      <ol className="comment-list drill-down-list" start={(page - 1) * pageSize + 1}>
        {comments.map((c) => (
          <li key={c.id} className="comment">
            <article aria-labelledby={`comment-${c.id}-head`}>
              <p id={`comment-${c.id}-head`} className="comment__head">
                {c.stance ? <span className={`stance stance--${c.stance}`}>{t(`stance.${c.stance}`)}</span> : null}{" "}
                {c.node === null ? (
                  t("analysis.wholeDraft")
                ) : c.label !== null ? (
                  <Link to={paragraphPath(slug, c.label)}>{t("paragraph.title", { label: c.label })}</Link>
                ) : (
                  t("analysis.earlierParagraph")
                )}
              </p>
              <p className="muted">
                <WithLocalTime
                  message={(date) =>
                    t("analysis.comments.meta", { author: c.author, date, channel: t(`channel.${c.channel}`), language: t(`language.${c.language}`) })
                  }
                  iso={c.createdAt}
                  withTime
                />
              </p>
              {c.coSigned ? <p className="co-signed">{c.coSigned}</p> : null}
              <ParagraphText text={c.body} />
              {c.proposedText ? (
                <blockquote>
                  <ParagraphText text={c.proposedText} />
                </blockquote>
              ) : null}
            </article>
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav aria-label={t("analysis.comments.pages")} className="pager">
          {page > 1 ? <Link to={withPage(search, page - 1)}>{t("analysis.comments.previous")}</Link> : null}{" "}
          <span>{t("analysis.comments.page", { page, pages })}</span>{" "}
          {page < pages ? <Link to={withPage(search, page + 1)}>{t("analysis.comments.next")}</Link> : null}
        </nav>
      ) : null}
      {coSigners.totals.submissions > 0 ? (
        <section aria-labelledby="co-signers-title">
          <h2 id="co-signers-title">{t("coSigners.title")}</h2>
          <CoSignersPanel slug={slug} filters={filters} groups={groups} breakdown={coSigners} listLink={false} />
        </section>
      ) : null}
    </div>
  );
}
