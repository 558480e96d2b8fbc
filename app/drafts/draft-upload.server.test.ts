import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { AppLoadContext } from "@remix-run/node";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { consultations, pendingDraftImports, users, type User } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { seedDemoConsultations } from "../../seeds/seed-demo.server";
import { outlineToDocx } from "../../test/support/render-docx";
import { registerUser } from "../accounts/users.server";
import { createTranslator } from "../i18n/translate";
import type { MessageKey } from "../i18n/messages.en";
import type { ImportedOutline } from "../import";
import { describeCorrections, previewPage, submitDraftUpload, submitPreview } from "./draft-upload-pages.server";
import {
  confirmPendingDraft,
  correctPendingDraft,
  findPendingDraft,
  listPendingDrafts,
  MAX_DRAFT_BYTES,
  readDraftFile,
  resetCorrections,
  stagePendingDraft,
  undoLastCorrection,
} from "./draft-upload.server";
import { currentVersion, getConsultationBySlug, getOutline } from "./drafts.server";

const t = createTranslator();
const SLUG = "ga-78-265-trustworthy-ai";
const encode = (text: string) => new TextEncoder().encode(text);

const OUTLINE: ImportedOutline = {
  title: "Draft resolution on digital cooperation",
  nodes: [
    { kind: "preambular", label: "PP1", parent: null, level: 0, text: "Recalling its resolution 78/265,", footnotes: [] },
    { kind: "operative", label: "OP1", parent: null, level: 0, text: "Encourages Member States to cooperate;", footnotes: [] },
    { kind: "operative", label: "OP2", parent: null, level: 0, text: "Requests the Secretary-General to report.", footnotes: [] },
  ],
};

/** A problem as the page shows it, in English. */
async function refusal(fileName: string, bytes: Uint8Array) {
  const read = await readDraftFile(fileName, bytes);
  return read.ok ? "read" : t(read.problem.key as MessageKey, read.problem.values);
}

describe("reading an uploaded draft", () => {
  it("reads a Word file into its outline", async () => {
    const resolution: ImportedOutline = {
      ...OUTLINE,
      nodes: [{ kind: "text", label: null, parent: null, level: 0, text: "The General Assembly,", footnotes: [] }, ...OUTLINE.nodes],
    };
    const docx = await outlineToDocx(resolution, { numbering: "word" });
    const read = await readDraftFile("draft.docx", new Uint8Array(docx));
    expect(read.ok && read.outline.nodes.map((n) => [n.label, n.text])).toEqual(resolution.nodes.map((n) => [n.label, n.text]));
  });

  it("names the reason a file cannot be read", async () => {
    expect(await refusal("draft.pdf", encode("%PDF-1.7"))).toBe("draft.pdf is not a .docx, .md or .txt file.");
    expect(await refusal("draft.txt", new Uint8Array())).toBe("The file draft.txt is empty.");
    expect(await refusal("draft.txt", new Uint8Array([0x44, 0xe9, 0x63, 0x69, 0x64, 0xe9]))).toBe(
      "draft.txt is not UTF-8 text. Save it as UTF-8 (or as a Word file) and upload it again.",
    );
    expect(await refusal("draft.md", encode("# Title\n\nText\u0000more"))).toBe("draft.md is not a text file: it contains binary data.");
    expect(await refusal("draft.docx", encode("this is not a zip package"))).toBe(
      "draft.docx is not a Word document that can be read. Save it again from your word processor as .docx.",
    );
    expect(await refusal("draft.txt", encode(" \n\n \n"))).toBe("No paragraphs were found in draft.txt.");
    expect(await refusal("draft.txt", new Uint8Array(MAX_DRAFT_BYTES + 1))).toBe("The file is larger than 10 MB.");
  });
});

