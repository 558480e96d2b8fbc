/**
 * A draft (or a translation of the current version) uploaded in the browser: read by the importer,
 * kept as a pending import under a random token while the secretariat checks and corrects the
 * outline, and stored as the consultation's next version only when confirmed (docs/draft-upload.md,
 * decision 018).
 */
import { and, desc, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import type { Language } from "../../db/enums";
import { documentVersions, pendingDraftImports, type PendingDraftImport } from "../../db/schema";
import { newPendingToken, pendingTokenId } from "../http/uploaded-file.server";
import { formatFromFileName, ImportError, importDocument, type ImportedOutline, type ImportFormat } from "../import";
import { applyCorrection, applyCorrections, type OutlineCorrection } from "../import/outline-corrections";
import { currentVersion } from "./drafts.server";
import { storeImportedOutline } from "./store-import.server";
import { storeTranslation } from "./translations.server";

/** The largest file accepted, checked while the upload streams in (decimal megabytes, as shown). */
export const MAX_DRAFT_BYTES = 10_000_000;
/** A pending upload lives this long after its last change: time to go through a long draft. */
export const PENDING_DRAFT_HOURS = 24;

/** Why a file cannot be read: a message key and its values, translated by the page. */
export interface DraftFileProblem {
  key:
    | "draftUpload.file.required"
    | "draftUpload.file.tooLarge"
    | "draftUpload.file.empty"
    | "draftUpload.file.wrongType"
    | "draftUpload.file.notUtf8"
    | "draftUpload.file.binary"
    | "draftUpload.file.notDocx"
    | "draftUpload.file.noParagraphs"
    | "draftUpload.file.unreadable";
  values?: Record<string, string | number>;
}

export type ReadDraft = { ok: true; format: ImportFormat; outline: ImportedOutline } | { ok: false; problem: DraftFileProblem };

/**
 * Reads a file with the importer; whatever it cannot read is named in a message a person can act
 * on. The importer's own messages are English sentences: the common ones are recognised and
 * translated, any other is passed on as the reason.
 */
export async function readDraftFile(fileName: string, bytes: Uint8Array): Promise<ReadDraft> {
  const refuse = (key: DraftFileProblem["key"], values?: DraftFileProblem["values"]): ReadDraft => ({ ok: false, problem: { key, ...(values ? { values } : {}) } });
  const format = formatFromFileName(fileName);
  if (!format) return refuse("draftUpload.file.wrongType", { fileName });
  if (bytes.byteLength === 0) return refuse("draftUpload.file.empty", { fileName });
  if (bytes.byteLength > MAX_DRAFT_BYTES) return refuse("draftUpload.file.tooLarge", { max: MAX_DRAFT_BYTES / 1_000_000 });
  let outline: ImportedOutline;
  try {
    outline = await importDocument(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), format);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    const message = error.message;
    if (/not UTF-8/i.test(message)) return refuse("draftUpload.file.notUtf8", { fileName });
    if (/binary/i.test(message)) return refuse("draftUpload.file.binary", { fileName });
    if (/not a Word/i.test(message)) return refuse("draftUpload.file.notDocx", { fileName });
    if (/no text|no paragraphs|no body/i.test(message)) return refuse("draftUpload.file.noParagraphs", { fileName });
    return refuse("draftUpload.file.unreadable", { fileName, reason: message });
  }
  if (outline.nodes.length === 0) return refuse("draftUpload.file.noParagraphs", { fileName });
  return { ok: true, format, outline };
}

/** The language a consultation's current version is written in, and its number (null: no text yet). */
export function currentText(db: Db, consultationId: number): { versionId: number; number: number; language: Language } | null {
  const version = currentVersion(db, consultationId);
  if (!version) return null;
  const { language } = db.select({ language: documentVersions.language }).from(documentVersions).where(eq(documentVersions.id, version.id)).get()!;
  return { versionId: version.id, number: version.number, language };
}

export interface PendingDraft {
  /** The address it was reached by: the token given at upload, or its stored id when resumed from a list. */
  token: string;
  id: string;
  consultationId: number;
  fileName: string;
  format: ImportFormat;
  translationLanguage: Language | null;
  imported: ImportedOutline;
  corrections: OutlineCorrection[];
  outline: ImportedOutline;
  expiresAt: Date;
}

/**
 * Only the hash of a token is stored, so a preview listed for its uploader to resume is addressed by
 * that stored id (64 hex digits; a token is 32 base64url characters, so the two never collide).
 * Either way, only its uploader finds it.
 */
const rowId = (address: string) => (/^[0-9a-f]{64}$/.test(address) ? address : pendingTokenId(address));

const expiry = (now: Date) => new Date(now.getTime() + PENDING_DRAFT_HOURS * 3_600_000);

function toPending(row: PendingDraftImport, token: string): PendingDraft {
  return {
    token,
    id: row.id,
    consultationId: row.consultationId,
    fileName: row.fileName,
    format: row.format,
    translationLanguage: row.translationLanguage,
    imported: row.importedOutline as ImportedOutline,
    corrections: row.corrections as OutlineCorrection[],
    outline: row.correctedOutline as ImportedOutline,
    expiresAt: row.expiresAt,
  };
}

