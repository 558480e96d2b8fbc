/**
 * The CSV export in-process: 100,000 generated comments streamed through `csvStream` with the
 * campaign grouping already current, so the figure is the rows' reading and formatting alone (the
 * server bench, exports-bench.ts, adds the grouping, HTTP and the client). Run with
 * `npm run bench:csv`; prints a Markdown table for docs/benchmarks.md. Not a test.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { migrateDatabase, openDatabase } from "../db/client.server";
import { seedDemoConsultations } from "../seeds/seed-demo.server";
import { seedDemoAccounts } from "../seeds/seed-demo-accounts.server";
import { ensureCampaigns } from "../app/analysis/campaign-groups.server";
import { getConsultationBySlug } from "../app/drafts/drafts.server";
import { csvStream } from "../app/exports/streams.server";
import { createTranslator } from "../app/i18n/translate";
import { rowContext } from "../app/review/compiled-rows.server";
import { generateComments } from "../test/support/generate-comments";
import "../app/i18n/catalogs.server";

const COUNT = Number(process.env.COMMENTS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 3);

const dir = mkdtempSync(join(tmpdir(), "redraft-csv-bench-"));
try {
  const db = openDatabase(join(dir, "bench.db"));
  migrateDatabase(db);
  seedDemoConsultations(db);
  await seedDemoAccounts(db);
  const consultationId = getConsultationBySlug(db, "unesco-ethics-of-ai")!.id;
  generateComments(db, consultationId, COUNT);
  ensureCampaigns(db, consultationId);
  const t = createTranslator("en");

  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0]!.toFixed(1)}`);
  console.log("");
  console.log("| export | run | bytes | time (s) |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const withPrivate of [false, true]) {
    for (let run = 1; run <= RUNS; run++) {
      const start = performance.now();
      const ctx = rowContext(db, consultationId, t("comment.participant"));
      const reader = csvStream({ db, ctx, filters: {}, t, withPrivate }).getReader();
      let bytes = 0;
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
      console.log(`| comments.csv${withPrivate ? "?private=1" : ""} | ${run} | ${bytes} | ${((performance.now() - start) / 1000).toFixed(2)} |`);
    }
  }
  db.$client.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
