import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Options } from "~/components/form-field";
import { useLocale, useT } from "~/i18n/i18n-context";
import { locales } from "~/i18n/translate";
import type { MessageKey } from "~/i18n/messages.en";
import { compiledTablePage, submitCompiledTable } from "~/review/compiled-page.server";
import { channels, commentTypes, decisions, electoralGroups, languages, stances, unescoRegions } from "../../db/enums";
import { ScrollRegion } from "~/components/scroll-region";
import { jointFilterValues } from "~/analysis/comment-filters";
import { coSignedPhrase } from "~/joint/co-signers";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: data ? `${t("review.title")} · ${data.consultation.title}` : t("app.name") }];
};

export function loader({ request, context, params }: LoaderFunctionArgs) {
  return compiledTablePage(request, context, params.slug);
}

export function action({ request, context, params }: ActionFunctionArgs) {
  return submitCompiledTable(request, context, params.slug);
}

function pageLink(search: string, page: number): string {
  const params = new URLSearchParams(search);
  params.set("page", String(page));
  params.delete("saved");
  return `?${params}`;
}

export default function CompiledTablePage() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const errors = (useActionData() as { errors?: Record<string, string> } | undefined)?.errors ?? {};
  const f = page.filters;
  const slug = page.consultation.slug;
  const percent = page.progress.overall.total === 0 ? 0 : page.progress.overall.decided / page.progress.overall.total;
  const selects = [
    ["region", t("review.col.region"), f.region, unescoRegions.map((r) => ({ value: r, label: t(`region.${r}`) }))],
    ["electoral", t("review.col.electoral"), f.electoral, electoralGroups.map((g) => ({ value: g, label: t("electoral.group", { group: g }) }))],
    ["group", t("review.col.group"), f.group, page.groups.map((g) => ({ value: g.id, label: g.name }))],
    ["stance", t("review.col.stance"), f.stance, stances.map((s) => ({ value: s, label: t(`stance.${s}`) }))],
    ["channel", t("review.col.channel"), f.channel, channels.map((c) => ({ value: c, label: t(`channel.${c}`) }))],
    ["language", t("review.col.language"), f.language, languages.map((l) => ({ value: l, label: t(`language.${l}`) }))],
    ["paragraph", t("review.paragraph"), page.review.paragraph, page.paragraphs.map((l) => ({ value: l, label: l }))],
    [
      "assignee",
      t("review.assignee"),
      page.review.assignee,
      [{ value: "none", label: t("review.assignee.nobody") }, ...page.experts.map((e) => ({ value: e.id, label: e.name }))],
    ],
    ["decided", t("review.decided"), page.review.decided, [{ value: "yes", label: t("review.decided.yes") }, { value: "no", label: t("review.decided.no") }]],
    ["campaigns", t("analysis.filter.campaigns"), f.campaigns, [{ value: "collapsed", label: t("analysis.filter.campaigns.collapsed") }]],
    ["joint", t("coSigners.filter"), f.joint, jointFilterValues.map((v) => ({ value: v, label: t(`coSigners.filter.${v}`) }))],
    // From a second round on, comments of one round at a time (each on its own version).
    ...(page.consultation.round > 1
      ? ([["round", t("analysis.filter.round"), f.round, Array.from({ length: page.consultation.round }, (_, i) => ({ value: i + 1, label: t("analysis.filter.roundNumber", { round: i + 1 }) }))]] as const)
      : []),
  ] as const;
  const exportLink = (file: string, extra = "") => `/c/${slug}/export/${file}${page.exportSearch}${extra ? (page.exportSearch ? "&" : "?") + extra : ""}`;
  return (
    <div className="page page--wide">
      <p className="breadcrumbs">
        <Link to={`/c/${slug}`}>{page.consultation.title}</Link>
      </p>
      <h1>{t("review.title")}</h1>
      <p>{t("review.intro")}</p>
      {page.saved > 0 ? (
        <p className="notice" role="status">
          {t("review.saved", { count: page.saved })}
        </p>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <ul>
            {Object.entries(errors).map(([field, key]) => (
              <li key={field}>{t(key as MessageKey)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <section aria-labelledby="progress-title">
        <h2 id="progress-title">{t("review.progress")}</h2>
        <p>
          <progress max={page.progress.overall.total || 1} value={page.progress.overall.decided} aria-labelledby="progress-overall" />{" "}
          <span id="progress-overall">{t("review.progress.overall", { ...page.progress.overall, percent })}</span>
        </p>
        <details>
          <summary>{t("review.progress.byParagraph")}</summary>
          <ProgressTable caption={t("review.progress.byParagraph")} head={t("review.paragraph")} rows={page.progress.byParagraph.map((p) => ({ ...p, name: p.label ?? t("review.wholeDraft") }))} />
        </details>
        <details>
          <summary>{t("review.progress.byExpert")}</summary>
          <ProgressTable caption={t("review.progress.byExpert")} head={t("review.assignee")} rows={page.progress.byAssignee.map((p) => ({ ...p, name: p.name ?? t("review.assignee.nobody") }))} />
        </details>
      </section>

      <Form method="get" className="filters" aria-label={t("review.filters")}>
        {selects.map(([name, label, value, options]) => (
          <div className="field" key={name}>
            <label htmlFor={`filter-${name}`}>{label}</label>
            <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
              <Options empty={t("review.any")} options={options} />
            </select>
          </div>
        ))}
        <div className="field">
          <label htmlFor="filter-sort">{t("review.sort")}</label>
          <select id="filter-sort" name="sort" defaultValue={page.review.sort}>
            <Options options={(["paragraph", "oldest", "newest", "endorsements", "undecided"] as const).map((s) => ({ value: s, label: t(`review.sort.${s}`) }))} />
          </select>
        </div>
        <div className="field">
          <button type="submit">{t("review.apply")}</button>
        </div>
      </Form>

      <section aria-labelledby="exports-title">
        <h2 id="exports-title">{t("review.exports")}</h2>
        <ul className="export-links">
          <li><a href={exportLink("comments.csv")} download>{t("export.csv")}</a></li>
          <li><a href={exportLink("comments.xlsx")} download>{t("export.xlsx")}</a></li>
          <li><a href={exportLink("open-data.json")} download>{t("export.json")}</a></li>
          <li><a href={`/c/${slug}/export/revised-draft.docx`} download>{t("export.revisedDocx")}</a></li>
          {page.canExportPrivate ? (
            <>
              <li><a href={exportLink("comments.csv", "private=1")} download>{t("export.privateCsv")}</a></li>
              <li><a href={exportLink("comments.xlsx", "private=1")} download>{t("export.privateXlsx")}</a></li>
            </>
          ) : null}
        </ul>
        {/* The report in a language of the secretariat's choice: a plain GET form, so it works without JavaScript. */}
        <form method="get" action={`/c/${slug}/export/summary.pdf`} className="filters report-export" aria-labelledby="report-export-title">
          <h3 id="report-export-title">{t("report.export.heading")}</h3>
          {[...new URLSearchParams(page.exportSearch)].map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div className="field">
            <label htmlFor="report-lang">{t("report.export.language")}</label>
            <select id="report-lang" name="lang" defaultValue={locale}>
              <Options options={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
            </select>
          </div>
          <div className="field">
            <button type="submit">{t("report.export.pdf")}</button>
          </div>
          <div className="field">
            <button type="submit" formAction={`/c/${slug}/export/summary.docx`}>{t("report.export.docx")}</button>
          </div>
        </form>
      </section>

      <p role="status">{t("review.count", { count: page.total })}</p>
      <Form method="post" className="compiled-form">
        <fieldset className="bulk">
          <legend>{t("review.bulk")}</legend>
          <div className="filters">
            <div className="field">
              <label htmlFor="bulk-decision">{t("review.col.decision")}</label>
              <select id="bulk-decision" name="decision" defaultValue="">
                <Options empty="" options={decisions.map((d) => ({ value: d, label: t(`decision.${d}`) }))} />
              </select>
            </div>
            <div className="field">
              <label htmlFor="bulk-rationale">{t("review.rationale")}</label>
              <textarea id="bulk-rationale" name="rationale" rows={2} />
            </div>
            <div className="field">
              <label htmlFor="bulk-targets">{t("review.targets")}</label>
              <input id="bulk-targets" name="targets" aria-describedby="bulk-targets-hint" />
              <p id="bulk-targets-hint" className="field__hint">{t("review.targets.hint")}</p>
            </div>
            <div className="field">
              <label>
                <input type="checkbox" name="asCampaigns" value="1" /> {t("review.bulk.asCampaigns")}
              </label>
            </div>
            <div className="field">
              <button type="submit" name="intent" value="bulk-dispose">{t("review.bulk.dispose")}</button>
            </div>
            <div className="field">
              <label htmlFor="bulk-assignee">{t("review.assignee")}</label>
              <select id="bulk-assignee" name="assigneeId" defaultValue="">
                <Options empty="" options={[{ value: "none", label: t("review.assignee.nobody") }, ...page.experts.map((e) => ({ value: e.id, label: e.name }))]} />
              </select>
            </div>
            <div className="field">
              <button type="submit" name="intent" value="bulk-assign">{t("review.bulk.assign")}</button>
            </div>
            <div className="field">
              <label htmlFor="bulk-type">{t("review.col.type")}</label>
              <select id="bulk-type" name="commentType" defaultValue="">
                <Options empty="" options={commentTypes.map((c) => ({ value: c, label: t(`commentType.${c}`) }))} />
              </select>
            </div>
            <div className="field">
              <button type="submit" name="intent" value="bulk-type">{t("review.bulk.type")}</button>
            </div>
          </div>
        </fieldset>
        <ScrollRegion label={t("review.table", { page: page.page, pages: page.pageCount })}>
          <table className="data-table compiled-table">
            <caption>{t("review.table", { page: page.page, pages: page.pageCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("review.col.select")}</th>
                <th scope="col">{t("review.col.id")}</th>
                <th scope="col">{t("review.col.stakeholder")}</th>
                <th scope="col">{t("review.col.paragraph")}</th>
                <th scope="col">{t("review.col.type")}</th>
                <th scope="col">{t("review.col.comment")}</th>
                <th scope="col">{t("review.col.proposed")}</th>
                <th scope="col">{t("review.col.observations")}</th>
                <th scope="col">{t("review.col.region")}</th>
                <th scope="col">{t("review.col.electoral")}</th>
                <th scope="col">{t("review.col.stance")}</th>
                <th scope="col">{t("review.col.channel")}</th>
                <th scope="col">{t("review.col.endorsements")}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => {
                const p = `row-${r.id}-`;
                return (
                  <tr key={r.id} id={`comment-${r.id}`}>
                    <td>
                      <input type="checkbox" name="commentIds" value={r.id} id={`${p}select`} aria-label={t("review.select", { id: r.id })} />
                    </td>
                    <th scope="row">
                      {r.id}
                      {r.campaign !== null ? (
                        <span className="compiled-table__campaign">{t("review.campaign", { key: r.campaign, count: r.campaignSize ?? 0 })}</span>
                      ) : null}
                    </th>
                    <td>
                      {r.stakeholder}
                      {r.coSigners ? (
                        <details className="compiled-table__co-signers">
                          <summary>{coSignedPhrase(t, r.coSigners)}</summary>
                          <ul>
                            {r.coSigners.list.map((who, i) => (
                              <li key={i}>{who}</li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </td>
                    <td>
                      {r.paragraph ?? t("review.wholeDraft")}
                      {r.version !== null ? <span className="muted"> ({t("comment.onVersion", { number: r.version })})</span> : null}
                    </td>
                    <td>
                      <input type="hidden" name={`${p}typeWas`} value={r.type} />
                      <select name={`${p}type`} defaultValue={r.type} aria-label={t("review.row.type", { id: r.id })}>
                        <Options options={commentTypes.map((c) => ({ value: c, label: t(`commentType.${c}`) }))} />
                      </select>
                    </td>
                    <td className="compiled-table__text">{r.comment}</td>
                    <td className="compiled-table__text">{r.proposedChange ?? ""}</td>
                    <td className="compiled-table__decision">
                      <select name={`${p}decision`} defaultValue={r.decision ?? ""} aria-label={t("review.row.decision", { id: r.id })}>
                        <Options empty={t("review.noDecision")} options={decisions.map((d) => ({ value: d, label: t(`decision.${d}`) }))} />
                      </select>
                      <textarea name={`${p}rationale`} defaultValue={r.rationale} rows={2} aria-label={t("review.row.rationale", { id: r.id })} />
                      <input name={`${p}targets`} defaultValue={r.targets.join(", ")} aria-label={t("review.row.targets", { id: r.id })} />
                      {errors[`${p}targets`] ? <p className="field__error">{t(errors[`${p}targets`] as MessageKey)}</p> : null}
                      <select name={`${p}assignee`} defaultValue={r.assigneeId ?? ""} aria-label={t("review.row.assignee", { id: r.id })}>
                        <Options empty={t("review.assignee.nobody")} options={page.experts.map((e) => ({ value: e.id, label: e.name }))} />
                      </select>
                      <button type="submit" name="intent" value={`row:${r.id}`}>
                        {t("review.row.save", { id: r.id })}
                      </button>
                    </td>
                    <td>{t(`region.${r.region}` as MessageKey)}</td>
                    <td>{r.electoralGroup ? t("electoral.group", { group: r.electoralGroup }) : ""}</td>
                    <td>{r.stance ? t(`stance.${r.stance}` as MessageKey) : ""}</td>
                    <td>{t(`channel.${r.channel}` as MessageKey)}</td>
                    <td>{r.endorsements}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      </Form>
      <nav aria-label={t("review.pages")} className="pager">
        {page.page > 1 ? <Link to={pageLink(page.search, page.page - 1)}>{t("review.previous")}</Link> : null}{" "}
        <span>{t("review.pageOf", { page: page.page, pages: page.pageCount })}</span>{" "}
        {page.page < page.pageCount ? <Link to={pageLink(page.search, page.page + 1)}>{t("review.next")}</Link> : null}
      </nav>
    </div>
  );
}

function ProgressTable({ caption, head, rows }: { caption: string; head: string; rows: { key: string; name: string; decided: number; total: number }[] }) {
  const t = useT();
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{t("review.progress.decided")}</th>
          <th scope="col">{t("review.progress.total")}</th>
          <th scope="col">{t("review.progress.share")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.name}</th>
            <td>{r.decided}</td>
            <td>{r.total}</td>
            <td>
              <progress max={r.total || 1} value={r.decided} aria-label={`${r.name}: ${r.decided}/${r.total}`} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
