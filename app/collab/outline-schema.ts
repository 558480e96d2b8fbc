/**
 * The ProseMirror schema of the working draft, mirroring the Yjs shape in
 * app/drafts/working-draft.ts: a document of `block` nodes, each carrying its node id, kind,
 * level and imported label as attributes (strings, as y-prosemirror stores them in Yjs).
 */
import { Schema, type Node as ProseMirrorNode } from "prosemirror-model";
import { BLOCK_NODE } from "../drafts/working-draft";

export const BLOCK_KINDS = ["heading", "preambular", "operative", "paragraph", "subparagraph", "text"] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export const outlineSchema = new Schema({
  nodes: {
    doc: { content: `${BLOCK_NODE}+` },
    [BLOCK_NODE]: {
      content: "text*",
      attrs: {
        nodeId: { default: "" },
        kind: { default: "paragraph" },
        level: { default: "0" },
        label: { default: null },
      },
      parseDOM: [
        {
          tag: "p[data-kind]",
          getAttrs: (dom) => ({
            nodeId: "",
            kind: (dom as HTMLElement).dataset.kind ?? "paragraph",
            level: (dom as HTMLElement).dataset.level ?? "0",
            label: null,
          }),
        },
      ],
      toDOM: (node) => [
        "p",
        {
          class: `outline-block outline-block--${node.attrs.kind}`,
          "data-kind": node.attrs.kind,
          // The text's direction follows its own script, whatever the language of the interface.
          dir: "auto",
          "data-level": node.attrs.level,
          style: `--level: ${Number(node.attrs.level) || 0}`,
        },
        0,
      ],
    },
    text: {},
  },
});

export function blockLevel(node: ProseMirrorNode): number {
  return Number(node.attrs.level) || 0;
}
