import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ImportProblems, type RefusedFile } from "~/channels/import-problems";
import { previewPage, requireInputAccess, submitPreview } from "~/channels/input-pages.server";
import { DataTable } from "~/components/data-table";
import { InputBreadcrumbs } from "~/channels/input-breadcrumbs";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${data ? t("import.preview.title", { fileName: data.fileName }) : t("import.title")} · Redraft` }];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { consultation } = await requireInputAccess(request, context, params.slug);
  return previewPage(context, consultation, params.token);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { consultation, userId } = await requireInputAccess(request, context, params.slug);
  return submitPreview(request, context, consultation, userId, params.token);
}

export default function ImportPreviewPage() {
  const { consultation, fileName, refused, total, people, rows } = useLoaderData<typeof loader>();
  const result = useActionData() as RefusedFile | undefined;
  const t = useT();
  const problems = result ?? refused;
  return (
    <div className="page">
      <InputBreadcrumbs consultation={consultation} />
      <h1>{t("import.preview.title", { fileName })}</h1>
      <ImportProblems refused={problems} />
      {problems ? (
        <p>
          <Link to={`/c/${consultation.slug}/input/import`}>{t("input.imports.upload")}</Link>
        </p>
      ) : (
        <>
          <p role="status">{t("import.preview.summary", { count: total, people })}</p>
          <Form method="post" className="inline-form">
            <button type="submit" name="intent" value="confirm">
              {t("import.confirm", { count: total })}
            </button>{" "}
            <button type="submit" name="intent" value="cancel" className="link-button">
              {t("import.cancel")}
            </button>
          </Form>
          <p className="muted">{t("import.preview.expires")}</p>
          <DataTable
            caption={t("import.preview.caption")}
            columns={[
              t("import.col.row"),
              t("recorded.col.paragraph"),
              t("recorded.col.stance"),
              t("recorded.col.author"),
              t("recorded.col.excerpt"),
            ]}
          >
            {rows.map((r) => (
              <tr key={r.row}>
                <th scope="row">{r.row}</th>
                <td>{r.label ?? t("recorded.wholeDraft")}</td>
                <td>{t(`stance.${r.stance}`)}</td>
                <td>{r.author}</td>
                <td>{r.excerpt}</td>
              </tr>
            ))}
          </DataTable>
          {rows.length < total ? <p>{t("import.preview.shown", { shown: rows.length, total })}</p> : null}
        </>
      )}
    </div>
  );
}
