import type { Statement } from "better-sqlite3";
import { and, asc, count, eq, gt, lte, sql } from "drizzle-orm";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import type { Db } from "../../db/client.server";
import { collabClients, collabSnapshots, collabUpdates } from "../../db/schema";

/** Compact when this many updates, or this many bytes of them, pile up past the snapshot. */
export const COMPACT_AFTER_UPDATES = 500;
export const COMPACT_AFTER_BYTES = 1_000_000;

/** Origin given to updates applied while loading, so they are not logged a second time. */
export const LOAD_ORIGIN = Symbol("collab-load");

export interface LoadedDocument {
  doc: Y.Doc;
  /** Updates in the log past the snapshot, for the compaction threshold. */
  pendingUpdates: number;
  pendingBytes: number;
}

/** Distinct client ids that wrote structs in an update: the update's authorship footprint. */
export function clientIdsOf(update: Uint8Array): number[] {
  // The update's meta (client → clock range) is read without decoding its content.
  const { from, to } = Y.parseUpdateMeta(update);
  return [...from.keys()].filter((client) => (to.get(client) ?? 0) > (from.get(client) ?? 0));
}

/**
 * The client id of an update that carries structs of exactly one client (a keystroke: almost every
 * update), read from its first bytes; null otherwise. A Yjs v1 update starts with the number of
 * clients, then for each: its number of structs, its client id.
 */
export function soleClientOf(update: Uint8Array): number | null {
  const decoder = decoding.createDecoder(update);
  if (decoding.readVarUint(decoder) !== 1) return null;
  return decoding.readVarUint(decoder) > 0 ? decoding.readVarUint(decoder) : null;
}

export interface PendingAppend {
  docName: string;
  update: Uint8Array;
  authorId: string | null;
}

export class UpdateLog {
  /** Client ids whose author is already recorded, per document: most updates need no second insert. */
  private readonly knownClients = new Map<string, Set<number>>();
  private prepared: { insertUpdate: Statement<[string, string | null, Buffer]>; insertClient: Statement<[string, number, string]> } | undefined;

  constructor(private readonly db: Db) {}

  /** Snapshot plus every later update, applied in the order they were logged. */
  load(docName: string): LoadedDocument | null {
    const snapshot = this.db.select().from(collabSnapshots).where(eq(collabSnapshots.docName, docName)).get();
    const updates = this.db
      .select({ update: collabUpdates.update })
      .from(collabUpdates)
      .where(and(eq(collabUpdates.docName, docName), gt(collabUpdates.id, snapshot?.upToUpdateId ?? 0)))
      .orderBy(asc(collabUpdates.id))
      .all();
    if (!snapshot && updates.length === 0) return null;
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      if (snapshot) Y.applyUpdate(doc, snapshot.state);
      for (const row of updates) Y.applyUpdate(doc, row.update);
    }, LOAD_ORIGIN);
    return {
      doc,
      pendingUpdates: updates.length,
      pendingBytes: updates.reduce((n, r) => n + r.update.byteLength, 0),
    };
  }

  /**
   * Appends one update (synchronously: it is on disk when this returns) and records which author
   * each of its Yjs client ids belongs to.
   */
  append(docName: string, update: Uint8Array, authorId: string | null): number {
    return this.appendMany([{ docName, update, authorId }])[0]!;
  }

  /**
   * Appends several updates in one transaction (all or none are on disk when this returns) and
   * returns their ids. One commit per batch instead of per update: fewer WAL frames, and so fewer
   * checkpoints with their fsync, when many writers type at once.
   */
  appendMany(entries: readonly PendingAppend[]): number[] {
    const statements = this.statements();
    const recorded: Array<[string, number]> = [];
    const ids = this.db.$client.transaction(() =>
      entries.map(({ docName, update, authorId }) => {
        const id = Number(
          statements.insertUpdate.run(docName, authorId, Buffer.from(update.buffer, update.byteOffset, update.byteLength)).lastInsertRowid,
        );
        if (authorId !== null) {
          const known = this.knownClients.get(docName);
          const sole = soleClientOf(update);
          // The update's meta needs decoding only when it may name a client not yet recorded.
          if (sole !== null && known?.has(sole)) return id;
          for (const clientId of clientIdsOf(update)) {
            if (known?.has(clientId)) continue;
            statements.insertClient.run(docName, clientId, authorId);
            recorded.push([docName, clientId]);
          }
        }
        return id;
      }),
    )();
    // Only once committed: a client id is known when its row is certainly there.
    for (const [docName, clientId] of recorded) {
      let known = this.knownClients.get(docName);
      if (!known) this.knownClients.set(docName, (known = new Set()));
      known.add(clientId);
    }
    return ids;
  }

  /** Forgets the per-document cache (the document unloaded). */
  forget(docName: string): void {
    this.knownClients.delete(docName);
  }

  /** Prepared once per log: building the SQL for every keystroke cost more than running it. */
  private statements() {
    this.prepared ??= {
      insertUpdate: this.db.$client.prepare<[string, string | null, Buffer]>(
        `INSERT INTO collab_updates (doc_name, author_id, "update") VALUES (?, ?, ?)`,
      ),
      insertClient: this.db.$client.prepare<[string, number, string]>(
        "INSERT INTO collab_clients (doc_name, client_id, author_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
      ),
    };
    return this.prepared;
  }

  /**
   * Folds the document's state into its snapshot and drops the updates it contains, in one
   * transaction: a crash leaves either the old snapshot and all updates, or the new snapshot.
   */
  compact(docName: string, doc: Y.Doc): void {
    this.db.transaction((tx) => {
      const last = tx
        .select({ id: sql<number | null>`max(${collabUpdates.id})` })
        .from(collabUpdates)
        .where(eq(collabUpdates.docName, docName))
        .get();
      const upTo = last?.id ?? 0;
      const state = Buffer.from(Y.encodeStateAsUpdate(doc));
      tx.insert(collabSnapshots)
        .values({ docName, state, upToUpdateId: upTo, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: collabSnapshots.docName,
          set: { state, upToUpdateId: sql`max(${collabSnapshots.upToUpdateId}, ${upTo})`, updatedAt: new Date() },
        })
        .run();
      tx.delete(collabUpdates).where(and(eq(collabUpdates.docName, docName), lte(collabUpdates.id, upTo))).run();
    });
  }

  /** Updates in the log past the snapshot (for tests and diagnostics). */
  pendingCount(docName: string): number {
    return this.db.select({ n: count() }).from(collabUpdates).where(eq(collabUpdates.docName, docName)).get()?.n ?? 0;
  }

  /** Author of each client id that ever wrote into the document. */
  authors(docName: string): Map<number, string> {
    const rows = this.db.select().from(collabClients).where(eq(collabClients.docName, docName)).all();
    return new Map(rows.map((r) => [r.clientId, r.authorId]));
  }
}
