/**
 * Campaign membership, persisted (decision 016). `findCampaigns` (campaigns.ts) needs every
 * comment's text, about a second for 100,000 comments: too slow for every page, and a figure with
 * campaigns collapsed must be one SQL condition to stay as fast as its raw version. So the
 * grouping is stored in `campaign_members` and recomputed only when the consultation's counted
 * comments changed since (their number or the highest id: a new, hidden, restored or removed
 * comment). Recomputing on a GET is caching a computed result, not a change of state.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { whileUnchanged } from "../../db/change-token.server";
import { campaignMembers, campaignRuns, comments } from "../../db/schema";
import { commentsIndexedBy } from "./analysis-indexes.server";
import { campaignSteps, type Campaign } from "./campaigns";
import { betweenTurns, runInBackground, runToEnd, type Background } from "./stepwise";
import type { CommentFilters } from "./comment-filters";
import { commentFilterConditions } from "./comment-filters.server";

/** The group key of a campaign in `dispositions.group_key` and in the exports' campaign column. */
export const campaignKey = (campaignId: number) => `campaign-${campaignId}`;

/**
 * What a cached result was made from: the consultation's counted comments' number and highest id
 * (a comment added, hidden, restored or removed), and the sums of their authors' ids and of the
 * people they represent (an account anonymised, a meeting's attendance corrected).
 */
export interface CountedStamp {
  count: number;
  maxId: number;
  authors: number;
  people: number;
}

/**
 * The consultation's counted comments' stamp: one pass over an analysis index (about 10 ms at
 * 100,000), made again only when the database changed since the last request asked.
 */
export function countedStamp(db: Db, consultationId: number): CountedStamp {
  return whileUnchanged(db, `countedStamp:${consultationId}`, () => readCountedStamp(db, consultationId));
}

function readCountedStamp(db: Db, consultationId: number): CountedStamp {
  const row = db.get<{ count: number; maxId: number | null; authors: number; people: number }>(sql`
    select count(*) as count, max(${comments.id}) as maxId, total(${comments.authorId}) as authors, total(${comments.peopleRepresented}) as people
    from ${commentsIndexedBy("comments_analysis_author_idx")}
    where ${comments.consultationId} = ${consultationId} and ${comments.parentId} is null and ${comments.status} = 'visible'`);
  return { count: row?.count ?? 0, maxId: row?.maxId ?? 0, authors: row?.authors ?? 0, people: row?.people ?? 0 };
}

/** A stamp as part of a cache key. */
export const stampKey = (s: CountedStamp) => `${s.count}:${s.maxId}:${s.authors}:${s.people}`;

/** The stored grouping's run, and whether it was made from the comments as they are now. */
function storedRun(db: Db, consultationId: number, current: CountedStamp) {
  const run = db.select().from(campaignRuns).where(eq(campaignRuns.consultationId, consultationId)).get();
  return { run, isCurrent: !!run && run.commentCount === current.count && run.maxCommentId === current.maxId };
}

/** Texts per step: about 40 ms of shingling. */
const TEXT_BATCH = 2000;

/**
 * The counted comments' texts up to the stamp's highest id, in batches read one at a time by id:
 * findCampaigns keeps each text's shingles, not the text, so the grouping's memory is the shingles'
 * (about 20 MB for 100,000 comments), and no statement stays open between steps.
 */
function* textBatches(db: Db, consultationId: number, maxId: number) {
  // A joint submission is never a campaign member (issue 17, decision 032): its co-signers agreed
  // one text together and are already counted as one comment; folding it into a campaign of
  // look-alike individual comments would hide it, and it must not make a campaign of its own.
  const read = db.$client.prepare<[number, number, number, number], { id: number; body: string }>(
    `select id, body from comments not indexed
     where consultation_id = ? and parent_id is null and status = 'visible' and joint_draft_id is null and id > ? and id <= ?
     order by id limit ?`,
  );
  for (let after = 0; ; ) {
    const batch = read.all(consultationId, after, maxId, TEXT_BATCH);
    if (batch.length === 0) return;
    yield batch;
    after = batch[batch.length - 1]!.id;
  }
}

