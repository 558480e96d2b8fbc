import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { and, count, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { comments, dispositions } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { seedDemoConsultations } from "../../seeds/seed-demo.server";
import { generateComments } from "../../test/support/generate-comments";
import { getConsultationBySlug } from "../drafts/drafts.server";
import { createTranslator } from "../i18n/translate";
import { rowContext } from "../review/compiled-rows.server";
import { csvStream, openDataStream, xlsxStream, type ExportInput } from "./streams.server";

let db: Db;
let consultationId: number;
const t = createTranslator();
const N = 400;

const read = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());
const input = (over: Partial<ExportInput> = {}): ExportInput => ({
  db, ctx: rowContext(db, consultationId, t("comment.participant")), filters: {}, t, withPrivate: false, ...over,
});
const visible = (extra?: ReturnType<typeof eq>) =>
  db.select({ n: count() }).from(comments).where(and(eq(comments.consultationId, consultationId), isNull(comments.parentId), eq(comments.status, "visible"), extra)).get()!.n;

beforeAll(() => {
  db = createTestDatabase();
  seedDemoConsultations(db, new Date("2026-11-22T12:00:00Z"));
  consultationId = getConsultationBySlug(db, "unesco-ethics-of-ai")!.id;
  generateComments(db, consultationId, N, { participants: 40 });
  // One hidden by the moderators: only the secretariat's private export lists it.
  db.update(comments).set({ status: "hidden", hiddenReason: "spam" }).where(eq(comments.id, db.select().from(comments).get()!.id)).run();
});

describe("the CSV export", () => {
  it("starts with a byte-order mark and has one row per comment the filters keep", async () => {
    const bytes = await read(csvStream(input()));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true }) as string[][];
    expect(rows.length - 1).toBe(visible());
    expect(rows.length - 1).toBe(N - 1);
    expect(bytes.toString("utf8")).toContain("« équité »");

    const africa = parse(await read(csvStream(input({ filters: { region: "africa" } }))), { bom: true }) as string[][];
    expect(africa.length - 1).toBe(visible(eq(comments.authorRegion, "africa")));
    expect(new Set(africa.slice(1).map((r) => r[12]))).toEqual(new Set(["Africa"]));
  });

  it("keeps pseudonymous participants pseudonymous and e-mail addresses out, except in the secretariat's private file", async () => {
    const text = (await read(csvStream(input()))).toString("utf8");
    expect(text).not.toContain("@example.org");
    expect(text).not.toContain("Participant 0 Naïve-Lé"); // participant 0 is pseudonymous
    expect(text).toContain("Participant 1 Naïve-Lé");
    const privateRows = parse(await read(csvStream(input({ withPrivate: true }))), { bom: true }) as string[][];
    expect(privateRows.length - 1).toBe(N);
    expect(privateRows.some((r) => r.includes("hidden"))).toBe(true);
    expect(privateRows.map((r) => r.join(",")).join("\n")).toMatch(/p0-\w+@example\.org/);
  });
});

describe("the XLSX workbook", () => {
  it("reads back with every comment, the dispositions, the matrices and participation", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await read(xlsxStream(input()))) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Comments", "Compiled table", "Regions", "Stakeholder groups", "Participation"]);
    const total = visible();
    expect(workbook.getWorksheet("Comments")!.actualRowCount - 1).toBe(total);
    const compiled = workbook.getWorksheet("Compiled table")!;
    expect(compiled.actualRowCount - 1).toBe(total);
    const header = (compiled.getRow(1).values as unknown[]).map(String);
    const decisionColumn = header.indexOf("Decision");
    const decisions: string[] = [];
    compiled.eachRow((row, i) => {
      if (i > 1 && row.getCell(decisionColumn).text) decisions.push(row.getCell(decisionColumn).text);
    });
    const decided = db
      .select({ n: count() })
      .from(dispositions)
      .innerJoin(comments, eq(comments.id, dispositions.commentId))
      .where(eq(comments.status, "visible"))
      .get()!.n;
    expect(decided).toBeGreaterThan(0);
    expect(decisions).toHaveLength(decided);
    expect(decisions).toContain("Accepted in part");
    const regions = workbook.getWorksheet("Regions")!;
    let sum = 0;
    regions.eachRow((row, i) => {
      if (i > 1) sum += Number(row.getCell(row.cellCount).value);
    });
    expect(sum).toBe(total);
    const participation = workbook.getWorksheet("Participation")!;
    const channelRow = participation.getSheetValues().find((r) => Array.isArray(r) && r[2] === "Online") as unknown[];
    expect(channelRow[3]).toBe(total);
  });
});

describe("the open data", () => {
  it("is JSON with every comment and its disposition, without e-mail addresses or pseudonymous names", async () => {
    const bytes = await read(openDataStream({ db, ctx: input().ctx, filters: {} }, { slug: "s", title: "T", status: "open", closesAt: null, versions: [] }));
    const json = JSON.parse(bytes.toString("utf8"));
    expect(json.format).toBe("redraft-open-data");
    expect(json.comments).toHaveLength(visible());
    expect(json.comments.some((c: { disposition: unknown }) => c.disposition !== null)).toBe(true);
    expect(bytes.toString("utf8")).not.toContain("@example.org");
    expect(bytes.toString("utf8")).not.toContain("Participant 0 Naïve-Lé");
  });
});
