import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { fillWorkingDraft } from "../drafts/working-draft";
import { createAnchor } from "./passage-anchor";
import { anchorInWorkingDraft, blockText, resolveInWorkingDraft } from "./passage-positions";

const PARAGRAPH = "Member States should ensure that AI systems respect human rights and fundamental freedoms.";

function draft(): Y.Doc {
  const doc = new Y.Doc();
  fillWorkingDraft(doc, [
    { nodeId: "n1", label: "1", kind: "paragraph", level: 0, text: "Preamble." },
    { nodeId: "n2", label: "2", kind: "paragraph", level: 0, text: PARAGRAPH },
  ]);
  return doc;
}

/** A second editor's copy of the document, as a collaborator who joined has it. */
function copyOf(doc: Y.Doc): Y.Doc {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return other;
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

const QUOTE = "respect human rights";
const anchorOf = (doc: Y.Doc) => {
  const start = PARAGRAPH.indexOf(QUOTE);
  const positions = anchorInWorkingDraft(doc, "n2", createAnchor(PARAGRAPH, start, start + QUOTE.length));
  if (!positions) throw new Error("not anchored");
  return positions;
};

describe("passage positions in the working draft", () => {
  it("stay on the same words while two editors insert before, after and around them at once", () => {
    const server = draft();
    const positions = anchorOf(server);
    const alice = copyOf(server);
    const bob = copyOf(server);
    blockText(alice, "n2")!.insert(0, "All ");
    blockText(bob, "n2")!.insert(PARAGRAPH.length, " Always.");
    blockText(bob, "n2")!.insert(PARAGRAPH.indexOf(QUOTE), "fully ");
    sync(alice, bob);
    sync(server, alice);
    expect(blockText(server, "n2")!.toString()).toBe(
      "All Member States should ensure that AI systems fully respect human rights and fundamental freedoms. Always.",
    );
    expect(resolveInWorkingDraft(server, positions, QUOTE)).toEqual({ status: "unchanged", text: QUOTE });
  });

  it("follow an edit inside the passage and show the words as they now read", () => {
    const doc = draft();
    const positions = anchorOf(doc);
    const text = blockText(doc, "n2")!;
    text.insert(PARAGRAPH.indexOf("human"), "universal ");
    expect(resolveInWorkingDraft(doc, positions, QUOTE)).toEqual({ status: "edited", text: "respect universal human rights" });
  });

  it("say the passage was changed once its words are deleted, even by another editor", () => {
    const server = draft();
    const positions = anchorOf(server);
    const editor = copyOf(server);
    blockText(editor, "n2")!.delete(PARAGRAPH.indexOf(QUOTE), QUOTE.length);
    sync(server, editor);
    expect(resolveInWorkingDraft(server, positions, QUOTE)).toEqual({ status: "changed" });
  });

  it("are not made when the block or the words are gone", () => {
    const doc = draft();
    expect(anchorInWorkingDraft(doc, "unknown", createAnchor(PARAGRAPH, 0, 6))).toBeNull();
    blockText(doc, "n2")!.delete(0, PARAGRAPH.length);
    expect(anchorInWorkingDraft(doc, "n2", createAnchor(PARAGRAPH, 0, 6))).toBeNull();
  });

  it("treat damaged positions as a changed passage rather than failing", () => {
    expect(resolveInWorkingDraft(draft(), { start: "AAAA", end: "!!" }, QUOTE)).toEqual({ status: "changed" });
  });
});
