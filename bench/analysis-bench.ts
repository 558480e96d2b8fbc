/**
 * Analysis benchmark: a synthetic consultation of 100,000 comments from 3,000 participants (seed
 * 42) in a temporary database; the paragraph × region × stance matrix in process against one
 * hand-written SQL GROUP BY over the same table, then the analysis page, a drill-down and the
 * draft page through the real server, and the server's memory. Run with `npm run bench:analysis`
 * after `npm run build`. Prints Markdown for docs/benchmarks.md. Not a test: timings depend on
 * the machine. COMMENTS, PARTICIPANTS and ROUNDS override the sizes.
 */
import { readFileSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { paragraphMatrix, participation } from "../app/analysis/analysis.server";
import { ensureCampaigns } from "../app/analysis/campaign-groups.server";
import { consultationThemes } from "../app/analysis/themes.server";
import { seedSyntheticConsultation } from "../app/analysis/synthetic-consultation.server";
import { stanceCountsByNode } from "../app/comments/comments.server";
import { getConsultationBySlug } from "../app/drafts/drafts.server";
import { migrateDatabase, openDatabase } from "../db/client.server";
import { DEMO_PASSWORD, seedDemoAccounts } from "../seeds/seed-demo-accounts.server";
import { seedDemoConsultations } from "../seeds/seed-demo.server";
import { freshDatabasePath, startServer } from "../test/support/start-server";

const COMMENTS = Number(process.env.COMMENTS ?? 100_000);
const PARTICIPANTS = Number(process.env.PARTICIPANTS ?? 3_000);
const ROUNDS = Number(process.env.ROUNDS ?? 30);
const SLUG = "unesco-ethics-of-ai";

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50).toFixed(1), p95: percentile(sorted, 95).toFixed(1) };
};

const lines: string[] = [];
lines.push(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`);

const databasePath = freshDatabasePath();
const db = openDatabase(databasePath);
migrateDatabase(db);
seedDemoConsultations(db);
await seedDemoAccounts(db);
let t0 = performance.now();
const seeded = seedSyntheticConsultation(db, { comments: COMMENTS, participants: PARTICIPANTS, seed: 42, slug: SLUG, until: "2026-11-22", days: 60 });
lines.push(
  "",
  `Synthetic consultation (seed 42): ${seeded.comments} comments, ${seeded.participants} participants, ${seeded.replies} replies, ${seeded.endorsements} endorsements, ${seeded.campaigns} campaigns, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
);

