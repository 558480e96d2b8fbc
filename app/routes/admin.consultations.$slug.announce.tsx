import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/form-field";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";
import { announcementPage, submitAnnouncement } from "~/notifications/notification-pages.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("announce.title")} · Redraft` }];

export function loader({ request, context, params }: LoaderFunctionArgs) {
  return announcementPage(request, context, params.slug);
}

export function action({ request, context, params }: ActionFunctionArgs) {
  return submitAnnouncement(request, context, params.slug);
}

export default function AnnouncePage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData() as { errors?: Record<string, string>; values?: Record<string, string>; sent?: number | null } | undefined;
  const errors: Record<string, string> = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  const t = useT();
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/admin">{t("admin.title")}</Link> › <Link to={`/admin/consultations/${page.consultation.slug}`}>{page.consultation.title}</Link>
      </p>
      <h1>{t("announce.title")}</h1>
      <p>{t("announce.intro", { title: page.consultation.title })}</p>
      {result?.sent != null ? (
        <p className="notice" role="status">
          {t("announce.sent", { count: result.sent })}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <Form method="post" className="form" noValidate>
        <Field name="subject" label={t("announce.subject")} error={errors.subject}>
          <input type="text" required maxLength={200} defaultValue={values.subject} />
        </Field>
        <Field name="message" label={t("announce.message")} error={errors.message}>
          <textarea rows={8} required maxLength={5000} defaultValue={values.message} />
        </Field>
        <fieldset className="field">
          <legend>{t("announce.regions")}</legend>
          {page.regions.map((r) => (
            <label key={r} className="choice">
              <input type="checkbox" name="regions" value={r} /> {t(`region.${r}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>{t("announce.groups")}</legend>
          {page.groups.map((g) => (
            <label key={g.id} className="choice">
              <input type="checkbox" name="stakeholderGroupIds" value={g.id} /> {g.name}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t("announce.submit")}</button>
      </Form>
    </div>
  );
}
