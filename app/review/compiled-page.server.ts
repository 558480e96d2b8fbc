/** The compiled comments table page: what it shows, and the disposition, assignment and type forms. */
import { effectiveStatus } from "../consultations/lifecycle";
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { parseCommentFilters, filtersToSearch } from "../analysis/comment-filters";
import { campaignKeys } from "../analysis/campaign-groups.server";
import { fieldErrors } from "../accounts/profile-schema";
import { listStakeholderGroups } from "../accounts/users.server";
import { can } from "../auth/permissions";
import { requireUser } from "../auth/session.server";
import { workingDraftBlocks } from "../collab/working-drafts.server";
import { currentVersion, getConsultationBySlug, getOutline } from "../drafts/drafts.server";
import { workingDraftLabels } from "../drafts/relabel";
import { workingDraftName } from "../../realtime/protocol";
import { compiledPage, rowContext, type CompiledSort, type ReviewFilters } from "./compiled-rows.server";
import { requestTranslator } from "../i18n/locale.server";
import { translatableError } from "../i18n/error-message";
import {
  assignComments,
  assignSchema,
  dispositionSchema,
  parseLabels,
  recordDispositions,
  recordGroupDisposition,
  reviewProgress,
  setCommentType,
  typeSchema,
} from "./dispositions.server";

export const PAGE_SIZE = 50;

const reviewQuery = z.object({
  paragraph: z.string().max(60).optional().catch(undefined),
  assignee: z.union([z.literal("none"), z.coerce.number().int().positive()]).optional().catch(undefined),
  decided: z.enum(["yes", "no"]).optional().catch(undefined),
  sort: z.enum(["paragraph", "oldest", "newest", "endorsements", "undecided"]).catch("paragraph"),
  page: z.coerce.number().int().positive().max(100_000).catch(1),
});

/** The signed-in expert or secretariat member, and the consultation they review; 404/403 otherwise. */
export async function openReview(request: Request, context: AppLoadContext, slug: string | undefined) {
  const signedIn = await requireUser(request, context.db, context.config);
  const consultation = slug ? getConsultationBySlug(context.db, slug) : undefined;
  if (!consultation || !can(signedIn.actor, { action: "consultation.read", consultation })) {
    throw data(translatableError("error.consultationNotFound", { slug: String(slug ?? "").slice(0, 100) }), { status: 404 });
  }
  if (!can(signedIn.actor, { action: "comments.review", consultation })) {
    throw data(translatableError("error.forbidden.body"), { status: 403 });
  }
  return { signedIn, consultation };
}

