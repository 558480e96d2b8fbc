import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { countryByCode } from "~/accounts/countries";
import { Field } from "~/components/form-field";
import { LocalTime } from "~/components/local-date";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";
import { JointEditor } from "~/joint/joint-editor.client";
import { jointDraftAction, jointDraftPage } from "~/joint/joint-pages.server";
import { JOINT_BODY_FRAGMENT, JOINT_PROPOSED_FRAGMENT } from "~/joint/joint-text";

export { ErrorBoundary } from "~/root";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: data ? `${t("joint.title")} · ${data.consultation.title}` : t("app.name") }];
};

export function loader({ request, context, params }: LoaderFunctionArgs) {
  return jointDraftPage(request, context, params.slug, params.id);
}

export function action({ request, context, params }: ActionFunctionArgs) {
  return jointDraftAction(request, context, params.slug, params.id);
}

type Result = { errors?: Record<string, string>; values?: Record<string, string>; intent?: string; link?: string } | undefined;

export default function JointDraftPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result;
  const t = useT();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const { draft, consultation } = page;
  const amendment = draft.stance === "amendment";
  const submitted = draft.state !== "drafting";
  const formError = result?.errors?.form;
  const errorOf = (intent: string, field: string) => (result?.intent === intent ? result.errors?.[field] : undefined);
  const where = page.paragraph?.label ? t("joint.onParagraph", { label: page.paragraph.label }) : t("joint.onDraft");
  const me = page.coAuthors.find((c) => c.userId === page.me);

  const plainForm = (
    <Form method="post" className="joint-form">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="revision" value={draft.revision} />
      <Field name="body" label={t("joint.body")} error={errorOf("save", "body")}>
        <textarea rows={8} defaultValue={result?.intent === "save" ? result.values?.body : draft.body} readOnly={!page.can.write} dir="auto" />
      </Field>
      {amendment ? (
        <Field name="proposedText" label={t("joint.proposedText")} error={errorOf("save", "proposedText")}>
          <textarea rows={6} defaultValue={result?.intent === "save" ? result.values?.proposedText : draft.proposedText} readOnly={!page.can.write} dir="auto" />
        </Field>
      ) : null}
      {page.can.write ? (
        <>
          <p className="field__hint">{t("joint.save.hint")}</p>
          <button type="submit">{t("joint.save")}</button>
        </>
      ) : null}
    </Form>
  );

  return (
    <div className="page page--wide">
      <p className="breadcrumbs">
        <Link to={`/c/${consultation.slug}`}>{consultation.title}</Link> › <Link to={`/c/${consultation.slug}/joint`}>{t("joint.list.title")}</Link>
      </p>
      <h1 id="joint-title">
        {t("joint.heading", { where, stance: t(`stance.${draft.stance}` as MessageKey) })}
      </h1>
      <p>{t(submitted ? "joint.intro.submitted" : "joint.intro")}</p>
      {page.paragraph ? (
        <blockquote dir="auto" aria-label={t("joint.paragraphNow")}>
          {page.paragraph.text}
        </blockquote>
      ) : null}
      {page.flags.overwrote ? (
        <p role="alert" className="notice notice--warning">
          {t("joint.save.overwrote")}
        </p>
      ) : page.flags.saved ? (
        <p role="status">{t("joint.save.done")}</p>
      ) : null}
      {page.flags.invited ? <p role="status">{t("joint.invite.sent")}</p> : null}
      {formError ? (
        <p role="alert" className="field__error">
          {t(formError as MessageKey)}
        </p>
      ) : null}
      {submitted && draft.commentId ? (
        <p role="status">
          {t("joint.submittedNotice")}{" "}
          <Link to={`${page.paragraph?.path ?? `/c/${consultation.slug}/comments`}?comment=${draft.commentId}#comment-${draft.commentId}`}>{t("joint.seeComment")}</Link>
        </p>
      ) : null}

      {/* Not a region landmark: the presence list inside is a complementary landmark of its own. */}
      <div className="joint-text">
        <h2 id="joint-text-title">{t("joint.text")}</h2>
        {hydrated && !submitted ? (
          <JointEditor
            docName={page.docName}
            user={page.user}
            fields={[
              { fragment: JOINT_BODY_FRAGMENT, labelledBy: "joint-body-label" },
              ...(amendment ? [{ fragment: JOINT_PROPOSED_FRAGMENT, labelledBy: "joint-proposed-label" } as const] : []),
            ]}
          >
            {plainForm}
          </JointEditor>
        ) : (
          plainForm
        )}
      </div>

      <section aria-labelledby="signatures-title">
        <h2 id="signatures-title">{t("joint.signatures")}</h2>
        <p>{t("joint.signatures.rule")}</p>
        {me?.signedEarlier ? <p role="status">{t("joint.signatures.again")}</p> : null}
        {!submitted && me ? (
          me.signed ? (
            <Form method="post">
              <input type="hidden" name="intent" value="unsign" />
              <button type="submit">{t("joint.unsign")}</button>
            </Form>
          ) : page.can.sign ? (
            <Form method="post">
              <input type="hidden" name="intent" value="sign" />
              <button type="submit">{t("joint.sign")}</button>
            </Form>
          ) : page.unconfirmed ? (
            <p>{t("comment.confirmFirst")}</p>
          ) : null
        ) : null}
        {page.can.manage ? (
          <Form method="post">
            <input type="hidden" name="intent" value="submit" />
            <p className="field__hint">{t("joint.submit.hint")}</p>
            <button type="submit">{t("joint.submit")}</button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="co-authors-title">
        <h2 id="co-authors-title">{t("joint.coAuthors")}</h2>
        <ul className="joint-co-authors">
          {page.coAuthors.map((c) => (
            <li key={c.userId}>
              <strong>{c.name}</strong>
              {[c.organisation, countryByCode(c.countryCode)?.name ?? c.countryCode].filter(Boolean).map((s) => ` · ${s}`)}
              {c.initiator ? ` · ${t("joint.initiator")}` : ""} ·{" "}
              {c.signed ? t("joint.signed") : c.signedEarlier ? t("joint.signedEarlier") : t("joint.notSigned")}
              {page.can.manage && !c.initiator ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="userId" value={c.userId} />
                  <button type="submit" aria-label={t("joint.remove.label", { name: c.name })}>
                    {t("joint.remove")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {page.can.write ? (
          <Form method="post" aria-labelledby="invite-title">
            <h3 id="invite-title">{t("joint.invite.title")}</h3>
            <input type="hidden" name="intent" value="invite" />
            <Field name="email" label={t("joint.invite.email")} hint={t("joint.invite.hint")} error={errorOf("invite", "email")}>
              <input type="email" autoComplete="off" required defaultValue={result?.intent === "invite" ? result.values?.email : undefined} />
            </Field>
            <button type="submit">{t("joint.invite.submit")}</button>
          </Form>
        ) : null}
      </section>

      {page.can.manage ? (
        <section aria-labelledby="invitations-title">
          <h2 id="invitations-title">{t("joint.links.title")}</h2>
          {result?.link ? (
            <p role="status">
              <label htmlFor="joint-link">{t("joint.link.created")}</label>
              <input id="joint-link" type="text" readOnly value={result.link} size={60} />
            </p>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="link" />
            <Field name="hours" label={t("joint.link.hours")} error={errorOf("link", "hours")}>
              <input type="number" min={1} max={720} defaultValue={168} />
            </Field>
            <label className="choice">
              <input type="checkbox" name="singleUse" defaultChecked /> {t("joint.link.singleUse")}
            </label>
            <button type="submit">{t("joint.link.create")}</button>
          </Form>
          {page.invitations.length > 0 ? (
            <ul>
              {page.invitations.map((i) => (
                <li key={i.id}>
                  {i.email ?? t(i.singleUse ? "joint.link.single" : "joint.link.multi")} · {t(`joint.invitation.${i.status}` as MessageKey)} ·{" "}
                  {t("joint.invitation.until")} <LocalTime iso={i.expiresAt} withTime />
                  {i.status === "valid" ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={i.id} />
                      <button type="submit">{t("joint.revoke")}</button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
