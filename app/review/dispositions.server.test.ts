import { randomUUID } from "node:crypto";
import JSZip from "jszip";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Db } from "../../db/client.server";
import { dispositionHistory, stakeholderGroups, users, type User } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { seedDemoConsultations } from "../../seeds/seed-demo.server";
import { initialWorkingDraft, publishWorkingDraft } from "../collab/working-drafts.server";
import { addComment } from "../comments/comments.server";
import { currentVersion, getConsultationBySlug, getOutline } from "../drafts/drafts.server";
import { BLOCK_NODE, WORKING_DRAFT_FRAGMENT } from "../drafts/working-draft";
import { consultationReport, consultationSummary } from "../exports/downloads.server";
import { reportPdf } from "../exports/pdf.server";
import { reportDocx, revisedDraftDocx } from "../exports/word.server";
import { createTranslator } from "../i18n/translate";
import { commentsBehindChanges } from "./changelog.server";
import { compiledPage, rowContext } from "./compiled-rows.server";
import { assignComments, recordDispositions, recordGroupDisposition, reviewProgress, setCommentType } from "./dispositions.server";
import { reportHooks } from "../exports/report-hooks.server";
import { compiledColumns, dataColumns } from "../exports/columns";

const SLUG = "ga-78-265-trustworthy-ai";
const t = createTranslator();
let db: Db;
let consultation: { id: number; slug: string; title: string; opensAt: Date | null; closesAt: Date | null };
let op1: string;
let author: User;
let expert: User;

function person(email: string, name: string, pseudonymous = false): User {
  const group = db.select().from(stakeholderGroups).where(eq(stakeholderGroups.slug, "civil-society")).get()!;
  return db
    .insert(users)
    .values({ email, displayName: name, passwordHash: "x", countryCode: "KE", unescoRegion: "africa", electoralGroup: "I", stakeholderGroupId: group.id, pseudonymous, consentedAt: new Date() })
    .returning()
    .get();
}

const comment = (body: string, nodeId: string | null = op1, who = author) =>
  addComment(db, { consultationId: consultation.id, nodeId, versionId: currentVersion(db, consultation.id)!.id, author: who, stance: "concern", body, submissionId: randomUUID() });

beforeEach(() => {
  db = createTestDatabase();
  seedDemoConsultations(db, new Date("2026-11-22T12:00:00Z"));
  consultation = getConsultationBySlug(db, SLUG)!;
  op1 = getOutline(db, currentVersion(db, consultation.id)!.id).find((n) => n.label === "OP1")!.nodeId;
  author = person("author@example.org", "Wanjiru Kamau", true);
  expert = person("expert@example.org", "Emeka Expert");
});

describe("dispositions", () => {
  it("keep one current decision per comment and every change in the history", () => {
    const c = comment("Say 'shall'.");
    recordDispositions(db, { consultationId: consultation.id, commentIds: [c.id], decision: "noted", rationale: "", targetNodeIds: null, by: expert });
    recordDispositions(db, { consultationId: consultation.id, commentIds: [c.id], decision: "accepted", rationale: "Agreed.", targetNodeIds: null, by: expert });
    const ctx = rowContext(db, consultation.id, "Participant");
    const [row] = compiledPage(db, ctx, {}, {}, "paragraph", 1, 50).rows;
    expect(row).toMatchObject({ decision: "accepted", rationale: "Agreed.", targets: ["OP1"], decidedBy: "Emeka Expert", stakeholder: "Participant · Civil society / NGO · Kenya" });
    expect(db.select().from(dispositionHistory).all().map((h) => h.decision)).toEqual(["noted", "accepted"]);
  });

  it("apply in bulk, only to this consultation's comments; assignment, type and progress follow", () => {
    const a = comment("One.");
    const b = comment("Two.");
    comment("Three.", null);
    const elsewhere = addComment(db, { consultationId: getConsultationBySlug(db, "unesco-ethics-of-ai")!.id, nodeId: null, versionId: null, author, stance: "remark", body: "Other.", submissionId: randomUUID() });
    const saved = recordDispositions(db, { consultationId: consultation.id, commentIds: [a.id, b.id, elsewhere.id], decision: "out-of-scope", rationale: "Not here.", targetNodeIds: null, by: expert });
    expect(saved).toBe(2);
    assignComments(db, consultation.id, [a.id], expert.id);
    setCommentType(db, consultation.id, [b.id], "editorial");
    const ctx = rowContext(db, consultation.id, "Participant");
    const undecided = compiledPage(db, ctx, {}, { decided: "no" }, "paragraph", 1, 50);
    expect(undecided.rows.map((r) => r.comment)).toEqual(["Three."]);
    expect(undecided.rows[0]!.type).toBe("general");
    const mine = compiledPage(db, ctx, {}, { assignee: expert.id }, "paragraph", 1, 50).rows;
    expect(mine.map((r) => r.id)).toEqual([a.id]);
    expect(compiledPage(db, ctx, {}, {}, "oldest", 1, 50).rows.find((r) => r.id === b.id)).toMatchObject({ type: "editorial", typeSet: true, targets: [] });
    const progress = reviewProgress(db, consultation.id);
    expect(progress.byParagraph.find((p) => p.key === op1)).toEqual({ key: op1, decided: 2, total: 2 });
    expect(progress.byParagraph.find((p) => p.key === "")).toEqual({ key: "", decided: 0, total: 1 });
    expect(progress.byAssignee.find((p) => p.key === String(expert.id))).toEqual({ key: String(expert.id), decided: 1, total: 1 });
  });
});

