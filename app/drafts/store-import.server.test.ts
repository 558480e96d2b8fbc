import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../db/test-database";
import { consultations, documents, documentVersions, outlineNodes } from "../../db/schema";
import type { ImportedOutline } from "../import";
import { currentVersion, getOutline } from "./drafts.server";
import { storeImportedOutline } from "./store-import.server";

const first: ImportedOutline = {
  title: "Draft resolution on data",
  nodes: [
    { kind: "heading", label: "I", parent: null, level: 0, text: "Principles", footnotes: [] },
    { kind: "preambular", label: "PP1", parent: null, level: 0, text: "Recalling the Charter of the United Nations,", footnotes: ["A/RES/217 A (III)."] },
    { kind: "operative", label: "OP1", parent: "I", level: 1, text: "Calls upon all States to protect personal data:", footnotes: [] },
    { kind: "subparagraph", label: "OP1(a)", parent: "OP1", level: 2, text: "By adopting legislation;", footnotes: [] },
    { kind: "operative", label: "OP2", parent: "I", level: 1, text: "Decides to remain seized of the matter.", footnotes: [] },
  ],
};

describe("storing an imported draft", () => {
  it("stores a published version whose nodes keep order, parents and footnotes", () => {
    const db = createTestDatabase();
    const stored = storeImportedOutline(db, first, { consultationSlug: "data", sourceFormat: "text" });
    expect(stored).toMatchObject({ versionNumber: 1, nodeCount: 5, carriedOver: 0 });

    const consultation = db.select().from(consultations).where(eq(consultations.slug, "data")).get()!;
    expect(consultation.status).toBe("draft");
    const version = currentVersion(db, consultation.id)!;
    const nodes = getOutline(db, version.id);
    expect(nodes.map((n) => n.label)).toEqual(["I", "PP1", "OP1", "OP1(a)", "OP2"]);
    expect(nodes.find((n) => n.label === "OP1(a)")?.parentLabel).toBe("OP1");
    expect(nodes.find((n) => n.label === "PP1")?.footnotes).toEqual(["A/RES/217 A (III)."]);
  });

  it("keeps node ids of paragraphs that carry over into the next version", () => {
    const db = createTestDatabase();
    const v1 = storeImportedOutline(db, first, { consultationSlug: "data", sourceFormat: "text" });
    const second: ImportedOutline = {
      ...first,
      nodes: [
        ...first.nodes.slice(0, 4),
        { kind: "operative", label: "OP2", parent: "I", level: 1, text: "Encourages cooperation on cross-border data flows;", footnotes: [] },
        { ...first.nodes[4]!, label: "OP3" },
      ],
    };
    const v2 = storeImportedOutline(db, second, { consultationSlug: "data", sourceFormat: "markdown" });
    expect(v2).toMatchObject({ versionNumber: 2, documentId: v1.documentId, carriedOver: 5 });

    const ids = (versionId: number) =>
      new Map(getOutline(db, versionId).map((n) => [n.text, n.nodeId]));
    const before = ids(v1.versionId);
    const after = ids(v2.versionId);
    expect(after.get("Decides to remain seized of the matter.")).toBe(before.get("Decides to remain seized of the matter."));
    expect([...before.values()]).not.toContain(after.get("Encourages cooperation on cross-border data flows;"));
  });

  it("gives a consultation its own version 1 even when another consultation's text has the same title", () => {
    const db = createTestDatabase();
    const other = storeImportedOutline(db, first, { consultationSlug: "hrc-53-29", sourceFormat: "text" });
    const fresh = storeImportedOutline(db, first, { consultationSlug: "nojs-test", sourceFormat: "text" });

    expect(fresh.versionNumber).toBe(1);
    expect(fresh.documentId).not.toBe(other.documentId);
    const consultationId = (slug: string) =>
      db.select().from(consultations).where(eq(consultations.slug, slug)).get()!.id;
    expect(fresh.consultationId).toBe(consultationId("nojs-test"));
    expect(currentVersion(db, consultationId("nojs-test"))?.number).toBe(1);
    // The other consultation still has only its version 1.
    expect(currentVersion(db, consultationId("hrc-53-29"))?.number).toBe(1);
    const slugs = db.select({ slug: documents.slug }).from(documents).all().map((d) => d.slug);
    expect(new Set(slugs).size).toBe(2);

    // Without a consultation (the CLI without --consultation) a consultation's document is not reached either.
    const standalone = storeImportedOutline(db, first, { sourceFormat: "text" });
    expect(standalone.versionNumber).toBe(1);
    expect(standalone.consultationId).toBeNull();
    expect(storeImportedOutline(db, first, { sourceFormat: "text" })).toMatchObject({
      documentId: standalone.documentId,
      versionNumber: 2,
    });
  });

  it("refuses to change a published version, at the database level", () => {
    const db = createTestDatabase();
    const { versionId } = storeImportedOutline(db, first, { sourceFormat: "text" });
    expect(() =>
      db.update(outlineNodes).set({ text: "tampered" }).where(eq(outlineNodes.versionId, versionId)).run(),
    ).toThrow(/published and immutable/);
    expect(() => db.delete(documentVersions).where(eq(documentVersions.id, versionId)).run()).toThrow(
      /published and immutable/,
    );
  });

  it("writes nothing when the outline cannot be stored whole", () => {
    const db = createTestDatabase();
    const broken: ImportedOutline = {
      ...first,
      nodes: [...first.nodes, { ...first.nodes[2]! }], // duplicate label OP1
    };
    expect(() => storeImportedOutline(db, broken, { consultationSlug: "x", sourceFormat: "text" })).toThrow();
    expect(db.select().from(consultations).all()).toEqual([]);
    expect(db.select().from(documentVersions).all()).toEqual([]);
  });
});
