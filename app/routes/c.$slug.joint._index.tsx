import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form-field";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";
import { jointListPage, startJoint } from "~/joint/joint-pages.server";
import { stances } from "../../db/enums";

export { ErrorBoundary } from "~/root";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: data ? `${t("joint.list.title")} · ${data.consultation.title}` : t("app.name") }];
};

export function loader({ request, context, params }: LoaderFunctionArgs) {
  return jointListPage(request, context, params.slug);
}

export function action({ request, context, params }: ActionFunctionArgs) {
  return startJoint(request, context, params.slug);
}

export default function JointListPage() {
  const { consultation, canStart, paragraph, drafts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors?: Record<string, string> } | undefined;
  const t = useT();
  const errors = result?.errors;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to={`/c/${consultation.slug}`}>{consultation.title}</Link>
      </p>
      <h1>{t("joint.list.title")}</h1>
      <p>{t("joint.list.intro")}</p>
      <section aria-labelledby="my-joint-title">
        <h2 id="my-joint-title">{t("joint.list.mine")}</h2>
        {drafts.length === 0 ? (
          <p>{t("joint.list.none")}</p>
        ) : (
          <ul>
            {drafts.map((d) => (
              <li key={d.id}>
                <Link to={`/c/${consultation.slug}/joint/${d.id}`}>
                  {d.label ? t("joint.onParagraph", { label: d.label }) : t("joint.onDraft")} · {t(`stance.${d.stance}` as MessageKey)}
                </Link>{" "}
                · {t(`joint.state.${d.state}` as MessageKey)}
                {d.initiator ? ` · ${t("joint.youStarted")}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      {canStart ? (
        <section aria-labelledby="start-joint-title">
          <h2 id="start-joint-title">{t("joint.start.title")}</h2>
          {paragraph ? (
            <>
              <p>{t("joint.start.onParagraph", { label: paragraph.label })}</p>
              <blockquote dir="auto">{paragraph.text}</blockquote>
            </>
          ) : (
            <p>{t("joint.start.onDraft")}</p>
          )}
          <ErrorSummary errors={errors} />
          <Form method="post">
            <input type="hidden" name="label" value={paragraph?.label ?? ""} />
            <fieldset id="field-stance" aria-describedby="start-stance-hint">
              <legend>{t("comment.stance")}</legend>
              <p id="start-stance-hint" className="field__hint">
                {t("joint.start.stanceHint")}
              </p>
              {stances.map((s) => (
                <label key={s} className="choice">
                  <input type="radio" name="stance" value={s} required defaultChecked={s === "amendment" && paragraph !== null} /> {t(`stance.${s}` as MessageKey)}
                </label>
              ))}
            </fieldset>
            <button type="submit">{t("joint.start.submit")}</button>
          </Form>
        </section>
      ) : (
        <p>{t("joint.start.closed")}</p>
      )}
    </div>
  );
}
