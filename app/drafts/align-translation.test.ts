import { describe, expect, it } from "vitest";
import type { OutlineNode } from "../import/outline-types";
import { alignTranslation } from "./align-translation";

const version = [
  { nodeId: "h1", label: "POLICY AREA 1", kind: "heading" as const, text: "POLICY AREA 1: DATA" },
  { nodeId: "p1", label: "1", kind: "paragraph" as const, text: "Member States should act." },
  { nodeId: "t1", label: null, kind: "text" as const, text: "Note on the data." },
  { nodeId: "p2", label: "2", kind: "paragraph" as const, text: "They should report." },
];
const node = (kind: OutlineNode["kind"], label: string | null, text: string): OutlineNode => ({ kind, label, parent: null, level: 0, text, footnotes: [] });

describe("alignTranslation", () => {
  it("pairs a faithful translation by position, translated labels included", () => {
    const fr = [
      node("heading", "DOMAINE D’ACTION 1", "DOMAINE D’ACTION 1 : DONNÉES"),
      node("paragraph", "1", "Les États membres devraient agir."),
      node("text", null, "Note sur les données."),
      node("paragraph", "2", "Ils devraient rendre compte."),
    ];
    const result = alignTranslation(version, fr);
    expect(result.aligned.map((a) => [a.nodeId, a.text])).toEqual([
      ["h1", "DOMAINE D’ACTION 1 : DONNÉES"],
      ["p1", "Les États membres devraient agir."],
      ["t1", "Note sur les données."],
      ["p2", "Ils devraient rendre compte."],
    ]);
    expect(result.missing).toEqual([]);
  });

  it("otherwise pairs by label, unlabelled text by order between labels, and says what is left over", () => {
    const partial = [
      node("paragraph", "1", "Los Estados Miembros deberían actuar."),
      node("text", null, "Nota sobre los datos."),
      node("paragraph", "9", "Párrafo sin original."),
    ];
    const result = alignTranslation(version, partial);
    expect(Object.fromEntries(result.aligned.map((a) => [a.nodeId, a.text]))).toEqual({
      p1: "Los Estados Miembros deberían actuar.",
      t1: "Nota sobre los datos.",
    });
    expect(result.missing.sort()).toEqual(["2", "POLICY AREA 1"]);
    expect(result.unmatched).toEqual(["9"]);
  });
});
