/**
 * The compiled comments table's rows: one per comment (not replies), in the ISO/IEC template's
 * columns (stakeholder, clause, type, comment, proposed change, observations of the secretariat)
 * plus region, electoral group, stakeholder group, stance, channel, endorsements and the expert
 * group's disposition. The compiled table page reads them a page at a time; exports read them in
 * batches by id (keyset), so no statement stays open while a download streams.
 */
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, not, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import {
  commentReviews,
  comments,
  consultationExperts,
  dispositions,
  documents,
  documentVersions,
  endorsements,
  outlineNodes,
  stakeholderGroups,
  users,
  type CommentType,
  type Decision,
} from "../../db/schema";
import { publicAuthor } from "../comments/comments.server";
import { countryByCode } from "../accounts/countries";
import { signersByDraft } from "../joint/co-signers.server";
import { publicSigner, summariseSigners } from "../joint/co-signers";
import { commentFilterConditions } from "../analysis/comment-filters.server";
import { campaignKeys } from "../analysis/campaign-groups.server";
import type { Background } from "../analysis/stepwise";
import type { CommentFilters } from "../analysis/comment-filters";
import { currentVersion } from "../drafts/drafts.server";
import { defaultCommentType } from "./comment-type";
import type { CompiledRow } from "./compiled-row";
import { decidedAsGroup } from "./dispositions.server";

export type { CompiledRow };


/** What rows need from the consultation once: version numbers, labels, texts, the experts' names. */
export interface RowContext {
  consultationId: number;
  participantWord: string;
  versionNumbers: Map<number, number>;
  /** versionId → nodeId → the paragraph's label and text in that version. */
  nodes: Map<number, Map<string, { label: string | null; text: string }>>;
  /** nodeId → label in the latest version that has the node (for disposition targets). */
  latestLabels: Map<string, string | null>;
  currentVersionId: number | null;
  experts: Map<number, string>;
  /** Campaign grouping: comment id → group key, for group dispositions and the campaign column. */
  campaignOf?: ReadonlyMap<number, string>;
  /** Group key → how many comments the campaign has. */
  campaignSizes?: ReadonlyMap<string, number>;
  groupDispositions: Map<string, typeof dispositions.$inferSelect>;
}

/**
 * What rows need from the consultation once. Without `campaignOf`, the persisted campaign grouping
 * is used (made current first: decision 016).
 */
export function rowContext(
  db: Db,
  consultationId: number,
  participantWord: string,
  campaignOf?: ReadonlyMap<number, string>,
  background?: Background,
): RowContext {
  let campaignSizes: ReadonlyMap<string, number> | undefined;
  if (!campaignOf) ({ of: campaignOf, sizes: campaignSizes } = campaignKeys(db, consultationId, background));
  else {
    const sizes = new Map<string, number>();
    for (const key of campaignOf.values()) sizes.set(key, (sizes.get(key) ?? 0) + 1);
    campaignSizes = sizes;
  }
  const versions = db
    .select({ id: documentVersions.id, number: documentVersions.number })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(and(eq(documents.consultationId, consultationId), isNotNull(documentVersions.publishedAt)))
    .orderBy(asc(documentVersions.number))
    .all();
  const nodes = new Map<number, Map<string, { label: string | null; text: string }>>();
  const latestLabels = new Map<string, string | null>();
  if (versions.length > 0) {
    for (const n of db
      .select({ versionId: outlineNodes.versionId, nodeId: outlineNodes.nodeId, label: outlineNodes.label, text: outlineNodes.text })
      .from(outlineNodes)
      .where(inArray(outlineNodes.versionId, versions.map((v) => v.id)))
      .all()) {
      let inVersion = nodes.get(n.versionId);
      if (!inVersion) nodes.set(n.versionId, (inVersion = new Map()));
      inVersion.set(n.nodeId, { label: n.label, text: n.text });
    }
    // Oldest first, so the latest version's label wins.
    for (const v of versions) for (const [nodeId, node] of nodes.get(v.id) ?? []) latestLabels.set(nodeId, node.label);
  }
  const experts = new Map(
    db
      .select({ id: users.id, name: users.displayName })
      .from(consultationExperts)
      .innerJoin(users, eq(users.id, consultationExperts.userId))
      .where(eq(consultationExperts.consultationId, consultationId))
      .all()
      .map((e) => [e.id, e.name]),
  );
  for (const s of db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.role, "secretariat")).all()) experts.set(s.id, s.name);
  const groupDispositions = new Map(
    db
      .select()
      .from(dispositions)
      .where(and(eq(dispositions.consultationId, consultationId), isNotNull(dispositions.groupKey)))
      .all()
      .map((d) => [d.groupKey!, d]),
  );
  return {
    consultationId,
    participantWord,
    versionNumbers: new Map(versions.map((v) => [v.id, v.number])),
    nodes,
    latestLabels,
    currentVersionId: currentVersion(db, consultationId)?.id ?? null,
    experts,
    campaignOf,
    campaignSizes,
    groupDispositions,
  };
}

