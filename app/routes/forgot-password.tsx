import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { submitForgotPassword } from "~/accounts/account-forms.server";
import { ErrorSummary, Field, useFormResult } from "~/components/form-field";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("forgot.title")} · Redraft` }];

export function action({ request, context }: ActionFunctionArgs) {
  return submitForgotPassword(request, context);
}

export default function ForgotPasswordPage() {
  const { errors, values, done } = useFormResult();
  const t = useT();
  return (
    <div className="page">
      <h1>{t("forgot.title")}</h1>
      {done ? (
        <p className="notice" role="status">
          {t(done as MessageKey)}
        </p>
      ) : (
        <>
          <p>{t("forgot.intro")}</p>
          <ErrorSummary errors={errors} />
          <Form method="post" className="form" noValidate>
            <Field name="email" label={t("field.email")} error={errors.email}>
              <input type="email" autoComplete="email" required defaultValue={values.email} />
            </Field>
            <button type="submit">{t("forgot.submit")}</button>
          </Form>
        </>
      )}
    </div>
  );
}