export async function compiledTablePage(request: Request, context: AppLoadContext, slug: string | undefined) {
  const { signedIn, consultation } = await openReview(request, context, slug);
  const db = context.db;
  const t = await requestTranslator(request, context);
  const url = new URL(request.url);
  const filters = parseCommentFilters(url.searchParams);
  const q = reviewQuery.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== "")));
  const version = currentVersion(db, consultation.id);
  const nodes = version ? getOutline(db, version.id) : [];
  const paragraphs = nodes.filter((n) => n.label !== null && n.kind !== "heading");
  const nodeOfLabel = new Map(paragraphs.map((n) => [n.label!, n.nodeId]));
  const review: ReviewFilters = {
    nodeId: q.paragraph ? (nodeOfLabel.get(q.paragraph) ?? "-") : undefined,
    assignee: q.assignee,
    decided: q.decided,
  };
  // A refresh of the campaign grouping this page may start runs after the response, not in it.
  const ctx = rowContext(db, consultation.id, t("comment.participant"), undefined, context.background);
  const { rows, total } = compiledPage(db, ctx, filters, review, q.sort as CompiledSort, q.page, PAGE_SIZE);
  const progress = reviewProgress(db, consultation.id);
  const labelOf = new Map(nodes.map((n) => [n.nodeId, n.label]));
  const experts = [...ctx.experts].map(([id, name]) => ({ id, name }));
  const sum = (list: { decided: number; total: number }[]) =>
    list.reduce((a, p) => ({ decided: a.decided + p.decided, total: a.total + p.total }), { decided: 0, total: 0 });
  const position = new Map(nodes.map((n) => [n.nodeId, n.position]));
  return {
    consultation: { slug: consultation.slug, title: consultation.title, status: effectiveStatus(consultation, new Date()), round: consultation.round },
    filters,
    review: { paragraph: q.paragraph ?? "", assignee: q.assignee ?? "", decided: q.decided ?? "", sort: q.sort },
    page: q.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    rows,
    search: url.search,
    exportSearch: filtersToSearch(filters),
    saved: Number(url.searchParams.get("saved") ?? 0) || 0,
    groups: listStakeholderGroups(db).map((g) => ({ id: g.id, name: g.name })),
    paragraphs: paragraphs.map((n) => n.label!),
    experts,
    me: signedIn.user.id,
    canExportPrivate: can(signedIn.actor, { action: "export.private" }),
    progress: {
      overall: sum(progress.byParagraph),
      byParagraph: progress.byParagraph
        .map((p) => ({ ...p, label: p.key === "" ? null : (labelOf.get(p.key) ?? ctx.latestLabels.get(p.key) ?? null) }))
        .sort((a, b) => (position.get(a.key) ?? -1) - (position.get(b.key) ?? -1)),
      byAssignee: progress.byAssignee.map((p) => ({ ...p, name: p.key === "" ? null : (ctx.experts.get(Number(p.key)) ?? null) })),
    },
  };
}

/** Paragraph labels of the next version (the working draft) → their stable node ids. */
function resolveTargets(context: AppLoadContext, slug: string, text: string): { nodeIds: string[] | null; unknown: string[] } {
  const labels = parseLabels(text);
  if (labels.length === 0) return { nodeIds: null, unknown: [] };
  const blocks = workingDraftBlocks(context.db, slug, context.collab?.documents.get(workingDraftName(slug))?.doc) ?? [];
  const current = workingDraftLabels(blocks);
  const byLabel = new Map(blocks.flatMap((b, i) => (current[i] ? [[current[i], b.nodeId] as const] : [])));
  const nodeIds: string[] = [];
  const unknown: string[] = [];
  for (const label of labels) {
    const id = byLabel.get(label);
    if (id) nodeIds.push(id);
    else unknown.push(label);
  }
  return { nodeIds, unknown };
}

const formValues = (form: FormData) => {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string").map((v) => v.slice(0, 5000));
    values[key] = key === "commentIds" ? all : (all[0] ?? "");
  }
  return values;
};

/**
 * One form answers everything on the page (so it works without JavaScript): bulk buttons act on
 * the ticked comments; a row's "save" button acts on that row's own fields.
 */
