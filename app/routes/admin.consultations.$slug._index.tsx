import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { consultationAdminPage, submitConsultationAdmin } from "~/consultations/consultation-pages.server";
import { AuditEntryDetail } from "~/consultations/audit-entry-detail";
import { ConsultationForm } from "~/consultations/consultation-form";
import { ConsultationStatus } from "~/components/consultation-status";
import { DraftUploadOutcome } from "~/drafts/draft-upload-outcome";
import { DraftUploadOverview } from "~/drafts/draft-upload-overview";
import { draftUploadOverviewFor } from "~/drafts/draft-upload-pages.server";
import { Field } from "~/components/form-field";
import { LocalTime } from "~/components/local-date";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: `${data?.consultation.title ?? metaTranslator(matches)("consultations.title")} · Redraft` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await consultationAdminPage(request, context, params.slug);
  return { ...page, drafts: await draftUploadOverviewFor(request, context, params.slug) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return submitConsultationAdmin(request, context, params.slug);
}

interface Result {
  errors?: Record<string, string>;
  values?: Record<string, string>;
  intent?: string;
}

/** One lifecycle action: a POST form with its button, and a new closing date where it needs one. */
function ActionForm({ intent, label, withClosing, understood, result, timeZone }: { intent: string; label: string; withClosing?: boolean; understood?: MessageKey; result: Result; timeZone: string }) {
  const t = useT();
  const mine = result.intent === intent ? (result.errors ?? {}) : {};
  return (
    <Form method="post" className="form form--inline" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {mine.lifecycle || mine.opensAt ? (
        <p className="field__error" role="alert">
          {t((mine.lifecycle ?? mine.opensAt) as MessageKey)}
        </p>
      ) : null}
      {withClosing ? (
        <Field
          name="closesAt"
          id={`${intent}-closesAt`}
          label={t("consultations.action.newClosing", { zone: timeZone.replace(/_/g, " ") })}
          error={mine.closesAt}
        >
          <input type="datetime-local" step={1} required defaultValue={result.intent === intent ? result.values?.closesAt : undefined} />
        </Field>
      ) : null}
      {understood ? (
        // Works without JavaScript: the server refuses the action unless the box is ticked.
        <div className={`field${mine.understood ? " field--invalid" : ""}`}>
          <p className="checkbox">
            <input
              type="checkbox"
              id={`${intent}-understood`}
              name="understood"
              value="yes"
              required
              aria-invalid={mine.understood ? true : undefined}
              aria-describedby={mine.understood ? `${intent}-understood-error` : undefined}
            />{" "}
            <label htmlFor={`${intent}-understood`}>{t(understood)}</label>
          </p>
          {mine.understood ? (
            <p id={`${intent}-understood-error`} className="field__error" role="alert">
              {t(mine.understood as MessageKey)}
            </p>
          ) : null}
        </div>
      ) : null}
      <button type="submit">{label}</button>
    </Form>
  );
}

