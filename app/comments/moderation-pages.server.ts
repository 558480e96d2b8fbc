import { data } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import type { Language } from "../../db/enums";
import { requirePermission, requireUser } from "../auth/session.server";
import { threadFilterSchema } from "./comments.server";
import { commentPlace, dismissFlags, hiddenComments, hideComment, moderationQueue, readModerationLog, reasonSchema, restoreComment } from "./moderation.server";
import { commentsChanged } from "./live-updates.server";
import { translatableError } from "../i18n/error-message";

export async function moderationPage(request: Request, context: AppLoadContext) {
  await requirePermission(request, context.db, context.config, { action: "comment.moderate" });
  const language = threadFilterSchema.shape.language.parse(new URL(request.url).searchParams.get("language") ?? undefined);
  const inLanguage = (c: { language: string }) => !language || c.language === language;
  const view = (c: { id: number; body: string; authorName: string; language: Language; hiddenReason?: string | null }) => ({
    id: c.id,
    language: c.language,
    body: c.body,
    author: c.authorName || "—",
    hiddenReason: c.hiddenReason ?? null,
  });
  return {
    language: language ?? null,
    queue: moderationQueue(context.db)
      .filter((q) => inLanguage(q.comment))
      .map((q) => ({ ...view(q.comment), reports: q.flags, reasons: q.reasons })),
    hidden: hiddenComments(context.db).filter(inLanguage).map(view),
  };
}

export async function submitModeration(request: Request, context: AppLoadContext) {
  await requirePermission(request, context.db, context.config, { action: "comment.moderate" });
  const { user } = await requireUser(request, context.db, context.config);
  const form = await request.formData();
  const id = z.coerce.number().int().positive().safeParse(form.get("commentId"));
  const action = z.enum(["hide", "restore", "dismiss"]).safeParse(form.get("intent"));
  if (!id.success || !action.success) throw data(translatableError("error.invalidForm"), { status: 400 });
  const reason = reasonSchema.safeParse(form.get("reason"));
  if (!reason.success) return data({ errors: { [`reason-${id.data}`]: "moderation.reason.required" } }, { status: 400 });
  const decide = { hide: hideComment, restore: restoreComment, dismiss: dismissFlags }[action.data];
  if (!decide(context.db, user, id.data, reason.data)) throw data(translatableError("error.commentNotFound"), { status: 404 });
  // A hidden or restored comment leaves or rejoins the pages and the counts.
  const place = action.data === "dismiss" ? undefined : commentPlace(context.db, id.data);
  if (place) commentsChanged(context, place.consultationId, { slug: place.slug, nodeId: place.nodeId, kind: "comment" });
  return { errors: {} };
}

export async function moderationLogPage(request: Request, context: AppLoadContext) {
  await requirePermission(request, context.db, context.config, { action: "moderation.log.read" });
  return { entries: readModerationLog(context.db).map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })) };
}
