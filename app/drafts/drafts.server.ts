import { and, asc, count, desc, eq, isNotNull, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client.server";
import {
  consultations,
  documents,
  documentVersions,
  outlineNodes,
  type Consultation,
} from "../../db/schema";
import type { DraftNode } from "./outline";
import type { ConsultationStatus } from "../../db/enums";
import { can, type Actor } from "../auth/permissions";
import { effectiveStatus } from "../consultations/lifecycle";

const ORDER: Record<ConsultationStatus, number> = { open: 0, scheduled: 1, draft: 2, closed: 3, "results-published": 3 };

/**
 * Consultations this actor may see, in their state by the clock: open ones first, soonest
 * deadline first; then (for the secretariat and experts) scheduled and in preparation; then
 * closed, latest first.
 */
export function listVisibleConsultations(db: Db, actor: Actor, now = new Date()) {
  const rows = db
    .select()
    .from(consultations)
    .all()
    .filter((c) => can(actor, { action: "consultation.read", consultation: c }, now))
    .map((c) => ({ ...c, state: effectiveStatus(c, now) }));
  const time = (d: Date | null) => d?.getTime() ?? Number.MAX_SAFE_INTEGER;
  rows.sort(
    (a, b) =>
      ORDER[a.state] - ORDER[b.state] ||
      (a.state === "closed" || a.state === "results-published" ? time(b.closesAt) - time(a.closesAt) : a.state === "scheduled" ? time(a.opensAt) - time(b.opensAt) : time(a.closesAt) - time(b.closesAt)) ||
      a.title.localeCompare(b.title),
  );
  const counts = paragraphCounts(db, rows.map((c) => c.id));
  return rows.map((c) => ({ ...c, paragraphCount: counts.get(c.id) ?? 0 }));
}

/** Number of labelled non-heading nodes in each consultation's current version. */
function paragraphCounts(db: Db, consultationIds: number[]): Map<number, number> {
  if (consultationIds.length === 0) return new Map();
  const result = new Map<number, number>();
  for (const id of consultationIds) {
    const version = currentVersion(db, id);
    if (!version) continue;
    const row = db
      .select({ n: count() })
      .from(outlineNodes)
      .where(and(eq(outlineNodes.versionId, version.id), isNotNull(outlineNodes.label), ne(outlineNodes.kind, "heading")))
      .get();
    result.set(id, row?.n ?? 0);
  }
  return result;
}

export function getConsultationBySlug(db: Db, slug: string): Consultation | undefined {
  return db.select().from(consultations).where(eq(consultations.slug, slug)).get();
}

/** The latest published version of the consultation's document. */
export function currentVersion(db: Db, consultationId: number) {
  return db
    .select({ id: documentVersions.id, number: documentVersions.number, title: documentVersions.title, publishedAt: documentVersions.publishedAt })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(and(eq(documents.consultationId, consultationId), isNotNull(documentVersions.publishedAt)))
    .orderBy(desc(documentVersions.number))
    .get();
}

export function getOutline(db: Db, versionId: number): DraftNode[] {
  const parent = alias(outlineNodes, "parent");
  return db
    .select({
      nodeId: outlineNodes.nodeId,
      kind: outlineNodes.kind,
      label: outlineNodes.label,
      parentLabel: parent.label,
      level: outlineNodes.level,
      position: outlineNodes.position,
      text: outlineNodes.text,
      footnotes: outlineNodes.footnotes,
    })
    .from(outlineNodes)
    .leftJoin(
      parent,
      and(eq(parent.versionId, outlineNodes.versionId), eq(parent.nodeId, outlineNodes.parentNodeId)),
    )
    .where(eq(outlineNodes.versionId, versionId))
    .orderBy(asc(outlineNodes.position))
    .all();
}

/** One node of a version by its label (labels are unique within a version), or undefined. */
export function getOutlineNode(db: Db, versionId: number, label: string): { nodeId: string; label: string | null; text: string } | undefined {
  return db
    .select({ nodeId: outlineNodes.nodeId, label: outlineNodes.label, text: outlineNodes.text })
    .from(outlineNodes)
    .where(and(eq(outlineNodes.versionId, versionId), eq(outlineNodes.label, label)))
    .get();
}

/** Published versions of the consultation's document, oldest first. */
export function publishedVersions(db: Db, consultationId: number) {
  return db
    .select({ id: documentVersions.id, number: documentVersions.number, title: documentVersions.title, publishedAt: documentVersions.publishedAt, sourceFormat: documentVersions.sourceFormat })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(and(eq(documents.consultationId, consultationId), isNotNull(documentVersions.publishedAt)))
    .orderBy(asc(documentVersions.number))
    .all();
}
