import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { outboxPage, requireSecretariat } from "~/accounts/admin-pages.server";
import { LocalTime } from "~/components/local-date";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("admin.outbox")} · Redraft` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireSecretariat(request, context, { action: "outbox.read" });
  return outboxPage(context);
}

export default function OutboxPage() {
  const { messages } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="page">
      <p className="breadcrumbs"><Link to="/admin">{t("admin.title")}</Link></p>
      <h1>{t("admin.outbox")}</h1>
      <p>{t("admin.outbox.intro")}</p>
      {messages.length === 0 ? <p>{t("admin.outbox.empty")}</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="outbox-message" aria-labelledby={`message-${m.id}`}>
          <h2 id={`message-${m.id}`}>{m.subject}</h2>
          <dl className="profile">
            <div><dt>{t("admin.outbox.to")}</dt><dd>{m.to}</dd></div>
            <div><dt>{t("admin.outbox.when")}</dt><dd><LocalTime iso={m.createdAt} withTime /></dd></div>
            <div><dt>{t("admin.outbox.sent")}</dt><dd>{m.sentAt ? <LocalTime iso={m.sentAt} withTime /> : (m.error ?? t("admin.outbox.notSent"))}</dd></div>
          </dl>
          <pre className="outbox-message__body">{m.body}</pre>
        </article>
      ))}
    </div>
  );
}