/** Keeps a read file and its outline until it is confirmed; returns the token of its preview. */
export function stagePendingDraft(
  db: Db,
  input: {
    consultationId: number;
    fileName: string;
    format: ImportFormat;
    translationLanguage: Language | null;
    bytes: Uint8Array;
    outline: ImportedOutline;
    uploadedById: number;
  },
  now = new Date(),
): string {
  const token = newPendingToken();
  db.transaction((tx) => {
    tx.delete(pendingDraftImports).where(lt(pendingDraftImports.expiresAt, now)).run();
    tx.insert(pendingDraftImports)
      .values({
        id: pendingTokenId(token),
        consultationId: input.consultationId,
        fileName: input.fileName,
        format: input.format,
        translationLanguage: input.translationLanguage,
        file: Buffer.from(input.bytes),
        importedOutline: input.outline,
        corrections: [],
        correctedOutline: input.outline,
        uploadedById: input.uploadedById,
        expiresAt: expiry(now),
      })
      .run();
  });
  return token;
}

/** A pending upload belongs to whoever uploaded it: another secretariat member's token finds nothing. */
export function findPendingDraft(db: Db, consultationId: number, userId: number, token: string, now = new Date()): PendingDraft | undefined {
  const row = db
    .select()
    .from(pendingDraftImports)
    .where(
      and(
        eq(pendingDraftImports.id, rowId(token)),
        eq(pendingDraftImports.consultationId, consultationId),
        eq(pendingDraftImports.uploadedById, userId),
        gt(pendingDraftImports.expiresAt, now),
      ),
    )
    .get();
  return row ? toPending(row, token) : undefined;
}

function saveCorrections(db: Db, pending: PendingDraft, corrections: OutlineCorrection[], outline: ImportedOutline, now: Date): PendingDraft {
  db.update(pendingDraftImports)
    .set({ corrections, correctedOutline: outline, expiresAt: expiry(now) })
    .where(eq(pendingDraftImports.id, pending.id))
    .run();
  return { ...pending, corrections, outline, expiresAt: expiry(now) };
}

/** The user's own previews of this consultation still in progress, newest first, to resume them. */
export function listPendingDrafts(db: Db, consultationId: number, userId: number, now = new Date()) {
  return db
    .select({
      id: pendingDraftImports.id,
      fileName: pendingDraftImports.fileName,
      translationLanguage: pendingDraftImports.translationLanguage,
      expiresAt: pendingDraftImports.expiresAt,
    })
    .from(pendingDraftImports)
    .where(
      and(
        eq(pendingDraftImports.consultationId, consultationId),
        eq(pendingDraftImports.uploadedById, userId),
        gt(pendingDraftImports.expiresAt, now),
      ),
    )
    .orderBy(desc(pendingDraftImports.expiresAt))
    .all();
}

/** Applies one more correction (a CorrectionError says why it cannot be made; nothing is saved then). */
export function correctPendingDraft(db: Db, pending: PendingDraft, correction: OutlineCorrection, now = new Date()): PendingDraft {
  const outline = applyCorrection(pending.outline, correction);
  return saveCorrections(db, pending, [...pending.corrections, correction], outline, now);
}

/** Takes back the last correction: the importer's outline with all the others replayed. */
export function undoLastCorrection(db: Db, pending: PendingDraft, now = new Date()): PendingDraft {
  const corrections = pending.corrections.slice(0, -1);
  return saveCorrections(db, pending, corrections, applyCorrections(pending.imported, corrections), now);
}

/** Back to the outline as the importer read it from the file. */
export function resetCorrections(db: Db, pending: PendingDraft, now = new Date()): PendingDraft {
  return saveCorrections(db, pending, [], pending.imported, now);
}

export function discardPendingDraft(db: Db, token: string): void {
  db.delete(pendingDraftImports).where(eq(pendingDraftImports.id, rowId(token))).run();
}

export type ConfirmedDraft =
  | { kind: "version"; versionNumber: number; nodeCount: number; carriedOver: number }
  | { kind: "translation"; language: Language; versionNumber: number; aligned: number };

/**
 * Stores the corrected outline (as the next published version, or as the translation of the current
 * one) and drops the pending upload, in one transaction: both happen or neither.
 */
export function confirmPendingDraft(db: Db, consultationSlug: string, pending: PendingDraft): ConfirmedDraft {
  return db.transaction((tx) => {
    const txDb = tx as unknown as Db;
    let result: ConfirmedDraft;
    if (pending.translationLanguage) {
      const stored = storeTranslation(txDb, consultationSlug, pending.translationLanguage, pending.outline);
      result = { kind: "translation", language: pending.translationLanguage, versionNumber: stored.versionNumber, aligned: stored.aligned };
    } else {
      const stored = storeImportedOutline(txDb, pending.outline, { consultationSlug, sourceFormat: pending.format, sourceName: pending.fileName });
      result = { kind: "version", versionNumber: stored.versionNumber, nodeCount: stored.nodeCount, carriedOver: stored.carriedOver };
    }
    tx.delete(pendingDraftImports).where(eq(pendingDraftImports.id, pending.id)).run();
    return result;
  });
}
