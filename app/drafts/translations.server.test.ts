import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { createTestDatabase } from "../../db/test-database";
import { seedDemoConsultations } from "../../seeds/seed-demo.server";
import { currentVersion, getConsultationBySlug, getOutline } from "./drafts.server";
import { loadReadableDraft } from "./reading.server";
import { storeTranslation, TranslationError } from "./translations.server";

const SLUG = "ga-78-265-trustworthy-ai";
let db: Db;

/** The seed's outline with every text "translated" (marked), labels kept: what an import gives. */
function frenchOutline() {
  const consultation = getConsultationBySlug(db, SLUG)!;
  const nodes = getOutline(db, currentVersion(db, consultation.id)!.id);
  return {
    title: "Saisir les possibilités offertes par des systèmes d’intelligence artificielle sûrs",
    nodes: nodes.map((n) => ({ kind: n.kind, label: n.label, parent: n.parentLabel, level: n.level, text: `FR ${n.text}`, footnotes: n.footnotes })),
  };
}

beforeEach(() => {
  db = createTestDatabase();
  seedDemoConsultations(db, new Date("2026-11-22T12:00:00Z"));
});

describe("translations of a version", () => {
  it("are read node by node in the language asked, the page's language, else the original", () => {
    const stored = storeTranslation(db, SLUG, "fr", frenchOutline());
    expect(stored.missing).toEqual([]);
    const english = loadReadableDraft(db, SLUG);
    const french = loadReadableDraft(db, SLUG, undefined, { asked: "fr" });
    expect(french.text).toEqual({ language: "fr", original: "en", available: ["en", "fr"] });
    expect(french.nodes.map((n) => n.nodeId)).toEqual(english.nodes.map((n) => n.nodeId));
    const op1 = french.nodes.find((n) => n.label === "OP1")!;
    expect(op1.text).toBe(`FR ${english.nodes.find((n) => n.label === "OP1")!.text}`);
    expect(op1.originalText).toBe(english.nodes.find((n) => n.label === "OP1")!.text);
    expect(loadReadableDraft(db, SLUG, undefined, { fallback: "fr" }).text.language).toBe("fr");
    expect(loadReadableDraft(db, SLUG, undefined, { asked: "zh", fallback: "ar" }).text.language).toBe("en");
  });

  it("replace an earlier import in the same language and refuse the version's own language", () => {
    storeTranslation(db, SLUG, "fr", frenchOutline());
    const again = frenchOutline();
    again.nodes = again.nodes.map((n) => ({ ...n, text: n.text.replace(/^FR /, "FR2 ") }));
    storeTranslation(db, SLUG, "fr", again);
    expect(loadReadableDraft(db, SLUG, undefined, { asked: "fr" }).nodes.every((n) => n.text.startsWith("FR2 "))).toBe(true);
    expect(() => storeTranslation(db, SLUG, "en", frenchOutline())).toThrow(TranslationError);
    expect(() => storeTranslation(db, SLUG, "fr", { title: "x", nodes: [{ kind: "paragraph", label: "ZZ9", parent: null, level: 0, text: "?", footnotes: [] }] })).toThrow(
      /no paragraph of the translation matches/,
    );
  });
});
