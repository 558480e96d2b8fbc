import { EditorState } from "prosemirror-state";
import type { DecorationSet } from "prosemirror-view";
import { describe, expect, it } from "vitest";
import { initProseMirrorDoc } from "y-prosemirror";
import * as Y from "yjs";
import { createTestDatabase } from "../../db/test-database";
import { seedDemoConsultations } from "../../seeds/seed-demo.server";
import { currentVersion, getConsultationBySlug, getOutline } from "../drafts/drafts.server";
import { BLOCK_NODE, readWorkingDraft, WORKING_DRAFT_FRAGMENT } from "../drafts/working-draft";
import { labelDecorations } from "./outline-commands";
import { outlineSchema } from "./outline-schema";
import { initialWorkingDraft, publishWorkingDraft, workingDraftBlocks } from "./working-drafts.server";

const SLUG = "ga-78-265-trustworthy-ai";

function seeded() {
  const db = createTestDatabase();
  seedDemoConsultations(db, new Date("2026-11-22T12:00:00Z"));
  return db;
}

describe("working drafts", () => {
  it("start as the published outline, one block per node with its id, and refuse unknown documents", () => {
    const db = seeded();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialWorkingDraft(db, `draft/${SLUG}`)!);
    const published = getOutline(db, currentVersion(db, getConsultationBySlug(db, SLUG)!.id)!.id);
    expect(readWorkingDraft(doc).map((b) => [b.nodeId, b.label, b.text])).toEqual(published.map((n) => [n.nodeId, n.label, n.text]));
    expect(initialWorkingDraft(db, "draft/no-such-consultation")).toBeNull();
    expect(initialWorkingDraft(db, "notes/anything")).toBeNull();
  });

  it("publish a revision: ids kept, new paragraphs get new ids, labels renumbered, footnotes follow their node", () => {
    const db = seeded();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialWorkingDraft(db, `draft/${SLUG}`)!);
    const fragment = doc.getXmlFragment(WORKING_DRAFT_FRAGMENT);
    const blocks = readWorkingDraft(doc);
    const op1 = blocks.findIndex((b) => b.label === "OP1");
    const op2 = blocks.find((b) => b.label === "OP2")!;
    const pp1 = blocks.find((b) => b.label === "PP1")!;
    doc.transact(() => {
      // A new operative paragraph after OP1, and a deleted sub-paragraph OP4(a).
      const inserted = new Y.XmlElement(BLOCK_NODE);
      inserted.setAttribute("nodeId", "new-paragraph");
      inserted.setAttribute("kind", "operative");
      inserted.setAttribute("level", "0");
      inserted.insert(0, [new Y.XmlText("Decides to convene a review conference in 2027;")]);
      fragment.insert(op1 + 1, [inserted]);
      fragment.delete(blocks.findIndex((b) => b.label === "OP4(a)") + 1, 1);
    });

    const previousVersionId = currentVersion(db, getConsultationBySlug(db, SLUG)!.id)!.id;
    const stored = publishWorkingDraft(db, SLUG, doc)!;
    expect(stored.versionNumber).toBe(2);
    const outline = getOutline(db, stored.versionId);
    const byId = new Map(outline.map((n) => [n.nodeId, n]));
    expect(byId.get("new-paragraph")).toMatchObject({ label: "OP2", kind: "operative" });
    expect(byId.get(op2.nodeId)).toMatchObject({ label: "OP3", text: op2.text });
    expect(byId.get(pp1.nodeId)!.footnotes).toEqual(["Resolution 217 A (III)."]);
    expect(outline.filter((n) => /^OP5\(/.test(n.label ?? "")).map((n) => n.label)).toEqual(
      ["a", "b", "c", "d", "e", "f"].map((l) => `OP5(${l})`),
    );
    expect(outline.find((n) => n.label === "OP5(a)")!.parentLabel).toBe("OP5");
    // The previous version stays as it was.
    expect(workingDraftBlocks(db, SLUG)!.length).toBe(outline.length);
    expect(getOutline(db, previousVersionId).find((n) => n.label === "OP2")!.nodeId).toBe(op2.nodeId);
  });
});

describe("the co-editor's labels on the UNESCO draft", () => {
  const UNESCO = "unesco-ethics-of-ai";

  /** The labels the co-editor shows, by node id, for the working draft as it stands. */
  function liveLabels(doc: Y.Doc): Map<string, string> {
    const { doc: pmDoc } = initProseMirrorDoc(doc.getXmlFragment(WORKING_DRAFT_FRAGMENT), outlineSchema);
    const state = EditorState.create({ doc: pmDoc, plugins: [labelDecorations] });
    const decorations = labelDecorations.props.decorations!.call(labelDecorations, state) as DecorationSet;
    const labels = new Map<string, string>();
    for (const d of decorations.find()) {
      if (d.spec.label) labels.set(state.doc.nodeAt(d.from)!.attrs.nodeId as string, d.spec.label as string);
    }
    return labels;
  }

  function emptyBlock(nodeId: string): Y.XmlElement {
    const element = new Y.XmlElement(BLOCK_NODE);
    element.setAttribute("nodeId", nodeId);
    element.setAttribute("kind", "paragraph");
    element.setAttribute("level", "0");
    element.insert(0, [new Y.XmlText("")]);
    return element;
  }

  it("every block shows the label it has on the published draft, empty blocks included", () => {
    const db = seeded();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialWorkingDraft(db, `draft/${UNESCO}`)!);
    const published = getOutline(db, currentVersion(db, getConsultationBySlug(db, UNESCO)!.id)!.id);
    const untouched = liveLabels(doc);
    for (const node of published) expect([node.label, untouched.get(node.nodeId) ?? null]).toEqual([node.label, node.label]);

    // An empty block before the outline (what an editor opened before the sync wrote into the
    // shared draft) and one after paragraph 70 (Enter pressed at its end, nothing typed yet).
    const fragment = doc.getXmlFragment(WORKING_DRAFT_FRAGMENT);
    const at70 = readWorkingDraft(doc).findIndex((b) => b.label === "70");
    doc.transact(() => {
      fragment.insert(at70 + 1, [emptyBlock("empty-after-70")]);
      fragment.insert(0, [emptyBlock("empty-first")]);
    });
    const live = liveLabels(doc);
    expect(live.has("empty-first")).toBe(false);
    expect(live.has("empty-after-70")).toBe(false);

    // The tester types into the block labelled 71.
    const typedInto = [...live].find(([, label]) => label === "71")![0];
    const index = readWorkingDraft(doc).findIndex((b) => b.nodeId === typedInto);
    ((fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Typed into 71. ");

    const stored = publishWorkingDraft(db, UNESCO, doc)!;
    const outline = getOutline(db, stored.versionId);
    expect(outline).toHaveLength(published.length);
    for (const node of outline) expect([node.text.slice(0, 40), live.get(node.nodeId) ?? null]).toEqual([node.text.slice(0, 40), node.label]);
    expect(outline.find((n) => n.label === "71")!.text).toMatch(/^Typed into 71\. Member States should set clear requirements/);
  });
});
