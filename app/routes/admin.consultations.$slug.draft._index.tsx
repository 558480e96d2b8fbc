import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ImportProblems, type RefusedFile } from "~/channels/import-problems";
import { ErrorSummary, Field } from "~/components/form-field";
import { DraftUploadBreadcrumbs } from "~/drafts/draft-upload-breadcrumbs";
import { DraftUploadOutcome } from "~/drafts/draft-upload-outcome";
import { DraftUploadOverview } from "~/drafts/draft-upload-overview";
import { requireDraftUpload, submitDraftUpload, uploadPage } from "~/drafts/draft-upload-pages.server";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("draftUpload.title")} · Redraft` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { consultation, userId } = await requireDraftUpload(request, context, params.slug);
  return uploadPage(context, consultation, userId);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { consultation, userId } = await requireDraftUpload(request, context, params.slug);
  return submitDraftUpload(request, context, consultation, userId);
}

type Result = Partial<RefusedFile> & { errors?: Record<string, string>; values?: Record<string, string> };

export default function DraftUploadPage() {
  const { consultation, current, translationLanguages, maxMegabytes, overview } = useLoaderData<typeof loader>();
  const result = (useActionData() ?? {}) as Result;
  const t = useT();
  const target = result.values?.target ?? "next";
  return (
    <div className="page">
      <DraftUploadBreadcrumbs consultation={consultation} />
      <h1>{t("draftUpload.title")}</h1>
      <DraftUploadOutcome slug={consultation.slug} />
      <p>
        {current
          ? t("draftUpload.current", { number: current.number, language: t(`language.${current.language}` as MessageKey) })
          : t("draftUpload.noText")}
      </p>
      <DraftUploadOverview {...overview} />
      <p>{t("draftUpload.intro", { max: maxMegabytes })}</p>
      <ImportProblems refused={result.problems ? { problems: result.problems, total: result.total ?? result.problems.length } : null} />
      <ErrorSummary errors={result.errors} />
      <Form method="post" encType="multipart/form-data" className="form" noValidate>
        <Field name="file" label={t("draftUpload.file")} hint={t("draftUpload.file.hint", { max: maxMegabytes })} error={result.errors?.file}>
          <input
            type="file"
            required
            accept=".docx,.md,.markdown,.txt,.text,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          />
        </Field>
        {translationLanguages.length > 0 ? (
          <Field name="target" label={t("draftUpload.target")} error={result.errors?.target}>
            <select defaultValue={target}>
              <option value="next">{t("draftUpload.target.next", { number: (current?.number ?? 0) + 1 })}</option>
              {translationLanguages.map((l) => (
                <option key={l} value={l}>
                  {t("draftUpload.target.translation", { language: t(`language.${l}` as MessageKey), number: current?.number ?? 0 })}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <input type="hidden" name="target" value="next" />
        )}
        <button type="submit">{t("draftUpload.read")}</button>
      </Form>
    </div>
  );
}