/** Narrowing the compiled table beyond the shared analysis filters. */
export interface ReviewFilters {
  nodeId?: string;
  /** An expert's user id, or "none" for comments nobody took. */
  assignee?: number | "none";
  decided?: "yes" | "no";
}

export type CompiledSort = "paragraph" | "oldest" | "newest" | "endorsements" | "undecided";

const endorsementCount = sql<number>`(select count(*) from ${endorsements} where ${endorsements.commentId} = ${comments.id})`;

const fields = {
  id: comments.id,
  nodeId: comments.nodeId,
  versionId: comments.versionId,
  authorId: comments.authorId,
  authorName: comments.authorName,
  authorPseudonymous: comments.authorPseudonymous,
  authorCountryCode: comments.authorCountryCode,
  region: comments.authorRegion,
  electoralGroup: comments.authorElectoralGroup,
  groupName: stakeholderGroups.name,
  stance: comments.stance,
  language: comments.language,
  body: comments.body,
  proposedText: comments.proposedText,
  channel: comments.channel,
  peopleRepresented: comments.peopleRepresented,
  status: comments.status,
  createdAt: comments.createdAt,
  endorsements: endorsementCount,
  decision: dispositions.decision,
  rationale: dispositions.rationale,
  targetNodeIds: dispositions.targetNodeIds,
  decidedByName: dispositions.decidedByName,
  decidedAt: dispositions.decidedAt,
  assigneeId: commentReviews.assigneeId,
  commentType: commentReviews.commentType,
  email: users.email,
  gender: comments.authorGender,
  ageBand: comments.authorAgeBand,
  jointDraftId: comments.jointDraftId,
};

/** Comments (not replies) of the consultation that the filters keep; hidden ones only when asked. */
export function rowConditions(
  consultationId: number,
  filters: CommentFilters,
  review: ReviewFilters = {},
  includeHidden = false,
  { walkById = false } = {},
): SQL {
  const conditions: (SQL | undefined)[] = [
    // Walking every comment in id order (exports), the unary + keeps SQLite on the primary key:
    // through a consultation index it sorted the whole consultation again for every batch
    // (100,000 comments: 6.6 s instead of well under one).
    walkById ? sql`+${comments.consultationId} = ${consultationId}` : eq(comments.consultationId, consultationId),
    isNull(comments.parentId),
    includeHidden ? undefined : eq(comments.status, "visible"),
    commentFilterConditions(filters),
    review.nodeId ? eq(comments.nodeId, review.nodeId) : undefined,
    review.assignee === "none" ? isNull(commentReviews.assigneeId) : review.assignee ? eq(commentReviews.assigneeId, review.assignee) : undefined,
    review.decided === "yes" ? or(isNotNull(dispositions.id), decidedAsGroup) : review.decided === "no" ? and(isNull(dispositions.id), not(decidedAsGroup)) : undefined,
  ];
  return and(...conditions)!;
}

/**
 * Only the secretariat's private rows carry e-mail addresses, the one reason to join users: the
 * others read a null in its place (a 100,000-row export reads 15% faster without the join).
 */
const publicFields = { ...fields, email: sql<string | null>`null` };

