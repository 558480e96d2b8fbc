import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireSecretariat, submitStakeholderGroup } from "~/accounts/admin-pages.server";
import { listStakeholderGroups } from "~/accounts/users.server";
import { Field, useFormResult } from "~/components/form-field";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("admin.stakeholderGroups")} · Redraft` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireSecretariat(request, context, { action: "stakeholderGroups.manage" });
  return { groups: listStakeholderGroups(context.db).map((g) => ({ id: g.id, name: g.name })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireSecretariat(request, context, { action: "stakeholderGroups.manage" });
  return submitStakeholderGroup(request, context);
}

export default function StakeholderGroupsPage() {
  const { groups } = useLoaderData<typeof loader>();
  const { errors, values } = useFormResult();
  const t = useT();
  return (
    <div className="page">
      <p className="breadcrumbs"><Link to="/admin">{t("admin.title")}</Link></p>
      <h1>{t("admin.stakeholderGroups")}</h1>
      <ol>
        {groups.map((g) => <li key={g.id}>{g.name}</li>)}
      </ol>
      <h2>{t("admin.stakeholderGroups.add")}</h2>
      <Form method="post" className="form" noValidate>
        <Field name="name" label={t("admin.stakeholderGroups.name")} error={errors.name}>
          <input type="text" required maxLength={80} defaultValue={values.name} />
        </Field>
        <button type="submit">{t("admin.stakeholderGroups.add")}</button>
      </Form>
    </div>
  );
}
