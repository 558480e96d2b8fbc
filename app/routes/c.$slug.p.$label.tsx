import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { CommentSection } from "~/comments/comment-section";
import { PassagePicker, PassageText, type ChosenPassage } from "~/comments/passage-text";
import { useLiveConsultation } from "~/comments/use-live-consultation";
import { commentSection, submitParagraphForm } from "~/comments/paragraph-comments.server";
import { Footnotes, ParagraphText } from "~/components/draft-node";
import { ancestorsOf, childrenOf, headingTitle, neighbours, nodeAnchor, paragraphPath } from "~/drafts/outline";
import { labelParam, loadParagraphForForm, loadReadableDraft, paragraphNotFound } from "~/drafts/reading.server";
import { getActor } from "~/auth/session.server";
import { useT } from "~/i18n/i18n-context";
import { requestLocale } from "~/i18n/locale.server";
import { TextLanguages } from "~/components/text-languages";
import { metaTranslator } from "~/i18n/meta";
import { FollowButton } from "~/notifications/follow-button";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: t("app.name") }];
  return [{ title: `${t("paragraph.title", { label: data.node.label ?? "" })} · ${data.consultation.title}` }];
};

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  // Before any of the page's data is read: a change after this point moves the cursor.
  const liveCursor = context.liveCursor?.(String(params.slug)) ?? null;
  const { consultation, nodes, text } = loadReadableDraft(context.db, params.slug, await getActor(request, context.db, context.config), {
    asked: new URL(request.url).searchParams.get("text"),
    fallback: await requestLocale(request, context),
  });
  const label = labelParam.safeParse(params.label);
  const node = label.success ? nodes.find((n) => n.label === label.data) : undefined;
  if (!node || !label.success) paragraphNotFound(String(params.label ?? ""));
  const { previous, next } = neighbours(nodes, label.data);
  return {
    consultation: { slug: consultation.slug, title: consultation.title },
    comments:
      node.kind === "heading"
        ? null
        : await commentSection(request, context, consultation.slug, node.nodeId, text.language === text.original ? node.text : null),
    node,
    text,
    ancestors: ancestorsOf(nodes, node),
    children: childrenOf(nodes, label.data),
    previous: previous?.label ?? null,
    next: next?.label ?? null,
    liveCursor,
  };
}

export async function action({ params, context, request }: ActionFunctionArgs) {
  const { consultation, node } = loadParagraphForForm(context.db, params.slug, params.label, await getActor(request, context.db, context.config));
  return submitParagraphForm(request, context, consultation.slug, node);
}

export default function ParagraphPage() {
  const { consultation, node, ancestors, children, previous, next, comments, text, liveCursor } = useLoaderData<typeof loader>();
  const t = useT();
  const slug = consultation.slug;
  useLiveConsultation(slug, liveCursor);
  const textRef = useRef<HTMLDivElement>(null);
  const [passage, setPassage] = useState<ChosenPassage | null>(null);
  // A new form (after a comment is stored) starts on the whole paragraph again; a refused one keeps
  // its passage through the values it sent back. A live reload of the page's data keeps it.
  const location = useLocation();
  const published = comments?.published ?? null;
  useEffect(() => {
    if (published === "comment") setPassage(null);
  }, [location.key, published]);
  const choosePassage = (chosen: ChosenPassage) => {
    setPassage(chosen);
    // Straight to the comment: the stance is the form's first question.
    requestAnimationFrame(() => document.getElementById("comment-form-title")?.scrollIntoView({ block: "start" }));
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>("#field-stance input")?.focus());
  };
  return (
    <div className="page">
      <nav aria-label={t("paragraph.breadcrumb")} className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/c/${slug}`}>{consultation.title}</Link>
          </li>
          {ancestors.map((a) => (
            <li key={a.nodeId}>
              {a.kind === "heading" || a.label === null ? (
                <Link to={`/c/${slug}#${nodeAnchor(a)}`}>{a.kind === "heading" ? headingTitle(a) : a.label}</Link>
              ) : (
                <Link to={paragraphPath(slug, a.label)}>{a.label}</Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <TextLanguages text={text} path={paragraphPath(slug, node.label ?? "")} />
      <article className="paragraph-page" aria-labelledby="paragraph-title">
        <h1 id="paragraph-title">
          {node.kind === "heading" ? headingTitle(node) : t("paragraph.title", { label: node.label ?? "" })}
        </h1>
        <p className="muted">{t(`kind.${node.kind}`)}</p>
        {comments ? <FollowButton slug={slug} nodeId={node.nodeId} following={comments.following} label={t("paragraph.title", { label: node.label ?? "" })} /> : null}
        {node.kind === "heading" ? null : comments?.passages ? (
          <>
            <PassageText pieces={comments.passages.pieces} notes={comments.passages.notes} language={text.language} containerRef={textRef} />
            {comments.canComment ? <PassagePicker containerRef={textRef} text={node.text} onPick={choosePassage} /> : null}
          </>
        ) : (
          <div lang={text.language}>
            <ParagraphText className="paragraph-page__text" text={node.text} />
          </div>
        )}
        <Footnotes footnotes={node.footnotes} />
        {children.length > 0 ? (
          <section aria-labelledby="subparagraphs-title">
            <h2 id="subparagraphs-title">{t("paragraph.subparagraphs")}</h2>
            <ul className="subparagraph-list">
              {children.map((c) => (
                <li key={c.nodeId}>
                  {c.label !== null ? (
                    <Link className="draft-node__label" to={paragraphPath(slug, c.label)}>
                      {c.label}
                    </Link>
                  ) : null}{" "}
                  {c.text}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
      {comments && node.label !== null ? (
        <CommentSection
          section={comments}
          label={node.label}
          paragraphText={node.originalText ?? node.text}
          returnTo={paragraphPath(slug, node.label)}
          passage={passage}
          onClearPassage={() => setPassage(null)}
        />
      ) : null}
      <nav aria-label={t("paragraph.outline")} className="pager">
        {previous ? (
          <Link rel="prev" to={paragraphPath(slug, previous)}>
            {t("paragraph.previous", { label: previous })}
          </Link>
        ) : (
          <span />
        )}
        <Link to={`/c/${slug}#${nodeAnchor(node)}`}>{t("paragraph.readInContext")}</Link>
        {next ? (
          <Link rel="next" to={paragraphPath(slug, next)}>
            {t("paragraph.next", { label: next })}
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}
