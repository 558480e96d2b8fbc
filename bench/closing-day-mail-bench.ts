/**
 * Closing-day mail benchmark (issue 16, point 6), measured from outside: the real server
 * (build/server.js, as `npm start` runs it) on a database with the demo and 50,000 confirmed
 * followers of the demo consultation. wrk reads a paragraph page and the draft page, signed in as
 * a participant (never from the page cache: real renders) and anonymously, four streams at once:
 *   1. baseline, the consultation open and the notifier idle;
 *   2. the secretariat presses "Close now" one second into the next window; windows follow one
 *      another until the notifier has queued the 50,000 e-mails (polled read-only in the database);
 *   3. after: the same closed pages with the outbox full and the notifier idle again.
 * The server's RSS (/proc) and event-loop delay (bench/loop-delay-probe.cjs) are sampled throughout.
 * Run with `npm run bench:closing-mail` after `npm run build`; needs `wrk`. Prints Markdown for
 * docs/benchmarks.md. Not a test: figures depend on the machine and on what else runs on it.
 * FOLLOWERS (50000), SECONDS per window (10), CONNECTIONS per stream (4), DEMO_COMMENTS (3000);
 * KEEP_DATABASE=1 keeps the database afterwards.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { seedFollowers } from "./seed-followers";
import { migrateDatabase, openDatabase } from "../db/client.server";
import { seedDemoConsultations } from "../seeds/seed-demo.server";
import { seedDemoAccounts } from "../seeds/seed-demo-accounts.server";
import { seedDemoComments } from "../seeds/seed-demo-comments.server";
import { getConsultationBySlug } from "../app/drafts/drafts.server";
import { freshDatabasePath, repoRoot, startServer, type RunningServer } from "../test/support/start-server";
import { sessionCookie } from "../test/support/sign-in";

const FOLLOWERS = Number(process.env.FOLLOWERS ?? 50_000);
const SECONDS = Number(process.env.SECONDS ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 4);
const DEMO_COMMENTS = Number(process.env.DEMO_COMMENTS ?? 3000);
/** Windows while queueing, at most: a notifier that never finishes ends the run rather than hangs it. */
const MAX_WINDOWS = Number(process.env.MAX_WINDOWS ?? 30);
const SLUG = "unesco-ethics-of-ai";
const PARAGRAPH = "71";
const CLOSE_AFTER_MS = 1000;

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const ms = (microseconds: number) => (microseconds / 1000).toFixed(1);
const pause = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));
const residentBytes = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/)?.[1] ?? 0) * 1024;
const load = () => loadavg().map((l) => l.toFixed(1)).join(" / ");

// The database, before the server starts: what its first start would seed (demo consultations,
// accounts, comments), then the followers, as bench/notifications-bench.ts makes them.
const databasePath = freshDatabasePath();
{
  console.error(`Seeding the demo and ${FOLLOWERS} followers into ${databasePath}…`);
  const db = openDatabase(databasePath);
  migrateDatabase(db);
  seedDemoConsultations(db);
  await seedDemoAccounts(db);
  seedDemoComments(db, DEMO_COMMENTS);
  const consultationId = getConsultationBySlug(db, SLUG)!.id;
  seedFollowers(db, consultationId, FOLLOWERS);
  db.$client.close();
}

interface Stream {
  page: string;
  path: string;
  session: "participant" | "anonymous";
}
const streams: Stream[] = [
  { page: "paragraph", path: `/c/${SLUG}/p/${PARAGRAPH}`, session: "participant" },
  { page: "draft", path: `/c/${SLUG}`, session: "participant" },
  { page: "paragraph", path: `/c/${SLUG}/p/${PARAGRAPH}`, session: "anonymous" },
  { page: "draft", path: `/c/${SLUG}`, session: "anonymous" },
];

interface WrkResult {
  requests: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: string;
}

/** One wrk process (one thread) on one page; latencies in microseconds (bench/wrk-percentiles.lua). */
function wrk(url: string, cookie: string | null): Promise<WrkResult> {
  const headers = ["-H", "Accept-Encoding: gzip, br", ...(cookie ? ["-H", `Cookie: ${cookie}`] : [])];
  // A 10 s timeout: a slow answer is measured rather than dropped from the figures.
  const args = ["-t1", `-c${CONNECTIONS}`, `-d${SECONDS}s`, "--timeout", "10s", "-s", join(repoRoot, "bench", "wrk-percentiles.lua"), ...headers, url];
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", args);
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", () => {
      const line = /PERCENTILES (.*)/.exec(out)?.[1];
      if (!line) return reject(new Error(`wrk printed no figures:\n${out}`));
      const f = Object.fromEntries(line.split(" ").map((pair) => pair.split("=")).map(([k, v]) => [k, Number(v)]));
      const errors = ["connect", "read", "write", "status", "timeout"].filter((k) => f[k]! > 0).map((k) => `${k} ${f[k]}`);
      resolve({ requests: f.requests!, seconds: f.duration_us! / 1e6, p50: f.p50!, p95: f.p95!, p99: f.p99!, max: f.max!, errors: errors.join(", ") || "none" });
    });
  });
}

