import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { resetTokenIsValid, submitPasswordReset } from "~/accounts/account-forms.server";
import { ErrorSummary, Field, useFormResult } from "~/components/form-field";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: `${metaTranslator(matches)("reset.title")} · Redraft` },
  // The token is in the address: keep it out of other sites' logs.
  { name: "referrer", content: "no-referrer" },
];

export function loader({ params, context }: LoaderFunctionArgs) {
  return { valid: resetTokenIsValid(context, params.token) };
}

export function action({ request, context, params }: ActionFunctionArgs) {
  return submitPasswordReset(request, context, params.token ?? "");
}

export default function ResetPasswordPage() {
  const { valid } = useLoaderData<typeof loader>();
  const { errors } = useFormResult();
  const t = useT();
  const { form: formError, ...fieldErrors } = errors;
  if (!valid || formError) {
    return (
      <div className="page">
        <h1>{t("reset.title")}</h1>
        <p role="alert">{t("reset.invalid")}</p>
        <p>
          <Link to="/forgot-password">{t("forgot.title")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>{t("reset.title")}</h1>
      <ErrorSummary errors={fieldErrors} />
      <Form method="post" className="form" noValidate>
        <Field name="newPassword" label={t("field.newPassword")} hint={t("field.password.hint")} error={fieldErrors.newPassword}>
          <input type="password" autoComplete="new-password" required minLength={10} />
        </Field>
        <button type="submit">{t("reset.submit")}</button>
      </Form>
    </div>
  );
}
