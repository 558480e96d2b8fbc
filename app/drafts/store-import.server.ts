import { randomUUID } from "node:crypto";
import { and, desc, eq, isNotNull, isNull, like } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { consultations, documents, documentVersions, outlineNodes } from "../../db/schema";
import type { ImportedOutline, ImportFormat } from "../import";
import { assignNodeIds } from "./node-identity";
import { slugify } from "./slug";

type Transaction = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface StoreImportOptions {
  /** Attach the text to this consultation (created, in preparation, when it does not exist yet). */
  consultationSlug?: string;
  sourceFormat: ImportFormat | "editor";
  sourceName?: string;
  /**
   * Node ids decided by the caller, one per node (a revision published from the working draft,
   * where every block carries its id); when absent, ids carry over by matching text and labels.
   */
  nodeIds?: string[];
}

export interface StoredVersion {
  consultationId: number | null;
  documentId: number;
  versionId: number;
  versionNumber: number;
  nodeCount: number;
  carriedOver: number;
}

/**
 * Stores an imported outline as the next published version of its document, in one transaction:
 * either the whole version is there or nothing is. Paragraphs that carry over from the previous
 * version keep their node ids.
 */
export function storeImportedOutline(
  db: Db,
  outline: ImportedOutline,
  options: StoreImportOptions,
): StoredVersion {
  return db.transaction((tx) => {
    let consultationId: number | null = null;
    if (options.consultationSlug) {
      const existing = tx
        .select({ id: consultations.id })
        .from(consultations)
        .where(eq(consultations.slug, options.consultationSlug))
        .get();
      consultationId =
        existing?.id ??
        tx
          .insert(consultations)
          .values({ slug: options.consultationSlug, title: outline.title, status: "draft" })
          .returning({ id: consultations.id })
          .get().id;
    }

    // A document belongs to exactly one consultation: with a consultation, only its own document
    // may receive the version, never another consultation's document that happens to share the title.
    // Without one (the CLI without --consultation), a re-import continues a standalone document of
    // the same title; a consultation's document is never reached that way.
    const document =
      (consultationId !== null
        ? tx.select().from(documents).where(eq(documents.consultationId, consultationId)).get()
        : tx
            .select()
            .from(documents)
            .where(and(eq(documents.title, outline.title), isNull(documents.consultationId)))
            .get()) ??
      tx
        .insert(documents)
        .values({ slug: uniqueDocumentSlug(tx, slugify(outline.title)), title: outline.title, consultationId })
        .returning()
        .get();

    const previous = tx
      .select()
      .from(documentVersions)
      .where(and(eq(documentVersions.documentId, document.id), isNotNull(documentVersions.publishedAt)))
      .orderBy(desc(documentVersions.number))
      .get();
    const previousNodes = previous
      ? tx.select().from(outlineNodes).where(eq(outlineNodes.versionId, previous.id)).all()
      : [];

    const versionNumber = (previous?.number ?? 0) + 1;
    const version = tx
      .insert(documentVersions)
      .values({
        documentId: document.id,
        number: versionNumber,
        title: outline.title,
        sourceFormat: options.sourceFormat,
        sourceName: options.sourceName ?? null,
      })
      .returning()
      .get();

    const nodeIds = options.nodeIds ?? assignNodeIds(previousNodes, outline.nodes, randomUUID);
    if (nodeIds.length !== outline.nodes.length || new Set(nodeIds).size !== nodeIds.length) {
      throw new Error("every node needs its own node id");
    }
    const idByLabel = new Map<string, string>();
    outline.nodes.forEach((node, i) => {
      if (node.label !== null) idByLabel.set(node.label, nodeIds[i]!);
    });
    const rows = outline.nodes.map((node, position) => ({
      versionId: version.id,
      nodeId: nodeIds[position]!,
      kind: node.kind,
      label: node.label,
      parentNodeId: node.parent === null ? null : (idByLabel.get(node.parent) ?? null),
      level: node.level,
      position,
      text: node.text,
      footnotes: node.footnotes,
    }));
    // SQLite caps bound parameters per statement; insert in slices.
    for (let i = 0; i < rows.length; i += 200) {
      tx.insert(outlineNodes).values(rows.slice(i, i + 200)).run();
    }
    tx.update(documentVersions)
      .set({ publishedAt: new Date() })
      .where(eq(documentVersions.id, version.id))
      .run();

    const previousIds = new Set(previousNodes.map((n) => n.nodeId));
    return {
      consultationId: consultationId ?? document.consultationId,
      documentId: document.id,
      versionId: version.id,
      versionNumber,
      nodeCount: rows.length,
      carriedOver: nodeIds.filter((id) => previousIds.has(id)).length,
    };
  });
}

/** The slug itself when free, otherwise the first free `slug-2`, `slug-3`, … among all documents. */
function uniqueDocumentSlug(db: Transaction, slug: string): string {
  const taken = new Set(
    db
      .select({ slug: documents.slug })
      .from(documents)
      .where(like(documents.slug, `${slug}%`))
      .all()
      .map((d) => d.slug),
  );
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) {
    if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
  }
}
