import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { comments, importBatches, pendingImports, users, type User } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { seedDemoConsultations } from "../../seeds/seed-demo.server";
import { registerUser } from "../accounts/users.server";
import { getConsultationBySlug } from "../drafts/drafts.server";
import { createTranslator } from "../i18n/translate";
import { checkFile, findPendingImport, importLookups, importRows, stagePendingImport } from "./bulk-import.server";
import { readSpreadsheet } from "./spreadsheet.server";

const t = createTranslator();
const encode = (text: string) => new TextEncoder().encode(text);

describe("reading spreadsheets", () => {
  it("reads UTF-8 CSV with a byte order mark and semicolons, quoted separators and line breaks kept", async () => {
    const sheet = await readSpreadsheet("comments.csv", encode('\uFEFFparagraph;stance;comment\n12;concern;"Too vague; see\nannex"\n\n71;support;Oui, très bien\n'));
    expect(sheet).toEqual({
      header: ["paragraph", "stance", "comment"],
      rows: [
        { row: 2, cells: ["12", "concern", "Too vague; see\nannex"] },
        { row: 3, cells: [""] },
        { row: 4, cells: ["71", "support", "Oui, très bien"] },
      ],
    });
  });

  it("reads comma-separated CSV where the text holds semicolons", async () => {
    const sheet = await readSpreadsheet("c.CSV", encode('paragraph,stance,comment\n12,remark,"a, b; c"'));
    expect(sheet).toEqual({ header: ["paragraph", "stance", "comment"], rows: [{ row: 2, cells: ["12", "remark", "a, b; c"] }] });
  });

  it("reads the first sheet of an XLSX file: numbers, dates and rich text as text", async () => {
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet("Comments");
    first.addRow(["paragraph", "stance", "comment", "date", "people_represented"]);
    first.addRow([12, "support", { richText: [{ text: "Bold " }, { text: "claim" }] }, new Date(Date.UTC(2026, 2, 4)), 40]);
    workbook.addWorksheet("Notes").addRow(["ignored"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await readSpreadsheet("comments.xlsx", bytes)).toEqual({
      header: ["paragraph", "stance", "comment", "date", "people_represented"],
      rows: [{ row: 2, cells: ["12", "support", "Bold claim", "2026-03-04", "40"] }],
    });
  });

  it("says why a file cannot be read", async () => {
    const reason = async (name: string, bytes: Uint8Array) => {
      const result = await readSpreadsheet(name, bytes);
      return "key" in result ? t(result.key, result.values) : "read";
    };
    expect(await reason("latin1.csv", new Uint8Array([0x61, 0x3b, 0xe9, 0x0a]))).toBe("The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again.");
    expect(await reason("fake.xlsx", encode("paragraph,stance"))).toBe("The XLSX file cannot be read. Save it again from your spreadsheet program.");
    expect(await reason("broken.xlsx", new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toBe("The XLSX file cannot be read. Save it again from your spreadsheet program.");
    expect(await reason("comments.pdf", encode("%PDF"))).toBe("Upload a .csv or .xlsx file.");
    expect(await reason("open-quote.csv", encode('a,b\n1,"never closed\n'))).toMatch(/^The CSV file cannot be read near line \d+/);
    expect(await reason("big.csv", new Uint8Array(5_000_001))).toBe("The file is larger than 5 MB.");
    expect(await reason("long.csv", encode(`stance\n${"support\n".repeat(20_001)}`))).toBe("The file has more than 20,000 rows: split it into several files.");
    expect(await reason("empty.csv", new Uint8Array())).toBe("The file has no comment to import.");
  });
});

describe("importing a file", () => {
  let db: Db;
  let secretariat: User;
  let consultationId: number;
  const HEADER = "paragraph,stance,comment,proposed_text,author,country,region,stakeholder_group,people_represented,language,date";
  const VALID = `${HEADER}\n71,support,Written support.,,Ministry of Education,KE,,member-state,1,en,2026-03-04\n,remark,On the whole text.,,Youth Forum,,asia-pacific,youth,250,fr,\n`;

  beforeEach(async () => {
    db = createTestDatabase();
    seedDemoConsultations(db, new Date("2026-11-22T12:00:00Z"));
    consultationId = getConsultationBySlug(db, "unesco-ethics-of-ai")!.id;
    const user = await registerUser(db, {
      email: "sec@example.org", displayName: "Sec Retariat", password: "a long and personal passphrase", countryCode: "FR", stakeholderGroupId: 1,
      organisation: null, respondsFor: "individual", gender: "prefer-not-to-say", ageBand: "prefer-not-to-say", language: "en", pseudonymous: false,
    });
    db.update(users).set({ role: "secretariat" }).where(eq(users.id, user.id)).run();
    secretariat = user;
  });

  const written = () => db.select().from(comments).where(eq(comments.consultationId, consultationId)).orderBy(comments.id).all();

  async function importFile(text: string, fileName = "submissions.csv") {
    const checked = await checkFile(db, consultationId, fileName, encode(text));
    if (!checked.ok) return checked.problems.map((p) => t(p.key, p.values));
    return importRows(db, { consultationId, versionId: importLookups(db, consultationId).versionId, fileName, fileSha256: checked.fileSha256, rows: checked.rows, importedById: secretariat.id });
  }

  it("imports every row as a written submission, with its batch, and refuses the same file twice", async () => {
    const batch = await importFile(VALID);
    expect(batch).toMatchObject({ fileName: "submissions.csv", rowCount: 2 });
    expect(written().map((c) => [c.channel, c.authorName, c.authorId, c.authorRegion, c.peopleRepresented, c.importBatchId, c.recordedById, c.nodeId === null])).toEqual([
      ["written-submission", "Ministry of Education", null, "africa", 1, (batch as { id: number }).id, secretariat.id, false],
      ["written-submission", "Youth Forum", null, "asia-pacific", 250, (batch as { id: number }).id, secretariat.id, true],
    ]);
    expect(written()[0]!.createdAt.toISOString()).toBe("2026-03-04T12:00:00.000Z");
    expect(await importFile(VALID, "again.csv")).toEqual([expect.stringMatching(/^This file was imported already \(as submissions\.csv, on \d{4}-\d{2}-\d{2}\)\.$/)]);
    expect(written()).toHaveLength(2);
  });

  it("accepts the example file of docs/bulk-import-format.md", async () => {
    const bytes = readFileSync(new URL("../../docs/bulk-import-example.csv", import.meta.url));
    const checked = await checkFile(db, consultationId, "bulk-import-example.csv", bytes);
    expect(checked.ok && checked.rows.map((r) => [r.label, r.stance, r.countryCode, r.region])).toEqual([
      ["71", "support", "KE", "africa"],
      ["72", "amendment", "PE", "latin-america-caribbean"],
      [null, "remark", null, "asia-pacific"],
    ]);
  });

  it("checks an XLSX file like a CSV one: numeric labels, typed dates, every bad row named", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Submissions");
    sheet.addRow(["Paragraph", "Stance", "Comment", "Author", "Country", "Stakeholder group", "Date"]);
    sheet.addRow([71, "support", "Agreed.", "Ministry", "Kenya", "member-state", new Date(Date.UTC(2026, 2, 4))]);
    sheet.addRow([72, "support", "Agreed too.", "Ministry", "Atlantis", "member-state", null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const checked = await checkFile(db, consultationId, "submissions.xlsx", bytes);
    expect(checked.ok ? [] : checked.problems.map((p) => t(p.key, p.values))).toEqual([
      "Row 3: country “Atlantis” is unknown (use an ISO code such as KE, or the UN name).",
    ]);
    sheet.getRow(3).getCell(5).value = "KE";
    const fixed = await checkFile(db, consultationId, "submissions.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(fixed.ok && fixed.rows.map((r) => [r.row, r.label, r.receivedOn])).toEqual([[2, "71", "2026-03-04"], [3, "72", null]]);
  });

  it("writes nothing when one row is invalid", async () => {
    const problems = await importFile(`${VALID}71,maybe,Unsure.,,Someone,KE,,academia,,,\n`);
    expect(problems).toEqual(["Row 4: stance “maybe” is not one of support, concern, amendment, question, remark."]);
    expect(written()).toEqual([]);
    expect(db.select().from(importBatches).all()).toEqual([]);
  });

  it("rolls the whole import back when a write fails halfway", async () => {
    const checked = await checkFile(db, consultationId, "f.csv", encode(VALID));
    if (!checked.ok) throw new Error("expected a valid file");
    // The second row names a stakeholder group that does not exist: its insert fails.
    const rows = [checked.rows[0]!, { ...checked.rows[1]!, stakeholderGroupId: 9999 }];
    expect(() => importRows(db, { consultationId, versionId: null, fileName: "f.csv", fileSha256: checked.fileSha256, rows, importedById: secretariat.id })).toThrow();
    expect(written()).toEqual([]);
    expect(db.select().from(importBatches).all()).toEqual([]);
  });

  it("keeps a checked file for its preview under a token, and forgets it once imported or expired", async () => {
    const now = new Date("2026-11-22T12:00:00Z");
    const token = stagePendingImport(db, { consultationId, fileName: "f.csv", bytes: encode(VALID), uploadedById: secretariat.id }, now);
    const pending = findPendingImport(db, consultationId, token, now)!;
    expect(Buffer.from(pending.file).toString("utf8")).toBe(VALID);
    // The database holds only the token's hash.
    expect(db.select().from(pendingImports).all().map((p) => p.id)).not.toContain(token);
    expect(findPendingImport(db, consultationId, "guess", now)).toBeUndefined();
    expect(findPendingImport(db, consultationId, token, new Date(now.getTime() + 61 * 60_000))).toBeUndefined();
    const checked = await checkFile(db, consultationId, "f.csv", pending.file);
    if (!checked.ok) throw new Error("expected a valid file");
    importRows(db, { consultationId, versionId: null, fileName: "f.csv", fileSha256: checked.fileSha256, rows: checked.rows, importedById: secretariat.id, pendingToken: token });
    expect(findPendingImport(db, consultationId, token, now)).toBeUndefined();
  });
});
