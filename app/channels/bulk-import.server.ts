/**
 * Bulk import of written comments: a file is checked whole, previewed, then imported whole in one
 * transaction with its import batch, or not at all. Between the preview and the confirmation the
 * file waits in `pending_imports` under a random token (decision 008).
 */
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { comments, importBatches, pendingImports, type ImportBatch } from "../../db/schema";
import { listStakeholderGroups } from "../accounts/users.server";
import { currentVersion, getOutline } from "../drafts/drafts.server";
import { validateSheet, type ImportLookups, type ImportProblem, type ImportRow } from "./import-rows";
import { recordedCommentValues } from "./recorded-comments.server";
import { isProblem, readSpreadsheet } from "./spreadsheet.server";
import { newPendingToken, pendingTokenId, sha256 } from "../http/uploaded-file.server";

export const PENDING_MINUTES = 60;


/** What the rows of a file are checked against: the current version's outline and the groups. */
export function importLookups(db: Db, consultationId: number, now = new Date()): ImportLookups & { versionId: number | null } {
  const version = currentVersion(db, consultationId);
  const nodes = version ? getOutline(db, version.id) : [];
  return {
    versionId: version?.id ?? null,
    paragraphs: new Map(nodes.filter((n) => n.label !== null).map((n) => [n.label!, { nodeId: n.nodeId, kind: n.kind }])),
    groups: listStakeholderGroups(db).map((g) => ({ id: g.id, slug: g.slug, name: g.name })),
    today: now.toISOString().slice(0, 10),
  };
}

function previousImport(db: Db, consultationId: number, fileSha256: string): ImportBatch | undefined {
  return db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.consultationId, consultationId), eq(importBatches.fileSha256, fileSha256)))
    .get();
}

export type CheckedFile = { ok: true; rows: ImportRow[]; fileSha256: string } | { ok: false; problems: ImportProblem[] };

/** Reads and checks a whole file; any problem refuses it (all problems are listed). */
export async function checkFile(db: Db, consultationId: number, fileName: string, bytes: Uint8Array, now = new Date()): Promise<CheckedFile> {
  const fileSha256 = sha256(bytes);
  const before = previousImport(db, consultationId, fileSha256);
  if (before) {
    return { ok: false, problems: [{ key: "import.file.alreadyImported", values: { fileName: before.fileName, date: before.createdAt.toISOString().slice(0, 10) } }] };
  }
  const sheet = await readSpreadsheet(fileName, bytes);
  if (isProblem(sheet)) return { ok: false, problems: [sheet] };
  const { rows, problems } = validateSheet(sheet, importLookups(db, consultationId, now));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows, fileSha256 };
}

/** Keeps a checked file until it is confirmed; returns the token of its preview. */
export function stagePendingImport(
  db: Db,
  input: { consultationId: number; fileName: string; bytes: Uint8Array; uploadedById: number },
  now = new Date(),
): string {
  const token = newPendingToken();
  db.transaction((tx) => {
    tx.delete(pendingImports).where(lt(pendingImports.expiresAt, now)).run();
    tx.insert(pendingImports)
      .values({
        id: pendingTokenId(token),
        consultationId: input.consultationId,
        fileName: input.fileName,
        fileSha256: sha256(input.bytes),
        file: Buffer.from(input.bytes),
        uploadedById: input.uploadedById,
        expiresAt: new Date(now.getTime() + PENDING_MINUTES * 60_000),
      })
      .run();
  });
  return token;
}

export function findPendingImport(db: Db, consultationId: number, token: string, now = new Date()) {
  return db
    .select()
    .from(pendingImports)
    .where(and(eq(pendingImports.id, pendingTokenId(token)), eq(pendingImports.consultationId, consultationId), gt(pendingImports.expiresAt, now)))
    .get();
}

export function discardPendingImport(db: Db, token: string): void {
  db.delete(pendingImports).where(eq(pendingImports.id, pendingTokenId(token))).run();
}

export class AlreadyImportedError extends Error {}

/**
 * Writes every row and the batch in one transaction: if any insert fails (or the same file was
 * imported meanwhile), nothing is written.
 */
export function importRows(
  db: Db,
  input: { consultationId: number; versionId: number | null; fileName: string; fileSha256: string; rows: ImportRow[]; importedById: number; pendingToken?: string },
): ImportBatch {
  const now = new Date();
  return db.transaction((tx) => {
    if (previousImport(tx as unknown as Db, input.consultationId, input.fileSha256)) throw new AlreadyImportedError(input.fileName);
    const batch = tx
      .insert(importBatches)
      .values({
        consultationId: input.consultationId,
        fileName: input.fileName,
        fileSha256: input.fileSha256,
        rowCount: input.rows.length,
        importedById: input.importedById,
      })
      .returning()
      .get();
    const values = input.rows.map((row) =>
      recordedCommentValues({
        ...row,
        consultationId: input.consultationId,
        versionId: input.versionId,
        channel: "written-submission",
        importBatchId: batch.id,
        recordedById: input.importedById,
        createdAt: row.receivedOn ? new Date(`${row.receivedOn}T12:00:00Z`) : now,
      }),
    );
    // One prepared statement for all rows: building the SQL of multi-row slices took three quarters
    // of a 20,000-row import (docs/benchmarks.md).
    const columns = Object.keys(values[0] ?? {}) as (keyof (typeof values)[number])[];
    if (values.length === 0) return batch;
    const insert = tx
      .insert(comments)
      .values(Object.fromEntries(columns.map((c) => [c, sql.placeholder(c)])) as unknown as typeof comments.$inferInsert)
      .prepare();
    for (const row of values) insert.run(row as Record<string, unknown>);
    if (input.pendingToken) tx.delete(pendingImports).where(eq(pendingImports.id, pendingTokenId(input.pendingToken))).run();
    return batch;
  });
}