// The matrix against the GROUP BY one would write by hand, interleaved so both see the same noise.
const consultationId = getConsultationBySlug(db, SLUG)!.id;
const handWritten = db.$client.prepare(
  `select node_id, author_region, stance, count(*) as n from comments
   where consultation_id = ? and parent_id is null and status = 'visible'
   group by node_id, author_region, stance`,
);
const matrixTimes: number[] = [];
const sqlTimes: number[] = [];
const filteredTimes: number[] = [];
const countsTimes: number[] = [];
const keptTimes: number[] = [];
const touch = db.$client.prepare("update consultations set title = title where id = ?");
for (let i = 0; i < ROUNDS + 3; i++) {
  t0 = performance.now();
  const cells = paragraphMatrix(db, consultationId, {}, "region");
  const matrixMs = performance.now() - t0;
  t0 = performance.now();
  const rows = handWritten.all(consultationId) as { n: number }[];
  const sqlMs = performance.now() - t0;
  t0 = performance.now();
  paragraphMatrix(db, consultationId, { region: "africa", stance: "concern", from: "2026-10-15" }, "region");
  const filteredMs = performance.now() - t0;
  // The counts are kept until the database changes (db/change-token.server.ts): a write first,
  // as after a new comment, so that this times the counting itself.
  touch.run(consultationId);
  t0 = performance.now();
  stanceCountsByNode(db, consultationId);
  const countsMs = performance.now() - t0;
  t0 = performance.now();
  stanceCountsByNode(db, consultationId);
  const keptMs = performance.now() - t0;
  if (i === 0) {
    // Both must count the same comments, or the comparison means nothing.
    const total = cells.reduce((s, r) => s + r.total.total, 0);
    const sqlTotal = rows.reduce((s, r) => s + r.n, 0);
    if (total !== sqlTotal) throw new Error(`the matrix counts ${total} comments, the SQL ${sqlTotal}`);
  }
  if (i < 3) continue; // warm-up
  matrixTimes.push(matrixMs);
  sqlTimes.push(sqlMs);
  filteredTimes.push(filteredMs);
  countsTimes.push(countsMs);
  keptTimes.push(keptMs);
}
// The campaign grouping and the themes, cold (what the first request after a new comment pays),
// then the figures with campaigns collapsed against raw.
t0 = performance.now();
ensureCampaigns(db, consultationId);
const campaignsMs = performance.now() - t0;
const members = (db.$client.prepare("select count(*) as n, count(distinct campaign_id) as c from campaign_members").get() as { n: number; c: number });
t0 = performance.now();
ensureCampaigns(db, consultationId);
const campaignsCurrentMs = performance.now() - t0;
t0 = performance.now();
const themes = consultationThemes(db, consultationId, {});
const themesMs = performance.now() - t0;
const collapsedTimes: number[] = [];
const participationTimes: number[] = [];
const participationCollapsedTimes: number[] = [];
for (let i = 0; i < ROUNDS + 3; i++) {
  t0 = performance.now();
  paragraphMatrix(db, consultationId, { campaigns: "collapsed" }, "region");
  const collapsedMs = performance.now() - t0;
  t0 = performance.now();
  participation(db, consultationId, {});
  const participationMs = performance.now() - t0;
  t0 = performance.now();
  participation(db, consultationId, { campaigns: "collapsed" });
  const participationCollapsedMs = performance.now() - t0;
  if (i < 3) continue;
  collapsedTimes.push(collapsedMs);
  participationTimes.push(participationMs);
  participationCollapsedTimes.push(participationCollapsedMs);
}
db.$client.close();
const m = summary(matrixTimes);
const s = summary(sqlTimes);
lines.push(
  "",
  `In process, ${ROUNDS} runs each after 3 warm-up runs:`,
  "",
  "| query | p50 (ms) | p95 (ms) |",
  "| --- | ---: | ---: |",
  `| paragraph × region × stance matrix (\`paragraphMatrix\`) | ${m.p50} | ${m.p95} |`,
  `| hand-written SQL GROUP BY (node, region, stance) | ${s.p50} | ${s.p95} |`,
  `| the matrix, filtered (region, stance, from date) | ${summary(filteredTimes).p50} | ${summary(filteredTimes).p95} |`,
  `| draft page counts (\`stanceCountsByNode\`), after a write | ${summary(countsTimes).p50} | ${summary(countsTimes).p95} |`,
  `| draft page counts, database unchanged since (kept) | ${summary(keptTimes).p50} | ${summary(keptTimes).p95} |`,
  `| the matrix, campaigns collapsed | ${summary(collapsedTimes).p50} | ${summary(collapsedTimes).p95} |`,
  `| participation (\`participation\`) | ${summary(participationTimes).p50} | ${summary(participationTimes).p95} |`,
  `| participation, campaigns collapsed | ${summary(participationCollapsedTimes).p50} | ${summary(participationCollapsedTimes).p95} |`,
  "",
  `Matrix / hand-written SQL at the median: ${(Number(m.p50) / Number(s.p50)).toFixed(2)}×.`,
  "",
  `Campaign grouping (\`ensureCampaigns\`), cold: ${campaignsMs.toFixed(0)} ms (${members.c} campaigns, ${members.n} comments); when current: ${campaignsCurrentMs.toFixed(1)} ms. Themes (\`consultationThemes\`, every paragraph and region), cold: ${themesMs.toFixed(0)} ms (${Object.keys(themes.paragraphs).length} paragraphs with terms).`,
);

