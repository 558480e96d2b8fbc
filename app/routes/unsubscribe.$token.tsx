import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { submitUnsubscribe, unsubscribePage } from "~/notifications/notification-pages.server";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: `${metaTranslator(matches)("unsubscribe.title")} · Redraft` },
  { name: "referrer", content: "no-referrer" },
];

// Opening the link changes nothing: the button below (or a mail client's one-click POST) does.
export function loader({ params, context }: LoaderFunctionArgs) {
  return unsubscribePage(context, params.token);
}

export function action({ request, params, context }: ActionFunctionArgs) {
  return submitUnsubscribe(request, context, params.token);
}

export default function UnsubscribePage() {
  const page = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="page">
      <h1>{t("unsubscribe.title")}</h1>
      {!page.valid ? (
        <p role="alert">{t("unsubscribe.invalid")}</p>
      ) : done ? (
        <>
          <p className="notice" role="status">
            {t("unsubscribe.done", { what: t(`unsubscribe.scope.${page.scope}` as MessageKey) })}
          </p>
          <p>
            <Link to="/account#email-preferences">{t("unsubscribe.manage")}</Link>
          </p>
        </>
      ) : (
        <Form method="post" className="form">
          <p>{t("unsubscribe.question", { what: t(`unsubscribe.scope.${page.scope}` as MessageKey), email: page.email })}</p>
          <button type="submit">{t("unsubscribe.submit")}</button>
        </Form>
      )}
    </div>
  );
}
