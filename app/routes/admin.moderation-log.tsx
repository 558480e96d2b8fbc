import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { moderationLogPage } from "~/comments/moderation-pages.server";
import { LocalTime } from "~/components/local-date";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("moderation.log")} · Redraft` }];

export function loader({ request, context }: LoaderFunctionArgs) {
  return moderationLogPage(request, context);
}

export default function ModerationLogPage() {
  const { entries } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="page">
      <p className="breadcrumbs"><Link to="/admin">{t("admin.title")}</Link></p>
      <h1>{t("moderation.log")}</h1>
      {entries.length === 0 ? <p>{t("moderation.log.empty")}</p> : null}
      <ol className="moderation-log">
        {entries.map((e) => (
          <li key={e.id}>
            <LocalTime iso={e.createdAt} withTime />{" "}
            {t("moderation.logEntry", { who: e.actorName, action: t(`moderation.action.${e.action}`), id: e.commentId ?? 0, reason: e.reason })}
          </li>
        ))}
      </ol>
    </div>
  );
}