export default function ConsultationAdmin() {
  const page = useLoaderData<typeof loader>();
  const result = (useActionData() ?? {}) as Result;
  const [params] = useSearchParams();
  const t = useT();
  const c = page.consultation;
  const done = params.get("done");
  const saving = result.intent === "save";
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/admin">{t("admin.title")}</Link> › <Link to="/admin/consultations">{t("consultations.title")}</Link>
      </p>
      <h1 dir="auto">{c.title}</h1>
      {params.get("created") ? <p role="status" className="notice">{t("consultations.created")}</p> : null}
      {params.get("saved") ? <p role="status" className="notice">{t("consultations.saved")}</p> : null}
      {done ? <p role="status" className="notice">{t("consultations.done")}</p> : null}
      <DraftUploadOutcome slug={c.slug} />
      <ConsultationStatus status={c.state} opensAt={c.opensAt} closesAt={c.closesAt} timeZone={c.timeZone} both />
      <ul>
        <li><Link to={`/c/${c.slug}`}>{t("consultations.viewPublic")}</Link></li>
        <li><Link to={`/admin/consultations/${c.slug}/draft`}>{page.versions.length === 0 ? t("consultations.uploadDraft") : t("consultations.uploadVersion")}</Link></li>
        <li><Link to={`/admin/experts?consultation=${c.slug}`}>{t("consultations.expertGroup")}</Link></li>
        <li><Link to={`/admin/consultations/${c.slug}/announce`}>{t("announce.title")}</Link></li>
      </ul>

      <section aria-labelledby="text-title">
        <h2 id="text-title">{t("consultations.text")}</h2>
        {page.versions.length === 0 ? (
          <p>{t("consultations.noTextYet")}</p>
        ) : (
          <ul>
            {page.versions.map((v) => (
              <li key={v.number} dir="auto">
                {t("consultation.version", { number: v.number })}: {v.title}
              </li>
            ))}
          </ul>
        )}
        {page.drafts ? <DraftUploadOverview {...page.drafts} headingLevel={3} /> : null}
        {page.rounds.length > 0 ? (
          <ul>
            {page.rounds.map((r) => (
              <li key={r.number}>
                {t("consultations.round", { round: r.number, version: r.version ?? 1 })}
                {r.openedAt ? <> · <LocalTime iso={r.openedAt} withTime /></> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="lifecycle-title">
        <h2 id="lifecycle-title">{t("consultations.lifecycle")}</h2>
        {page.actions.length === 0 && page.newRoundVersion === null ? (
          <p>{page.versions.length === 0 ? t("lifecycle.noText") : t("consultations.noActions")}</p>
        ) : null}
        {page.actions.includes("schedule") ? (
          <>
            <p className="field__hint">{t("consultations.schedule.hint")}</p>
            <ActionForm intent="schedule" label={t("consultations.action.schedule")} result={result} timeZone={c.timeZone} />
          </>
        ) : null}
        {page.actions.includes("open-now") ? <ActionForm intent="open-now" label={t("consultations.action.openNow")} result={result} timeZone={c.timeZone} /> : null}
        {page.actions.includes("unschedule") ? <ActionForm intent="unschedule" label={t("consultations.action.unschedule")} result={result} timeZone={c.timeZone} /> : null}
        {page.actions.includes("close-now") ? (
          <ActionForm intent="close-now" label={t("consultations.action.closeNow")} understood="consultations.closeNow.understood" result={result} timeZone={c.timeZone} />
        ) : null}
        {page.actions.includes("extend") ? <ActionForm intent="extend" label={t("consultations.action.extend")} withClosing result={result} timeZone={c.timeZone} /> : null}
        {page.actions.includes("reopen") ? <ActionForm intent="reopen" label={t("consultations.action.reopen")} withClosing result={result} timeZone={c.timeZone} /> : null}
        {page.actions.includes("publish-results") ? (
          <>
            {page.undecided > 0 ? <p className="warning">{t("consultations.publishResults.undecided", { count: page.undecided })}</p> : null}
            <ActionForm intent="publish-results" label={t("consultations.action.publishResults")} understood="consultations.publishResults.understood" result={result} timeZone={c.timeZone} />
          </>
        ) : null}
        {page.newRoundVersion !== null ? (
          <ActionForm intent="new-round" label={t("consultations.action.newRound", { version: page.newRoundVersion })} withClosing result={result} timeZone={c.timeZone} />
        ) : null}
      </section>

      <ConsultationForm
        values={saving ? (result.values ?? {}) : page.values}
        errors={saving ? (result.errors ?? {}) : {}}
        groups={page.groups}
        timeZones={page.timeZones}
        languages={page.languages}
        running={c.running}
        submitLabel={t("consultations.save")}
      />

      <section aria-labelledby="log-title">
        <h2 id="log-title">{t("consultations.log")}</h2>
        {page.log.length === 0 ? (
          <p>{t("consultations.log.empty")}</p>
        ) : (
          <ol className="plain-list">
            {page.log.map((e) => (
              <li key={e.id}>
                <LocalTime iso={e.at} withTime /> — {t(`consultations.event.${e.kind}` as MessageKey)} · {e.actor ?? t("consultations.log.scheduler")}
                <AuditEntryDetail kind={e.kind} detail={e.detail} timeZone={c.timeZone} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
