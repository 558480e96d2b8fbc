/** What the analysis page and its drill-down lists show, for experts of the consultation and the secretariat. */
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { can } from "../auth/permissions";
import { getActor } from "../auth/session.server";
import { listStakeholderGroups } from "../accounts/users.server";
import { publicAuthor } from "../comments/comments.server";
import { loadReadableDraft } from "../drafts/reading.server";
import { createTranslator } from "../i18n/translate";
import { z } from "zod";
import { stances } from "../../db/enums";
import { commentsPerDay, countedCommentList, DRILL_DOWN_PAGE_SIZE, paragraphMatrix, participation, type MatrixRow, type StanceMix } from "./analysis.server";
import { parseCommentFilters } from "./comment-filters";
import { parseDrillDown, WHOLE_DRAFT } from "./drill-down";

/** The consultation, readable and open to analysis by this actor, or sign-in / 403 / 404. */
async function requireAnalysis(request: Request, context: AppLoadContext, slug: string | undefined) {
  const actor = await getActor(request, context.db, context.config);
  const draft = loadReadableDraft(context.db, slug, actor);
  if (!can(actor, { action: "analysis.view", consultation: draft.consultation })) {
    if (actor.kind === "anonymous") {
      const url = new URL(request.url);
      throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
    }
    throw data({ message: createTranslator()("error.forbidden.body") }, { status: 403 });
  }
  return draft;
}

const HEAT_EXCERPT = 100;
export const matrixParam = z.enum(["region", "group"]).catch("region");

/** A stance mix as the page receives it (see MixArray in analysis-views.tsx). */
const mixArray = (mix: StanceMix): number[] => [...stances.map((s) => mix[s]), mix.total];

export async function analysisPage(request: Request, context: AppLoadContext, slug: string | undefined) {
  const { consultation, nodes } = await requireAnalysis(request, context, slug);
  const params = new URL(request.url).searchParams;
  const filters = parseCommentFilters(params);
  // One matrix at a time (a tab): paragraph × stakeholder group is 200 rows × 10 columns of cells.
  const matrix = matrixParam.parse(params.get("matrix") ?? undefined);
  const db = context.db;
  const rows = paragraphMatrix(db, consultation.id, filters, matrix);
  // Matrix rows in reading order: the whole draft first, then the outline, then paragraphs that
  // earlier versions had and the current one dropped.
  const position = new Map(nodes.map((n, i) => [n.nodeId, i]));
  const order = (rows: MatrixRow[]) =>
    rows.sort((a, b) => (a.node === WHOLE_DRAFT ? -1 : position.get(a.node) ?? 1e9) - (b.node === WHOLE_DRAFT ? -1 : position.get(b.node) ?? 1e9));
  const totals = new Map(rows.map((r) => [r.node, r.total.total]));
  const most = Math.max(1, ...totals.values());
  return {
    consultation: { id: consultation.id, slug: consultation.slug, title: consultation.title },
    filters,
    groups: listStakeholderGroups(db).map((g) => ({ id: g.id, name: g.name })),
    participation: participation(db, consultation.id, filters),
    perDay: commentsPerDay(db, consultation.id, filters),
    labels: Object.fromEntries(nodes.filter((n) => n.label !== null).map((n) => [n.nodeId, n.label!])),
    matrix,
    rows: order(rows).map((r) => ({ node: r.node, total: mixArray(r.total), cells: Object.fromEntries(Object.entries(r.cells).map(([k, m]) => [k, mixArray(m)])) })),
    // The heat view lists the current text: every paragraph, shaded by its share of the most
    // commented one. Text is cut to an excerpt: the page is an overview, the paragraph page has it all.
    heat: nodes.map((n) => ({
      nodeId: n.nodeId,
      kind: n.kind,
      label: n.label,
      level: n.level,
      excerpt: n.text.length > HEAT_EXCERPT ? `${n.text.slice(0, HEAT_EXCERPT)}…` : n.text,
      comments: totals.get(n.nodeId) ?? 0,
      heat: (totals.get(n.nodeId) ?? 0) / most,
    })),
  };
}

export async function drillDownPage(request: Request, context: AppLoadContext, slug: string | undefined) {
  const { consultation, nodes } = await requireAnalysis(request, context, slug);
  const params = new URL(request.url).searchParams;
  const filters = parseCommentFilters(params);
  const cell = parseDrillDown(params);
  const t = createTranslator();
  const { total, rows } = countedCommentList(context.db, consultation.id, filters, cell, cell.page);
  const labels = new Map(nodes.map((n) => [n.nodeId, n.label]));
  return {
    consultation: { slug: consultation.slug, title: consultation.title },
    filters,
    cell,
    total,
    page: cell.page,
    pageSize: DRILL_DOWN_PAGE_SIZE,
    pages: Math.max(1, Math.ceil(total / DRILL_DOWN_PAGE_SIZE)),
    groups: listStakeholderGroups(context.db).map((g) => ({ id: g.id, name: g.name })),
    nodeLabel: cell.node === undefined || cell.node === WHOLE_DRAFT ? null : (labels.get(cell.node) ?? null),
    comments: rows.map(({ comment: c, group }) => ({
      id: c.id,
      author: publicAuthor(c, group, t("comment.participant")),
      region: c.authorRegion,
      stance: c.stance,
      channel: c.channel,
      language: c.language,
      createdAt: c.createdAt.toISOString(),
      node: c.nodeId,
      label: c.nodeId === null ? null : (labels.get(c.nodeId) ?? null),
      body: c.body,
      proposedText: c.proposedText,
    })),
  };
}
