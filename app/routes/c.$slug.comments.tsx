import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getActor } from "~/auth/session.server";
import { CommentSection } from "~/comments/comment-section";
import { commentSection, submitParagraphForm } from "~/comments/paragraph-comments.server";
import { useLiveConsultation } from "~/comments/use-live-consultation";
import { loadReadableDraft } from "~/drafts/reading.server";
import { useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: data ? `${t("draftComments.title")} · ${data.consultation.title}` : t("app.name") }];
};

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  // Before any of the page's data is read: a change after this point moves the cursor.
  const liveCursor = context.liveCursor?.(String(params.slug)) ?? null;
  const { consultation } = loadReadableDraft(context.db, params.slug, await getActor(request, context.db, context.config));
  return {
    consultation: { slug: consultation.slug, title: consultation.title },
    comments: await commentSection(request, context, consultation.slug, null, null),
    liveCursor,
  };
}

export async function action({ params, context, request }: ActionFunctionArgs) {
  const { consultation } = loadReadableDraft(context.db, params.slug, await getActor(request, context.db, context.config));
  return submitParagraphForm(request, context, consultation.slug, { nodeId: null, label: null, text: "" });
}

/** Comments on the draft as a whole: what applies to no one paragraph (scope, structure, omissions). */
export default function DraftCommentsPage() {
  const { consultation, comments, liveCursor } = useLoaderData<typeof loader>();
  const t = useT();
  useLiveConsultation(consultation.slug, liveCursor);
  return (
    <div className="page">
      <nav aria-label={t("paragraph.breadcrumb")} className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/c/${consultation.slug}`}>{consultation.title}</Link>
          </li>
        </ol>
      </nav>
      <h1>{t("draftComments.title")}</h1>
      <p>{t("draftComments.intro")}</p>
      <CommentSection section={comments} label={null} paragraphText="" returnTo={`/c/${consultation.slug}/comments`} />
    </div>
  );
}
