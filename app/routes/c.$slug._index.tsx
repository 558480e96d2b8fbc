import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ConsultationStatus } from "~/components/consultation-status";
import { DraftNodeView } from "~/components/draft-node";
import { SearchForm } from "~/components/search-form";
import { headingTitle, nodeAnchor, tableOfContents } from "~/drafts/outline";
import { loadReadableDraft } from "~/drafts/reading.server";
import { can } from "~/auth/permissions";
import { effectiveStatus } from "~/consultations/lifecycle";
import { stanceCountsByNode, threadFilterSchema } from "~/comments/comments.server";
import { LanguageFilter } from "~/components/language-filter";
import { TextLanguages } from "~/components/text-languages";
import { requestLocale } from "~/i18n/locale.server";
import { useLiveConsultation } from "~/comments/use-live-consultation";
import { getActor, getSignedInUser } from "~/auth/session.server";
import { useLocale, useT } from "~/i18n/i18n-context";
import { liveWords } from "~/comments/live-counts-markup";
import { FollowButton } from "~/notifications/follow-button";
import { followState } from "~/notifications/notification-pages.server";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: data ? `${data.consultation.title} · ${t("app.name")}` : t("app.name") }];
};

/**
 * The full draft is the heaviest page and the one read on slow connections: it is sent as plain
 * HTML without the React runtime (links, search, the language switcher are plain HTML), which
 * keeps its first load within the 100 KB budget (test/e2e/page-weight.spec.ts). Its comment
 * counts follow the discussion live through one small module without React (`script`: the browser
 * module of that route, app/comments/live-counts.client.ts), which also rewrites its times in the
 * reader's zone (app/components/local-times.client.ts).
 */
export const handle = { hydrate: false, script: "routes/c.$slug.discussion" };

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  // Before any of the page's data is read: a change after this point moves the cursor.
  const liveCursor = context.liveCursor?.(String(params.slug)) ?? null;
  const actor = await getActor(request, context.db, context.config);
  const url = new URL(request.url);
  const { ref, ...draft } = loadReadableDraft(context.db, params.slug, actor, { asked: url.searchParams.get("text"), fallback: await requestLocale(request, context) });
  const language = threadFilterSchema.shape.language.parse(url.searchParams.get("language") ?? undefined);
  const counts = stanceCountsByNode(context.db, draft.consultation.id, language);
  const most = Math.max(1, ...[...counts.values()].map((c) => c.total));
  return {
    ...draft,
    language: language ?? null,
    liveCursor,
    canRevise: can(actor, { action: "draft.view", consultation: ref }),
    canRecordInput: can(actor, { action: "input.record", consultation: ref }),
    canUpload: can(actor, { action: "draft.upload", consultation: ref }),
    canManage: can(actor, { action: "consultation.manage" }),
    // Joint submissions (issue 17): one's joint drafts and starting one on the draft as a whole.
    canJoint: can(actor, { action: "joint.start", consultation: ref }),
    following: followState(context, await getSignedInUser(request, context.db, context.config), draft.consultation.id, null),
    canAnalyse: can(actor, { action: "analysis.view", consultation: ref }),
    canReview: can(actor, { action: "comments.review", consultation: ref }),
    showHeard: can(actor, { action: "whatWeHeard.read", consultation: ref }),
    // Open by the clock: anyone may follow the link (to sign in first if need be).
    commentable: effectiveStatus(ref, new Date()) === "open",
    // Per paragraph: its comments by stance, and its share of the most discussed paragraph's count.
    discussion: Object.fromEntries([...counts].map(([nodeId, c]) => [nodeId, { counts: c, heat: c.total / most }])),
  };
}

