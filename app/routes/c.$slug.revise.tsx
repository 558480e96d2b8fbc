import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { DraftEditor } from "~/collab/draft-editor.client";
import { publishRevision, revisePage } from "~/collab/revise-page.server";
import { useT } from "~/i18n/i18n-context";
import { paragraphPath } from "~/drafts/outline";
import type { MessageKey } from "~/i18n/messages.en";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: data ? `${t("revise.title")} · ${data.consultation.title}` : t("app.name") }];
};

export function loader({ request, context, params }: LoaderFunctionArgs) {
  return revisePage(request, context, params.slug);
}

export function action({ request, context, params }: ActionFunctionArgs) {
  return publishRevision(request, context, params.slug);
}

export default function RevisePage() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  // The editor needs the browser; until it runs, and without JavaScript, the draft reads as text.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <div className="page page--wide">
      <p className="breadcrumbs">
        <Link to={`/c/${page.consultation.slug}`}>{page.consultation.title}</Link>
      </p>
      <h1 id="revise-title">{t("revise.title")}</h1>
      <p>{t(page.writable ? "revise.introWriter" : "revise.introReader")}</p>
      {page.canPublish ? (
        <Form method="post" className="publish-form">
          <p>{t("revise.publishExplain")}</p>
          <button type="submit">{t("revise.publish")}</button>
        </Form>
      ) : null}
      {hydrated ? (
        <DraftEditor
          docName={page.docName}
          user={page.user}
          labelledBy="revise-title"
          passages={page.passages.flatMap((p) =>
            p.positions ? [{ commentId: p.commentId, positions: p.positions, title: `${p.author}: “${p.quote}”` }] : [],
          )}
        >
          <DraftText blocks={page.blocks} />
        </DraftEditor>
      ) : (
        <DraftText blocks={page.blocks} />
      )}
      <WorkingDraftPassages slug={page.consultation.slug} passages={page.passages} />
    </div>
  );
}

/** Every passage comment, where its words stand in the working draft (as the page was loaded). */
function WorkingDraftPassages({ slug, passages }: { slug: string; passages: SerializeFrom<typeof loader>["passages"] }) {
  const t = useT();
  if (passages.length === 0) return null;
  return (
    <section aria-labelledby="draft-passages-title" className="draft-passages">
      <h2 id="draft-passages-title">{t("passage.draft.title")}</h2>
      <p>{t("passage.draft.intro")}</p>
      <ul>
        {passages.map((p) => (
          <li key={p.commentId}>
            {p.label !== null ? <Link to={`${paragraphPath(slug, p.label)}?comment=${p.commentId}#comment-${p.commentId}`}>{p.author}</Link> : p.author}
            {p.stance ? ` · ${t(`stance.${p.stance}` as MessageKey)}` : ""}:{" "}
            {p.now.status === "changed" ? <strong>{t("passage.changed")}</strong> : <span>{t("passage.onWords")}</span>}{" "}
            <q dir="auto">{p.quote}</q>
            {p.now.status === "edited" ? <> — {t("passage.draft.nowReads", { text: p.now.text })}</> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The working draft as read-only text: without JavaScript, and until the editor has the document. */
function DraftText({ blocks }: { blocks: ReturnType<typeof useLoaderData<typeof loader>>["blocks"] }) {
  const t = useT();
  return (
    <div className="outline-editor__surface" aria-labelledby="revise-title">
      {blocks.map((b) => (
        <p key={b.nodeId} className={`outline-block outline-block--${b.kind}`} style={{ "--level": b.level } as React.CSSProperties}>
          {b.label ? <span className="outline-block__label">{b.label}</span> : null}
          {b.text || <span className="visually-hidden">{t(`kind.${b.kind}` as MessageKey)}</span>}
        </p>
      ))}
    </div>
  );
}
