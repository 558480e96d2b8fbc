/** The comment section of a paragraph page: what it shows, and the forms it answers. */
import { data, redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { fieldErrors } from "../accounts/profile-schema";
import { can } from "../auth/permissions";
import { rateLimits, retryAfterSeconds, writeChecks } from "../auth/rate-limit.server";
import { minutesToWait, writeKind } from "../auth/rate-limit-rules";
import { getSignedInUser } from "../auth/session.server";
import { currentVersion, getConsultationBySlug } from "../drafts/drafts.server";
import { requestLocale } from "../i18n/locale.server";
import { createTranslator } from "../i18n/translate";
import { listStakeholderGroups } from "../accounts/users.server";
import { resendConfirmation } from "../accounts/account-forms.server";
import { commentEndorsed, commentPublished } from "../notifications/notifications.server";
import { followState } from "../notifications/notification-pages.server";
import { deleteOwnComment, editComment, editSchema, flagComment, reasonSchema } from "./moderation.server";
import {
  addComment,
  addReply,
  commentSchema,
  commentShownOnPage,
  commentThreads,
  filterThreads,
  passageCommentIds,
  replySchema,
  stanceCounts,
  submissionStored,
  threadFilterSchema,
  threadOf,
  threadSummaries,
  toggleEndorsement,
} from "./comments.server";
import { translatableError } from "../i18n/error-message";
import { anchorPassage } from "../collab/passage-anchors.server";
import { passageFromForm } from "./passage-anchor";
import { passageView } from "./passage-highlights";
import { commentsChanged } from "./live-updates.server";
import { pageOf, pagePositionSchema } from "./comment-pages";
import { effectiveStatus } from "../consultations/lifecycle";
import type { Consultation } from "../../db/schema";

/**
 * Why this actor may not comment now, as the form says it: not open yet (with the opening), closed
 * (with the closing), or open to other stakeholder groups. The moment goes to the page, which
 * shows it in the reader's zone and the consultation's.
 */
function refusal(consultation: Consultation, now: Date) {
  const state = effectiveStatus(consultation, now);
  const timeZone = consultation.timeZone;
  if ((state === "draft" || state === "scheduled") && consultation.opensAt) return { key: "comment.opensOn", at: consultation.opensAt.toISOString(), timeZone };
  if (state === "draft" || state === "scheduled") return { key: "comment.notOpenYet", at: null, timeZone };
  if ((state === "closed" || state === "results-published") && consultation.closesAt) return { key: "comment.closedOn", at: consultation.closesAt.toISOString(), timeZone };
  if (state === "closed" || state === "results-published") return { key: "comment.closed", at: null, timeZone };
  return { key: "comment.groupsOnly", at: null, timeZone };
}

/**
 * `shownText`: the paragraph text the page shows, when passages can be marked in it (the version's
 * own language; a translation has other words, so its passages are listed but not marked).
 */
export async function commentSection(request: Request, context: AppLoadContext, slug: string, nodeId: string | null, shownText: string | null) {
  const consultation = getConsultationBySlug(context.db, slug)!;
  const signedIn = await getSignedInUser(request, context.db, context.config);
  const t = createTranslator(await requestLocale(request, context, signedIn));
  const now = new Date();
  const state = effectiveStatus(consultation, now);
  const viewerId = signedIn?.user.id ?? null;
  const participant = t("comment.participant");
  const url = new URL(request.url);
  const all = threadSummaries(context.db, consultation.id, nodeId);
  const filters = threadFilterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== "")));
  const matching = filterThreads(all, filters);
  // One page of threads; a permalink's comment (`?comment=`) brings the page that holds it.
  const position = pagePositionSchema.parse(Object.fromEntries(url.searchParams));
  const target = position.comment === undefined ? null : threadOf(context.db, position.comment, consultation.id, nodeId);
  const page = pageOf(matching, filters.sort, { ...position, target: target === null ? undefined : matching.findIndex((t) => t.id === target) });
  const byId = new Map(commentThreads(context.db, consultation.id, nodeId, viewerId, participant, { ids: page.items.map((t) => t.id), replies: true }).map((t) => [t.id, t]));
  const threads = page.items.map((t) => byId.get(t.id)).filter((t) => t !== undefined);
  // The text marks every passage comment, not only this page's.
  const withPassages =
    shownText === null || nodeId === null
      ? []
      : commentThreads(context.db, consultation.id, nodeId, viewerId, participant, { ids: passageCommentIds(context.db, consultation.id, nodeId), replies: false });
  return {
    threads,
    passages: shownText === null ? null : passageView(shownText, withPassages),
    total: all.length,
    counts: stanceCounts(all),
    page: { offset: page.offset, previous: page.previous, next: page.next, matching: matching.length },
    filters,
    groups: listStakeholderGroups(context.db).map((g) => ({ id: g.id, name: g.name })),
    signedIn: signedIn !== null,
    // An unconfirmed participant sees the form and writes in it; sending says to confirm first.
    canComment: signedIn !== null && can(signedIn.actor, { action: "comment.prepare", consultation }, now),
    unconfirmed: signedIn !== null && !signedIn.actor.emailConfirmed,
    following: followState(context, signedIn, consultation.id, nodeId),
    open: state === "open",
    // Why the form is not shown, for a signed-in reader while the consultation is not open to them.
    refusal: state === "open" && signedIn === null ? null : refusal(consultation, now),
    currentVersion: currentVersion(context.db, consultation.id)?.number ?? null,
    closedAt: state === "closed" || state === "results-published" ? (consultation.closesAt?.toISOString() ?? null) : null,
    submissionId: randomUUID(),
    replySubmissionId: randomUUID(),
    /** Where a joint submission on this paragraph starts (issue 17). */
    slug: consultation.slug,
    published: publishedSchema.parse(new URL(request.url).searchParams.get("published")),
  };
}

