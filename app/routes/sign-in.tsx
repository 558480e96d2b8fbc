import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useSearchParams } from "@remix-run/react";
import { safeRedirect, submitSignIn } from "~/accounts/account-forms.server";
import { getSignedInUser } from "~/auth/session.server";
import { ErrorSummary, Field, useFormResult } from "~/components/form-field";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("signIn.title")} · Redraft` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getSignedInUser(request, context.db, context.config)) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/"));
  }
  return null;
}

export function action({ request, context }: ActionFunctionArgs) {
  return submitSignIn(request, context);
}

export default function SignInPage() {
  const { errors, values } = useFormResult();
  const [params] = useSearchParams();
  const t = useT();
  const { form: formError, ...fieldErrors } = errors;
  return (
    <div className="page">
      <h1>{t("signIn.title")}</h1>
      {params.get("reset") ? <p className="notice" role="status">{t("signIn.passwordChanged")}</p> : null}
      {formError ? (
        <p className="error-summary" role="alert">
          {t("signIn.failed")}
        </p>
      ) : (
        <ErrorSummary errors={fieldErrors} />
      )}
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field name="email" label={t("field.email")} error={fieldErrors.email}>
          <input type="email" autoComplete="email" required defaultValue={values.email} />
        </Field>
        <Field name="password" label={t("field.password")}>
          <input type="password" autoComplete="current-password" required />
        </Field>
        <label className="choice">
          <input type="checkbox" name="remember" defaultChecked={values.remember === "on"} />
          {t("field.remember")}
        </label>
        <p>
          <button type="submit">{t("signIn.submit")}</button>
        </p>
      </Form>
      <p>
        <Link to="/forgot-password">{t("signIn.forgot")}</Link>
      </p>
      <p>
        <Link to="/register">{t("signIn.noAccount")}</Link>
      </p>
    </div>
  );
}