function baseQuery(db: Db, ctx: RowContext, withPrivate = false) {
  const query = db
    .select(withPrivate ? fields : publicFields)
    .from(comments)
    .innerJoin(stakeholderGroups, eq(stakeholderGroups.id, comments.authorStakeholderGroupId))
    .leftJoin(dispositions, eq(dispositions.commentId, comments.id))
    .leftJoin(commentReviews, eq(commentReviews.commentId, comments.id))
    .leftJoin(
      outlineNodes,
      and(eq(outlineNodes.versionId, sql`${ctx.currentVersionId ?? -1}`), eq(outlineNodes.nodeId, comments.nodeId)),
    )
    .$dynamic();
  return withPrivate ? query.leftJoin(users, eq(users.id, comments.authorId)) : query;
}

type RawRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["all"]>>[number];

/**
 * Where each field sits in a row read as an array (`values()`: the select lists `fields` in order).
 * Rows are read that way and decoded here: drizzle's generic row mapper and the intermediate
 * objects cost an export of 100,000 rows more than SQLite's own work.
 */
const at = Object.fromEntries(Object.keys(fields).map((key, i) => [key, i])) as Record<keyof typeof fields, number>;

/** A field as SQLite hands it over: all but the four that go through their column's decoder. */
function plain<K extends Exclude<keyof RawRow, "authorPseudonymous" | "createdAt" | "decidedAt" | "targetNodeIds">>(v: unknown[], key: K): RawRow[K] {
  return v[at[key]] as RawRow[K];
}

function toRow(v: unknown[], ctx: RowContext, withPrivate: boolean): CompiledRow {
  const id = plain(v, "id");
  const nodeId = plain(v, "nodeId");
  const versionId = plain(v, "versionId");
  const authorId = plain(v, "authorId");
  const authorName = plain(v, "authorName");
  const stance = plain(v, "stance");
  const proposedText = plain(v, "proposedText");
  const channel = plain(v, "channel");
  const groupName = plain(v, "groupName");
  const commentType = plain(v, "commentType");
  const assigneeId = plain(v, "assigneeId");
  const ownDecision = plain(v, "decision");
  const ownTargets = v[at.targetNodeIds] === null ? null : (dispositions.targetNodeIds.mapFromDriverValue(v[at.targetNodeIds]) as string[]);
  const ownDecidedAt = v[at.decidedAt] === null ? null : (dispositions.decidedAt.mapFromDriverValue(v[at.decidedAt] as number) as Date);

  const node = versionId === null || nodeId === null ? undefined : ctx.nodes.get(versionId)?.get(nodeId);
  const paragraph = nodeId === null ? null : (node?.label ?? ctx.latestLabels.get(nodeId) ?? null);
  const campaign = ctx.campaignOf?.get(id) ?? null;
  const group = ownDecision === null && campaign !== null ? ctx.groupDispositions.get(campaign) : undefined;
  const decision = ownDecision ?? group?.decision ?? null;
  const targetNodeIds = (ownDecision !== null ? ownTargets : group?.targetNodeIds) ?? [];
  const decidedAt = ownDecidedAt ?? group?.decidedAt ?? null;
  const author = {
    authorId,
    authorName,
    authorPseudonymous: comments.authorPseudonymous.mapFromDriverValue(v[at.authorPseudonymous]) as boolean,
    authorCountryCode: plain(v, "authorCountryCode"),
    channel,
  };
  return {
    id,
    participantKey: authorId === null ? `comment ${id}` : `user ${authorId}`,
    paragraph,
    nodeId,
    version: versionId === null ? null : (ctx.versionNumbers.get(versionId) ?? null),
    type: commentType ?? defaultCommentType({ nodeId, stance, proposedText, paragraphText: node?.text ?? null }),
    typeSet: commentType !== null,
    stance,
    comment: plain(v, "body"),
    proposedChange: proposedText,
    stakeholder: publicAuthor(author, groupName, ctx.participantWord),
    country: author.authorCountryCode,
    region: plain(v, "region"),
    electoralGroup: plain(v, "electoralGroup"),
    stakeholderGroup: groupName,
    channel,
    language: plain(v, "language"),
    peopleRepresented: plain(v, "peopleRepresented"),
    gender: plain(v, "gender"),
    ageBand: plain(v, "ageBand"),
    endorsements: plain(v, "endorsements"),
    createdAt: (comments.createdAt.mapFromDriverValue(v[at.createdAt] as number) as Date).toISOString(),
    decision,
    rationale: plain(v, "rationale") ?? group?.rationale ?? "",
    targets: targetNodeIds.map((nodeId) => ctx.latestLabels.get(nodeId) ?? nodeId),
    targetNodeIds,
    decidedBy: plain(v, "decidedByName") ?? group?.decidedByName ?? null,
    decidedAt: decidedAt?.toISOString() ?? null,
    campaign,
    campaignSize: campaign === null ? null : (ctx.campaignSizes?.get(campaign) ?? null),
    assigneeId,
    assignee: assigneeId === null ? null : (ctx.experts.get(assigneeId) ?? null),
    coSigners: null,
    ...(withPrivate
      ? { private: { name: authorId === null ? "" : authorName, email: plain(v, "email"), status: plain(v, "status") } }
      : {}),
  };
}

