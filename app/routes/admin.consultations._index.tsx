import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { consultationsListPage } from "~/consultations/consultation-pages.server";
import { LocalTime } from "~/components/local-date";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";
import { formatNumber } from "~/i18n/translate";
import { useLocale } from "~/i18n/i18n-context";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("consultations.title")} · Redraft` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return consultationsListPage(request, context);
}

export default function ConsultationsAdmin() {
  const { consultations } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="page page--wide">
      <p className="breadcrumbs"><Link to="/admin">{t("admin.title")}</Link></p>
      <h1>{t("consultations.title")}</h1>
      <p>
        <Link to="/admin/consultations/new" className="button">{t("consultations.new")}</Link>
      </p>
      {consultations.length === 0 ? (
        <p>{t("consultations.empty")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="consultations-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="consultations-caption">{t("consultations.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("consultations.field.title")}</th>
                <th scope="col">{t("consultations.col.state")}</th>
                <th scope="col">{t("consultations.field.opensAt")}</th>
                <th scope="col">{t("consultations.field.closesAt")}</th>
                <th scope="col">{t("consultations.col.version")}</th>
                <th scope="col">{t("consultations.col.participants")}</th>
                <th scope="col">{t("consultations.col.comments")}</th>
              </tr>
            </thead>
            <tbody>
              {consultations.map((c) => (
                <tr key={c.slug}>
                  <th scope="row" dir="auto">
                    <Link to={`/admin/consultations/${c.slug}`}>{c.title}</Link>
                  </th>
                  <td>
                    <span className={`status status--${c.state}`}>{t(`status.${c.state}`)}</span>
                  </td>
                  <td>{c.opensAt ? <LocalTime iso={c.opensAt} withTime /> : "—"}</td>
                  <td>{c.closesAt ? <LocalTime iso={c.closesAt} withTime /> : "—"}</td>
                  <td>{c.version === null ? t("consultations.noText") : t("consultations.versionRound", { version: c.version, round: c.round })}</td>
                  <td>{formatNumber(c.participants, locale)}</td>
                  <td>{formatNumber(c.comments, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
