import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { moderationPage, submitModeration } from "~/comments/moderation-pages.server";
import { LanguageFilter } from "~/components/language-filter";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("moderation.title")} · Redraft` }];

export function loader({ request, context }: LoaderFunctionArgs) {
  return moderationPage(request, context);
}

export function action({ request, context }: ActionFunctionArgs) {
  return submitModeration(request, context);
}

function Decision({ id, intents }: { id: number; intents: ("hide" | "restore" | "dismiss")[] }) {
  const t = useT();
  const errors = ((useActionData() as { errors?: Record<string, string> } | undefined)?.errors ?? {}) as Record<string, string>;
  const error = errors[`reason-${id}`];
  return (
    <Form method="post" className="form">
      <input type="hidden" name="commentId" value={id} />
      <div className={`field${error ? " field--invalid" : ""}`}>
        <label htmlFor={`reason-${id}`}>{t("moderation.reason")}</label>
        <input id={`reason-${id}`} name="reason" type="text" maxLength={500} aria-invalid={error ? true : undefined} aria-describedby={error ? `reason-${id}-error` : undefined} />
        {error ? (
          <p id={`reason-${id}-error`} className="field__error">
            {t(error as MessageKey)}
          </p>
        ) : null}
      </div>
      {intents.map((intent) => (
        <button key={intent} type="submit" name="intent" value={intent}>
          {t(`moderation.${intent}`)}
        </button>
      ))}
    </Form>
  );
}

export default function ModerationPage() {
  const { queue, hidden, language } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="page">
      <h1>{t("moderation.title")}</h1>
      <LanguageFilter label={t("moderation.languageFilter")} value={language} />
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">{t("moderation.queue")}</h2>
        {queue.length === 0 ? <p>{t("moderation.empty")}</p> : null}
        {queue.map((c) => (
          <article key={c.id} className="outbox-message" aria-label={`${c.author}: ${t("moderation.reports", { count: c.reports })}`}>
            <p>
              <strong>{c.author}</strong> · {t("moderation.reports", { count: c.reports })} · <span lang={c.language}>{t(`language.${c.language}`)}</span>
            </p>
            <blockquote lang={c.language} dir="auto">
              {c.body}
            </blockquote>
            <ul>
              {c.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
            <Decision id={c.id} intents={["hide", "dismiss"]} />
          </article>
        ))}
      </section>
      <section aria-labelledby="hidden-title">
        <h2 id="hidden-title">{t("moderation.hidden")}</h2>
        {hidden.map((c) => (
          <article key={c.id} className="outbox-message" aria-label={c.author}>
            <p>
              <strong>{c.author}</strong> · {c.hiddenReason} · <span lang={c.language}>{t(`language.${c.language}`)}</span>
            </p>
            <blockquote lang={c.language} dir="auto">
              {c.body}
            </blockquote>
            <Decision id={c.id} intents={["restore"]} />
          </article>
        ))}
      </section>
    </div>
  );
}
