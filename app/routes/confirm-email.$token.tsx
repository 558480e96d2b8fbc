import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { confirmationTokenIsValid, submitEmailConfirmation } from "~/accounts/account-forms.server";
import { useFormResult } from "~/components/form-field";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: `${metaTranslator(matches)("confirm.title")} · Redraft` },
  // The token is in the address: keep it out of other sites' logs.
  { name: "referrer", content: "no-referrer" },
];

// Opening the link changes nothing (mail scanners open links too): the button confirms.
export function loader({ params, context }: LoaderFunctionArgs) {
  return { valid: confirmationTokenIsValid(context, params.token) };
}

export function action({ params, context }: ActionFunctionArgs) {
  return submitEmailConfirmation(context, params.token ?? "");
}

export default function ConfirmEmailPage() {
  const { valid } = useLoaderData<typeof loader>();
  const { errors } = useFormResult();
  const t = useT();
  return (
    <div className="page">
      <h1>{t("confirm.title")}</h1>
      {!valid || errors.form ? (
        <>
          <p role="alert">{t("confirm.invalid")}</p>
          <p>
            <Link to="/account">{t("account.title")}</Link>
          </p>
        </>
      ) : (
        <Form method="post" className="form">
          <p>{t("confirm.intro")}</p>
          <button type="submit">{t("confirm.submit")}</button>
        </Form>
      )}
    </div>
  );
}