function storeCampaigns(db: Db, consultationId: number, current: CountedStamp, campaigns: Campaign[], now: Date): void {
  db.transaction((tx) => {
    tx.delete(campaignMembers).where(eq(campaignMembers.consultationId, consultationId)).run();
    const insert = db.$client.prepare("insert into campaign_members (comment_id, consultation_id, campaign_id) values (?, ?, ?)");
    for (const c of campaigns) for (const id of c.ids) insert.run(id, consultationId, c.representativeId);
    tx.insert(campaignRuns)
      .values({ consultationId, commentCount: current.count, maxCommentId: current.maxId, computedAt: now })
      .onConflictDoUpdate({ target: campaignRuns.consultationId, set: { commentCount: current.count, maxCommentId: current.maxId, computedAt: now } })
      .run();
  });
}

/**
 * Makes `campaign_members` current for the consultation: recomputes the grouping when the counted
 * comments changed since it was made, else does nothing. Returns whether it recomputed.
 */
export function ensureCampaigns(db: Db, consultationId: number, current = countedStamp(db, consultationId), now = new Date()): boolean {
  if (storedRun(db, consultationId, current).isCurrent) return false;
  storeCampaigns(db, consultationId, current, runToEnd(campaignSteps(textBatches(db, consultationId, current.maxId))), now);
  return true;
}

/** Refreshes under way, per database connection and consultation: one at a time each. */
const refreshes = new WeakMap<object, Map<number, Promise<void>>>();

/**
 * Brings the grouping up to date in the background, a step at a time (a grouping of 100,000
 * comments is about two seconds of work: requests are answered between steps).
 * Resolves once `campaign_members` is current as of the call; a call while a refresh is under way
 * joins it, and starts another if comments changed since that one began.
 */
export async function refreshCampaigns(db: Db, consultationId: number, background: Background = betweenTurns): Promise<void> {
  let running = refreshes.get(db.$client);
  if (!running) refreshes.set(db.$client, (running = new Map()));
  for (;;) {
    const underWay = running.get(consultationId);
    if (underWay) {
      await underWay;
      continue;
    }
    const current = countedStamp(db, consultationId);
    if (storedRun(db, consultationId, current).isCurrent) return;
    const refresh = (async () => {
      const campaigns = await runInBackground(campaignSteps(textBatches(db, consultationId, current.maxId)), background);
      storeCampaigns(db, consultationId, current, campaigns, new Date());
    })().finally(() => running.delete(consultationId));
    running.set(consultationId, refresh);
    await refresh;
  }
}

/** A refresh nobody awaits: its failure is logged (the stored grouping stays as it was). */
function refreshLogged(db: Db, consultationId: number, background: Background): void {
  refreshCampaigns(db, consultationId, background).catch((error: unknown) => console.error("Campaign grouping failed:", error));
}

/** At most this long after the comments change, the grouping is refreshed in the background. */
export const REFRESH_AFTER_MS = 30_000;
const scheduled = new WeakMap<object, Map<number, ReturnType<typeof setTimeout>>>();

/**
 * After comments changed: the grouping is brought up to date in the background within
 * `delayMs` (one refresh for a burst of comments, however many), stepping while no request is
 * being answered, so that a download or an analysis page rarely finds it behind.
 */
export function keepCampaignsCurrent(db: Db, consultationId: number, background: Background, delayMs = REFRESH_AFTER_MS): void {
  let timers = scheduled.get(db.$client);
  if (!timers) scheduled.set(db.$client, (timers = new Map()));
  if (timers.has(consultationId)) return;
  const timer = setTimeout(() => {
    timers.delete(consultationId);
    refreshLogged(db, consultationId, background);
  }, delayMs);
  // Never the reason a process stays up.
  timer.unref();
  timers.set(consultationId, timer);
}

/**
 * For pages (stale-while-revalidate, decision 016): a grouping made from earlier comments is
 * shown as it is while a refresh runs in the background; only a consultation never grouped is
 * grouped now. `stale`: the stored grouping is behind the comments; `version` names the stored
 * grouping, for cache keys of figures made from it.
 */
