/** What the analysis page and its drill-down lists show, for experts of the consultation and the secretariat. */
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { can } from "../auth/permissions";
import { getActor } from "../auth/session.server";
import { listStakeholderGroups } from "../accounts/users.server";
import { publicAuthor } from "../comments/comments.server";
import { loadReadableDraft } from "../drafts/reading.server";
import { z } from "zod";
import { count, eq } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { stances, unescoRegions } from "../../db/enums";
import { users } from "../../db/schema";
import { commentsPerDay, countedCommentList, DRILL_DOWN_PAGE_SIZE, paragraphMatrix, participation, type MatrixRow, type StanceMix } from "./analysis.server";
import { campaignsForPage, campaignSummaries, countedStamp } from "./campaign-groups.server";
import { parseCommentFilters } from "./comment-filters";
import { isKnownDimensionValue, parseDrillDown, WHOLE_DRAFT } from "./drill-down";
import { consensusView, representativenessView, silentByParagraph } from "./insights";
import { memberStatesBaseline } from "./representativeness";
import { consultationThemesForPage } from "./themes.server";
import { cachedFigure } from "./figure-cache.server";
import { coSignerBreakdown, coSignerSummaries } from "../joint/co-signers.server";
import { coSignedPhrase } from "../joint/co-signers";
import { requestTranslator } from "../i18n/locale.server";
import { translatableError } from "../i18n/error-message";

/** The consultation, readable and open to analysis by this actor, or sign-in / 403 / 404. */
async function requireAnalysis(request: Request, context: AppLoadContext, slug: string | undefined) {
  const actor = await getActor(request, context.db, context.config);
  const draft = loadReadableDraft(context.db, slug, actor);
  if (!can(actor, { action: "analysis.view", consultation: draft.ref })) {
    if (actor.kind === "anonymous") {
      const url = new URL(request.url);
      throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
    }
    throw data(translatableError("error.forbidden.body"), { status: 403 });
  }
  return draft;
}

const HEAT_EXCERPT = 100;
export const matrixParam = z.enum(["region", "group"]).catch("region");
/** What the regions' shares are compared with: UN Member States per region, or registered participants. */
export const baselineParam = z.enum(["member-states", "registered"]).catch("member-states");
const CAMPAIGN_EXCERPT = 240;

/** Registered participants (accounts with the participant role) per region or per stakeholder group. */
function registeredBaseline(db: Db, by: "region" | "group"): { key: string; weight: number }[] {
  const column = by === "region" ? users.unescoRegion : users.stakeholderGroupId;
  return db
    .select({ key: column, weight: count() })
    .from(users)
    .where(eq(users.role, "participant"))
    .groupBy(column)
    .all()
    .map((r) => ({ key: String(r.key), weight: r.weight }));
}

/** A stance mix as the page receives it (see MixArray in analysis-views.tsx). */
const mixArray = (mix: StanceMix): number[] => [...stances.map((s) => mix[s]), mix.total];

