import { z } from "zod";
import type { Db } from "../../db/client.server";
import { anonymous, type Actor } from "../auth/permissions";
import { getConsultationBySlug, getOutline, publishedVersions } from "./drafts.server";
import { loadReadableDraft } from "./reading.server";
import { commentsBehindChanges } from "../review/changelog.server";
import { compareOutlines } from "./version-diff";

const query = z.object({
  to: z.coerce.number().int().positive().optional(),
  view: z.enum(["inline", "side"]).catch("inline"),
});

/**
 * The page "what changed in version N": version N against N-1 (the latest by default), or a
 * message when there is only one version.
 */
/** `participantWord`: how a pseudonymous author is shown, in the reader's language. */
export function loadVersionChanges(
  db: Db,
  slug: string | undefined,
  searchParams: URLSearchParams,
  actor: Actor = anonymous,
  participantWord = "Participant",
) {
  const { consultation } = loadReadableDraft(db, slug, actor);
  const row = getConsultationBySlug(db, consultation.slug)!;
  const versions = publishedVersions(db, row.id);
  const parsed = query.safeParse(Object.fromEntries(searchParams));
  const view = parsed.success ? parsed.data.view : "inline";
  const wanted = parsed.success ? parsed.data.to : undefined;
  const toIndex = wanted === undefined ? versions.length - 1 : versions.findIndex((v) => v.number === wanted);
  const versionList = versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt?.toISOString() ?? null, sourceFormat: v.sourceFormat }));
  if (toIndex < 0) {
    return { consultation, versions: versionList, view, to: null, from: null, comparison: null, reasons: {}, error: { missingVersion: wanted ?? 0 } };
  }
  if (toIndex === 0) return { consultation, versions: versionList, view, to: versions[0]!.number, from: null, comparison: null, reasons: {}, error: null };
  const to = versions[toIndex]!;
  const from = versions[toIndex - 1]!;
  const comparison = compareOutlines(getOutline(db, from.id), getOutline(db, to.id));
  // The changelog: each changed or added paragraph with the comments whose dispositions point at it.
  const touched = comparison.changes.flatMap((c) => (c.change === "changed" || c.change === "added" ? [c.node.nodeId] : []));
  const reasons = commentsBehindChanges(db, row.id, to.number, touched, participantWord);
  return { consultation, versions: versionList, view, to: to.number, from: from.number, comparison, reasons: Object.fromEntries(reasons), error: null };
}
