import { EditorState, TextSelection, type Command } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { indentBlock, moveBlock, splitParagraph, uniqueNodeIds } from "./outline-commands";
import { outlineSchema } from "./outline-schema";

function stateOf(blocks: { id: string; kind: string; level?: number; text: string }[]) {
  const doc = outlineSchema.node(
    "doc",
    null,
    blocks.map((b) =>
      outlineSchema.node("block", { nodeId: b.id, kind: b.kind, level: String(b.level ?? 0), label: null }, b.text ? [outlineSchema.text(b.text)] : []),
    ),
  );
  return EditorState.create({ doc, plugins: [uniqueNodeIds] });
}

function run(state: EditorState, command: Command, cursor: number): EditorState {
  let next = state.apply(state.tr.setSelection(TextSelection.create(state.doc, cursor)));
  const ok = command(next, (tr) => {
    next = next.apply(tr);
  });
  expect(ok).toBe(true);
  return next;
}

const summary = (state: EditorState) => {
  const out: { id: string; kind: string; level: string; text: string }[] = [];
  state.doc.forEach((n) => out.push({ id: n.attrs.nodeId, kind: n.attrs.kind, level: n.attrs.level, text: n.textContent }));
  return out;
};

describe("working draft editing commands", () => {
  it("splitting a paragraph keeps its id on the first half and gives the second a new one of the same kind", () => {
    const state = stateOf([{ id: "a", kind: "operative", text: "Decides one. Decides two." }]);
    const after = summary(run(state, splitParagraph, 1 + "Decides one. ".length));
    expect(after.map((b) => b.text)).toEqual(["Decides one. ", "Decides two."]);
    expect(after[0]!.id).toBe("a");
    expect(after[1]!.id).not.toBe("a");
    expect(after[1]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(after[1]!.kind).toBe("operative");
  });

  it("moving a paragraph down and up keeps every id", () => {
    const state = stateOf([
      { id: "a", kind: "paragraph", text: "First" },
      { id: "b", kind: "paragraph", text: "Second" },
      { id: "c", kind: "paragraph", text: "Third" },
    ]);
    const down = run(state, moveBlock(1), 2);
    expect(summary(down).map((b) => b.id)).toEqual(["b", "a", "c"]);
    expect(down.selection.$from.parent.attrs.nodeId).toBe("a");
    const up = run(down, moveBlock(-1), down.doc.child(0).nodeSize + down.doc.child(1).nodeSize + 2);
    expect(summary(up).map((b) => b.id)).toEqual(["b", "c", "a"]);
  });

  it("indenting a paragraph makes it a sub-paragraph, outdenting makes it a paragraph again", () => {
    const state = stateOf([
      { id: "a", kind: "operative", text: "Calls upon:" },
      { id: "b", kind: "operative", text: "To act" },
    ]);
    const secondStart = state.doc.child(0).nodeSize + 1;
    const indented = run(state, indentBlock(1), secondStart);
    expect(summary(indented)[1]).toMatchObject({ id: "b", kind: "subparagraph", level: "1" });
    const outdented = run(indented, indentBlock(-1), secondStart);
    expect(summary(outdented)[1]).toMatchObject({ id: "b", kind: "operative", level: "0" });
  });

  it("a pasted copy of a paragraph gets its own id", () => {
    const state = stateOf([{ id: "a", kind: "paragraph", text: "Text" }]);
    const copy = state.doc.child(0);
    const next = state.apply(state.tr.insert(state.doc.content.size, copy));
    expect(summary(next).map((b) => b.id)[0]).toBe("a");
    expect(summary(next).map((b) => b.id)[1]).not.toBe("a");
  });
});
