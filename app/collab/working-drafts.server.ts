/**
 * Working drafts on the server: the Yjs document a consultation's expert group edits starts as the
 * latest published version's outline; "publish revision" freezes it into the next version.
 */
import * as Y from "yjs";
import type { Db } from "../../db/client.server";
import { UpdateLog } from "../../realtime/collab/update-log.server";
import { workingDraftName } from "../../realtime/protocol";
import { currentVersion, getConsultationBySlug, getOutline } from "../drafts/drafts.server";
import { isPublishedBlock, workingDraftLabels } from "../drafts/relabel";
import { storeImportedOutline, type StoredVersion } from "../drafts/store-import.server";
import { readWorkingDraft, workingDraftUpdate, type WorkingBlock } from "../drafts/working-draft";
import type { ImportedOutline, NodeKind, OutlineNode } from "../import";

const KINDS: readonly NodeKind[] = ["heading", "preambular", "operative", "paragraph", "subparagraph", "text"];

/** "draft/unesco-ethics-of-ai" → "unesco-ethics-of-ai". */
export function consultationOfDocument(docName: string): string | null {
  const match = /^draft\/([a-z0-9-]{1,100})$/.exec(docName);
  return match ? match[1]! : null;
}

function publishedBlocks(db: Db, slug: string): WorkingBlock[] | null {
  const consultation = getConsultationBySlug(db, slug);
  if (!consultation) return null;
  const version = currentVersion(db, consultation.id);
  if (!version) return null;
  return getOutline(db, version.id).map((n) => ({
    nodeId: n.nodeId,
    label: n.label,
    kind: n.kind,
    level: n.level,
    text: n.text,
  }));
}

/** First content of a working draft that has never been opened; null for an unknown document. */
export function initialWorkingDraft(db: Db, docName: string): Uint8Array | null {
  const slug = consultationOfDocument(docName);
  const blocks = slug ? publishedBlocks(db, slug) : null;
  return blocks ? workingDraftUpdate(blocks) : null;
}

/**
 * The working draft as it stands: the live document when someone has it open (passed in by the
 * caller), else the stored log, else the published version it would start from.
 */
export function workingDraftBlocks(db: Db, slug: string, live?: Y.Doc | null): WorkingBlock[] | null {
  if (live) return readWorkingDraft(live);
  const loaded = new UpdateLog(db).load(workingDraftName(slug));
  if (loaded) {
    const blocks = readWorkingDraft(loaded.doc);
    loaded.doc.destroy();
    return blocks;
  }
  return publishedBlocks(db, slug);
}

/** The working draft as an outline: labels recomputed, parents from nesting, empty blocks dropped. */
export function outlineFromWorkingDraft(title: string, blocks: WorkingBlock[]): { outline: ImportedOutline; nodeIds: string[] } {
  const labels = workingDraftLabels(blocks);
  const nodes: OutlineNode[] = [];
  const nodeIds: string[] = [];
  const seen = new Set<string>();
  blocks.forEach((block, i) => {
    if (!isPublishedBlock(block)) return;
    const parent = [...nodes].reverse().find((n) => n.level < block.level && n.label !== null)?.label ?? null;
    nodes.push({
      kind: KINDS.includes(block.kind as NodeKind) ? (block.kind as NodeKind) : "paragraph",
      label: labels[i] ?? null,
      parent,
      level: block.level,
      text: block.text.trim(),
      footnotes: [],
    });
    // A duplicated id (two clients split the same paragraph at once) keeps its first holder.
    const id = block.nodeId && !seen.has(block.nodeId) ? block.nodeId : crypto.randomUUID();
    seen.add(id);
    nodeIds.push(id);
  });
  return { outline: { title, nodes }, nodeIds };
}

/**
 * Freezes the working draft as the consultation's next published version. Nodes keep their ids
 * and footnotes (footnotes are not edited in the working draft; they follow their node).
 */
export function publishWorkingDraft(db: Db, slug: string, live?: Y.Doc | null): StoredVersion | null {
  const consultation = getConsultationBySlug(db, slug);
  const blocks = workingDraftBlocks(db, slug, live);
  if (!consultation || !blocks) return null;
  const version = currentVersion(db, consultation.id);
  const previous = version ? getOutline(db, version.id) : [];
  const footnotesById = new Map(previous.map((n) => [n.nodeId, n.footnotes]));
  const { outline, nodeIds } = outlineFromWorkingDraft(version?.title ?? consultation.title, blocks);
  outline.nodes.forEach((node, i) => (node.footnotes = footnotesById.get(nodeIds[i]!) ?? []));
  return storeImportedOutline(db, outline, { consultationSlug: slug, sourceFormat: "editor", nodeIds });
}
