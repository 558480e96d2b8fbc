/**
 * The passage comments' words marked in the co-editor. Their Yjs relative positions are turned
 * into ProseMirror positions on every change (y-prosemirror's mapping), so each mark follows its
 * words through everyone's edits and disappears when they are deleted.
 */
import { Plugin } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { relativePositionToAbsolutePosition, ySyncPluginKey } from "y-prosemirror";
import type * as Y from "yjs";
import { decodePosition, type WorkingDraftPositions } from "../comments/passage-positions";

export interface EditorPassage {
  commentId: number;
  positions: WorkingDraftPositions;
  /** What the mark's title says: who commented, and how. */
  title: string;
}

export function passageDecorations(doc: Y.Doc, fragment: Y.XmlFragment, passages: EditorPassage[]): Plugin {
  const decoded = passages.flatMap((p) => {
    try {
      return [{ ...p, start: decodePosition(p.positions.start), end: decodePosition(p.positions.end) }];
    } catch {
      return [];
    }
  });
  return new Plugin({
    props: {
      decorations(state) {
        const binding = ySyncPluginKey.getState(state)?.binding;
        if (!binding || decoded.length === 0) return DecorationSet.empty;
        const marks: Decoration[] = [];
        for (const p of decoded) {
          const from = relativePositionToAbsolutePosition(doc, fragment, p.start, binding.mapping);
          const to = relativePositionToAbsolutePosition(doc, fragment, p.end, binding.mapping);
          if (from === null || to === null || to <= from) continue;
          marks.push(Decoration.inline(from, to, { class: "passage-draft-mark", title: p.title, "data-comment": String(p.commentId) }));
        }
        return DecorationSet.create(state.doc, marks);
      },
    },
  });
}