const publishedSchema = z.enum(["comment", "reply"]).nullable().catch(null);

const PASSWORDLESS = (form: FormData) =>
  Object.fromEntries([...form].filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v).slice(0, 20_000)]));

/**
 * Answers the paragraph page's forms: a comment, a reply, an endorsement. Refused on the server
 * when the consultation is not open, whatever the page showed.
 */
export async function submitParagraphForm(
  request: Request,
  context: AppLoadContext,
  slug: string,
  /** The paragraph commented on; nodeId and label null for the draft as a whole. */
  node: { nodeId: string | null; label: string | null; text: string },
) {
  const { nodeId, label } = node;
  const consultation = getConsultationBySlug(context.db, slug);
  if (!consultation) throw data(translatableError("error.consultationNotFound", { slug }), { status: 404 });
  const signedIn = await getSignedInUser(request, context.db, context.config);
  const form = await request.formData();
  const values = PASSWORDLESS(form);
  if (!signedIn) throw redirect(`/sign-in?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  // Every intent, endorsing and flagging included, needs an open consultation: can() decides,
  // with the clock, to the second, whatever the page showed when it was loaded.
  const now = new Date();
  // A refused reply, edit or report stays in its own form, open with what was typed.
  const where = { reply: { replyTo: values.parentId }, edit: { editing: values.commentId }, flag: { flagging: values.commentId } }[String(form.get("intent"))] ?? {};
  if (!can(signedIn.actor, { action: "comment.prepare", consultation }, now)) {
    const why = refusal(consultation, now);
    return data({ errors: { form: why.key }, values, refusal: why, ...where }, { status: 403 });
  }
  if (form.get("resendConfirmation")) {
    // Asked from the comment form: the link goes out again and the text stays where it was.
    return data({ errors: { form: await resendConfirmation(context, signedIn) }, values, ...where }, { status: 200 });
  }
  if (!can(signedIn.actor, { action: "comment.create", consultation }, now)) {
    // Not published, not counted, nothing stored: the text waits in the form (decision 028).
    return data({ errors: { form: "comment.confirmFirst" }, values, ...where }, { status: 403 });
  }
  // The account's own limit first of all; the address's only bounds many accounts together.
  const limited = await rateLimits(context).consumeAll(writeChecks(context, writeKind(form.get("intent")), signedIn.user.id));
  if (!limited.allowed) {
    // With JavaScript the form shows this and keeps its text; without, contribution-gate.server.ts
    // answers before the page is rendered (this answer remains for a request that raced past it).
    return data(
      { errors: { form: "comment.tooMany" }, values, wait: { minutes: minutesToWait(limited.msBeforeNext) }, ...where },
      { status: 429, headers: { "Retry-After": String(retryAfterSeconds(limited.msBeforeNext)) } },
    );
  }

  const page = label === null ? `/c/${slug}/comments` : `/c/${slug}/p/${encodeURIComponent(label).replace(/%28/g, "(").replace(/%29/g, ")")}`;
  const intent = form.get("intent");
  const commentId = z.coerce.number().int().positive().safeParse(form.get("commentId"));
  if (intent === "edit") {
    const parsed = editSchema.safeParse(values);
    if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values, editing: values.commentId }, { status: 400 });
    const outcome = editComment(context.db, signedIn.user.id, parsed.data);
    if (outcome === "too-late") return data({ errors: { form: "comment.editTooLate" }, values }, { status: 409 });
    if (outcome === "not-found") throw data(translatableError("error.commentNotFound"), { status: 404 });
    commentsChanged(context, consultation.id, { slug, nodeId, kind: "comment" });
    return redirect(`${page}?comment=${parsed.data.commentId}#comment-${parsed.data.commentId}`);
  }
  if (intent === "delete" && commentId.success) {
    if (!deleteOwnComment(context.db, signedIn.user.id, commentId.data)) throw data(translatableError("error.commentNotFound"), { status: 404 });
    commentsChanged(context, consultation.id, { slug, nodeId, kind: "comment" });
    return redirect(`${page}#comments-title`);
  }
  if (intent === "flag" && commentId.success) {
    const reason = reasonSchema.safeParse(form.get("reason"));
    if (!reason.success) return data({ errors: { reason: "moderation.reason.required" }, values, flagging: values.commentId }, { status: 400 });
    if (!commentShownOnPage(context.db, commentId.data, consultation.id, nodeId)) throw data(translatableError("error.commentNotFound"), { status: 404 });
    flagComment(context.db, signedIn.user.id, commentId.data, reason.data);
    return redirect(`${page}?flagged=1&comment=${commentId.data}#comment-${commentId.data}`);
  }
  if (intent === "endorse") {
    const id = z.coerce.number().int().positive().safeParse(form.get("commentId"));
    if (!id.success) throw data(translatableError("error.invalidForm"), { status: 400 });
    const endorsed = commentShownOnPage(context.db, id.data, consultation.id, nodeId);
    if (!endorsed) throw data(translatableError("error.commentNotFound"), { status: 404 });
    if (!can(signedIn.actor, { action: "comment.endorse", consultation, authorId: endorsed.authorId }, now)) {
      return data({ errors: { form: "comment.endorseOwn" }, values }, { status: 403 });
    }
    if (toggleEndorsement(context.db, id.data, signedIn.user.id)) {
      commentEndorsed(context.db, id.data, signedIn.user.id);
      context.notifier?.wake();
    }
    context.announce?.({ slug, nodeId, kind: "endorsement" });
    return redirect(`${page}?comment=${id.data}#comment-${id.data}`);
  }
  if (intent === "reply") {
    const parsed = replySchema.safeParse(values);
    if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values, replyTo: values.parentId }, { status: 400 });
    // The reply and its notifications in one transaction: one commit, and never one without the other.
    const { reply, firstTime } = context.db.transaction((tx) => {
      const db = tx as unknown as Db;
      const firstTime = !submissionStored(db, parsed.data.submissionId);
      const reply = addReply(db, { ...parsed.data, author: signedIn.user, consultationId: consultation.id });
      if (reply && firstTime) commentPublished(db, reply);
      return { reply, firstTime };
    });
    if (!reply) throw data(translatableError("error.commentNotFound"), { status: 404 });
    if (firstTime) context.notifier?.wake();
    context.announce?.({ slug, nodeId, kind: "reply" });
    return redirect(`${page}?published=reply&comment=${reply.id}#comment-${reply.id}`);
  }
  const parsed = commentSchema.safeParse(values);
  // Passages are words of a paragraph; the draft as a whole has none.
  const passage = nodeId === null ? null : passageFromForm(values, node.text);
  if (!parsed.success || passage === "invalid") {
    const errors = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...(passage === "invalid" ? { passage: "comment.passage.invalid" } : {}) };
    return data({ errors, values }, { status: 400 });
  }
  const version = currentVersion(context.db, consultation.id);
  // Anchored in the working draft too, so the passage follows the experts' edits (issue 5, point 8).
  const workingDraft = passage && nodeId !== null ? anchorPassage(context.db, context.collab, slug, nodeId, passage) : null;
  // The comment and its notifications in one transaction: one commit (they were two, and each
  // commit's cost counts on the closing day), and never a comment whose followers are not told.
  const { comment, firstTime } = context.db.transaction((tx) => {
    const db = tx as unknown as Db;
    const firstTime = !submissionStored(db, parsed.data.submissionId);
    const comment = addComment(db, {
      ...parsed.data,
      consultationId: consultation.id,
      nodeId,
      versionId: version?.id ?? null,
      round: consultation.round,
      author: signedIn.user,
      passage: passage ? { anchor: workingDraft ? { ...passage, workingDraft } : passage } : null,
    });
    // A form sent twice stores one comment, and tells its followers once.
    if (firstTime) commentPublished(db, comment);
    return { comment, firstTime };
  });
  if (firstTime) context.notifier?.wake();
  commentsChanged(context, consultation.id, { slug, nodeId, kind: "comment" });
  return redirect(`${page}?published=comment&comment=${comment.id}#comment-${comment.id}`);
}
