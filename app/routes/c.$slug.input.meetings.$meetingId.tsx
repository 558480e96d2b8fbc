import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ChannelLabel } from "~/channels/channel-label";
import { meetingPage, requireInputAccess, submitRecordedComment } from "~/channels/input-pages.server";
import { StanceFieldset } from "~/comments/stance-fieldset";
import { ErrorSummary, Field, Options, useFormResult } from "~/components/form-field";
import { paragraphPath } from "~/drafts/outline";
import { DataTable } from "~/components/data-table";
import { InputBreadcrumbs } from "~/channels/input-breadcrumbs";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { languages, unescoRegions } from "../../db/enums";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: `${data?.meeting.title ?? metaTranslator(matches)("input.col.meeting")} · ${metaTranslator(matches)("input.title")} · Redraft` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { consultation } = await requireInputAccess(request, context, params.slug);
  return meetingPage(context, consultation, params.meetingId);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { consultation, userId } = await requireInputAccess(request, context, params.slug);
  return submitRecordedComment(request, context, consultation, userId, params.meetingId);
}

export default function MeetingPage() {
  const { consultation, meeting, paragraphs, groups, countries, recorded, submissionId } = useLoaderData<typeof loader>();
  const { errors, values } = useFormResult();
  const [params] = useSearchParams();
  const t = useT();
  return (
    <div className="page">
      <InputBreadcrumbs consultation={consultation} />
      <h1>{meeting.title}</h1>
      <ChannelLabel channel={meeting.channel} meeting={{ ...meeting, title: "" }} />

      <section aria-labelledby="recorded-title">
        <h2 id="recorded-title">{t("meeting.recorded")}</h2>
        {params.get("recorded") && recorded.some((c) => String(c.id) === params.get("recorded")) ? (
          <p className="notice" role="status">
            {t("meeting.recordedOne")}
          </p>
        ) : null}
        {recorded.length === 0 ? (
          <p>{t("meeting.recorded.none")}</p>
        ) : (
          <DataTable
            caption={t("meeting.recorded.caption")}
            columns={[
              t("recorded.col.paragraph"),
              t("recorded.col.stance"),
              t("recorded.col.author"),
              t("input.col.people"),
              t("recorded.col.excerpt"),
            ]}
          >
            {recorded.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  {c.label ? (
                    <Link to={`${paragraphPath(consultation.slug, c.label)}?comment=${c.id}#comment-${c.id}`}>{c.label}</Link>
                  ) : (
                    t("recorded.wholeDraft")
                  )}
                </th>
                <td>{c.stance ? t(`stance.${c.stance}` as MessageKey) : null}</td>
                <td>
                  {c.author} · {c.group}
                </td>
                <td>{c.people}</td>
                <td>{c.excerpt}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="record-title">
        <h2 id="record-title">{t("meeting.record.title")}</h2>
        <p>{t("meeting.record.intro")}</p>
        <ErrorSummary errors={errors} />
        <Form method="post" className="form" noValidate aria-labelledby="record-title">
          <input type="hidden" name="submissionId" value={values.submissionId ?? submissionId} />
          <Field name="paragraph" label={t("recorded.paragraph")} error={errors.paragraph}>
            <select defaultValue={values.paragraph ?? ""}>
              <Options
                empty={t("recorded.wholeDraft")}
                options={paragraphs.map((p) => ({ value: p.label, label: `${p.label} — ${p.excerpt}` }))}
              />
            </select>
          </Field>
          <StanceFieldset legend={t("recorded.stance")} value={values.stance} error={errors.stance} />
          <Field name="body" label={t("recorded.body")} hint={t("comment.body.hint")} error={errors.body}>
            <textarea rows={6} maxLength={10_000} defaultValue={values.body} />
          </Field>
          <Field
            name="proposedText"
            label={t("recorded.proposedText")}
            hint={t("recorded.proposedText.hint")}
            optional
            error={errors.proposedText}
          >
            <textarea rows={4} maxLength={10_000} defaultValue={values.proposedText} />
          </Field>
          <Field name="authorName" label={t("recorded.authorName")} hint={t("recorded.authorName.hint")} error={errors.authorName}>
            <input type="text" required maxLength={200} defaultValue={values.authorName} />
          </Field>
          <Field name="region" label={t("recorded.region")} error={errors.region}>
            <select defaultValue={values.region ?? meeting.region ?? ""}>
              <Options empty={t("form.choose")} options={unescoRegions.map((r) => ({ value: r, label: t(`region.${r}`) }))} />
            </select>
          </Field>
          <Field name="countryCode" label={t("recorded.country")} hint={t("recorded.country.hint")} optional error={errors.countryCode}>
            <select defaultValue={values.countryCode ?? ""}>
              <Options empty={t("recorded.country.none")} options={countries.map((c) => ({ value: c.code, label: c.name }))} />
            </select>
          </Field>
          <Field name="stakeholderGroupId" label={t("recorded.stakeholderGroup")} error={errors.stakeholderGroupId}>
            <select required defaultValue={values.stakeholderGroupId ?? ""}>
              <Options empty={t("form.choose")} options={groups.map((g) => ({ value: g.id, label: g.name }))} />
            </select>
          </Field>
          <Field name="peopleRepresented" label={t("recorded.people")} error={errors.peopleRepresented}>
            <input type="number" required min={1} step={1} inputMode="numeric" defaultValue={values.peopleRepresented ?? "1"} />
          </Field>
          <Field name="language" label={t("recorded.language")}>
            <select defaultValue={values.language ?? "en"}>
              <Options options={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
            </select>
          </Field>
          <button type="submit">{t("recorded.submit")}</button>
        </Form>
      </section>
    </div>
  );
}
