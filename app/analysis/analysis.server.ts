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
import { and, asc, count, countDistinct, eq, isNotNull, isNull, sql, sum, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client.server";
import { comments, stakeholderGroups, type Stance } from "../../db/schema";
import type { CommentFilters } from "./comment-filters";
import { commentFilterConditions } from "./comment-filters.server";
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

/** One participant per account; a comment without an account is a participant of its own. */
const participantKey = sql`coalesce(${comments.authorId}, -${comments.id})`;

export interface Participation {
  totals: { comments: number; participants: number; people: number; replies: number };
  byDimension: Record<AnalysisDimension, BreakdownRow[]>;
}

export function participation(db: Db, consultationId: number, filters: CommentFilters): Participation {
  const where = countedComments(consultationId, filters);
  const totals = db
    .select({ comments: count(), participants: countDistinct(participantKey), people: sum(comments.peopleRepresented) })
    .from(comments)
    .where(where)
    .get()!;
  // Replies are given for context only: visible replies whose own author matches the filters.
  const replies =
    db
      .select({ n: count() })
      .from(comments)
      .where(and(eq(comments.consultationId, consultationId), isNotNull(comments.parentId), eq(comments.status, "visible"), commentFilterConditions(filters)))
      .get()?.n ?? 0;
  const byDimension = {} as Record<AnalysisDimension, BreakdownRow[]>;
  for (const [dimension, column] of Object.entries(dimensionColumns) as [AnalysisDimension, SQLiteColumn][]) {
    byDimension[dimension] = db
      .select({ value: column, comments: count(), participants: countDistinct(participantKey), people: sum(comments.peopleRepresented) })
      .from(comments)
      .where(where)
      .groupBy(column)
      .orderBy(sql`count(*) desc`, asc(column))
      .all()
      .map((r) => ({ value: valueKey(r.value), comments: r.comments, participants: r.participants, people: Number(r.people ?? 0) }));
  }
  return {
    totals: { comments: totals.comments, participants: totals.participants, people: Number(totals.people ?? 0), replies },
    byDimension,
  };
}

export interface MatrixRow {
  /** The paragraph's node id, or `draft` for comments on the whole draft. */
  node: string;
  total: StanceMix;
  cells: Record<string, StanceMix>;
}

/**
 * Paragraph × region (or × stakeholder group, or any dimension) with the stance mix in every
 * cell: one GROUP BY, reshaped. Rows in no particular order; the page orders them by the outline.
 */
export function paragraphMatrix(db: Db, consultationId: number, filters: CommentFilters, by: AnalysisDimension): MatrixRow[] {
  const column = dimensionColumns[by];
  const rows = db
    .select({ node: comments.nodeId, value: column, stance: comments.stance, n: count() })
    .from(comments)
    .where(countedComments(consultationId, filters))
    .groupBy(comments.nodeId, column, comments.stance)
    .all();
  const byNode = new Map<string, MatrixRow>();
  for (const r of rows) {
    const node = r.node ?? WHOLE_DRAFT;
    let row = byNode.get(node);
    if (!row) byNode.set(node, (row = { node, total: emptyMix(), cells: {} }));
    const key = valueKey(r.value);
    addToMix((row.cells[key] ??= emptyMix()), r.stance, r.n);
    addToMix(row.total, r.stance, r.n);
  }
  return [...byNode.values()];
}

/** Counted comments per calendar day (UTC), oldest first; days without comments are left out. */
export function commentsPerDay(db: Db, consultationId: number, filters: CommentFilters): { day: string; comments: number }[] {
  const day = sql<string>`strftime('%Y-%m-%d', ${comments.createdAt} / 1000, 'unixepoch')`;
  return db
    .select({ day, comments: count() })
    .from(comments)
    .where(countedComments(consultationId, filters))
    .groupBy(day)
    .orderBy(day)
    .all();
}

export const DRILL_DOWN_PAGE_SIZE = 50;

/** The comments behind one figure, oldest first, a page at a time, with how many there are. */
export function countedCommentList(db: Db, consultationId: number, filters: CommentFilters, cell: Cell, page: number) {
  const where = and(countedComments(consultationId, filters), cellConditions(cell));
  const total = db.select({ n: count() }).from(comments).where(where).get()?.n ?? 0;
  const rows = db
    .select({ comment: comments, group: stakeholderGroups.name })
    .from(comments)
    .innerJoin(stakeholderGroups, eq(stakeholderGroups.id, comments.authorStakeholderGroupId))
    .where(where)
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(DRILL_DOWN_PAGE_SIZE)
    .offset((page - 1) * DRILL_DOWN_PAGE_SIZE)
    .all();
  return { total, rows };
}
