import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LocalTime } from "~/components/local-date";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";
import { notificationTitle } from "~/notifications/digest";
import { notificationsPage, submitNotificationsForm } from "~/notifications/notification-pages.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("notifications.title")} · Redraft` }];

export function loader({ request, context }: LoaderFunctionArgs) {
  return notificationsPage(request, context);
}

export function action({ request, context }: ActionFunctionArgs) {
  return submitNotificationsForm(request, context);
}

export default function NotificationsPage() {
  const { notifications, unread, follows } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="page">
      <h1>{t("notifications.title")}</h1>
      <p role="status">{t("notifications.unreadCount", { count: unread })}</p>
      {unread > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="read" />
          <button type="submit">{t("notifications.markAllRead")}</button>
        </Form>
      ) : null}
      {notifications.length === 0 ? <p>{t("notifications.none")}</p> : null}
      <ol className="notification-list">
        {notifications.map((n) => (
          <li key={n.id} className={n.read ? "notification" : "notification notification--unread"}>
            <article aria-labelledby={`notification-${n.id}`}>
              <h2 id={`notification-${n.id}`} className="notification__title">
                {n.read ? null : <span className="visually-hidden">{t("notifications.unread")}: </span>}
                <Link to={n.path}>{notificationTitle(t, n)}</Link>
              </h2>
              <p className="muted">
                <LocalTime iso={n.createdAt} withTime />
              </p>
              {n.detail.excerpt ? (
                <blockquote dir="auto">
                  {n.kind === "disposition" ? <span className="muted">{t("notifications.youSaid")} </span> : null}
                  {n.detail.excerpt}
                </blockquote>
              ) : null}
              {n.kind === "disposition" && n.detail.rationale ? (
                <p dir="auto">
                  <strong>{t("notifications.rationale")}</strong> {n.detail.rationale}
                </p>
              ) : null}
              {n.kind === "disposition" && n.detail.revisedText ? (
                <>
                  <p>
                    <strong>{t("notifications.nowReads")}</strong>
                  </p>
                  <blockquote dir="auto">{n.detail.revisedText}</blockquote>
                </>
              ) : null}
              {n.read ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="read" />
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" aria-label={`${t("notifications.markRead")}: ${notificationTitle(t, n)}`}>
                    {t("notifications.markRead")}
                  </button>
                </Form>
              )}
            </article>
          </li>
        ))}
      </ol>
      <section aria-labelledby="follows-title">
        <h2 id="follows-title">{t("follow.title")}</h2>
        {follows.length === 0 ? <p>{t("follow.none")}</p> : null}
        <ul>
          {follows.map((f) => {
            const what = f.nodeId === "" ? f.title : t("follow.paragraphOf", { title: f.title });
            return (
              <li key={`${f.consultationId}:${f.nodeId}`}>
                <Link to={`/c/${f.slug}`}>{what}</Link>{" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="unfollow" />
                  <input type="hidden" name="consultationId" value={f.consultationId} />
                  <input type="hidden" name="nodeId" value={f.nodeId} />
                  <button type="submit" aria-label={`${t("follow.unfollow")}: ${what}`}>
                    {t("follow.unfollow")}
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