describe("the upload form", () => {
  let db: Db;
  let secretariat: User;
  let other: User;
  const context = () => ({ db }) as unknown as AppLoadContext;
  const consultation = () => getConsultationBySlug(db, SLUG)!;

  async function user(email: string) {
    const created = await registerUser(db, {
      email, displayName: email, password: "a long and personal passphrase", countryCode: "FR", stakeholderGroupId: 1,
      organisation: null, respondsFor: "individual", gender: "prefer-not-to-say", ageBand: "prefer-not-to-say", language: "en", pseudonymous: false,
    });
    db.update(users).set({ role: "secretariat" }).where(eq(users.id, created.id)).run();
    return created;
  }

  beforeEach(async () => {
    db = createTestDatabase();
    seedDemoConsultations(db, new Date("2026-11-22T12:00:00Z"));
    secretariat = await user("sec@example.org");
    other = await user("other@example.org");
  });

  const upload = (parts: Record<string, string | File>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(parts)) form.append(name, value);
    return new Request(`http://localhost/admin/consultations/${SLUG}/draft`, { method: "POST", body: form });
  };
  const pendingCount = () => db.select().from(pendingDraftImports).all().length;

  it("refuses a file over 10 MB while it streams in, and keeps nothing", async () => {
    const response = await submitDraftUpload(upload({ target: "next", file: new File([new Uint8Array(MAX_DRAFT_BYTES + 1)], "big.txt") }), context(), consultation(), secretariat.id);
    const body = (response as unknown as { data: { problems: { key: MessageKey; values: Record<string, number> }[] }; init: { status: number } });
    expect(body.init.status).toBe(413);
    expect(t(body.data.problems[0]!.key, body.data.problems[0]!.values)).toBe("The file is larger than 10 MB.");
    expect(pendingCount()).toBe(0);
  });

  it("asks for a file, refuses an unreadable one by name, and keeps nothing", async () => {
    const missing = (await submitDraftUpload(upload({ target: "next" }), context(), consultation(), secretariat.id)) as unknown as { data: { errors: Record<string, string> } };
    expect(missing.data.errors).toEqual({ file: "draftUpload.file.required" });
    const binary = (await submitDraftUpload(upload({ target: "next", file: new File([new Uint8Array([0xff, 0xfe, 0x00, 0x41])], "draft.txt") }), context(), consultation(), secretariat.id)) as unknown as {
      data: { problems: { key: MessageKey; values: Record<string, string> }[] };
    };
    expect(t(binary.data.problems[0]!.key, binary.data.problems[0]!.values)).toMatch(/^draft.txt is not/);
    const empty = (await submitDraftUpload(upload({ target: "next", file: new File([], "empty.docx") }), context(), consultation(), secretariat.id)) as unknown as {
      data: { problems: { key: MessageKey; values: Record<string, string> }[] };
    };
    expect(t(empty.data.problems[0]!.key, empty.data.problems[0]!.values)).toBe("The file empty.docx is empty.");
    expect(pendingCount()).toBe(0);
  });

  it("refuses a translation into the text's own language", async () => {
    const result = (await submitDraftUpload(upload({ target: "en", file: new File(["OP1. Text"], "en.txt") }), context(), consultation(), secretariat.id)) as unknown as {
      data: { errors: Record<string, string> };
    };
    expect(result.data.errors).toEqual({ target: "draftUpload.target.invalid" });
  });

  it("stores nothing until confirmed; corrections accumulate, undo and start again; confirm publishes the corrected outline", async () => {
    const c = consultation();
    const before = currentVersion(db, c.id)!;
    const token = stagePendingDraft(db, { consultationId: c.id, fileName: "draft.docx", format: "docx", translationLanguage: null, bytes: encode("x"), outline: OUTLINE, uploadedById: secretariat.id });
    expect(currentVersion(db, c.id)!.id).toBe(before.id);

    // Another member of the secretariat cannot reach someone else's pending upload.
    expect(findPendingDraft(db, c.id, other.id, token)).toBeUndefined();
    // Pending uploads expire.
    expect(findPendingDraft(db, c.id, secretariat.id, token, new Date(Date.now() + 25 * 3_600_000))).toBeUndefined();

    let pending = findPendingDraft(db, c.id, secretariat.id, token)!;
    pending = correctPendingDraft(db, pending, { op: "label", index: 2, label: "OP3" });
    pending = correctPendingDraft(db, pending, { op: "delete", index: 0 });
    // What is kept survives a reload: read again from the database.
    const reloaded = findPendingDraft(db, c.id, secretariat.id, token)!;
    expect(reloaded.outline.nodes.map((n) => n.label)).toEqual(["OP1", "OP3"]);
    expect(reloaded.corrections).toHaveLength(2);

    pending = undoLastCorrection(db, reloaded);
    expect(findPendingDraft(db, c.id, secretariat.id, token)!.outline.nodes.map((n) => n.label)).toEqual(["PP1", "OP1", "OP3"]);
    pending = resetCorrections(db, pending);
    expect(findPendingDraft(db, c.id, secretariat.id, token)!.outline).toEqual(OUTLINE);
    pending = correctPendingDraft(db, pending, { op: "label", index: 2, label: "OP3" });

    const stored = confirmPendingDraft(db, SLUG, findPendingDraft(db, c.id, secretariat.id, token)!);
    expect(stored).toMatchObject({ kind: "version", versionNumber: before.number + 1, nodeCount: 3 });
    expect(getOutline(db, currentVersion(db, c.id)!.id).map((n) => n.label)).toEqual(["PP1", "OP1", "OP3"]);
    expect(findPendingDraft(db, c.id, secretariat.id, token)).toBeUndefined();
  });

  it("confirming a public consultation's new text needs the deliberate tick; a stale form is refused", async () => {
    const c = consultation();
    const token = stagePendingDraft(db, { consultationId: c.id, fileName: "draft.md", format: "markdown", translationLanguage: null, bytes: encode("x"), outline: OUTLINE, uploadedById: secretariat.id });
    const post = (fields: Record<string, string>) =>
      submitPreview(new Request("http://localhost/x", { method: "POST", body: new URLSearchParams(fields) }), context(), c, secretariat.id, token) as unknown as Promise<{
        data?: { error: { key: string } };
        status?: number;
      }>;
    // A public consultation: its readers would see the new text at once.
    expect(["open", "closed", "results-published"]).toContain(c.status);
    expect((await post({ intent: "confirm", revision: "0" })).data!.error.key).toBe("draftUpload.confirm.understood.required");
    expect((await post({ intent: "confirm", revision: "3", understood: "yes" })).data!.error.key).toBe("draftUpload.correct.error.stale");
    expect((await post({ intent: "correct", op: "join", index: "0", revision: "0" })).data!.error.key).toBe("draftUpload.correct.error.noPrevious");
    const version = currentVersion(db, c.id)!.number;
    const done = await post({ intent: "confirm", revision: "0", understood: "yes" });
    expect(done.status).toBe(302);
    expect(currentVersion(db, c.id)!.number).toBe(version + 1);
  });

  it("publishes an upload as version 1 of a new consultation even when another consultation has the same title", async () => {
    // The QA walkthrough: HRC 53/29 uploaded to a new consultation became version 2 of the demo HRC consultation.
    const hrc = getConsultationBySlug(db, "hrc-53-29-digital-technologies")!;
    const hrcVersion = currentVersion(db, hrc.id)!;
    db.insert(consultations).values({ slug: "nojs-test", title: "No-JS test" }).run();
    const fresh = getConsultationBySlug(db, "nojs-test")!;
    const read = await readDraftFile("003.txt", new Uint8Array(readFileSync("seeds/hrc-resolution-53-29-new-emerging-digital-technologies.txt")));
    if (!read.ok) throw new Error("the seed should read");
    const token = stagePendingDraft(db, { consultationId: fresh.id, fileName: "003.txt", format: read.format, translationLanguage: null, bytes: encode("x"), outline: read.outline, uploadedById: secretariat.id });

    const stored = confirmPendingDraft(db, "nojs-test", findPendingDraft(db, fresh.id, secretariat.id, token)!);
    expect(stored).toMatchObject({ kind: "version", versionNumber: 1 });
    expect(currentVersion(db, fresh.id)!.number).toBe(1);
    expect(currentVersion(db, hrc.id)!.id).toBe(hrcVersion.id);
  });

  it("lists a user's own previews in progress, to resume them by their stored id, and no one else's", () => {
    const c = consultation();
    const token = stagePendingDraft(db, { consultationId: c.id, fileName: "draft.md", format: "markdown", translationLanguage: null, bytes: encode("x"), outline: OUTLINE, uploadedById: secretariat.id });
    stagePendingDraft(db, { consultationId: c.id, fileName: "theirs.md", format: "markdown", translationLanguage: null, bytes: encode("x"), outline: OUTLINE, uploadedById: other.id });
    const mine = listPendingDrafts(db, c.id, secretariat.id);
    expect(mine.map((p) => p.fileName)).toEqual(["draft.md"]);

    const resumed = findPendingDraft(db, c.id, secretariat.id, mine[0]!.id)!;
    expect(resumed.id).toBe(findPendingDraft(db, c.id, secretariat.id, token)!.id);
    correctPendingDraft(db, resumed, { op: "label", index: 2, label: "OP3" });
    expect(findPendingDraft(db, c.id, secretariat.id, token)!.corrections).toHaveLength(1);
    // The stored id is no way into someone else's preview.
    expect(findPendingDraft(db, c.id, other.id, mine[0]!.id)).toBeUndefined();

    confirmPendingDraft(db, SLUG, resumed);
    expect(listPendingDrafts(db, c.id, secretariat.id)).toEqual([]);
  });

  it("confirms a translation as the text of the current version in that language", async () => {
    const c = consultation();
    const version = currentVersion(db, c.id)!;
    const nodes = getOutline(db, version.id);
    const french: ImportedOutline = {
      title: "Projet",
      nodes: nodes.map((n) => ({ kind: n.kind, label: n.label, parent: n.parentLabel, level: n.level, text: `FR ${n.text}`, footnotes: n.footnotes })),
    };
    const token = stagePendingDraft(db, { consultationId: c.id, fileName: "fr.docx", format: "docx", translationLanguage: "fr", bytes: encode("x"), outline: french, uploadedById: secretariat.id });
    const stored = confirmPendingDraft(db, SLUG, findPendingDraft(db, c.id, secretariat.id, token)!);
    expect(stored).toEqual({ kind: "translation", language: "fr", versionNumber: version.number, aligned: nodes.length });
    expect(currentVersion(db, c.id)!.id).toBe(version.id);
  });

  it("counts the nodes of the original a translation leaves untranslated as places to check", () => {
    const c = consultation();
    const nodes = getOutline(db, currentVersion(db, c.id)!.id);
    const partial: ImportedOutline = {
      title: "Projet",
      nodes: nodes.slice(0, -2).map((n) => ({ kind: n.kind, label: n.label, parent: n.parentLabel, level: n.level, text: `FR ${n.text}`, footnotes: n.footnotes })),
    };
    const token = stagePendingDraft(db, { consultationId: c.id, fileName: "fr.md", format: "markdown", translationLanguage: "fr", bytes: encode("x"), outline: partial, uploadedById: secretariat.id });
    const page = previewPage(context(), c, secretariat.id, token);
    expect(page.alignment!.missing).toBe(2);
    expect(page.places).toBe(2);
  });

  it("tells the corrections made in order, each against the outline as it was then", () => {
    const steps = describeCorrections(OUTLINE, [
      { op: "label", index: 2, label: "OP3" },
      { op: "delete", index: 0 },
      { op: "label", index: 1, label: "" },
    ]);
    expect(steps).toEqual([
      { op: "label", node: 3, from: "OP2", to: "OP3" },
      { op: "delete", node: 1, from: null, to: null },
      // After the deletion, node 2 is the one that was OP3.
      { op: "label", node: 2, from: "OP3", to: null },
    ]);
    expect(t("draftUpload.correction.label", { node: 3, from: "OP2", to: "OP3" })).toBe("Label of node 3 changed from OP2 to OP3.");
  });

  it("flags the places to check on their nodes and counts them", () => {
    const c = consultation();
    const slipped: ImportedOutline = { ...OUTLINE, nodes: [...OUTLINE.nodes, { ...OUTLINE.nodes[2]!, text: "Requests a second report." }] };
    const token = stagePendingDraft(db, { consultationId: c.id, fileName: "draft.md", format: "markdown", translationLanguage: null, bytes: encode("x"), outline: slipped, uploadedById: secretariat.id });
    const page = previewPage(context(), c, secretariat.id, token);
    expect(page.places).toBe(1);
    expect(page.nodes.map((n) => n.problems)).toEqual([[], [], [], [{ kind: "duplicate-label", detail: "OP2" }]]);
    expect(page).toMatchObject({ public: true, versionNumber: currentVersion(db, c.id)!.number + 1, corrections: 0, alignment: null });
    // Someone else's token is not found: a 404 with the expired-upload message.
    expect(() => previewPage(context(), c, other.id, token)).toThrow();
  });
});
