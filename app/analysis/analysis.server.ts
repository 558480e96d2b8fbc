/**
 * The figures of the analysis page, and the comments behind each of them.
 *
 * What counts (decision 013): a *comment* is a visible top-level comment of the consultation — on
 * a paragraph or on the draft as a whole. Replies are conversation about a comment, carry no
 * stance and are not counted in any figure or matrix (the page gives their number once, for
 * context). Hidden and removed comments are not counted. A *participant* is a distinct author of
 * counted comments; a comment without an account (anonymised after account deletion, or input
 * recorded on someone's behalf) counts as one participant of its own. *People represented* adds
 * up each counted comment's `peopleRepresented` (a meeting's attendance).
 *
 * Every query here starts from `countedComments` + the shared filters (commentFilterConditions),
 * and the drill-down list adds the figure's cell with `cellConditions`: a figure and the list it
 * links to cannot disagree.
 */
import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client.server";
import { comments, stakeholderGroups, type Stance } from "../../db/schema";
import type { CommentFilters } from "./comment-filters";
import { commentFilterConditions } from "./comment-filters.server";
import { commentsIndexedBy } from "./analysis-indexes.server";
import { inCampaign } from "./campaign-groups.server";
import { NONE, WHOLE_DRAFT, type AnalysisDimension, type Cell } from "./drill-down";

const dimensionColumns: Record<AnalysisDimension, SQLiteColumn> = {
  region: comments.authorRegion,
  electoral: comments.authorElectoralGroup,
  group: comments.authorStakeholderGroupId,
  gender: comments.authorGender,
  age: comments.authorAgeBand,
  channel: comments.channel,
  language: comments.language,
};

/** Visible top-level comments of the consultation, narrowed by the shared filters. */
export function countedComments(consultationId: number, filters: CommentFilters): SQL {
  return and(
    eq(comments.consultationId, consultationId),
    isNull(comments.parentId),
    // A literal, not a bound parameter, so SQLite can match it against the analysis index.
    sql`${comments.status} = 'visible'`,
    commentFilterConditions(filters),
  )!;
}

