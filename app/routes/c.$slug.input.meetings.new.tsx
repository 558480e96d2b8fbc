import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireInputAccess, submitMeeting } from "~/channels/input-pages.server";
import { ErrorSummary, Field, Options, useFormResult } from "~/components/form-field";
import { InputBreadcrumbs } from "~/channels/input-breadcrumbs";
import { useT } from "~/i18n/i18n-context";
import { meetingChannels, unescoRegions } from "../../db/enums";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("meeting.new.title")} · Redraft` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { consultation } = await requireInputAccess(request, context, params.slug);
  return { consultation: { slug: consultation.slug, title: consultation.title } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { consultation, userId } = await requireInputAccess(request, context, params.slug);
  return submitMeeting(request, context, consultation, userId);
}

export default function NewMeetingPage() {
  const { consultation } = useLoaderData<typeof loader>();
  const { errors, values } = useFormResult();
  const t = useT();
  return (
    <div className="page">
      <InputBreadcrumbs consultation={consultation} />
      <h1>{t("meeting.new.title")}</h1>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form" noValidate>
        <Field name="channel" label={t("meeting.channel")} error={errors.channel}>
          <select required defaultValue={values.channel ?? ""}>
            <Options empty={t("form.choose")} options={meetingChannels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          </select>
        </Field>
        <Field name="title" label={t("meeting.title")} error={errors.title}>
          <input type="text" required maxLength={200} defaultValue={values.title} />
        </Field>
        <Field name="location" label={t("meeting.location")} hint={t("meeting.location.hint")} optional error={errors.location}>
          <input type="text" maxLength={200} defaultValue={values.location} />
        </Field>
        <Field name="region" label={t("meeting.region")} optional error={errors.region}>
          <select defaultValue={values.region ?? ""}>
            <Options empty={t("meeting.region.none")} options={unescoRegions.map((r) => ({ value: r, label: t(`region.${r}`) }))} />
          </select>
        </Field>
        <Field name="heldOn" label={t("meeting.heldOn")} hint={t("meeting.heldOn.hint")} error={errors.heldOn}>
          <input type="date" required defaultValue={values.heldOn} />
        </Field>
        <button type="submit">{t("meeting.submit")}</button>
      </Form>
    </div>
  );
}
