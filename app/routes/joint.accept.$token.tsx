import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";
import { acceptAction, acceptPage } from "~/joint/joint-pages.server";

export { ErrorBoundary } from "~/root";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  // The token stays out of logs and the Referer: the page links elsewhere only after accepting.
  return [{ title: t("joint.accept.title") }, { name: "referrer", content: "no-referrer" }];
};

export function loader({ request, context, params }: LoaderFunctionArgs) {
  return acceptPage(request, context, params.token);
}

export function action({ request, context, params }: ActionFunctionArgs) {
  return acceptAction(request, context, params.token);
}

export default function AcceptInvitationPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors?: { form: string } } | undefined;
  const t = useT();
  const back = encodeURIComponent(page.here);
  return (
    <div className="page">
      <h1>{t("joint.accept.title")}</h1>
      {page.status !== "valid" || !page.consultation ? (
        <p role="alert">{t(`joint.accept.${page.status}` as MessageKey)}</p>
      ) : (
        <>
          <p>
            {t("joint.accept.intro", {
              where: page.label ? t("joint.onParagraph", { label: page.label }) : t("joint.onDraft"),
              title: page.consultation.title,
            })}
          </p>
          {result?.errors ? <p role="alert">{t(result.errors.form as MessageKey)}</p> : null}
          {page.already && page.jointDraftId ? (
            <p>
              <Link to={`/c/${page.consultation.slug}/joint/${page.jointDraftId}`}>{t("joint.accept.open")}</Link>
            </p>
          ) : page.signedIn ? (
            <Form method="post">
              <button type="submit">{t("joint.accept.submit")}</button>
            </Form>
          ) : (
            <p>
              {t("joint.accept.signInFirst")} <Link to={`/register?redirectTo=${back}`}>{t("joint.accept.register")}</Link> ·{" "}
              <Link to={`/sign-in?redirectTo=${back}`}>{t("joint.accept.signIn")}</Link>
            </p>
          )}
        </>
      )}
    </div>
  );
}
