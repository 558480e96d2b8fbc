import { and, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { campaignMembers, comments, jointDrafts } from "../../db/schema";
import type { CommentFilters } from "./comment-filters";

/**
 * The SQL conditions on `comments` for a set of filters, for every query that counts or lists
 * comments (analysis, drill-down, compiled table, exports), so a figure and the list behind it
 * always agree. Dates are calendar days in UTC; `to` is inclusive. With `campaigns=collapsed`
 * the stored campaign membership is used: pages call `campaignsForPage` first (a stored grouping
 * may be a moment behind while it refreshes), files `refreshCampaigns` (current).
 */
export function commentFilterConditions(f: CommentFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.region) conditions.push(eq(comments.authorRegion, f.region));
  if (f.electoral) conditions.push(eq(comments.authorElectoralGroup, f.electoral));
  if (f.group) conditions.push(eq(comments.authorStakeholderGroupId, f.group));
  if (f.stance) conditions.push(eq(comments.stance, f.stance));
  if (f.channel) conditions.push(eq(comments.channel, f.channel));
  if (f.language) conditions.push(eq(comments.language, f.language));
  if (f.round) conditions.push(eq(comments.round, f.round));
  if (f.from) conditions.push(gte(comments.createdAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.campaigns === "collapsed") conditions.push(campaignsCollapsed);
  if (f.joint === "only") conditions.push(sql`${comments.id} in ${jointSubmissionIds}`);
  if (f.joint === "exclude") conditions.push(sql`${comments.id} not in ${jointSubmissionIds}`);
  if (f.to) conditions.push(lt(comments.createdAt, new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000)));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/**
 * "Campaigns collapsed" (decision 016): a campaign counts once, as its representative (its first
 * comment); its other members are left out of every figure. The membership must be current
 * (`campaignsForPage` or `refreshCampaigns` in campaign-groups.server.ts) before a query uses it.
 */
export const campaignsCollapsed: SQL = sql`${comments.id} not in (select ${campaignMembers.commentId} from ${campaignMembers} where ${campaignMembers.campaignId} <> ${campaignMembers.commentId})`;

/**
 * The comments joint submissions published (issue 17, decision 032), by id: a comment's id is in
 * every analysis index, so the joint filter keeps them covering (`joint_draft_id` is not in them:
 * testing it read every candidate's row, 7 to 10 times slower at 100,000 comments). The list is
 * read once per statement from the unique index on joint_drafts.comment_id.
 */
const jointSubmissionIds: SQL = sql`(select ${jointDrafts.commentId} from ${jointDrafts} where ${jointDrafts.commentId} is not null)`;
