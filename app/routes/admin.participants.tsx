import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { participantsPage, requireSecretariat, submitEmailConfirmationByHand, submitRoleChange } from "~/accounts/admin-pages.server";
import { Options } from "~/components/form-field";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";
import { roles } from "../../db/enums";
import { ScrollRegion } from "~/components/scroll-region";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("admin.participants")} · Redraft` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireSecretariat(request, context, { action: "users.list" });
  return participantsPage(context, new URL(request.url).searchParams);
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (new URL(request.url).searchParams.get("intent") === "confirm-email") {
    await requireSecretariat(request, context, { action: "users.confirmEmail" });
    return submitEmailConfirmationByHand(request, context);
  }
  const actor = await requireSecretariat(request, context, { action: "users.changeRole" });
  return submitRoleChange(request, context, actor.kind === "user" ? actor.userId : 0);
}

export default function ParticipantsPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const f = page.filters;
  return (
    <div className="page page--wide">
      <p className="breadcrumbs"><Link to="/admin">{t("admin.title")}</Link></p>
      <h1>{t("admin.participants")}</h1>
      {result && "confirmed" in result ? (
        <p className="notice" role="status">
          {t("admin.participants.confirmedDone", { name: result.confirmed })}
        </p>
      ) : null}
      {result && "done" in result ? (
        <p className="notice" role="status">
          {t("admin.roleChanged", { name: result.done.name, role: t(`role.${result.done.role}` as MessageKey) })}
        </p>
      ) : null}
      <Form method="get" className="filters" aria-label={t("admin.filter")}>
        <div className="field">
          <label htmlFor="filter-q">{t("admin.search")}</label>
          <input id="filter-q" type="search" name="q" defaultValue={f.q ?? ""} />
        </div>
        {(
          [
            ["role", t("account.role"), f.role, roles.map((r) => ({ value: r, label: t(`role.${r}`) }))],
            ["region", t("account.region"), f.region, page.regions.map((r) => ({ value: r, label: t(`region.${r}`) }))],
            ["stakeholderGroupId", t("field.stakeholderGroup"), f.stakeholderGroupId, page.groups.map((g) => ({ value: g.id, label: g.name }))],
            ["countryCode", t("field.country"), f.countryCode, page.countries.map((c) => ({ value: c.code, label: c.name }))],
          ] as const
        ).map(([name, label, value, options]) => (
          <div className="field" key={name}>
            <label htmlFor={`filter-${name}`}>{label}</label>
            <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
              <Options empty={t("admin.any")} options={options} />
            </select>
          </div>
        ))}
        <div className="field"><button type="submit">{t("admin.filter")}</button></div>
      </Form>
      <p role="status">{t("admin.participants.count", { count: page.total })}</p>
      <ScrollRegion label={t("admin.participants")}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("field.displayName")}</th>
              <th scope="col">{t("field.email")}</th>
              <th scope="col">{t("admin.participants.address")}</th>
              <th scope="col">{t("field.country")}</th>
              <th scope="col">{t("account.region")}</th>
              <th scope="col">{t("field.stakeholderGroup")}</th>
              <th scope="col">{t("field.organisation")}</th>
              <th scope="col">{t("account.role")}</th>
            </tr>
          </thead>
          <tbody>
            {page.participants.map((p) => (
              <tr key={p.id}>
                <td>{p.displayName}</td>
                <td>{p.email}</td>
                <td>
                  {p.emailConfirmed ? (
                    t("admin.participants.confirmed")
                  ) : (
                    <Form method="post" action="?intent=confirm-email" className="inline-form">
                      {t("admin.participants.notConfirmed")} <input type="hidden" name="userId" value={p.id} />
                      <button type="submit" aria-label={`${t("admin.participants.confirm")}: ${p.displayName}`}>
                        {t("admin.participants.confirm")}
                      </button>
                    </Form>
                  )}
                </td>
                <td>{p.country}</td>
                <td>{t(`region.${p.region}` as MessageKey)}</td>
                <td>{p.stakeholderGroup}</td>
                <td>{p.organisation ?? "—"}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="userId" value={p.id} />
                    <label className="visually-hidden" htmlFor={`role-${p.id}`}>
                      {t("admin.changeRole")}: {p.displayName}
                    </label>
                    <select id={`role-${p.id}`} name="role" defaultValue={p.role}>
                      <Options options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
                    </select>{" "}
                    <button type="submit">{t("admin.changeRole")}</button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