export async function analysisPage(request: Request, context: AppLoadContext, slug: string | undefined) {
  const { consultation, nodes } = await requireAnalysis(request, context, slug);
  const params = new URL(request.url).searchParams;
  const filters = parseCommentFilters(params);
  // One matrix at a time (a tab): paragraph × stakeholder group is 200 rows × 10 columns of cells.
  const matrix = matrixParam.parse(params.get("matrix") ?? undefined);
  const baseline = baselineParam.parse(params.get("baseline") ?? undefined);
  const db = context.db;
  // The campaign grouping and the themes take seconds at 100,000 comments: after comments change,
  // the page shows the last ones made while the current ones are computed in the background, and
  // says so (decision 016).
  const stamp = countedStamp(db, consultation.id);
  const grouping = campaignsForPage(db, consultation.id, stamp, context.background);
  // Both matrices: the chosen one is shown, and consensus and silence need regions and groups.
  // Figures are kept until the counted comments or the grouping they were made from change.
  const figure = <T,>(name: string, compute: () => T) => cachedFigure(db, consultation.id, stamp, `${name}@${grouping.version}`, filters, compute);
  const regionRows = figure("matrix:region", () => paragraphMatrix(db, consultation.id, filters, "region"));
  const groupRows = figure("matrix:group", () => paragraphMatrix(db, consultation.id, filters, "group"));
  const rows = matrix === "region" ? regionRows : groupRows;
  const groups = listStakeholderGroups(db).map((g) => ({ id: g.id, name: g.name }));
  const groupValues = groups.map((g) => String(g.id));
  const counted = figure("participation", () => participation(db, consultation.id, filters));
  const paragraphIds = nodes.filter((n) => n.kind !== "heading").map((n) => n.nodeId);
  const labelOf = new Map(nodes.map((n) => [n.nodeId, n.label]));
  const { value: themes, stale: themesStale } = consultationThemesForPage(db, consultation.id, filters, stamp, context.background);
  const inReadingOrder = (ids: string[]) => {
    const at = new Map(nodes.map((n, i) => [n.nodeId, i]));
    return ids.sort((a, b) => (a === WHOLE_DRAFT ? -1 : (at.get(a) ?? 1e9)) - (b === WHOLE_DRAFT ? -1 : (at.get(b) ?? 1e9)));
  };
  // Matrix rows in reading order: the whole draft first, then the outline, then paragraphs that
  // earlier versions had and the current one dropped.
  const position = new Map(nodes.map((n, i) => [n.nodeId, i]));
  const order = (rows: MatrixRow[]) =>
    rows.sort((a, b) => (a.node === WHOLE_DRAFT ? -1 : position.get(a.node) ?? 1e9) - (b.node === WHOLE_DRAFT ? -1 : position.get(b.node) ?? 1e9));
  const totals = new Map(rows.map((r) => [r.node, r.total.total]));
  const most = Math.max(1, ...totals.values());
  return {
    consultation: { id: consultation.id, slug: consultation.slug, title: consultation.title, round: consultation.round },
    filters,
    /** Campaigns or themes are still being brought up to date with the newest comments. */
    updating: grouping.stale || themesStale,
    groups,
    participation: counted,
    perDay: figure("perDay", () => commentsPerDay(db, consultation.id, filters)),
    labels: Object.fromEntries(nodes.filter((n) => n.label !== null).map((n) => [n.nodeId, n.label!])),
    matrix,
    rows: order([...rows]).map((r) => ({ node: r.node, total: mixArray(r.total), cells: Object.fromEntries(Object.entries(r.cells).map(([k, m]) => [k, mixArray(m)])) })),
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
    consensus: {
      region: consensusView(regionRows, unescoRegions),
      group: consensusView(groupRows, groupValues),
    },
    baseline,
    representativeness: {
      region: representativenessView(counted.byDimension.region, baseline === "registered" ? registeredBaseline(db, "region") : memberStatesBaseline()),
      // Member States have no stakeholder groups: groups are always compared with registered participants.
      group: representativenessView(counted.byDimension.group, registeredBaseline(db, "group")),
    },
    silent: silentByParagraph(paragraphIds, regionRows, groupRows, unescoRegions, groupValues),
    // Who stands behind the joint submissions counted: each counts once as a comment above.
    coSigners: figure("coSigners", () => coSignerBreakdown(db, consultation.id, filters)),
    campaigns: figure("campaigns", () => campaignSummaries(db, consultation.id, filters)).map((c) => ({
      ...c,
      body: c.body.length > CAMPAIGN_EXCERPT ? `${c.body.slice(0, CAMPAIGN_EXCERPT)}…` : c.body,
      label: c.node === null ? null : (labelOf.get(c.node) ?? null),
    })),
    // Undefined while the themes for these filters are first computed (a large consultation).
    themes: themes && {
      paragraphs: inReadingOrder(Object.keys(themes.paragraphs)).map((node) => ({ node, terms: themes.paragraphs[node]!.map((t) => ({ term: t.term, count: t.count })) })),
      regions: unescoRegions.filter((r) => themes.regions[r]).map((region) => ({ region, terms: themes.regions[region]!.map((t) => ({ term: t.term, count: t.count })) })),
    },
  };
}

export async function drillDownPage(request: Request, context: AppLoadContext, slug: string | undefined) {
  const { consultation, nodes } = await requireAnalysis(request, context, slug);
  const params = new URL(request.url).searchParams;
  const filters = parseCommentFilters(params);
  const cell = parseDrillDown(params);
  const groupList = listStakeholderGroups(context.db);
  if (cell.by !== undefined && cell.value !== undefined && !isKnownDimensionValue(cell.by, cell.value, groupList.map((g) => g.id))) {
    throw data(translatableError("error.badRequest.body"), { status: 400 });
  }
  const t = await requestTranslator(request, context);
  if (filters.campaigns === "collapsed" || cell.campaign !== undefined) campaignsForPage(context.db, consultation.id, undefined, context.background);
  const { total, rows } = countedCommentList(context.db, consultation.id, filters, cell, cell.page);
  const labels = new Map(nodes.map((n) => [n.nodeId, n.label]));
  const coSigned = coSignerSummaries(context.db, rows.map((r) => r.comment.id));
  return {
    consultation: { slug: consultation.slug, title: consultation.title, round: consultation.round },
    filters,
    cell,
    total,
    page: cell.page,
    pageSize: DRILL_DOWN_PAGE_SIZE,
    pages: Math.max(1, Math.ceil(total / DRILL_DOWN_PAGE_SIZE)),
    groups: groupList.map((g) => ({ id: g.id, name: g.name })),
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
      /** "Co-signed by N … from M regions" for a joint submission; null for any other comment. */
      coSigned: coSigned.has(c.id) ? coSignedPhrase(t, coSigned.get(c.id)!) : null,
    })),
    // The co-signers behind this figure's joint submissions (a paragraph's, a region's…).
    coSigners: coSignerBreakdown(context.db, consultation.id, filters, cell),
  };
}