// The heap cap is the one `npm start` uses, set by startServer (decision 009; HEAP_MB changes it).
const server = await startServer({ databasePath, env: { NODE_ENV: "test" } });
try {
  const signIn = await fetch(`${server.url}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({ email: "secretariat@demo.redraft.org", password: DEMO_PASSWORD }),
  });
  const cookie = signIn.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`sign-in failed: ${signIn.status}`);
  t0 = performance.now();
  const analysis = await (await fetch(`${server.url}/c/${SLUG}/analysis`, { headers: { Cookie: cookie } })).text();
  const coldAnalysisMs = performance.now() - t0;
  // Its themes are computed in the background: wait for them before timing anything.
  for (let waited = 0; waited < 60_000; waited += 250) {
    const html = await (await fetch(`${server.url}/c/${SLUG}/analysis`, { headers: { Cookie: cookie } })).text();
    if (!/being brought up to date|being computed/.test(html)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const hotCell = analysis.match(/href="(\/c\/[^"]+\/analysis\/comments\?node=[^"&]+&amp;by=region&amp;value=[^"]+)"/)?.[1]?.replaceAll("&amp;", "&");
  lines.push("", `Through the real server (signed in as the secretariat), one request at a time, after 5 warm-up requests. The server's very first analysis request (campaign grouping already current, themes left to the background) took ${coldAnalysisMs.toFixed(0)} ms; "first request" below is each address's first, with that address's own filters cold for the themes, which are then computed in the background: the next column is when the page stopped saying so, and the timed requests start after that.`, "");
  lines.push("| page | bytes (uncompressed) | first request (ms) | all figures current after (s) | p50 (ms) | p95 (ms) |", "| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const path of [
    `/c/${SLUG}`,
    `/c/${SLUG}/analysis`,
    `/c/${SLUG}/analysis?matrix=group`,
    `/c/${SLUG}/analysis?region=africa&stance=concern`,
    `/c/${SLUG}/analysis?language=fr&from=2026-10-01&to=2026-10-31`,
    `/c/${SLUG}/analysis?campaigns=collapsed`,
    `/c/${SLUG}/analysis?baseline=registered`,
    ...(hotCell ? [hotCell] : []),
    `/c/${SLUG}/analysis/comments?page=40`,
  ]) {
    const times: number[] = [];
    let bytes = 0;
    t0 = performance.now();
    const get = async () => {
      const res = await fetch(server.url + path, { headers: { Cookie: cookie, "accept-encoding": "identity" } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      return res.text();
    };
    await get();
    const first = performance.now() - t0;
    // Figures a first request leaves to the background (themes for new filters, decision 016)
    // are waited for, so that the timed requests measure the page, not the page beside that work.
    let ready = 0;
    for (let waited = 0; waited < 60_000; waited += 250) {
      const html = await get();
      if (!/being brought up to date|being computed/.test(html)) {
        ready = performance.now() - t0;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    for (let i = 0; i < ROUNDS + 5; i++) {
      t0 = performance.now();
      const res = await fetch(server.url + path, { headers: { Cookie: cookie, "accept-encoding": "identity" } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      bytes = (await res.arrayBuffer()).byteLength;
      if (i >= 5) times.push(performance.now() - t0);
    }
    const { p50, p95 } = summary(times);
    lines.push(`| ${path.replace(/node=[0-9a-f-]{36}/, "node=(busiest paragraph)")} | ${bytes} | ${first.toFixed(0)} | ${(ready / 1000).toFixed(1)} | ${p50} | ${p95} |`);
  }
  const status = readFileSync(`/proc/${server.child.pid}/status`, "utf8");
  const mb = (field: string) => (Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? 0) / 1024).toFixed(0);
  lines.push("", `Server (heap cap ${process.env.HEAP_MB ?? 256} MB) resident memory after the run: ${mb("VmRSS")} MB (peak ${mb("VmHWM")} MB).`);
} finally {
  await server.stop();
  rmSync(dirname(databasePath), { recursive: true, force: true });
}
console.log(lines.join("\n"));
