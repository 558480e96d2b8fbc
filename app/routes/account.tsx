import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { resendConfirmation, submitAccountDeletion, submitPasswordChange } from "~/accounts/account-forms.server";
import { accountOverview } from "~/accounts/account-page.server";
import { preferencesView, submitPreferences } from "~/notifications/notification-pages.server";
import { requireUser } from "~/auth/session.server";
import { ErrorSummary, Field, Options, useFormResult } from "~/components/form-field";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("account.title")} · Redraft` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const signedIn = await requireUser(request, context.db, context.config);
  return { ...accountOverview(context.db, signedIn), preferences: preferencesView(context, signedIn.user.id) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const signedIn = await requireUser(request, context.db, context.config);
  const intent = new URL(request.url).searchParams.get("intent");
  if (intent === "password") return submitPasswordChange(request, context, signedIn);
  if (intent === "delete") return submitAccountDeletion(request, context, signedIn);
  if (intent === "preferences") return submitPreferences(request, context, signedIn);
  if (intent === "resend-confirmation") return { errors: {}, values: {}, done: await resendConfirmation(context, signedIn) };
  throw data({ message: "unknown form" }, { status: 400 });
}

export default function AccountPage() {
  const account = useLoaderData<typeof loader>();
  const { errors, done } = useFormResult();
  const [params] = useSearchParams();
  const t = useT();
  const rows: [string, string][] = [
    [t("field.displayName"), account.displayName],
    [t("field.email"), account.email],
    [t("field.country"), account.country],
    [t("account.region"), t(`region.${account.region}` as MessageKey)],
    [t("account.electoralGroup"), t(`group.${account.electoralGroup}` as MessageKey)],
    [t("field.stakeholderGroup"), account.stakeholderGroup],
    [t("field.organisation"), account.organisation ?? "—"],
    [t("account.role"), t(`role.${account.role}` as MessageKey)],
  ];
  return (
    <div className="page">
      <h1>{t("account.title")}</h1>
      {params.get("passwordChanged") ? <p className="notice" role="status">{t("account.passwordChanged")}</p> : null}
      {params.get("confirmed") ? <p className="notice" role="status">{t("confirm.done")}</p> : null}
      {done ? <p className="notice" role="status">{t(done as MessageKey, { email: account.email })}</p> : null}
      {account.emailConfirmed ? null : (
        <section aria-labelledby="confirm-title" className="notice">
          <h2 id="confirm-title">{t("confirm.pendingTitle")}</h2>
          <p>{t("confirm.pending", { email: account.email })}</p>
          <Form method="post" action="?intent=resend-confirmation">
            <button type="submit">{t("confirm.resend")}</button>
          </Form>
        </section>
      )}
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t("account.profile")}</h2>
        <dl className="profile">
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
          {account.expertOf.length > 0 ? (
            <div>
              <dt>{t("account.expertOf")}</dt>
              <dd>{account.expertOf.join("; ")}</dd>
            </div>
          ) : null}
        </dl>
        <p>
          <a href="/account/export" download>
            {t("account.export")}
          </a>
        </p>
      </section>

      <section aria-labelledby="email-preferences">
        <h2 id="email-preferences">{t("preferences.title")}</h2>
        {params.get("preferencesSaved") ? <p className="notice" role="status">{t("preferences.saved")}</p> : null}
        <p>{t("preferences.intro")}</p>
        <Form method="post" action="?intent=preferences" className="form" noValidate>
          {account.preferences.map((p) => (
            <div className="field" key={p.category}>
              <label htmlFor={`preference-${p.category}`}>{t(`preferences.category.${p.category}` as MessageKey)}</label>
              <select id={`preference-${p.category}`} name={p.category} defaultValue={p.mode}>
                <Options options={p.modes.map((m) => ({ value: m, label: t(`preferences.mode.${m}` as MessageKey) }))} />
              </select>
            </div>
          ))}
          <button type="submit">{t("preferences.save")}</button>
        </Form>
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">{t("account.changePassword")}</h2>
        <ErrorSummary errors={errors.currentPassword || errors.newPassword ? errors : undefined} />
        <Form method="post" action="?intent=password" className="form" noValidate>
          <Field name="currentPassword" label={t("field.currentPassword")} error={errors.currentPassword}>
            <input type="password" autoComplete="current-password" required />
          </Field>
          <Field name="newPassword" label={t("field.newPassword")} hint={t("field.password.hint")} error={errors.newPassword}>
            <input type="password" autoComplete="new-password" required minLength={10} />
          </Field>
          <button type="submit">{t("account.changePassword")}</button>
        </Form>
      </section>

      <section aria-labelledby="delete-title">
        <h2 id="delete-title">{t("account.delete")}</h2>
        <p>{t("account.deleteExplain")}</p>
        <Form method="post" action="?intent=delete" className="form" noValidate>
          <fieldset className="field">
            <legend>{t("account.commentsChoice")}</legend>
            <label className="choice">
              <input type="radio" name="comments" value="anonymise" defaultChecked /> {t("account.commentsKeep")}
            </label>
            <label className="choice">
              <input type="radio" name="comments" value="remove" /> {t("account.commentsRemove")}
            </label>
          </fieldset>
          <Field name="confirm" label={t("account.deleteConfirm")} error={errors.confirm}>
            <input type="text" autoComplete="off" required />
          </Field>
          <button type="submit" className="button--danger">
            {t("account.deleteSubmit")}
          </button>
        </Form>
      </section>
    </div>
  );
}
