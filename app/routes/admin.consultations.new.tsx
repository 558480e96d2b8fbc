import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { newConsultationPage, submitNewConsultation } from "~/consultations/consultation-pages.server";
import { ConsultationForm } from "~/consultations/consultation-form";
import { useFormResult } from "~/components/form-field";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("consultations.new")} · Redraft` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return newConsultationPage(request, context);
}

export async function action({ request, context }: ActionFunctionArgs) {
  return submitNewConsultation(request, context);
}

export default function NewConsultation() {
  const page = useLoaderData<typeof loader>();
  const result = useFormResult();
  const t = useT();
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/admin">{t("admin.title")}</Link> › <Link to="/admin/consultations">{t("consultations.title")}</Link>
      </p>
      <h1>{t("consultations.new")}</h1>
      <p>{t("consultations.new.intro")}</p>
      <ConsultationForm
        // After a refused submit, what was typed; at first, the defaults.
        values={Object.keys(result.values).length > 0 ? result.values : page.values}
        errors={result.errors}
        groups={page.groups}
        timeZones={page.timeZones}
        languages={page.languages}
        creating
        submitLabel={t("consultations.create")}
      />
    </div>
  );
}
