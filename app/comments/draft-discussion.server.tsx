/**
 * The full draft's per-paragraph discussion (comment count and stance bar) as the live-counts
 * script of the draft page asks for it when the consultation changes: rendered here, in the
 * reader's language, by the same component as the page, so the script only swaps HTML.
 */
import type { AppLoadContext } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { z } from "zod";
import { getActor } from "../auth/session.server";
import { DraftDiscussion } from "../components/draft-node";
import { nodeAnchor } from "../drafts/outline";
import { loadReadableDraft } from "../drafts/reading.server";
import { I18nProvider } from "../i18n/i18n-context";
import { requestLocale } from "../i18n/locale.server";
import { createTranslator } from "../i18n/translate";
import { stanceCountsByNode, threadFilterSchema } from "./comments.server";

export interface DraftDiscussionUpdate {
  /** Per paragraph anchor (its element id in the draft page): the discussion's HTML, or null for none. */
  paragraphs: Record<string, string | null>;
  /** True when `paragraphs` holds every paragraph (those left out have no comment). */
  complete: boolean;
  /** Every discussed paragraph's share of the most discussed one's count (its highlight). */
  heat: Record<string, number>;
  /** What a screen reader hears, once, for this change. */
  announcement: string;
}

const nodeParam = z.string().min(1).max(100).optional().catch(undefined);

/** `?node=<id>` asks for one paragraph (a comment on it); without it, for all of them. */
export async function draftDiscussionUpdate(request: Request, context: AppLoadContext, slug: string | undefined): Promise<DraftDiscussionUpdate> {
  const url = new URL(request.url);
  const actor = await getActor(request, context.db, context.config);
  const { consultation, nodes } = loadReadableDraft(context.db, slug, actor);
  const language = threadFilterSchema.shape.language.parse(url.searchParams.get("language") ?? undefined);
  const nodeId = nodeParam.parse(url.searchParams.get("node") ?? undefined);
  const locale = await requestLocale(request, context);
  const t = createTranslator(locale);
  const counts = stanceCountsByNode(context.db, consultation.id, language);
  const most = Math.max(1, ...[...counts.values()].map((c) => c.total));
  const commentsQuery = language ? `?language=${language}` : "";

  const labelled = nodes.filter((n) => n.label !== null && n.kind !== "heading");
  const asked = nodeId ? labelled.filter((n) => n.nodeId === nodeId) : labelled;
  const paragraphs: Record<string, string | null> = {};
  for (const node of asked) {
    const nodeCounts = counts.get(node.nodeId);
    paragraphs[nodeAnchor(node)] = nodeCounts
      ? renderToStaticMarkup(
          <I18nProvider locale={locale}>
            <DraftDiscussion slug={consultation.slug} label={node.label!} counts={nodeCounts} commentsQuery={commentsQuery} />
          </I18nProvider>,
        )
      : null;
  }
  const heat: Record<string, number> = {};
  for (const node of labelled) {
    const nodeCounts = counts.get(node.nodeId);
    if (nodeCounts) heat[nodeAnchor(node)] = nodeCounts.total / most;
  }
  const one = nodeId && asked.length === 1 ? asked[0]! : null;
  return {
    paragraphs,
    complete: !nodeId,
    heat,
    announcement: one
      ? t("comment.onParagraph", { count: counts.get(one.nodeId)?.total ?? 0, label: one.label! })
      : t("consultation.countsUpdated"),
  };
}
