import * as Y from "yjs";

/**
 * The working draft as a Yjs document: one XML element per outline node, in the shape the
 * ProseMirror binding (y-prosemirror) reads: fragment "prosemirror" → <block nodeId label kind level>
 * with the paragraph text inside. The node id travels with the block, so comments and decisions
 * stay attached through splits, merges and moves.
 */
export const WORKING_DRAFT_FRAGMENT = "prosemirror";
export const BLOCK_NODE = "block";

export interface WorkingBlock {
  nodeId: string;
  label: string | null;
  kind: string;
  level: number;
  text: string;
}

export function fillWorkingDraft(doc: Y.Doc, blocks: WorkingBlock[]): void {
  const fragment = doc.getXmlFragment(WORKING_DRAFT_FRAGMENT);
  doc.transact(() => {
    fragment.insert(
      fragment.length,
      blocks.map((b) => {
        const element = new Y.XmlElement(BLOCK_NODE);
        element.setAttribute("nodeId", b.nodeId);
        element.setAttribute("kind", b.kind);
        element.setAttribute("level", String(b.level));
        if (b.label !== null) element.setAttribute("label", b.label);
        element.insert(0, [new Y.XmlText(b.text)]);
        return element;
      }),
    );
  });
}

/** The initial state of a working draft as one Yjs update. */
export function workingDraftUpdate(blocks: WorkingBlock[]): Uint8Array {
  const doc = new Y.Doc();
  fillWorkingDraft(doc, blocks);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Reads the blocks back (what "publish revision" freezes into the next version). */
export function readWorkingDraft(doc: Y.Doc): WorkingBlock[] {
  const fragment = doc.getXmlFragment(WORKING_DRAFT_FRAGMENT);
  return fragment
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement)
    .map((el) => ({
      nodeId: el.getAttribute("nodeId") ?? "",
      label: el.getAttribute("label") ?? null,
      kind: el.getAttribute("kind") ?? "paragraph",
      level: Number(el.getAttribute("level") ?? 0),
      text: el
        .toArray()
        .map((child) =>
          child instanceof Y.XmlText
            ? (child.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === "string" ? d.insert : "")).join("")
            : "",
        )
        .join(""),
    }));
}
