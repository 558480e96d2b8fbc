import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ImportProblems, type RefusedFile } from "~/channels/import-problems";
import { IMPORT_COLUMNS, REQUIRED_COLUMNS } from "~/channels/import-rows";
import { requireInputAccess, submitUpload } from "~/channels/input-pages.server";
import { ErrorSummary, Field } from "~/components/form-field";
import { DataTable } from "~/components/data-table";
import { InputBreadcrumbs } from "~/channels/input-breadcrumbs";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("import.title")} · Redraft` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { consultation } = await requireInputAccess(request, context, params.slug);
  return { consultation: { slug: consultation.slug, title: consultation.title } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { consultation, userId } = await requireInputAccess(request, context, params.slug);
  return submitUpload(request, context, consultation, userId);
}

type Result = { errors?: Record<string, string>; problems?: RefusedFile["problems"]; total?: number };

export default function ImportPage() {
  const { consultation } = useLoaderData<typeof loader>();
  const result = (useActionData() ?? {}) as Result;
  const t = useT();
  return (
    <div className="page">
      <InputBreadcrumbs consultation={consultation} />
      <h1>{t("import.title")}</h1>
      <p>{t("import.intro")}</p>
      <ImportProblems refused={result.problems ? { problems: result.problems, total: result.total ?? result.problems.length } : null} />
      <ErrorSummary errors={result.errors} />
      <Form method="post" encType="multipart/form-data" className="form" noValidate>
        <Field name="file" label={t("import.file")} hint={t("import.file.hint")} error={result.errors?.file}>
          <input type="file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        </Field>
        <button type="submit">{t("import.check")}</button>
      </Form>
      <section aria-labelledby="columns-title">
        <h2 id="columns-title">{t("import.columns")}</h2>
        <DataTable
          caption={t("import.columns.caption")}
          columns={[t("import.columns.name"), t("import.columns.required"), t("import.columns.content")]}
        >
          {IMPORT_COLUMNS.map((c) => (
            <tr key={c}>
              <th scope="row">
                <code>{c}</code>
              </th>
              <td>
                {REQUIRED_COLUMNS.includes(c)
                  ? t("import.columns.yes")
                  : c === "country" || c === "region"
                  ? t("import.columns.oneOf")
                  : t("import.columns.no")}
              </td>
              <td>{t(`import.column.${c}` as MessageKey)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}
