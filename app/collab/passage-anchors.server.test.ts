import type { Db } from "../../db/client.server";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTestDatabase } from "../../db/test-database";
import { UpdateLog } from "../../realtime/collab/update-log.server";
import { seedDemoAccounts } from "../../seeds/seed-demo-accounts.server";
import { seedDemoConsultations } from "../../seeds/seed-demo.server";
import { findUserByEmail } from "../accounts/users.server";
import { addComment } from "../comments/comments.server";
import { createAnchor } from "../comments/passage-anchor";
import { blockText } from "../comments/passage-positions";
import { currentVersion, getConsultationBySlug, getOutline } from "../drafts/drafts.server";
import { anchorPassage, revisePassages, withWorkingDraft } from "./passage-anchors.server";

const SLUG = "unesco-ethics-of-ai";
const WORDS = "clear requirements for AI system transparency";

async function commentedDraft() {
  const db = createTestDatabase();
  seedDemoConsultations(db, new Date("2026-11-22T12:00:00Z"));
  await seedDemoAccounts(db);
  const consultation = getConsultationBySlug(db, SLUG)!;
  const version = currentVersion(db, consultation.id)!;
  const node = getOutline(db, version.id).find((n) => n.label === "71")!;
  const start = node.text.indexOf(WORDS);
  const anchor = createAnchor(node.text, start, start + WORDS.length);
  // Nobody has opened the working draft yet: anchoring creates it, as a first join would.
  const workingDraft = anchorPassage(db, undefined, SLUG, node.nodeId, anchor);
  expect(workingDraft).not.toBeNull();
  const comment = addComment(db, {
    consultationId: consultation.id,
    nodeId: node.nodeId,
    versionId: version.id,
    author: findUserByEmail(db, "participant@demo.redraft.org")!,
    stance: "concern",
    body: "Proportionate to the risk, please.",
    submissionId: randomUUID(),
    passage: { anchor: { ...anchor, workingDraft: workingDraft! } },
  });
  return { db, nodeId: node.nodeId, comment };
}

/** An expert's edit of the stored working draft, logged as the collab server logs it. */
function edit(db: ReturnType<typeof createTestDatabase>, change: (doc: Y.Doc) => void) {
  const log = new UpdateLog(db);
  const loaded = log.load(`draft/${SLUG}`)!;
  const editor = new Y.Doc();
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(loaded.doc));
  const before = Y.encodeStateVector(editor);
  change(editor);
  log.append(`draft/${SLUG}`, Y.encodeStateAsUpdate(editor, before), "expert");
}

/** What the revise page lists, read as it reads it (one load of the working draft, never created). */
const listedOnRevisePage = (db: Db) =>
  withWorkingDraft(db, undefined, SLUG, (doc) => revisePassages(db, getConsultationBySlug(db, SLUG)!.id, doc, "Participant"), { create: false }) ?? [];

describe("passage comments in the working draft", () => {
  it("keep their words while experts edit around them, and show how the words now read", async () => {
    const { db, nodeId, comment } = await commentedDraft();
    edit(db, (doc) => {
      const text = blockText(doc, nodeId)!;
      text.insert(0, "Henceforth, ");
      text.insert(text.toString().indexOf("transparency"), "meaningful ");
    });
    const [passage] = listedOnRevisePage(db);
    expect(passage).toMatchObject({ commentId: comment.id, label: "71", quote: WORDS });
    expect(passage!.now).toEqual({ status: "edited", text: "clear requirements for AI system meaningful transparency" });
  });

  it("say the passage was changed once an expert deleted its words", async () => {
    const { db, nodeId } = await commentedDraft();
    edit(db, (doc) => {
      const text = blockText(doc, nodeId)!;
      text.delete(text.toString().indexOf(WORDS), WORDS.length);
    });
    expect(listedOnRevisePage(db)[0]!.now).toEqual({ status: "changed" });
  });

  it("write nothing when the revise page is only read", async () => {
    const db = createTestDatabase();
    seedDemoConsultations(db, new Date("2026-11-22T12:00:00Z"));
    expect(listedOnRevisePage(db)).toEqual([]);
    expect(new UpdateLog(db).load(`draft/${SLUG}`)).toBeNull();
  });
});