/** The extra conditions of one figure's cell: its paragraph and its dimension value. */
export function cellConditions(cell: Cell): SQL | undefined {
  const conditions: SQL[] = [];
  if (cell.node === WHOLE_DRAFT) conditions.push(isNull(comments.nodeId));
  else if (cell.node !== undefined) conditions.push(eq(comments.nodeId, cell.node));
  if (cell.by !== undefined && cell.value !== undefined) {
    const column = dimensionColumns[cell.by];
    if (cell.value === NONE) conditions.push(isNull(column));
    else if (cell.by === "group") conditions.push(eq(column, Number(cell.value) || -1));
    else conditions.push(eq(column, cell.value));
  }
  if (cell.campaign !== undefined) conditions.push(inCampaign(cell.campaign));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** Comments per stance; `total` also counts comments without a stance (meeting input may have none). */
export type StanceMix = Record<Stance, number> & { total: number };
export const emptyMix = (): StanceMix => ({ support: 0, concern: 0, amendment: 0, question: 0, remark: 0, total: 0 });

function addToMix(mix: StanceMix, stance: Stance | null, n: number) {
  if (stance !== null) mix[stance] += n;
  mix.total += n;
}

const valueKey = (v: unknown): string => (v === null || v === undefined ? NONE : String(v));

export interface BreakdownRow {
  /** The dimension's value as it appears in the URL (`none` for no value). */
  value: string;
  comments: number;
  participants: number;
  people: number;
}

export interface Participation {
  totals: { comments: number; participants: number; people: number; replies: number };
  byDimension: Record<AnalysisDimension, BreakdownRow[]>;
}

const dimensionList = Object.keys(dimensionColumns) as AnalysisDimension[];

/**
 * Comments, participants and people represented, in total and per value of every dimension. One
 * GROUP BY author and all dimensions (a few thousand rows for 100,000 comments: authors write
 * with the same profile) folded here, instead of one COUNT(DISTINCT) scan per dimension.
 */
export function participation(db: Db, consultationId: number, filters: CommentFilters): Participation {
  const dimensionSql = sql.join(dimensionList.map((d) => sql`${dimensionColumns[d]} as ${sql.identifier(d)}`), sql`, `);
  const rows = db.all<{ author: number | null; n: number; people: number | null } & Record<AnalysisDimension, unknown>>(sql`
    select ${comments.authorId} as author, ${dimensionSql}, count(*) as n, sum(${comments.peopleRepresented}) as people
    from ${commentsIndexedBy("comments_analysis_author_idx")}
    where ${countedComments(consultationId, filters)}
    group by ${comments.authorId}, ${sql.join(dimensionList.map((d) => dimensionColumns[d]), sql`, `)}
    order by ${comments.authorId}`);
  // Rows come grouped by author first, so an author's rows are contiguous: a value's participants
  // are counted by noticing a new author, without a set per value.
  type Tally = { comments: number; participants: number; people: number; lastAuthor: number | null };
  const tallies = Object.fromEntries(dimensionList.map((d) => [d, new Map<string, Tally>()])) as Record<AnalysisDimension, Map<string, Tally>>;
  const totals = { comments: 0, participants: 0, people: 0, replies: 0 };
  let lastAuthor: number | null = null;
  for (const r of rows) {
    const people = Number(r.people ?? 0);
    totals.comments += r.n;
    totals.people += people;
    // A comment without an account is a participant of its own.
    if (r.author === null) totals.participants += r.n;
    else if (r.author !== lastAuthor) totals.participants += 1;
    lastAuthor = r.author;
    for (const d of dimensionList) {
      const key = valueKey(r[d]);
      let tally = tallies[d].get(key);
      if (!tally) tallies[d].set(key, (tally = { comments: 0, participants: 0, people: 0, lastAuthor: null }));
      tally.comments += r.n;
      tally.people += people;
      if (r.author === null) tally.participants += r.n;
      else if (r.author !== tally.lastAuthor) tally.participants += 1;
      tally.lastAuthor = r.author;
    }
  }
  // Replies are given for context only: visible replies whose own author matches the filters.
  totals.replies =
    db.get<{ n: number }>(sql`
      select count(*) as n from ${commentsIndexedBy("comments_parent_idx")}
      where ${and(eq(comments.consultationId, consultationId), sql`parent_id is not null`, eq(comments.status, "visible"), commentFilterConditions(filters))}`)?.n ?? 0;
  const byDimension = Object.fromEntries(
    dimensionList.map((d) => [
      d,
      [...tallies[d]]
        .map(([value, t]) => ({ value, comments: t.comments, participants: t.participants, people: t.people }))
        .sort((a, b) => b.comments - a.comments || a.value.localeCompare(b.value)),
    ]),
  ) as Record<AnalysisDimension, BreakdownRow[]>;
  return { totals, byDimension };
}

export interface MatrixRow {
  /** The paragraph's node id, or `draft` for comments on the whole draft. */
  node: string;
  total: StanceMix;
  cells: Record<string, StanceMix>;
}

/**
 * Paragraph × region (or × stakeholder group, or any dimension) with the stance mix in every
 * cell: one GROUP BY (paragraph, stance, value), reshaped. For region and stakeholder group an
 * analysis index has exactly this order (decision 013), so SQLite walks it without sorting. Rows
 * in no particular order; the page orders them by the outline.
 */
export function paragraphMatrix(db: Db, consultationId: number, filters: CommentFilters, by: AnalysisDimension): MatrixRow[] {
  const column = dimensionColumns[by];
  const rows = db.all<{ node: string | null; value: unknown; stance: Stance | null; n: number }>(sql`
    select ${comments.nodeId} as node, ${column} as value, ${comments.stance} as stance, count(*) as n
    from ${commentsIndexedBy(by === "group" ? "comments_analysis_group_idx" : "comments_analysis_region_idx")}
    where ${countedComments(consultationId, filters)}
    group by ${comments.nodeId}, ${comments.stance}, ${column}`);
  const byNode = new Map<string, MatrixRow>();
  for (const r of rows) {
    const node = r.node ?? WHOLE_DRAFT;
    let row = byNode.get(node);
    if (!row) byNode.set(node, (row = { node, total: emptyMix(), cells: {} }));
    addToMix((row.cells[valueKey(r.value)] ??= emptyMix()), r.stance, r.n);
    addToMix(row.total, r.stance, r.n);
  }
  return [...byNode.values()];
}

/** Counted comments per calendar day (UTC), oldest first; days without comments are left out. */
export function commentsPerDay(db: Db, consultationId: number, filters: CommentFilters): { day: string; comments: number }[] {
  // Integer days since the epoch, the expression of the day index (decision 013); formatted once per day here.
  const day = sql`${comments.createdAt} / 86400000`;
  return db
    .all<{ day: number; comments: number }>(sql`
      select ${day} as day, count(*) as comments from ${commentsIndexedBy("comments_analysis_day_idx")}
      where ${countedComments(consultationId, filters)}
      group by ${day} order by ${day}`)
    .map((r) => ({ day: new Date(r.day * 86_400_000).toISOString().slice(0, 10), comments: r.comments }));
}

export const DRILL_DOWN_PAGE_SIZE = 50;

/**
 * The comments behind one figure, oldest first, a page at a time, with how many there are. The
 * page is found on an analysis index (the paragraph's, or the day index whose order is the
 * list's), then only its rows are read whole.
 */
export function countedCommentList(db: Db, consultationId: number, filters: CommentFilters, cell: Cell, page: number) {
  const where = and(countedComments(consultationId, filters), cellConditions(cell))!;
  const from = commentsIndexedBy(cell.node !== undefined ? "comments_analysis_region_idx" : "comments_analysis_day_idx");
  const total = db.get<{ n: number }>(sql`select count(*) as n from ${from} where ${where}`)?.n ?? 0;
  const ids = db
    .all<{ id: number }>(sql`
      select ${comments.id} as id from ${from} where ${where}
      order by ${comments.createdAt} / 86400000, ${comments.createdAt}, ${comments.id}
      limit ${DRILL_DOWN_PAGE_SIZE} offset ${(page - 1) * DRILL_DOWN_PAGE_SIZE}`)
    .map((r) => r.id);
  if (ids.length === 0) return { total, rows: [] };
  const position = new Map(ids.map((id, i) => [id, i]));
  const rows = db
    .select({ comment: comments, group: stakeholderGroups.name })
    .from(comments)
    .innerJoin(stakeholderGroups, eq(stakeholderGroups.id, comments.authorStakeholderGroupId))
    .where(inArray(comments.id, ids))
    .all()
    .sort((a, b) => position.get(a.comment.id)! - position.get(b.comment.id)!);
  return { total, rows };
}
