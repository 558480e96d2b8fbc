/**
 * A passage comment's place in the working draft as Yjs relative positions: they name the
 * characters themselves (Yjs item ids), not offsets, so concurrent insertions and deletions around
 * or inside the passage leave it on the same words; when every one of its characters is deleted
 * the range collapses, and the comment says the passage was changed.
 */
import * as Y from "yjs";
import { BLOCK_NODE, WORKING_DRAFT_FRAGMENT } from "../drafts/working-draft";
import { locateAnchor, type PassageAnchor } from "./passage-anchor";

/** Base64 of Y.encodeRelativePosition for the first character and just after the last. */
export interface WorkingDraftPositions {
  start: string;
  end: string;
}

export type PassageInDraft =
  | { status: "unchanged"; text: string }
  | { status: "edited"; text: string }
  | { status: "changed" };

// atob/btoa: the same code decodes the positions in the browser's editor and on the server.
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** A stored position as Yjs reads it; throws on a damaged one. */
export function decodePosition(text: string): Y.RelativePosition {
  return Y.decodeRelativePosition(fromBase64(text));
}

/** The text of a node's block in the working draft, or null when no block carries that node id. */
export function blockText(doc: Y.Doc, nodeId: string): Y.XmlText | null {
  for (const child of doc.getXmlFragment(WORKING_DRAFT_FRAGMENT).toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === BLOCK_NODE && child.getAttribute("nodeId") === nodeId) {
      const text = child.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText);
      return text ?? null;
    }
  }
  return null;
}

/**
 * Anchors a passage (found by its quote and context in the block's current text) in the working
 * draft; null when the block or the words are not there (the quote anchor then stands alone).
 */
export function anchorInWorkingDraft(doc: Y.Doc, nodeId: string, anchor: PassageAnchor): WorkingDraftPositions | null {
  const text = blockText(doc, nodeId);
  if (!text) return null;
  const range = locateAnchor(text.toString(), anchor);
  if (!range) return null;
  // The start sticks to the passage's first character, the end to its last (assoc -1), so words
  // typed just before or just after the passage stay outside it.
  const start = Y.createRelativePositionFromTypeIndex(text, range.start, 0);
  const end = Y.createRelativePositionFromTypeIndex(text, range.end, -1);
  return { start: toBase64(Y.encodeRelativePosition(start)), end: toBase64(Y.encodeRelativePosition(end)) };
}

/** Where the passage is now in the working draft, and whether its words survived. */
export function resolveInWorkingDraft(doc: Y.Doc, positions: WorkingDraftPositions, quote: string): PassageInDraft {
  let start: Y.AbsolutePosition | null;
  let end: Y.AbsolutePosition | null;
  try {
    start = Y.createAbsolutePositionFromRelativePosition(decodePosition(positions.start), doc);
    end = Y.createAbsolutePositionFromRelativePosition(decodePosition(positions.end), doc);
  } catch {
    return { status: "changed" };
  }
  if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText) || end.index <= start.index) {
    return { status: "changed" };
  }
  const text = start.type.toString().slice(start.index, end.index);
  if (text.trim() === "") return { status: "changed" };
  return text === quote ? { status: "unchanged", text } : { status: "edited", text };
}