/**
 * Rows with their joint submissions' co-signers (issue 17, decision 032): one query per batch for
 * the few joint submissions among the rows. The private export lists every signer by name.
 */
function withCoSigners(db: Db, ctx: RowContext, raw: unknown[][], withPrivate: boolean): CompiledRow[] {
  const rows = raw.map((r) => toRow(r, ctx, withPrivate));
  const draftOf = new Map<number, number>();
  raw.forEach((r, i) => {
    const draft = plain(r, "jointDraftId");
    if (draft !== null) draftOf.set(i, draft);
  });
  if (draftOf.size === 0) return rows;
  const signers = signersByDraft(db, draftOf.values());
  const country = (code: string) => countryByCode(code)?.name ?? code;
  for (const [i, draft] of draftOf) {
    const list = signers.get(draft);
    if (!list || list.length === 0) continue;
    const row = rows[i]!;
    row.coSigners = {
      ...summariseSigners(list),
      regionCodes: [...new Set(list.map((s) => s.region))],
      list: list.map((s) => publicSigner(s, ctx.participantWord, country(s.countryCode))),
    };
    if (row.private) row.private.coSigners = list.map((s) => publicSigner({ ...s, pseudonymous: false }, ctx.participantWord, country(s.countryCode)));
  }
  return rows;
}

const ORDER: Record<CompiledSort, SQL[]> = {
  paragraph: [sql`${outlineNodes.position} is null`, asc(outlineNodes.position), asc(comments.id)],
  oldest: [asc(comments.id)],
  newest: [desc(comments.id)],
  endorsements: [desc(endorsementCount), asc(comments.id)],
  undecided: [sql`${dispositions.id} is not null`, asc(outlineNodes.position), asc(comments.id)],
};

/** One page of the compiled table, and how many rows the filters keep. */
export function compiledPage(
  db: Db,
  ctx: RowContext,
  filters: CommentFilters,
  review: ReviewFilters,
  sort: CompiledSort,
  page: number,
  pageSize: number,
): { rows: CompiledRow[]; total: number } {
  const where = rowConditions(ctx.consultationId, filters, review);
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(comments)
      .leftJoin(dispositions, eq(dispositions.commentId, comments.id))
      .leftJoin(commentReviews, eq(commentReviews.commentId, comments.id))
      .where(where)
      .get()?.n ?? 0;
  const rows = baseQuery(db, ctx)
    .where(where)
    .orderBy(...ORDER[sort])
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .values();
  return { rows: withCoSigners(db, ctx, rows, false), total };
}

/**
 * Every row the filters keep, in batches ordered by id: each batch is its own short query, so a
 * download that streams for seconds never holds the connection (better-sqlite3 allows one open
 * statement at a time per connection).
 */
export function* compiledRowBatches(
  db: Db,
  ctx: RowContext,
  filters: CommentFilters,
  options: { withPrivate?: boolean; batchSize?: number } = {},
): Generator<CompiledRow[]> {
  const withPrivate = options.withPrivate ?? false;
  const batchSize = options.batchSize ?? 2000;
  const query = baseQuery(db, ctx, withPrivate)
    .where(and(rowConditions(ctx.consultationId, filters, {}, withPrivate, { walkById: true }), gt(comments.id, sql.placeholder("afterId"))))
    .orderBy(asc(comments.id))
    .limit(batchSize)
    .prepare();
  let lastId = 0;
  for (;;) {
    const rows = query.values({ afterId: lastId });
    if (rows.length === 0) return;
    lastId = rows[rows.length - 1]![at.id] as number;
    yield withCoSigners(db, ctx, rows, withPrivate);
    if (rows.length < batchSize) return;
  }
}