export function campaignsForPage(
  db: Db,
  consultationId: number,
  current = countedStamp(db, consultationId),
  background: Background = betweenTurns,
): { stale: boolean; version: string } {
  let { run, isCurrent } = storedRun(db, consultationId, current);
  // Never grouped and nobody grouping it: group it now (a refresh under way is not repeated).
  if (!run && !refreshes.get(db.$client)?.has(consultationId)) {
    ensureCampaigns(db, consultationId, current);
    ({ run, isCurrent } = storedRun(db, consultationId, current));
  }
  if (!isCurrent) {
    background.start(() => refreshLogged(db, consultationId, background));
  }
  return { stale: !isCurrent, version: run ? `${run.commentCount}:${run.maxCommentId}:${run.computedAt.getTime()}` : "none" };
}

/** The comments of one campaign, as a drill-down cell's condition. */
export const inCampaign = (campaignId: number): SQL =>
  sql`${comments.id} in (select ${campaignMembers.commentId} from ${campaignMembers} where ${campaignMembers.campaignId} = ${campaignId})`;

/** Comment id → campaign group key, and each key's size, for the compiled table and the exports. */
export function campaignKeys(
  db: Db,
  consultationId: number,
  background: Background = betweenTurns,
): { of: Map<number, string>; sizes: Map<string, number> } {
  // Pages show the stored grouping while a refresh runs; exports await refreshCampaigns first.
  campaignsForPage(db, consultationId, undefined, background);
  const of = new Map<number, string>();
  const sizes = new Map<string, number>();
  for (const m of db.select().from(campaignMembers).where(eq(campaignMembers.consultationId, consultationId)).all()) {
    const key = campaignKey(m.campaignId);
    of.set(m.commentId, key);
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return { of, sizes };
}

export interface CampaignSummary {
  id: number;
  /** Members counted under the filters (campaigns are never collapsed here: this is the N). */
  size: number;
  node: string | null;
  stance: string | null;
  body: string;
  /** Members per region, most first. */
  regions: { region: string; count: number }[];
}

/**
 * The campaigns of the consultation with the members the filters keep ("one text × N"), largest
 * first: the representative's paragraph, position and text, and the members' regions.
 */
export function campaignSummaries(db: Db, consultationId: number, filters: CommentFilters, limit = 50): CampaignSummary[] {
  const raw = { ...filters, campaigns: undefined };
  const rows = db.all<{ campaign: number; region: string; n: number }>(sql`
    select ${campaignMembers.campaignId} as campaign, ${comments.authorRegion} as region, count(*) as n
    from ${campaignMembers} join ${comments} on ${comments.id} = ${campaignMembers.commentId}
    where ${and(
      eq(campaignMembers.consultationId, consultationId),
      sql`${comments.parentId} is null`,
      sql`${comments.status} = 'visible'`,
      commentFilterConditions(raw),
    )}
    group by ${campaignMembers.campaignId}, ${comments.authorRegion}`);
  const byCampaign = new Map<number, { region: string; count: number }[]>();
  for (const r of rows) {
    const list = byCampaign.get(r.campaign) ?? [];
    list.push({ region: r.region, count: r.n });
    byCampaign.set(r.campaign, list);
  }
  const sized = [...byCampaign]
    .map(([id, regions]) => ({ id, regions: regions.sort((a, b) => b.count - a.count || a.region.localeCompare(b.region)), size: regions.reduce((n, r) => n + r.count, 0) }))
    .sort((a, b) => b.size - a.size || a.id - b.id)
    .slice(0, limit);
  if (sized.length === 0) return [];
  const texts = new Map(
    db
      .select({ id: comments.id, node: comments.nodeId, stance: comments.stance, body: comments.body })
      .from(comments)
      .where(inArray(comments.id, sized.map((c) => c.id)))
      .all()
      .map((c) => [c.id, c]),
  );
  return sized.map((c) => {
    const text = texts.get(c.id);
    return { ...c, node: text?.node ?? null, stance: text?.stance ?? null, body: text?.body ?? "" };
  });
}
