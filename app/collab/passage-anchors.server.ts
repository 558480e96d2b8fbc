/**
 * Passage comments in the working draft (issue 5, point 8): a new passage comment is anchored with
 * Yjs relative positions in the working draft as it stands, and the revise page shows each
 * passage where its words now are, or that the passage was changed.
 */
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type * as Y from "yjs";
import type { Db } from "../../db/client.server";
import type { Stance } from "../../db/enums";
import { comments, stakeholderGroups } from "../../db/schema";
import type { CollabServer } from "../../realtime/collab/collab-server.server";
import { UpdateLog } from "../../realtime/collab/update-log.server";
import { workingDraftName } from "../../realtime/protocol";
import { publicAuthor } from "../comments/comments.server";
import { locateAnchor, parsePassage, type PassageAnchor } from "../comments/passage-anchor";
import { anchorInWorkingDraft, blockText, resolveInWorkingDraft, type PassageInDraft, type WorkingDraftPositions } from "../comments/passage-positions";
import { currentVersion, getConsultationBySlug, getOutline } from "../drafts/drafts.server";
import { initialWorkingDraft } from "./working-drafts.server";

/**
 * Runs `use` on the working draft: the live document when someone has it open, else the one in
 * the update log. A working draft nobody has opened yet is created first (its initial content
 * logged, as the collab server does on a first join), so positions taken now name the characters
 * every later editor will have.
 */
export function withWorkingDraft<T>(
  db: Db,
  collab: CollabServer | undefined,
  slug: string,
  use: (doc: Y.Doc) => T,
  { create }: { create: boolean },
): T | null {
  const name = workingDraftName(slug);
  const live = collab?.documents.get(name)?.doc;
  if (live) return use(live);
  const log = new UpdateLog(db);
  let loaded = log.load(name);
  if (!loaded) {
    if (!create) return null;
    const initial = initialWorkingDraft(db, name);
    if (!initial) return null;
    log.append(name, initial, null);
    loaded = log.load(name);
    if (!loaded) return null;
  }
  try {
    return use(loaded.doc);
  } finally {
    loaded.doc.destroy();
  }
}

/** The passage's Yjs positions in the working draft; null when the words are not there any more. */
export function anchorPassage(
  db: Db,
  collab: CollabServer | undefined,
  slug: string,
  nodeId: string,
  anchor: PassageAnchor,
): WorkingDraftPositions | null {
  return withWorkingDraft(db, collab, slug, (doc) => anchorInWorkingDraft(doc, nodeId, anchor), { create: true });
}

export interface WorkingDraftPassage {
  commentId: number;
  /** For the editor, which marks the words as they move. */
  positions: WorkingDraftPositions | null;
  nodeId: string;
  author: string;
  stance: Stance | null;
  quote: string;
  now: PassageInDraft;
}

/** Every visible passage comment of the consultation, as its words stand in the working draft. */
export function workingDraftPassages(db: Db, consultationId: number, doc: Y.Doc, participantWord: string): WorkingDraftPassage[] {
  const rows = db
    .select({ comment: comments, group: stakeholderGroups.name })
    .from(comments)
    .innerJoin(stakeholderGroups, eq(stakeholderGroups.id, comments.authorStakeholderGroupId))
    .where(
      and(
        eq(comments.consultationId, consultationId),
        isNull(comments.parentId),
        eq(comments.status, "visible"),
        isNotNull(comments.passageAnchor),
        isNotNull(comments.nodeId),
      ),
    )
    .orderBy(comments.id)
    .all();
  const passages: WorkingDraftPassage[] = [];
  for (const { comment: c, group } of rows) {
    const passage = parsePassage(c.passageQuote, c.passageAnchor);
    if (!passage || c.nodeId === null) continue;
    const { anchor } = passage;
    let now: PassageInDraft;
    if (anchor.workingDraft) {
      now = resolveInWorkingDraft(doc, anchor.workingDraft, anchor.exact);
    } else {
      // Made where no working draft could hold it (the paragraph had left it): found by its quote.
      const text = blockText(doc, c.nodeId)?.toString() ?? "";
      const range = locateAnchor(text, anchor);
      now = range ? { status: "unchanged", text: anchor.exact } : { status: "changed" };
    }
    passages.push({ commentId: c.id, positions: anchor.workingDraft ?? null, nodeId: c.nodeId, author: publicAuthor(c, group, participantWord), stance: c.stance, quote: anchor.exact, now });
  }
  return passages;
}

/**
 * The revise page's list of passage comments in the working draft `doc` (loaded by the caller, who
 * reads its blocks from the same load); with no working draft yet (nobody opened or anchored into
 * it: a GET writes nothing) the list is empty.
 */
export function revisePassages(db: Db, consultationId: number, doc: Y.Doc | null, participantWord: string) {
  if (!doc) return [];
  const version = currentVersion(db, consultationId);
  const labels = new Map(version ? getOutline(db, version.id).map((n) => [n.nodeId, n.label]) : []);
  // The paragraph's published label, where the comment itself is read.
  return workingDraftPassages(db, consultationId, doc, participantWord).map((p) => ({ ...p, label: labels.get(p.nodeId) ?? null }));
}
