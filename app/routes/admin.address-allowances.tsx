import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { allowancesPage, submitAllowance } from "~/auth/address-allowances.server";
import { ErrorSummary, Field, useFormResult } from "~/components/form-field";
import { LocalTime } from "~/components/local-date";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("admin.allowances")} · Redraft` }];

export function loader({ request, context }: LoaderFunctionArgs) {
  return allowancesPage(request, context);
}

export function action({ request, context }: ActionFunctionArgs) {
  return submitAllowance(request, context);
}

export default function AddressAllowancesPage() {
  const { active, ended, hours, defaultHours, max } = useLoaderData<typeof loader>();
  const { errors, values, done } = useFormResult();
  const { form: formError, ...fieldErrors } = errors;
  const t = useT();
  return (
    <div className="page">
      <p className="breadcrumbs"><Link to="/admin">{t("admin.title")}</Link></p>
      <h1>{t("admin.allowances")}</h1>
      <p>{t("admin.allowances.intro", { max })}</p>
      {done ? <p className="notice" role="status">{t(done as MessageKey)}</p> : null}
      {formError ? <p className="error-summary" role="alert">{t(formError as MessageKey)}</p> : null}

      <h2 id="allowances-active">{t("admin.allowances.active")}</h2>
      {active.length === 0 ? (
        <p>{t("admin.allowances.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="allowances-active" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("admin.allowances.column.range")}</th>
                <th scope="col">{t("admin.allowances.column.label")}</th>
                <th scope="col">{t("admin.allowances.column.until")}</th>
                <th scope="col">{t("admin.allowances.column.by")}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {active.map((a) => (
                <tr key={a.id}>
                  <th scope="row"><code>{a.range}</code></th>
                  <td dir="auto">{a.label}</td>
                  <td><LocalTime iso={a.expiresAt} withTime /></td>
                  <td>
                    <span dir="auto">{a.createdByName}</span>, <LocalTime iso={a.createdAt} withTime />
                  </td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="id" value={a.id} />
                      <button type="submit" aria-label={t("admin.allowances.revokeRange", { range: a.range })}>{t("admin.allowances.revoke")}</button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("admin.allowances.add")}</h2>
      <Form method="post" className="form" noValidate>
        <ErrorSummary errors={fieldErrors} />
        <input type="hidden" name="intent" value="add" />
        <Field name="range" label={t("admin.allowances.range")} hint={t("admin.allowances.range.hint")} error={fieldErrors.range}>
          <input type="text" required maxLength={64} dir="ltr" autoComplete="off" spellCheck={false} defaultValue={values.range} />
        </Field>
        <Field name="label" label={t("admin.allowances.label")} hint={t("admin.allowances.label.hint")} error={fieldErrors.label}>
          <input type="text" required maxLength={120} defaultValue={values.label} />
        </Field>
        <Field name="hours" label={t("admin.allowances.hours")} error={fieldErrors.hours}>
          <select defaultValue={values.hours || String(defaultHours)}>
            {hours.map((h) => (
              <option key={h} value={h}>{t("admin.allowances.hoursOption", { hours: h })}</option>
            ))}
          </select>
        </Field>
        <button type="submit">{t("admin.allowances.add")}</button>
      </Form>

      {ended.length > 0 ? (
        <>
          <h2>{t("admin.allowances.ended")}</h2>
          <ul>
            {ended.map((a) => (
              <li key={a.id}>
                <code>{a.range}</code> · <span dir="auto">{a.label}</span> · <span dir="auto">{a.createdByName}</span>, <LocalTime iso={a.createdAt} withTime /> ·{" "}
                {a.revokedAt ? (
                  <>
                    {t("admin.allowances.revokedBy", { name: a.revokedByName ?? "" })}, <LocalTime iso={a.revokedAt} withTime />
                  </>
                ) : (
                  <>
                    {t("admin.allowances.expired")}, <LocalTime iso={a.expiresAt} withTime />
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
