/**
 * Which two texts a report compares: the working draft against the latest published version while
 * the expert group revises (the working draft differs), else the latest published version against
 * the one before it. Comments made on either stay attached by node id.
 */
import type { Db } from "../../db/client.server";
import { workingDraftName } from "../../realtime/protocol";
import { outlineFromWorkingDraft, workingDraftBlocks } from "../collab/working-drafts.server";
import { getOutline, publishedVersions } from "../drafts/drafts.server";
import type { DraftNode } from "../drafts/outline";
import { compareOutlines, type VersionComparison } from "../drafts/version-diff";
import type { AppContext } from "../context.server";

export interface RevisionPair {
  base: { number: number; nodes: DraftNode[] };
  /** null: nothing revised yet. `number` null: the working draft. */
  revised: { number: number | null; nodes: DraftNode[] } | null;
  comparison: VersionComparison | null;
}

export function revisionPair(db: Db, consultation: { id: number; slug: string; title: string }, collab?: AppContext["collab"]): RevisionPair | null {
  const versions = publishedVersions(db, consultation.id);
  const latest = versions[versions.length - 1];
  if (!latest) return null;
  const current = getOutline(db, latest.id);
  const blocks = workingDraftBlocks(db, consultation.slug, collab?.documents.get(workingDraftName(consultation.slug))?.doc);
  if (blocks) {
    const { outline, nodeIds } = outlineFromWorkingDraft(latest.title, blocks);
    const working: DraftNode[] = outline.nodes.map((n, i) => ({
      nodeId: nodeIds[i]!,
      kind: n.kind,
      label: n.label,
      parentLabel: n.parent,
      level: n.level,
      position: i,
      text: n.text,
      footnotes: [],
    }));
    const comparison = compareOutlines(current, working);
    const { changed, added, removed } = comparison.counts;
    if (changed + added + removed > 0) return { base: { number: latest.number, nodes: current }, revised: { number: null, nodes: working }, comparison };
  }
  const previous = versions[versions.length - 2];
  if (!previous) return { base: { number: latest.number, nodes: current }, revised: null, comparison: null };
  const before = getOutline(db, previous.id);
  return { base: { number: previous.number, nodes: before }, revised: { number: latest.number, nodes: current }, comparison: compareOutlines(before, current) };
}
