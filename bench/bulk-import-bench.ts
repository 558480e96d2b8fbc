/**
 * Bulk-import benchmark: the largest file accepted (20,000 rows), as CSV and as XLSX, read,
 * checked and imported in one transaction into a freshly seeded in-memory database. Run with
 * `npx tsx bench/bulk-import-bench.ts`; prints a Markdown table for docs/benchmarks.md.
 */
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { users } from "../db/schema";
import { createTestDatabase } from "../db/test-database";
import { seedDemoConsultations } from "../seeds/seed-demo.server";
import { checkFile, importLookups, importRows } from "../app/channels/bulk-import.server";
import { MAX_IMPORT_ROWS } from "../app/channels/import-rows";
import { getConsultationBySlug } from "../app/drafts/drafts.server";

const HEADER = ["paragraph", "stance", "comment", "author", "country", "stakeholder_group", "people_represented"];
const LABELS = ["71", "72", "73", "74", "75"];
const row = (i: number) => [LABELS[i % 5]!, "concern", `Written comment number ${i}: the paragraph should name who is responsible, and by when.`, `Organisation ${i}`, "KE", "civil-society", String(1 + (i % 50))];

async function files() {
  const rows = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => row(i));
  const csv = new TextEncoder().encode([HEADER, ...rows].map((r) => r.map((c) => (c.includes(",") ? `"${c}"` : c)).join(",")).join("\n"));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Comments");
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(r);
  const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
  return { csv, xlsx };
}

const { csv, xlsx } = await files();
const lines = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
  "",
  "| file | rows | bytes | read + check (ms) | import transaction (ms) | heap after (MB) |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
];
for (const [name, bytes] of [["comments.csv", csv], ["comments.xlsx", xlsx]] as const) {
  const db = createTestDatabase();
  seedDemoConsultations(db);
  const consultationId = getConsultationBySlug(db, "unesco-ethics-of-ai")!.id;
  const importer = db
    .insert(users)
    .values({ email: "bench@example.org", displayName: "Bench", passwordHash: "-", role: "secretariat", countryCode: "FR", unescoRegion: "europe-north-america", electoralGroup: "I", stakeholderGroupId: 1, consentedAt: new Date() })
    .returning()
    .get();
  const t0 = performance.now();
  const checked = await checkFile(db, consultationId, name, bytes);
  const t1 = performance.now();
  if (!checked.ok) throw new Error(`refused: ${JSON.stringify(checked.problems.slice(0, 3))}`);
  importRows(db, { consultationId, versionId: importLookups(db, consultationId).versionId, fileName: name, fileSha256: checked.fileSha256, rows: checked.rows, importedById: importer.id });
  const t2 = performance.now();
  lines.push(`| ${name} | ${checked.rows.length} | ${bytes.byteLength} | ${(t1 - t0).toFixed(0)} | ${(t2 - t1).toFixed(0)} | ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} |`);
  db.$client.close();
}
console.log(lines.join("\n"));