export default function ConsultationPage() {
  const { following, consultation, version, nodes, canRevise, canRecordInput, canUpload, canManage, canJoint, canAnalyse, canReview, showHeard, discussion, language, text, liveCursor, commentable } =
    useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const toc = tableOfContents(nodes);
  const languageQuery = language ? `?language=${language}` : "";
  // Reached by a link from a hydrated page, the draft is rendered by React: it follows the
  // discussion like the other pages. Loaded as a document, it has no React: the script does.
  useLiveConsultation(consultation.slug, liveCursor);
  return (
    <div className="page page--wide">
      <header className="consultation-header">
        <h1 dir="auto">{consultation.title}</h1>
        <ConsultationStatus status={consultation.status} opensAt={consultation.opensAt} closesAt={consultation.closesAt} timeZone={consultation.timeZone} />
        <FollowButton slug={consultation.slug} nodeId={null} following={following} label={consultation.title} />
        <p className="lede" dir="auto">{consultation.description}</p>
        {consultation.callToParticipate ? <p className="call-to-participate" dir="auto">{consultation.callToParticipate}</p> : null}
        <SearchForm slug={consultation.slug} />
        <TextLanguages text={text} path={`/c/${consultation.slug}`} />
        <LanguageFilter label={t("consultation.countLanguage")} value={language} />
        <ConsultationLinks
          slug={consultation.slug}
          links={[
            { to: "comments", label: t("draftComments.link") },
            canJoint && { to: "joint", label: t("joint.list.title") },
            canRevise && { to: "revise", label: t("revise.link") },
            canAnalyse && { to: "analysis", label: t("analysis.link") },
            canReview && { to: "compiled", label: t("review.link") },
            canRecordInput && { to: "input", label: t("input.link") },
            canUpload && { to: `/admin/consultations/${consultation.slug}/draft`, label: t("draftUpload.link") },
            showHeard && { to: "what-we-heard", label: t("heard.link") },
            canManage && { to: `/admin/consultations/${consultation.slug}`, label: t("consultation.manageLink") },
          ]}
        />
      </header>
      {/* Where the live-counts script says, once per change, what changed. */}
      <p id="live-counts-status" className="visually-hidden" role="status" />
      {version === null ? (
        <p>{t("consultation.noText")}</p>
      ) : (
        <div className="draft-layout">
          {toc.length > 0 ? (
            <nav className="toc" aria-labelledby="toc-title">
              <h2 id="toc-title">{t("consultation.contents")}</h2>
              <ol>
                {toc.map((h) => (
                  <li key={h.nodeId} className={`toc__item toc__item--${Math.min(3, h.level)}`}>
                    <a href={`#${nodeAnchor(h)}`} dir="auto">
                      {headingTitle(h)}
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <article
            className="draft"
            aria-labelledby="draft-title"
            lang={text.language}
            data-live-counts={consultation.slug}
            data-live-cursor={liveCursor ?? undefined}
            data-live-source={`/c/${consultation.slug}/discussion${languageQuery}`}
            data-live-status="live-counts-status"
            // The words the script needs to write a paragraph's counts from a comment event.
            data-live-words={JSON.stringify(liveWords(t, locale))}
          >
            <h2 id="draft-title" className="draft__title">
              {version.title}
              <span className="draft__version">
                {t("consultation.version", { number: version.number })}
                {version.number > 1 ? (
                  <>
                    {" · "}
                    <Link to={`/c/${consultation.slug}/changes`}>{t("changes.link")}</Link>
                  </>
                ) : null}
              </span>
            </h2>
            {nodes.map((node) => (
              <DraftNodeView
                key={node.nodeId}
                node={node}
                slug={consultation.slug}
                discussion={discussion[node.nodeId]}
                commentsQuery={languageQuery}
                commentable={commentable}
              />
            ))}
          </article>
        </div>
      )}
    </div>
  );
}

/** The consultation's work pages this reader may open, as one list (none: nothing shown). */
function ConsultationLinks({ slug, links }: { slug: string; links: (false | { to: string; label: string })[] }) {
  const t = useT();
  const shown = links.filter((l): l is { to: string; label: string } => l !== false);
  if (shown.length === 0) return null;
  return (
    <nav aria-label={t("consultation.workLinks")} className="consultation-links">
      <ul>
        {shown.map((l) => (
          <li key={l.to}>
            <Link to={l.to.startsWith("/") ? l.to : `/c/${slug}/${l.to}`}>{l.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
