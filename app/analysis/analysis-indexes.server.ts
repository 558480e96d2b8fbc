import { sql, type SQL } from "drizzle-orm";
import { comments } from "../../db/schema";

/**
 * The analysis indexes of db/schema.ts (decision 013). Queries over them name the index with
 * SQLite's INDEXED BY: without statistics (nobody runs ANALYZE on a fresh instance) the planner
 * would otherwise read every comment through `comments_node_idx` and sort, five to ten times
 * slower at 100,000 comments; and should an index disappear, the query fails loudly instead of
 * becoming slow. Every query using one must carry `parent_id is null and status = 'visible'` as
 * literal terms (see countedComments), or SQLite cannot use the partial index.
 */
export type AnalysisIndex =
  | "comments_analysis_region_idx"
  | "comments_analysis_group_idx"
  | "comments_analysis_author_idx"
  | "comments_analysis_day_idx"
  | "comments_parent_idx";

export function commentsIndexedBy(index: AnalysisIndex): SQL {
  return sql`${comments} indexed by ${sql.identifier(index)}`;
}
