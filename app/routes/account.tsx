import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { submitAccountDeletion, submitPasswordChange } from "~/accounts/account-forms.server";
import { accountOverview } from "~/accounts/account-page.server";
import { requireUser } from "~/auth/session.server";
import { ErrorSummary, Field, useFormResult } from "~/components/form-field";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("account.title")} · Redraft` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const signedIn = await requireUser(request, context.db, context.config);
  return accountOverview(context.db, signedIn);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const signedIn = await requireUser(request, context.db, context.config);
  const intent = new URL(request.url).searchParams.get("intent");
  if (intent === "password") return submitPasswordChange(request, context, signedIn);
  if (intent === "delete") return submitAccountDeletion(request, context, signedIn);
  throw data({ message: "unknown form" }, { status: 400 });
}

export default function AccountPage() {
  const account = useLoaderData<typeof loader>();
  const { errors } = useFormResult();
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
