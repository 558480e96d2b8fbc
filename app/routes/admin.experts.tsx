import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { expertsPage, requireSecretariat, submitExpertChange } from "~/accounts/admin-pages.server";
import { Field, useFormResult } from "~/components/form-field";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("admin.experts")} · Redraft` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireSecretariat(request, context, { action: "experts.manage" });
  return expertsPage(context, new URL(request.url).searchParams);
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireSecretariat(request, context, { action: "experts.manage" });
  return submitExpertChange(request, context);
}

export default function ExpertsPage() {
  const page = useLoaderData<typeof loader>();
  const { errors, values } = useFormResult();
  const t = useT();
  return (
    <div className="page">
      <p className="breadcrumbs"><Link to="/admin">{t("admin.title")}</Link></p>
      <h1>{t("admin.experts")}</h1>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="consultation">{t("admin.experts")}</label>
          <select id="consultation" name="consultation" defaultValue={page.selected?.slug}>
            {page.consultations.map((c) => <option key={c.slug} value={c.slug}>{c.title}</option>)}
          </select>
        </div>
        <div className="field"><button type="submit">{t("changes.apply")}</button></div>
      </Form>
      {page.selected ? (
        <section aria-labelledby="group-title">
          <h2 id="group-title">{t("admin.experts.of", { title: page.selected.title })}</h2>
          {page.experts.length === 0 ? <p>{t("admin.experts.none")}</p> : null}
          <ul>
            {page.experts.map((e) => (
              <li key={e.id}>
                {e.displayName} ({e.email}){e.lead ? ` · ${t("admin.experts.lead")}` : ""}{" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="consultation" value={page.selected!.slug} />
                  <input type="hidden" name="userId" value={e.id} />
                  <button type="submit" name="intent" value="remove" className="link-button">
                    {t("admin.experts.remove", { name: e.displayName })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
          <h3>{t("admin.experts.add")}</h3>
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="consultation" value={page.selected.slug} />
            <Field name="email" label={t("admin.experts.email")} error={errors.email}>
              <input type="email" required defaultValue={values.email} />
            </Field>
            <label className="choice">
              <input type="checkbox" name="lead" /> {t("admin.experts.lead")}
            </label>
            <button type="submit" name="intent" value="add">{t("admin.experts.add")}</button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
