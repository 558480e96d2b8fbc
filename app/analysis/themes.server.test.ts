import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { comments, consultations, documents, documentVersions, outlineNodes, stakeholderGroups } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { parseCommentFilters } from "./comment-filters";
import { consultationThemes } from "./themes.server";

let db: Db;
let consultationId: number;
let group: number;
let seq = 0;

function add(nodeId: string, body: string, language: "en" | "fr" = "en"): void {
  seq += 1;
  db.insert(comments)
    .values({
      consultationId,
      nodeId,
      authorName: "Someone",
      authorRegion: seq % 2 ? "africa" : "asia-pacific",
      authorStakeholderGroupId: group,
      stance: "concern",
      language,
      body,
      submissionId: `s-${seq}`,
      createdAt: new Date("2026-11-01T10:00:00Z"),
    })
    .run();
}

beforeEach(() => {
  db = createTestDatabase();
  consultationId = db.insert(consultations).values({ slug: "c", title: "C", status: "open" }).returning().get().id;
  group = db.select().from(stakeholderGroups).all()[0]!.id;
  const documentId = db.insert(documents).values({ consultationId, slug: "d", title: "D" }).returning().get().id;
  const versionId = db.insert(documentVersions).values({ documentId, number: 1, title: "D", sourceFormat: "text" }).returning().get().id;
  // A numbering no usual label pattern knows: only the outline says "R7" and "Q9" are labels.
  db.insert(outlineNodes)
    .values([
      { versionId, nodeId: "r7", kind: "paragraph", label: "R7", level: 1, position: 1, text: "Privacy." },
      { versionId, nodeId: "q9", kind: "paragraph", label: "Q9", level: 1, position: 2, text: "Schools." },
    ])
    .run();
  const kinds = ["vital", "weak", "urgent", "binding", "missing"];
  for (let i = 0; i < 10; i++) {
    add("r7", `In R7, R7 and again R7: the right to privacy is ${kinds[i % 5]}. See https://example.org/r7 (para 12, 3rd revision).`);
    add("r7", `La protection des données est ${["essentielle", "faible"][i % 2]} dans R7.`, "fr");
    add("q9", `Q9 is about schools; teachers in Q9 need training ${kinds[i % 5]}.`);
  }
});

describe("themes of a consultation", () => {
  it("leave out the outline's own labels, addresses and numbers, and show the phrases commented on", () => {
    const themes = consultationThemes(db, consultationId, parseCommentFilters(new URLSearchParams()));
    const r7 = themes.paragraphs.r7!.map((t) => t.term);
    expect(r7).toEqual(expect.arrayContaining(["right to privacy", "protection des données"]));
    const shown = [...Object.values(themes.paragraphs), ...Object.values(themes.regions)].flat().map((t) => t.term);
    expect(shown.length).toBeGreaterThan(3);
    for (const term of shown) expect(term).not.toMatch(/\b(?:r7|q9|https|org|example|para|12|3rd)\b/u);
  });
});
