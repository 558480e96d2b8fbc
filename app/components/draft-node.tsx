import { Link } from "@remix-run/react";
import { useT } from "../i18n/i18n-context";
import { headingTitle, nodeAnchor, paragraphPath, textParagraphs, type DraftNode } from "../drafts/outline";
import type { Segment } from "../drafts/search";
import { StanceSummary } from "../comments/comment-section";
import type { StanceCounts } from "../comments/comments.server";

/** Text with search matches marked; React escapes every piece, so user-controlled text stays inert. */
export function HighlightedText({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

export function ParagraphText({ text, className }: { text: string; className?: string }) {
  return (
    <>
      {textParagraphs(text).map((p, i) => (
        <p key={i} className={className} dir="auto">
          {p}
        </p>
      ))}
    </>
  );
}

export function Footnotes({ footnotes }: { footnotes: string[] }) {
  const t = useT();
  if (footnotes.length === 0) return null;
  return (
    <ol className="footnotes" aria-label={t("consultation.footnotes")}>
      {footnotes.map((f, i) => (
        <li key={i}>{f}</li>
      ))}
    </ol>
  );
}

/** One node of the full draft: headings become real headings, paragraphs carry their permalink. */
export function DraftNodeView({
  node,
  slug,
  discussion,
  commentsQuery = "",
  commentable = false,
}: {
  node: DraftNode;
  slug: string;
  discussion?: { counts: StanceCounts; heat: number };
  /** The consultation takes comments now: each paragraph says so, with a link to its form. */
  commentable?: boolean;
  /** The comment filter the counts were made with, carried to the paragraph's comments. */
  commentsQuery?: string;
}) {
  const t = useT();
  const anchor = nodeAnchor(node);
  if (node.kind === "heading") {
    const Tag = `h${Math.min(6, 3 + node.level)}` as "h3";
    return (
      <Tag id={anchor} className={`draft-heading draft-heading--${Math.min(4, node.level)}`} dir="auto">
        {headingTitle(node)}
      </Tag>
    );
  }
  return (
    <div
      id={anchor}
      className={`draft-node draft-node--${node.kind}${discussion ? " draft-node--discussed" : ""}`}
      style={{ "--level": node.level, "--heat": discussion?.heat ?? 0 } as React.CSSProperties}
    >
      {node.label !== null ? (
        <Link
          className="draft-node__label"
          to={paragraphPath(slug, node.label)}
          aria-label={t("consultation.permalink", { label: node.label })}
        >
          {node.label}
        </Link>
      ) : (
        <span className="draft-node__label" aria-hidden="true" />
      )}
      <div className="draft-node__body">
        <ParagraphText text={node.text} />
        <Footnotes footnotes={node.footnotes} />
        {commentable && node.label !== null ? (
          // The number on the side is a permalink few recognise as the way to comment.
          <a className="draft-node__comment" href={`${paragraphPath(slug, node.label)}#add-comment`} aria-label={t("comment.add", { label: node.label })}>
            {t("consultation.commentLink")}
          </a>
        ) : null}
        {discussion && node.label !== null ? (
          <DraftDiscussion slug={slug} label={node.label} counts={discussion.counts} commentsQuery={commentsQuery} />
        ) : null}
      </div>
    </div>
  );
}

/**
 * A paragraph's discussion in the full draft: how many comments, linking to them, and the stance
 * bar. A <div>, not a <p>: the bar is a <div>, which would close a <p> in the browser's parser.
 * Rendered in the page and, when comments arrive, on the server for the live-counts script
 * (app/comments/live-counts.client.ts), hence a plain link: the draft page has no router. The
 * script also writes it itself from a comment event's counts (app/comments/live-counts-markup.ts):
 * a change here must be made there too (draft-node.test.tsx compares them).
 */
export function DraftDiscussion({ slug, label, counts, commentsQuery = "" }: { slug: string; label: string; counts: StanceCounts; commentsQuery?: string }) {
  const t = useT();
  return (
    // data-total: the live-counts script reads every paragraph's count to recompute the highlights.
    <div className="draft-node__discussion" data-total={counts.total}>
      <a href={`${paragraphPath(slug, label)}${commentsQuery}#comments-title`}>{t("comment.onParagraph", { count: counts.total, label })}</a>
      <StanceSummary counts={counts} compact />
    </div>
  );
}