const loopFile = join(mkdtempSync(join(tmpdir(), "redraft-loop-")), "loop.jsonl");
// NODE_ENV=test (startServer's default) keeps the demo accounts signing in over plain HTTP.
const server: RunningServer = await startServer({
  databasePath,
  env: { NODE_OPTIONS: `--require ${join(repoRoot, "bench", "loop-delay-probe.cjs")}`, LOOP_PROBE_FILE: loopFile },
});
const pid = server.child.pid!;
const loopSamples = () =>
  readFileSync(loopFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { t: number; p99: number; max: number; heapUsed: number });

// Read-only: the bench never writes to the server's database while it runs.
const reader = new Database(databasePath, { readonly: true, fileMustExist: true });
const pendingQuery = reader.prepare("select count(*) as n from notifications where email_mode = 'immediately' and emailed_at is null");
const outboxQuery = reader.prepare("select count(*) as n from outbox");
const pending = () => (pendingQuery.get() as { n: number }).n;
const madeQuery = reader.prepare("select count(*) as n from notifications where kind = 'consultation-closed'");
// Milestones are fanned out by the notifier after the action (decision 033): until then, nothing waits.
const unannouncedQuery = reader.prepare("select count(*) as n from consultation_events where notified_at is null");
const unannounced = () => (unannouncedQuery.get() as { n: number }).n;
const outboxCount = () => (outboxQuery.get() as { n: number }).n;

const rss: { t: number; bytes: number }[] = [];
const sampler = setInterval(() => rss.push({ t: Date.now(), bytes: residentBytes(pid) }), 200);

interface Window {
  label: string;
  start: number;
  end: number;
  results: WrkResult[];
  outboxAtEnd: number;
  loadAfter: string;
}
const windows: Window[] = [];
const queueing: { closeSent?: number; closeAnswered?: number; closeStatus?: number; made?: number; fannedOut?: number; finished?: number } = {};

async function measure(label: string, during?: () => Promise<void>): Promise<Window> {
  const start = Date.now();
  const runs = Promise.all(streams.map((s) => wrk(server.url + s.path, s.session === "participant" ? cookie : null)));
  await during?.();
  const results = await runs;
  const w = { label, start, end: Date.now(), results, outboxAtEnd: outboxCount(), loadAfter: load() };
  windows.push(w);
  console.error(`${label}: ${results.map((r, i) => `${streams[i]!.session} ${streams[i]!.page} p95 ${ms(r.p95)} ms`).join("; ")}; outbox ${w.outboxAtEnd}`);
  return w;
}

/** "Close now" as the secretariat's browser sends it, the box "I understand" ticked. */
async function closeNow(secretariat: string) {
  queueing.closeSent = Date.now();
  const response = await fetch(`${server.url}/admin/consultations/${SLUG}`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: server.url, Cookie: secretariat, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "close-now", understood: "yes" }),
  });
  await response.arrayBuffer();
  queueing.closeAnswered = Date.now();
  queueing.closeStatus = response.status;
  if (response.status !== 302) throw new Error(`"Close now" answered ${response.status}, not a redirect`);
}

