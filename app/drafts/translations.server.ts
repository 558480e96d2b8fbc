import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import type { Language } from "../../db/enums";
import { documentVersions, nodeTranslations } from "../../db/schema";
import type { ImportedOutline } from "../import";
import { alignTranslation } from "./align-translation";
import { currentVersion, getConsultationBySlug, getOutline } from "./drafts.server";
import type { DraftNode } from "./outline";

export class TranslationError extends Error {}

/**
 * Stores an imported text as the `language` version of a consultation's current version, aligned
 * node by node; a second import in the same language replaces the first (one transaction).
 */
export function storeTranslation(db: Db, consultationSlug: string, language: Language, outline: ImportedOutline) {
  const consultation = getConsultationBySlug(db, consultationSlug);
  if (!consultation) throw new TranslationError(`there is no consultation "${consultationSlug}"`);
  const version = currentVersion(db, consultation.id);
  if (!version) throw new TranslationError(`"${consultationSlug}" has no published version to translate`);
  const original = db.select({ language: documentVersions.language }).from(documentVersions).where(eq(documentVersions.id, version.id)).get()!;
  if (original.language === language) throw new TranslationError(`version ${version.number} is written in ${language} already`);
  const { aligned, missing, unmatched } = alignTranslation(getOutline(db, version.id), outline.nodes);
  if (aligned.length === 0) throw new TranslationError("no paragraph of the translation matches the version (neither by position nor by label)");
  db.transaction((tx) => {
    tx.delete(nodeTranslations).where(and(eq(nodeTranslations.versionId, version.id), eq(nodeTranslations.language, language))).run();
    tx.insert(nodeTranslations)
      .values(aligned.map((a) => ({ versionId: version.id, nodeId: a.nodeId, language, text: a.text, footnotes: a.footnotes })))
      .run();
  });
  return { versionNumber: version.number, aligned: aligned.length, missing, unmatched };
}

/** The languages a version can be read in: its own first, then its translations. */
export function versionLanguages(db: Db, versionId: number): { original: Language; available: Language[] } {
  const original = db.select({ language: documentVersions.language }).from(documentVersions).where(eq(documentVersions.id, versionId)).get()?.language ?? "en";
  const translated = db
    .selectDistinct({ language: nodeTranslations.language })
    .from(nodeTranslations)
    .where(eq(nodeTranslations.versionId, versionId))
    .all()
    .map((r) => r.language);
  return { original, available: [original, ...translated.filter((l) => l !== original)] };
}

/** The outline with each node's text in `language` where a translation has it (node ids unchanged). */
export function translateOutline(db: Db, versionId: number, nodes: DraftNode[], language: Language): DraftNode[] {
  const rows = db
    .select()
    .from(nodeTranslations)
    .where(and(eq(nodeTranslations.versionId, versionId), eq(nodeTranslations.language, language)))
    .all();
  const byNode = new Map(rows.map((r) => [r.nodeId, r]));
  return nodes.map((n) => {
    const t = byNode.get(n.nodeId);
    return t ? { ...n, text: t.text, footnotes: t.footnotes, originalText: n.text } : n;
  });
}
