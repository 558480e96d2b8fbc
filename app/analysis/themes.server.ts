/**
 * The distinctive terms of each paragraph's comments and of each region's, against the rest of
 * the consultation (themes.ts: weighted log-odds, computed here). Every counted comment is
 * tokenized once, in batches, into term counts per paragraph and per region; each is then
 * compared with the whole minus itself. Tokenizing is the cost (a few seconds for 100,000
 * comments), so results are kept in memory per consultation and filters until the counted
 * comments change (figure-cache.server.ts, decision 016).
 */
import { and, eq, gt, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { comments, documents, documentVersions, outlineNodes } from "../../db/schema";
import { countedStamp, type CountedStamp } from "./campaign-groups.server";
import { countedComments } from "./analysis.server";
import type { CommentFilters } from "./comment-filters";
import { cachedFigure, latestFigure } from "./figure-cache.server";
import { runInBackground, runToEnd, type Background, type Steps } from "./stepwise";
import { WHOLE_DRAFT } from "./drill-down";
import { addTerms, compareWithRest, emptyCounts, labelWords, textTerms, type DistinctiveTerm, type TermCounts } from "./themes";

export interface Themes {
  /** Node id (`draft` for the whole draft) → its distinctive terms. */
  paragraphs: Record<string, DistinctiveTerm[]>;
  /** UNESCO region → its distinctive terms. */
  regions: Record<string, DistinctiveTerm[]>;
}

/** Comments per step: about 40 ms of tokenizing. */
const BATCH = 2000;



/** The words of the labels of every version's outline of the consultation ("PP5", "III.2"), which comments cite and which are no theme. */
function consultationLabelWords(db: Db, consultationId: number): Set<string> {
  const rows = db
    .select({ label: outlineNodes.label })
    .from(outlineNodes)
    .innerJoin(documentVersions, eq(documentVersions.id, outlineNodes.versionId))
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(and(eq(documents.consultationId, consultationId), isNotNull(outlineNodes.label)))
    .all();
  return labelWords(rows.map((r) => r.label));
}

/** Term counts per paragraph and per region of the counted comments, read in batches by id (a step each). */
function* termCounts(db: Db, consultationId: number, filters: CommentFilters): Steps<{ all: TermCounts; byNode: Map<string, TermCounts>; byRegion: Map<string, TermCounts> }> {
  const all = emptyCounts(true);
  const byNode = new Map<string, TermCounts>();
  const byRegion = new Map<string, TermCounts>();
  const labels = consultationLabelWords(db, consultationId);
  let lastId = 0;
  for (;;) {
    // NOT INDEXED: walk the table by id from the last batch on. Left to itself SQLite reads every
    // comment of the consultation through comments_node_idx and sorts, for each batch (5 s instead
    // of under 1 s for 100,000 comments).
    const batch = db.all<{ id: number; node: string | null; region: string; language: string; body: string }>(sql`
      select ${comments.id} as id, ${comments.nodeId} as node, ${comments.authorRegion} as region, ${comments.language} as language, ${comments.body} as body
      from ${comments} not indexed
      where ${and(countedComments(consultationId, filters), gt(comments.id, lastId))}
      order by ${comments.id} limit ${BATCH}`);
    for (const c of batch) {
      const terms = textTerms(c.body, c.language, labels);
      addTerms(all, terms);
      const node = c.node ?? WHOLE_DRAFT;
      let n = byNode.get(node);
      if (!n) byNode.set(node, (n = emptyCounts()));
      addTerms(n, terms);
      let r = byRegion.get(c.region);
      if (!r) byRegion.set(c.region, (r = emptyCounts()));
      addTerms(r, terms);
    }
    if (batch.length < BATCH) break;
    lastId = batch[batch.length - 1]!.id;
    yield;
  }
  return { all, byNode, byRegion };
}

/**
 * The themes of the consultation's counted comments under the filters: for each paragraph and
 * each region, its `limit` most distinctive terms used at least `minCount` times.
 */
export function consultationThemes(
  db: Db,
  consultationId: number,
  filters: CommentFilters,
  options: { limit?: number; minCount?: number; stamp?: CountedStamp } = {},
): Themes {
  const { limit = 8, minCount = 3 } = options;
  const stamp = options.stamp ?? countedStamp(db, consultationId);
  return cachedFigure(db, consultationId, stamp, `themes:${limit}:${minCount}`, filters, () => runToEnd(themeSteps(db, consultationId, filters, limit, minCount)));
}

/** Up to this many counted comments, themes never computed are computed during the request (well under a second). */
export const THEMES_NOW_UP_TO = 20_000;

/**
 * The themes for a page: the last ones computed for these filters, even if comments came in since
 * (then `stale`, and the current ones are computed in the background, a step at a time: about two
 * seconds of work at 100,000 comments). Themes never computed for these filters are computed now
 * up to THEMES_NOW_UP_TO comments, else in the background (undefined until then). Decision 016.
 */
export function consultationThemesForPage(
  db: Db,
  consultationId: number,
  filters: CommentFilters,
  stamp: CountedStamp,
  background?: Background,
): { value: Themes | undefined; stale: boolean } {
  const [limit, minCount] = [8, 3];
  return latestFigure(
    db,
    consultationId,
    stamp,
    `themes:${limit}:${minCount}`,
    filters,
    {
      now: () => runToEnd(themeSteps(db, consultationId, filters, limit, minCount)),
      later: () => runInBackground(themeSteps(db, consultationId, filters, limit, minCount), background),
      firstNow: stamp.count <= THEMES_NOW_UP_TO,
    },
    background,
  );
}

function* themeSteps(db: Db, consultationId: number, filters: CommentFilters, limit: number, minCount: number): Steps<Themes> {
  const { all, byNode, byRegion } = yield* termCounts(db, consultationId, filters);
  const compare = (parts: Map<string, TermCounts>) =>
    Object.fromEntries([...parts].map(([k, part]) => [k, compareWithRest(all, part, { limit, minCount })]).filter(([, terms]) => terms!.length > 0));
  return { paragraphs: compare(byNode), regions: compare(byRegion) };
}