let cookie = "";
const loadBefore = load();
try {
  cookie = await sessionCookie(server, "participant@demo.redraft.org");
  const secretariat = await sessionCookie(server, "secretariat@demo.redraft.org");
  for (const s of streams) for (let i = 0; i < 5; i++) await (await fetch(server.url + s.path, { headers: s.session === "participant" ? { Cookie: cookie } : {} })).arrayBuffer();
  // A first window under the same load, not reported: the first one measured the JIT warming up.
  await measure("warm-up");
  windows.pop();
  await pause(2000);

  await measure("baseline (open, notifier idle)");
  const idleRss = residentBytes(pid);
  const outboxBefore = outboxCount();

  const progress: string[] = [];
  const watcher = (async () => {
    while (queueing.finished === undefined) {
      const waiting = pending();
      if (queueing.closeAnswered !== undefined && queueing.fannedOut === undefined && unannounced() === 0) {
        queueing.fannedOut = Date.now();
        queueing.made = (madeQuery.get() as { n: number }).n;
      }
      if (queueing.fannedOut !== undefined && waiting === 0) queueing.finished = Date.now();
      else {
        if (queueing.closeAnswered !== undefined) progress.push(`${((Date.now() - queueing.closeSent!) / 1000).toFixed(1)}s:${waiting}`);
        await pause(250);
      }
    }
  })();
  let n = 1;
  await measure(`during ${n}`, async () => {
    await pause(CLOSE_AFTER_MS);
    await closeNow(secretariat);
  });
  while (queueing.finished === undefined && n < MAX_WINDOWS) await measure(`during ${++n}`);
  if (queueing.finished === undefined) throw new Error(`the notifier had not queued every e-mail after ${MAX_WINDOWS} windows (${pending()} waiting)`);
  await watcher;
  console.error(`Waiting notifications, by time from the close: ${progress.join(" ")}`);
  await pause(2000);
  await measure("after (closed, outbox full, notifier idle)");
  await pause(3000);
  const afterRss = residentBytes(pid);
  clearInterval(sampler);

  // The report.
  const closeAt = queueing.closeSent!;
  const base = windows[0]!.results;
  const after = windows.at(-1)!.results;
  const queued = outboxCount() - outboxBefore;
  const during = windows.filter((w) => w.label.startsWith("during"));
  const peakDuring = Math.max(...rss.filter((s) => s.t >= closeAt && s.t <= queueing.finished! + 1000).map((s) => s.bytes));
  const lines = [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 16)}Z; ` +
      `load average before ${loadBefore}, after ${load()} (wrk and the server on the same cores).`,
    "",
    `${FOLLOWERS} confirmed followers, ${DEMO_COMMENTS} demo comments; ${streams.length} wrk streams at once, ${CONNECTIONS} connections each, ${SECONDS} s windows; no SMTP (the outbox fills, nothing is sent).`,
    "",
    `"Close now" answered ${queueing.closeStatus} in ${queueing.closeAnswered! - closeAt} ms (${queueing.made} notifications made by the notifier ${queueing.fannedOut! - queueing.closeAnswered!} ms after that answer, decision 033); ` +
      `${queued} e-mails queued ${((queueing.finished! - queueing.closeAnswered!) / 1000).toFixed(1)} s after that answer. ` +
      `Server RSS: ${mb(idleRss)} MB before, ${mb(peakDuring)} MB peak while queueing, ${mb(afterRss)} MB after.`,
    "",
    "| window | page | session | req/s | p50 ms | p95 ms | p99 ms | max ms | p95 × baseline | p95 × after | errors |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const w of windows) {
    w.results.forEach((r, i) => {
      const s = streams[i]!;
      // No answer within the window: wrk has no latency to report, every request took longer.
      if (r.requests === 0) return lines.push(`| ${w.label} | ${s.page} | ${s.session} | 0 | > ${SECONDS} s | | | | | | ${r.errors} |`);
      lines.push(
        `| ${w.label} | ${s.page} | ${s.session} | ${(r.requests / r.seconds).toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ` +
          `${(r.p95 / base[i]!.p95).toFixed(2)} | ${(r.p95 / after[i]!.p95).toFixed(2)} | ${r.errors} |`,
      );
    });
  }
  lines.push(
    "",
    "Worst window while queueing, p95 against baseline / against after: " +
      streams
        .map((s, i) => {
          if (during.some((w) => w.results[i]!.requests === 0)) return `${s.session} ${s.page}: a window without any answer`;
          const worst = Math.max(...during.map((w) => w.results[i]!.p95));
          return `${s.session} ${s.page} ${(worst / base[i]!.p95).toFixed(1)}× / ${(worst / after[i]!.p95).toFixed(1)}×`;
        })
        .join("; ") +
      ".",
  );
  const loops = loopSamples();
  lines.push("", "| window | from close (s) | e-mails queued by its end (per s in it) | event-loop delay: worst second's p99 / max (ms) | RSS peak (MB) | heap used peak (MB) | load avg after |", "| --- | --- | ---: | --- | ---: | ---: | --- |");
  let queuedBefore = 0;
  for (const w of windows) {
    const queuedBy = w.outboxAtEnd - outboxBefore;
    const rate = ((queuedBy - queuedBefore) / ((w.end - w.start) / 1000)).toFixed(0);
    queuedBefore = queuedBy;
    const inWindow = <T extends { t: number }>(xs: T[]) => xs.filter((x) => x.t > w.start && x.t <= w.end);
    const l = inWindow(loops);
    const span = w.start >= closeAt || w === during[0] ? `${((w.start - closeAt) / 1000).toFixed(0)}–${((w.end - closeAt) / 1000).toFixed(0)}` : "";
    lines.push(
      `| ${w.label} | ${span} | ${queuedBy} (${rate}) | ${Math.max(...l.map((x) => x.p99)).toFixed(0)} / ${Math.max(...l.map((x) => x.max)).toFixed(0)} | ` +
        `${mb(Math.max(...inWindow(rss).map((x) => x.bytes)))} | ${mb(Math.max(...l.map((x) => x.heapUsed)))} | ${w.loadAfter} |`,
    );
  }
  // The notifier logs its errors and waits for its next poll (15 s): a pause in the queueing.
  const output = server.output().split("\n");
  const notifierErrors = output.filter((l) => l.startsWith("notifier:"));
  if (notifierErrors.length) console.error(output.slice(output.indexOf(notifierErrors[0]!), output.indexOf(notifierErrors[0]!) + 12).join("\n"));
  lines.push("", `Notifier errors logged by the server: ${notifierErrors.length}${notifierErrors.length ? ` (first: ${notifierErrors[0]!.slice(0, 200)})` : ""}.`);
  console.log(lines.join("\n"));
} finally {
  clearInterval(sampler);
  reader.close();
  await server.stop();
  // 70 MB a run on a shared machine: kept only when asked for.
  if (process.env.KEEP_DATABASE) console.error(`(database left in ${dirname(databasePath)})`);
  else rmSync(dirname(databasePath), { recursive: true, force: true });
  rmSync(dirname(loopFile), { recursive: true, force: true });
}