export async function submitCompiledTable(request: Request, context: AppLoadContext, slug: string | undefined) {
  const { signedIn, consultation } = await openReview(request, context, slug);
  const db = context.db;
  const values = formValues(await request.formData());
  const intent = String(values.intent ?? "");
  const by = { id: signedIn.user.id, displayName: signedIn.user.displayName };
  const back = (saved: number) => {
    // A decision tells the comment's author ("you said, we did"): queued after this response.
    context.notifier?.wake();
    const url = new URL(request.url);
    url.searchParams.set("saved", String(saved));
    return redirect(`${url.pathname}?${url.searchParams}`);
  };
  const invalid = (errors: Record<string, string>) => data({ errors, values }, { status: 400 });

  const dispose = (input: Record<string, unknown>, fieldPrefix = "") => {
    const parsed = dispositionSchema.safeParse(input);
    if (!parsed.success) return { errors: Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([k, v]) => [fieldPrefix + k, v])) };
    const targets = resolveTargets(context, consultation.slug, parsed.data.targets);
    if (targets.unknown.length > 0) return { errors: { [`${fieldPrefix}targets`]: "review.targets.unknown" } };
    return {
      saved: recordDispositions(db, { consultationId: consultation.id, ...parsed.data, targetNodeIds: targets.nodeIds, by }),
    };
  };

  const row = /^row:(\d+)$/.exec(intent);
  if (row) {
    const id = row[1]!;
    const prefix = `row-${id}-`;
    let saved = 0;
    if (values[`${prefix}decision`]) {
      const outcome = dispose(
        { commentIds: [id], decision: values[`${prefix}decision`], rationale: values[`${prefix}rationale`], targets: values[`${prefix}targets`] },
        prefix,
      );
      if (outcome.errors) return invalid(outcome.errors);
      saved = outcome.saved;
    }
    const assignee = assignSchema.safeParse({ commentIds: [id], assigneeId: values[`${prefix}assignee`] || "none" });
    if (assignee.success) assignComments(db, consultation.id, [Number(id)], assignee.data.assigneeId === "none" ? null : assignee.data.assigneeId);
    if (values[`${prefix}type`] && values[`${prefix}type`] !== values[`${prefix}typeWas`]) {
      const type = typeSchema.safeParse({ commentIds: [id], commentType: values[`${prefix}type`] });
      if (!type.success) return invalid({ [`${prefix}type`]: "review.type.required" });
      setCommentType(db, consultation.id, type.data.commentIds, type.data.commentType);
    }
    return back(Math.max(saved, 1));
  }
  if (intent === "bulk-dispose" && values.asCampaigns === "1") {
    // Ticked comments in a campaign: one disposition for the whole campaign group; the others their own.
    const parsed = dispositionSchema.safeParse({ commentIds: values.commentIds, decision: values.decision || undefined, rationale: values.rationale, targets: values.targets });
    if (!parsed.success) return invalid(fieldErrors(parsed.error));
    const targets = resolveTargets(context, consultation.slug, parsed.data.targets);
    if (targets.unknown.length > 0) return invalid({ targets: "review.targets.unknown" });
    const campaignOf = campaignKeys(db, consultation.id, context.background).of;
    const keys = new Set<string>();
    const single: number[] = [];
    for (const id of parsed.data.commentIds) {
      const key = campaignOf.get(id);
      if (key) keys.add(key);
      else single.push(id);
    }
    for (const groupKey of keys) {
      recordGroupDisposition(db, { consultationId: consultation.id, groupKey, decision: parsed.data.decision, rationale: parsed.data.rationale, targetNodeIds: targets.nodeIds ?? [], by });
    }
    const saved = single.length > 0 ? recordDispositions(db, { consultationId: consultation.id, ...parsed.data, commentIds: single, targetNodeIds: targets.nodeIds, by }) : 0;
    return back(saved + keys.size);
  }
  if (intent === "bulk-dispose") {
    const outcome = dispose({ commentIds: values.commentIds, decision: values.decision || undefined, rationale: values.rationale, targets: values.targets });
    if (outcome.errors) return invalid(outcome.errors);
    return back(outcome.saved);
  }
  if (intent === "bulk-assign") {
    const parsed = assignSchema.safeParse({ commentIds: values.commentIds, assigneeId: values.assigneeId || undefined });
    if (!parsed.success) return invalid(fieldErrors(parsed.error));
    const assigneeId = parsed.data.assigneeId === "none" ? null : parsed.data.assigneeId;
    // Only the experts are needed: no campaign grouping.
    const experts = rowContext(db, consultation.id, "", new Map()).experts;
    if (assigneeId !== null && !experts.has(assigneeId)) return invalid({ assigneeId: "review.assignee.required" });
    return back(assignComments(db, consultation.id, parsed.data.commentIds, assigneeId));
  }
  if (intent === "bulk-type") {
    const parsed = typeSchema.safeParse({ commentIds: values.commentIds, commentType: values.commentType || undefined });
    if (!parsed.success) return invalid(fieldErrors(parsed.error));
    return back(setCommentType(db, consultation.id, parsed.data.commentIds, parsed.data.commentType));
  }
  return invalid({ form: "review.intent.unknown" });
}