describe("campaign groups", () => {
  const TEMPLATE = "Member States must guarantee that public algorithms are audited every year by independent bodies";

  it("take one disposition for the whole group, counted as decided, in the exports' campaign column and the report", () => {
    const members = [comment(TEMPLATE), comment(TEMPLATE), comment(`${TEMPLATE}!`)];
    const alone = comment("Please define trustworthy.");
    const ctx = rowContext(db, consultation.id, "Participant");
    const key = `campaign-${members[0]!.id}`;
    expect(ctx.campaignOf?.get(members[2]!.id)).toBe(key);
    recordGroupDisposition(db, { consultationId: consultation.id, groupKey: key, decision: "noted", rationale: "Heard.", targetNodeIds: [], by: expert });

    const after = rowContext(db, consultation.id, "Participant");
    const rows = compiledPage(db, after, {}, {}, "oldest", 1, 50).rows;
    expect(rows.filter((r) => r.campaign === key).map((r) => [r.id, r.decision, r.rationale, r.campaignSize])).toEqual(members.map((m) => [m.id, "noted", "Heard.", 3]));
    expect(rows.find((r) => r.id === alone.id)).toMatchObject({ campaign: null, decision: null });
    expect(compiledPage(db, after, {}, { decided: "no" }, "oldest", 1, 50).rows.map((r) => r.id)).toEqual([alone.id]);
    expect(compiledPage(db, after, {}, { decided: "yes" }, "oldest", 1, 50).total).toBe(3);
    expect(compiledPage(db, after, { campaigns: "collapsed" }, {}, "oldest", 1, 50).rows.map((r) => r.id)).toEqual([members[0]!.id, alone.id]);
    expect(reviewProgress(db, consultation.id).byParagraph.find((p) => p.key === op1)).toEqual({ key: op1, decided: 3, total: 4 });

    const row = rows.find((r) => r.id === members[1]!.id)!;
    const campaignCell = (columns: ReturnType<typeof dataColumns>, header: string) => columns.find((c) => c.header === header)!.value(row);
    expect(campaignCell(dataColumns(t, false), "campaign_id")).toBe(key);
    expect(campaignCell(compiledColumns(t, false), "Campaign")).toBe(key);

    const hooks = reportHooks(db, consultation.id, {}, t);
    expect(hooks.campaigns?.get(op1)).toEqual([{ label: `“${TEMPLATE}” (Africa 3)`, size: 3, decision: "noted" }]);
    const { blocks } = consultationReport(db, consultation, {}, "en");
    expect(blocks).toContainEqual({ kind: "table", caption: "Campaigns", columns: ["Campaign", "Comments"], rows: [[`“${TEMPLATE}” (Africa 3) (Noted)`, "3"]] });
  });
});

describe("traceability through a published revision", () => {
  it("shows the comments behind a changed paragraph, and the reports carry the change", async () => {
    const c = comment("OP1 should be stronger.");
    recordDispositions(db, { consultationId: consultation.id, commentIds: [c.id], decision: "accepted", rationale: "Strengthened.", targetNodeIds: null, by: expert });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialWorkingDraft(db, `draft/${SLUG}`)!);
    const block = doc.getXmlFragment(WORKING_DRAFT_FRAGMENT).toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === BLOCK_NODE && n.getAttribute("nodeId") === op1) as Y.XmlElement;
    const text = block.get(0) as Y.XmlText;
    const last = text.toString().slice(-1);
    text.delete(text.length - 1, 1);
    text.insert(0, "Strongly ");

    // Before publishing, the reports compare the working draft with version 1.
    const pending = consultationSummary(db, consultation, {}, t, { documents: new Map([[`draft/${SLUG}`, { doc }]]) } as never);
    expect(pending.pair?.revised?.number).toBeNull();

    const stored = publishWorkingDraft(db, SLUG, doc)!;
    const reasons = commentsBehindChanges(db, consultation.id, stored.versionNumber, [op1], "Participant");
    expect(reasons.get(op1)).toEqual([
      expect.objectContaining({ commentId: c.id, author: "Participant · Civil society / NGO · Kenya", region: "africa", version: 1, decision: "accepted" }),
    ]);

    const { pair } = consultationSummary(db, consultation, {}, t);
    expect(pair?.revised?.number).toBe(2);
    const report = consultationReport(db, consultation, {}, "en");
    const summary = await JSZip.loadAsync(await new Response(await reportDocx(report)).arrayBuffer());
    const summaryXml = await summary.file("word/document.xml")!.async("string");
    expect(summaryXml).toContain("Paragraph OP1");
    expect(summaryXml).toContain("Accepted");
    expect(summaryXml).toMatch(/<w:ins [^>]*>.*Strongly/s);

    const revised = await JSZip.loadAsync(await revisedDraftDocx("Revised", pair!.comparison!.changes));
    const xml = await revised.file("word/document.xml")!.async("string");
    expect(xml).toMatch(/<w:ins [^>]*w:author="Redraft"[^>]*>\s*<w:r>.*?<w:t[^>]*>Strongly <\/w:t>/s);
    expect(xml).toMatch(new RegExp(`<w:del [^>]*>\\s*<w:r>.*?<w:delText[^>]*>\\${last}</w:delText>`, "s"));

    const pdf = Buffer.from(await new Response(await reportPdf(report)).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
