import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { inputOverview, requireInputAccess } from "~/channels/input-pages.server";
import { DataTable } from "~/components/data-table";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("input.title")}${data ? ` · ${data.consultation.title}` : ""} · ${t("app.name")}` }];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { consultation } = await requireInputAccess(request, context, params.slug);
  return inputOverview(context, consultation, new URL(request.url).searchParams);
}

export default function InputPage() {
  const { consultation, meetings, batches, justImported } = useLoaderData<typeof loader>();
  const t = useT();
  const base = `/c/${consultation.slug}/input`;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/c/${consultation.slug}`}>{consultation.title}</Link>
      </p>
      <h1>{t("input.title")}</h1>
      {justImported ? (
        <p className="notice" role="status">
          {t("input.imported", { count: justImported.count, fileName: justImported.fileName })}
        </p>
      ) : null}
      <p>{t("input.intro")}</p>

      <section aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t("input.meetings")}</h2>
        <p>
          <Link to={`${base}/meetings/new`}>{t("input.meetings.add")}</Link>
        </p>
        {meetings.length === 0 ? (
          <p>{t("input.meetings.none")}</p>
        ) : (
          <DataTable
            caption={t("input.meetings.caption")}
            columns={[
              t("input.col.meeting"),
              t("input.col.channel"),
              t("input.col.place"),
              t("input.col.heldOn"),
              t("input.col.comments"),
              t("input.col.people"),
            ]}
          >
            {meetings.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <Link to={`${base}/meetings/${m.id}`}>{m.title}</Link>
                </th>
                <td>{t(`channel.${m.channel}`)}</td>
                <td>{[m.region ? t(`region.${m.region}` as MessageKey) : null, m.location].filter(Boolean).join(", ")}</td>
                <td>{m.heldOn}</td>
                <td>{m.comments}</td>
                <td>{m.people}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="imports-title">
        <h2 id="imports-title">{t("input.imports")}</h2>
        <p>
          <Link to={`${base}/import`}>{t("input.imports.upload")}</Link>
        </p>
        {batches.length === 0 ? (
          <p>{t("input.imports.none")}</p>
        ) : (
          <DataTable
            caption={t("input.imports.caption")}
            columns={[t("input.col.file"), t("input.col.comments"), t("input.col.importedOn")]}
          >
            {batches.map((b) => (
              <tr key={b.id}>
                <th scope="row">{b.fileName}</th>
                <td>{b.rowCount}</td>
                <td>{b.importedOn}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
