import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { comments, consultations } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { groupId, insertJointSubmission } from "../../test/support/joint-submission";
import { parseCommentFilters } from "../analysis/comment-filters";
import "../i18n/catalogs.server";
import { createTranslator } from "../i18n/translate";
import { compiledPage, rowContext } from "../review/compiled-rows.server";
import { csvStream, openDataStream, type ExportInput } from "./streams.server";

const t = createTranslator("en");
let db: Db;
let consultationId: number;
let joint: number;

const read = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer()).toString("utf8");
const input = (over: Partial<ExportInput> = {}): ExportInput => ({ db, ctx: rowContext(db, consultationId, t("comment.participant")), filters: {}, t, withPrivate: false, ...over });
const csv = async (over: Partial<ExportInput> = {}) => parse(await read(csvStream(input(over))), { bom: true, columns: true }) as Record<string, string>[];

beforeEach(() => {
  db = createTestDatabase();
  consultationId = db.insert(consultations).values({ slug: "c", title: "C", status: "closed" }).returning().get().id;
  joint = insertJointSubmission(db, {
    consultationId,
    body: "Our coalition proposes yearly audits.",
    signers: [
      { name: "Amina Odhiambo", region: "africa", organisation: "Open Data Kenya", group: "civil-society" },
      { name: "Hidden Hana", region: "arab-states", countryCode: "EG", organisation: "Cairo Digital Rights", pseudonymous: true },
      { name: "Lena Vogel", region: "europe-north-america", countryCode: "DE", electoralGroup: "I", organisation: "Uni Bonn" },
    ],
  }).commentId;
  db.insert(comments)
    .values({ consultationId, nodeId: "p1", authorName: "Solo", authorRegion: "asia-pacific", authorStakeholderGroupId: groupId(db, "academia"), stance: "support", body: "Fine.", submissionId: "solo" })
    .run();
});

describe("exports of a joint submission", () => {
  it("has one row for it, saying who co-signed, pseudonymous signers as participants", async () => {
    const rows = await csv();
    expect(rows).toHaveLength(2);
    const row = rows.find((r) => r[t("review.col.id")] === String(joint))!;
    expect(row[t("coSigners.col.coSigned")]).toBe("Co-signed by 3 signatories (3 organisations) from 3 regions");
    expect(row[t("coSigners.col.signers")]).toBe(
      "Amina Odhiambo · Open Data Kenya · Civil society / NGO · Kenya; Participant · Academia and research · Egypt; Lena Vogel · Uni Bonn · Academia and research · Germany",
    );
    const text = JSON.stringify(rows);
    expect(text).not.toContain("Hidden Hana");
    expect(text).not.toContain("Cairo Digital Rights");
    expect(rows.find((r) => r[t("review.col.id")] !== String(joint))![t("coSigners.col.coSigned")]).toBe("");
  });

  it("lists every signer by name only in the secretariat's private file", async () => {
    const rows = await csv({ withPrivate: true });
    const row = rows.find((r) => r[t("review.col.id")] === String(joint))!;
    expect(Object.values(row).join("|")).toContain("Hidden Hana · Cairo Digital Rights");
  });

  it("describes the co-signers in open data, by count, organisations and regions", async () => {
    const file = JSON.parse(await read(openDataStream({ db, ctx: input().ctx, filters: {} }, { slug: "c", title: "C", status: "closed", closesAt: null, versions: [] })));
    const c = file.comments.find((x: { id: number }) => x.id === joint);
    expect(c.coSigners).toMatchObject({ count: 3, organisations: 3, regions: ["africa", "arab-states", "europe-north-america"] });
    expect(JSON.stringify(file)).not.toContain("Hidden Hana");
    expect(file.comments.find((x: { id: number }) => x.id !== joint).coSigners).toBeNull();
  });

  it("filters to joint submissions only, or without them, in the compiled table and the files", async () => {
    const ctx = rowContext(db, consultationId, "Participant");
    const only = compiledPage(db, ctx, parseCommentFilters(new URLSearchParams("joint=only")), {}, "oldest", 1, 50);
    expect(only.total).toBe(1);
    expect(only.rows[0]).toMatchObject({ id: joint, coSigners: { signers: 3, organisations: 3, regions: 3 } });
    const without = compiledPage(db, ctx, parseCommentFilters(new URLSearchParams("joint=exclude")), {}, "oldest", 1, 50);
    expect(without.rows.map((r) => r.coSigners)).toEqual([null]);
    expect(await csv({ filters: { joint: "only" } })).toHaveLength(1);
  });
});
