import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { requireSecretariat } from "~/accounts/admin-pages.server";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("admin.title")} · Redraft` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireSecretariat(request, context, { action: "users.list" });
  return null;
}

export default function AdminHome() {
  const t = useT();
  return (
    <div className="page">
      <h1>{t("admin.title")}</h1>
      <ul>
        <li><Link to="/admin/consultations">{t("consultations.title")}</Link></li>
        <li><Link to="/admin/participants">{t("admin.participants")}</Link></li>
        <li><Link to="/admin/experts">{t("admin.experts")}</Link></li>
        <li><Link to="/admin/stakeholder-groups">{t("admin.stakeholderGroups")}</Link></li>
        <li><Link to="/admin/address-allowances">{t("admin.allowances")}</Link></li>
        <li><Link to="/admin/outbox">{t("admin.outbox")}</Link></li>
        <li><Link to="/moderation">{t("moderation.title")}</Link></li>
        <li><Link to="/admin/moderation-log">{t("moderation.log")}</Link></li>
      </ul>
    </div>
  );
}
