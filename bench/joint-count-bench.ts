/**
 * Joint submissions in the analysis (decision 032): on a synthetic consultation of 100,000
 * comments (seed 42) with 300 joint submissions of 12 signers each, the figures with the joint
 * filter (not in the covering analysis indexes) against the same figures without it, and the
 * co-signer breakdown. In process, in a temporary database. Run with `npx tsx bench/joint-count-bench.ts`;
 * prints Markdown for docs/benchmarks.md. COMMENTS, JOINT override the sizes.
 */
import { rmSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { countedCommentList, paragraphMatrix, participation } from "../app/analysis/analysis.server";
import { parseCommentFilters } from "../app/analysis/comment-filters";
import { seedSyntheticConsultation } from "../app/analysis/synthetic-consultation.server";
import { getConsultationBySlug } from "../app/drafts/drafts.server";
import { coSignerBreakdown } from "../app/joint/co-signers.server";
import { migrateDatabase, openDatabase } from "../db/client.server";
import { unescoRegions } from "../db/enums";
import { seedDemoConsultations } from "../seeds/seed-demo.server";
import { insertJointSubmission } from "../test/support/joint-submission";
import { freshDatabasePath } from "../test/support/start-server";

const COMMENTS = Number(process.env.COMMENTS ?? 100_000);
const JOINT = Number(process.env.JOINT ?? 300);
const ROUNDS = 15;
const SLUG = "unesco-ethics-of-ai";

const databasePath = freshDatabasePath();
const db = openDatabase(databasePath);
migrateDatabase(db);
seedDemoConsultations(db);
seedSyntheticConsultation(db, { comments: COMMENTS, participants: 3000, seed: 42, slug: SLUG, until: "2026-11-22", days: 60 });
const consultationId = getConsultationBySlug(db, SLUG)!.id;
const nodes = db.$client.prepare("select distinct node_id as n from comments where consultation_id = ? and node_id is not null limit 20").all(consultationId) as { n: string }[];
for (let i = 0; i < JOINT; i++) {
  insertJointSubmission(db, {
    consultationId,
    nodeId: nodes[i % nodes.length]!.n,
    body: `Joint position ${i}: the coalition asks for independent audits of public algorithms, number ${i}.`,
    signers: Array.from({ length: 12 }, (_, k) => ({ name: `Signer ${i}-${k}`, region: unescoRegions[(i + k) % unescoRegions.length]!, organisation: `Org ${(i * 7 + k) % 400}` })),
  });
}

const median = (f: () => unknown) => {
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!.toFixed(1);
};
const f = (q: string) => parseCommentFilters(new URLSearchParams(q));
const rows: [string, string, string, string][] = [];
for (const [name, run] of [
  ["participation (all dimensions)", (q: string) => participation(db, consultationId, f(q))],
  ["paragraph × region matrix", (q: string) => paragraphMatrix(db, consultationId, f(q), "region")],
  ["drill-down, first page", (q: string) => countedCommentList(db, consultationId, f(q), {}, 1)],
  ["co-signer breakdown", (q: string) => coSignerBreakdown(db, consultationId, f(q))],
] as const) {
  rows.push([name, median(() => run("")), median(() => run("joint=only")), median(() => run("joint=exclude"))]);
}
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`);
console.log(`\n${COMMENTS} synthetic comments + ${JOINT} joint submissions × 12 signers; median of ${ROUNDS}, ms:\n`);
console.log("| Figure | no joint filter | joint=only | joint=exclude |\n|---|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
db.$client.close();
rmSync(databasePath, { force: true });
for (const suffix of ["-wal", "-shm"]) rmSync(databasePath + suffix, { force: true });
