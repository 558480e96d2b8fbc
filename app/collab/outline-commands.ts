/**
 * Editing commands of the working draft: split keeps the paragraph's kind and gives the new half
 * a fresh id; move, indent and kind changes rewrite block attributes, never the node id.
 */
import { splitBlockAs } from "prosemirror-commands";
import { Plugin, TextSelection, type Command, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { workingDraftLabels } from "../drafts/relabel";
import { blockLevel, type BlockKind } from "./outline-schema";

export function newNodeId(): string {
  return globalThis.crypto.randomUUID();
}

/** Enter: the second half is a new block of the same kind and level, with a new id. */
export const splitParagraph: Command = splitBlockAs((node) => ({
  type: node.type,
  attrs: { ...node.attrs, nodeId: "", label: node.attrs.label },
}));

function currentBlock(state: EditorState): { pos: number; index: number } {
  const $from = state.selection.$from;
  return { pos: $from.before(1), index: $from.index(0) };
}

/** Alt-ArrowUp / Alt-ArrowDown: swaps the paragraph with its neighbour, the cursor travelling with it. */
export function moveBlock(direction: -1 | 1): Command {
  return (state, dispatch) => {
    const { pos, index } = currentBlock(state);
    const target = index + direction;
    if (target < 0 || target >= state.doc.childCount) return false;
    if (dispatch) {
      const first = Math.min(index, target);
      const start = direction === 1 ? pos : pos - state.doc.child(target).nodeSize;
      const a = state.doc.child(first);
      const b = state.doc.child(first + 1);
      const offsetInBlock = state.selection.from - pos;
      const tr = state.tr.replaceWith(start, start + a.nodeSize + b.nodeSize, [b, a]);
      const movedStart = direction === 1 ? start + b.nodeSize : start;
      dispatch(tr.setSelection(TextSelection.create(tr.doc, movedStart + offsetInBlock)).scrollIntoView());
    }
    return true;
  };
}

/** Tab / Shift-Tab: one level deeper (a paragraph becomes a sub-paragraph) or shallower. */
export function indentBlock(delta: 1 | -1): Command {
  return (state, dispatch) => {
    const { pos } = currentBlock(state);
    const node = state.doc.nodeAt(pos);
    if (!node) return false;
    const level = blockLevel(node) + delta;
    if (level < 0 || level > 6) return false;
    let kind = node.attrs.kind as BlockKind;
    if (delta === 1 && (kind === "paragraph" || kind === "operative")) kind = "subparagraph";
    if (delta === -1 && kind === "subparagraph") {
      const parentKind = parentKindAt(state, pos, level);
      if (parentKind) kind = parentKind;
    }
    if (dispatch) dispatch(state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, level: String(level), kind }));
    return true;
  };
}

function parentKindAt(state: EditorState, pos: number, level: number): BlockKind | null {
  let found: BlockKind | null = null;
  state.doc.forEach((child, offset) => {
    if (offset < pos && blockLevel(child) === level && child.attrs.kind !== "heading") found = child.attrs.kind as BlockKind;
  });
  return found;
}

export function setBlockKind(kind: BlockKind): Command {
  return (state, dispatch) => {
    const { pos } = currentBlock(state);
    const node = state.doc.nodeAt(pos);
    if (!node || node.attrs.kind === kind) return false;
    if (dispatch) dispatch(state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, kind }));
    return true;
  };
}

/**
 * Every block keeps a unique node id: a block created by a split, a paste or another client's
 * concurrent split of the same paragraph gets a fresh one, the first occurrence keeps the old.
 */
export const uniqueNodeIds = new Plugin({
  appendTransaction(transactions, _old, state) {
    if (!transactions.some((t) => t.docChanged)) return null;
    const seen = new Set<string>();
    let tr: Transaction | null = null;
    state.doc.forEach((node, offset) => {
      const id = node.attrs.nodeId as string;
      if (id && !seen.has(id)) {
        seen.add(id);
        return;
      }
      const fresh = newNodeId();
      seen.add(fresh);
      tr = (tr ?? state.tr).setNodeMarkup(offset, undefined, { ...node.attrs, nodeId: fresh });
    });
    return tr;
  },
});

/**
 * Shows each block's label, recomputed as the outline changes ("OP5" becomes "OP6"), exactly as
 * publishing will number it: an empty block has no label and does not count.
 */
export const labelDecorations = new Plugin({
  props: {
    decorations(state) {
      const blocks: { kind: string; level: number; label: string | null; text: string }[] = [];
      state.doc.forEach((node) =>
        blocks.push({ kind: node.attrs.kind, level: blockLevel(node), label: node.attrs.label, text: node.textContent }),
      );
      const labels = workingDraftLabels(blocks);
      const decorations: Decoration[] = [];
      state.doc.forEach((node, offset, index) => {
        const label = labels[index];
        if (!label) return;
        decorations.push(
          Decoration.widget(offset + 1, () => {
            const span = document.createElement("span");
            span.className = "outline-block__label";
            span.contentEditable = "false";
            span.setAttribute("aria-hidden", "true");
            span.textContent = label;
            return span;
          }, { side: -1, key: `label-${label}` }),
        );
        decorations.push(Decoration.node(offset, offset + node.nodeSize, { "aria-label": label, "data-label": label }, { label }));
      });
      return DecorationSet.create(state.doc, decorations);
    },
  },
});
