/**
 * The closing day (issue 21, point 2): WRITERS participants comment as fast as the server answers
 * while READERS visitors poll the draft page, on a consultation with COMMENTS comments. Measures
 * comments stored per second (counted in the database, not from the answers), the readers' latency
 * (wrk, gzip and brotli as browsers ask, closed loop: each reader asks again as soon as it is
 * answered, the hardest kind of polling), the writers' latency, and the server's memory before,
 * during and a minute after the load.
 *
 * The writers are confirmed accounts that sign in through the real form and post the comment form
 * as a browser without JavaScript does (a document POST answered by a redirect, which they do not
 * follow: the page after it is a signed-in render, measured elsewhere). All of them come from
 * 127.0.0.1, like a conference room behind one NAT: the per-address limit is raised for the run
 * (RATE_LIMIT_PEOPLE_PER_ADDRESS), and so is the per-account one (RATE_LIMIT_ACCOUNT_WRITES: each
 * writer posts several comments a second, a hundred times what a person types).
 *
 * Run with `npm run build && npm run bench:closing-day`; needs `wrk`. Not a test: the figures
 * depend on the machine and what else runs on it. COMMENTS (50000), WRITERS (50), READERS (100),
 * SECONDS (30), SETTLE_SECONDS (60: how long memory is watched after the load), SEEDED_DATABASE (a database
 * seeded by an earlier run, copied), CPU_PROF_DIR (a CPU profile of the server's main thread, summarised).
 */
import { readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { openDatabase } from "../db/client.server";
import { stakeholderGroups } from "../db/schema";
import { findUserByEmail, registerUser } from "../app/accounts/users.server";
import { repoRoot, startServer, type RunningServer } from "../test/support/start-server";
import { sessionCookie } from "../test/support/sign-in";
import { wrk } from "./wrk-run";
import { residentMb, seededDatabase } from "./seeded-database";
import { summarizeCpuProfile } from "./cpu-profile-summary";

const COMMENTS = Number(process.env.COMMENTS ?? 50_000);
const WRITERS = Number(process.env.WRITERS ?? 50);
const READERS = Number(process.env.READERS ?? 100);
const SECONDS = Number(process.env.SECONDS ?? 30);
const SETTLE_SECONDS = Number(process.env.SETTLE_SECONDS ?? 60);
const SLUG = "unesco-ethics-of-ai";
const PASSWORD = "closing-day-bench-2026";

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** CPU seconds the server process has used (all its threads), from /proc: robust to a busy host. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function storedComments(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("select count(*) as n from comments").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

// The writers' accounts are created when missing (SEEDED_DATABASE may hold them already).
const databasePath = seededDatabase(COMMENTS);

// The writers: confirmed participants from six countries, as the secretariat's CLI creates them.
{
  const db = openDatabase(databasePath);
  const group = db.select().from(stakeholderGroups).where(eq(stakeholderGroups.slug, "civil-society")).get() ?? db.select().from(stakeholderGroups).get()!;
  const countries = ["KE", "FR", "BR", "IN", "EG", "RU"];
  for (let i = 0; i < WRITERS; i++) {
    if (findUserByEmail(db, `writer-${i}@bench.redraft.org`)) continue;
    await registerUser(db, {
      email: `writer-${i}@bench.redraft.org`,
      displayName: `Writer ${i}`,
      password: PASSWORD,
      role: "participant",
      countryCode: countries[i % countries.length]!,
      stakeholderGroupId: group.id,
      organisation: null,
      respondsFor: "individual",
      gender: "prefer-not-to-say",
      ageBand: "prefer-not-to-say",
      language: "en",
      pseudonymous: false,
      confirmed: true,
    });
  }
  db.$client.close();
}

interface WriterFigures {
  stored: number;
  refused: number;
  /** Status codes of refusals, with how many of each. */
  refusals: Map<number, number>;
  failed: number;
  latencies: number[];
}

/** One participant posting comments on the draft's paragraphs, one after another, until `stop`. */
async function writer(server: RunningServer, cookie: string, paragraphs: string[], index: number, stop: { done: boolean }): Promise<WriterFigures> {
  const figures: WriterFigures = { stored: 0, refused: 0, refusals: new Map(), failed: 0, latencies: [] };
  const stances = ["support", "concern", "amendment", "question", "remark"];
  let n = 0;
  while (!stop.done) {
    const paragraph = paragraphs[(index * 7 + n) % paragraphs.length]!;
    const started = performance.now();
    try {
      const response = await fetch(`${server.url}/c/${SLUG}/p/${paragraph}`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: server.url, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          stance: stances[n % stances.length]!,
          body: `Comment ${n} of writer ${index}: the closing day, when everyone comments at once.`,
          ...(stances[n % stances.length] === "amendment" ? { proposedText: `A wording proposed by writer ${index}, the ${n}th time.` } : {}),
          submissionId: crypto.randomUUID(),
        }),
      });
      await response.arrayBuffer();
      figures.latencies.push(performance.now() - started);
      if (response.status === 302 || response.status === 303) figures.stored += 1;
      else {
        figures.refused += 1;
        figures.refusals.set(response.status, (figures.refusals.get(response.status) ?? 0) + 1);
      }
    } catch {
      figures.failed += 1;
    }
    n += 1;
  }
  return figures;
}

// CPU_PROF_DIR: the server runs with `node --cpu-prof`; the main thread's profile is summarised.
const CPU_PROF_DIR = process.env.CPU_PROF_DIR;
const server = await startServer({
  databasePath,
  // STALL_PROBE_FILE: bench/stall-probe.cjs records the event loop's stalls and collections there.
  nodeArgs: [
    ...(CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${CPU_PROF_DIR}`] : []),
    ...(process.env.STALL_PROBE_FILE ? ["--require", join(repoRoot, "bench", "stall-probe.cjs")] : []),
  ],
  env: {
    NODE_ENV: "production",
    DEMO_COMMENTS: "0",
    RATE_LIMIT_PEOPLE_PER_ADDRESS: "100000",
    RATE_LIMIT_ACCOUNT_WRITES: "10000",
  },
});
const pid = server.child.pid!;
const lines: string[] = [];
try {
  const draft = await (await fetch(`${server.url}/c/${SLUG}`)).text();
  const paragraphs = [...new Set([...draft.matchAll(new RegExp(`/c/${SLUG}/p/([A-Za-z0-9.-]+)`, "g"))].map((m) => m[1]!))];
  if (paragraphs.length === 0) throw new Error("no paragraph links on the draft page");
  const cookies: string[] = [];
  for (let i = 0; i < WRITERS; i++) cookies.push(await sessionCookie(server, `writer-${i}@bench.redraft.org`, PASSWORD));
  // Warm: the draft page kept once, the comment path compiled.
  await (await fetch(`${server.url}/c/${SLUG}`, { headers: { "Accept-Encoding": "gzip, br" } })).arrayBuffer();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idle = residentMb(pid);
  const load = loadavg().map((l) => l.toFixed(1)).join(" / ");

  const before = storedComments(databasePath);
  const stop = { done: false };
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, residentMb(pid))), 1000);
  // The readers are connected before the writers start, as readers already on the page are when
  // the closing-day burst begins: Node accepts one new connection per turn of its event loop, and
  // under the writers a turn lasts 250–350 ms, so 100 connections opened during the burst wait up
  // to half a minute to be accepted (docs/benchmarks.md, "The closing day"). READERS_FIRST=0
  // starts both at once, which measures that too.
  const reading = wrk(`${server.url}/c/${SLUG}`, READERS, "gzip, br", SECONDS);
  if (process.env.READERS_FIRST !== "0") await new Promise((resolve) => setTimeout(resolve, 1000));
  const cpuBefore = cpuSeconds(pid);
  const t0 = performance.now();
  const writing = Promise.all(cookies.map((cookie, i) => writer(server, cookie, paragraphs, i, stop)));
  const readers = await reading;
  stop.done = true;
  const writers = await writing;
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(pid) - cpuBefore;
  clearInterval(sampler);
  const after = storedComments(databasePath);
  const loadAfter = loadavg()[0]!.toFixed(1);

  const memory: string[] = [];
  let waited = 0;
  for (const at of [1, 10, 30, SETTLE_SECONDS].filter((s, i, all) => s <= SETTLE_SECONDS && all.indexOf(s) === i)) {
    await new Promise((resolve) => setTimeout(resolve, (at - waited) * 1000));
    waited = at;
    const rss = residentMb(pid);
    memory.push(`${at} s after: ${rss.toFixed(0)} MB (${(((rss - idle) / idle) * 100).toFixed(0)} % vs idle)`);
  }

  const latencies = writers.flatMap((w) => w.latencies).sort((a, b) => a - b);
  const sum = (pick: (w: WriterFigures) => number) => writers.reduce((total, w) => total + pick(w), 0);
  lines.push(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 16)}Z; load average before ${load}, after ${loadAfter} (wrk and the writers on the same cores)`,
    "",
    `${COMMENTS} comments in the consultation; ${WRITERS} writers and ${READERS} readers of /c/${SLUG} for ${SECONDS} s (${elapsed.toFixed(1)} s with the requests in flight).`,
    "",
    "| comments stored | stored/s | writes answered 302 / refused / failed | write p50 | write p99 | reads | reads/s | read p50 | read p90 | read p99 | read errors |",
    "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    `| ${after - before} | ${((after - before) / elapsed).toFixed(0)} | ${sum((w) => w.stored)} / ${sum((w) => w.refused)} / ${sum((w) => w.failed)} | ${percentile(latencies, 50).toFixed(0)} ms | ${percentile(latencies, 99).toFixed(0)} ms | ${readers.requests} | ${readers.requestsPerSecond.toFixed(0)} | ${readers.p50} | ${readers.p90} | ${readers.p99} | ${readers.errors} |`,
    "",
    `Server CPU during the load: ${cpu.toFixed(1)} s for ${elapsed.toFixed(1)} s (${(cpu / elapsed).toFixed(2)} cores); ${((cpu * 1000) / Math.max(1, after - before)).toFixed(2)} ms of CPU per comment stored, reads included.`,
    "",
    `Refusals by status: ${[...writers.reduce((all, w) => { for (const [status, n] of w.refusals) all.set(status, (all.get(status) ?? 0) + n); return all; }, new Map<number, number>())].map(([status, n]) => `${status} × ${n}`).join(", ") || "none"}.`,
    "",
    `Server RSS: idle ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB; ${memory.join("; ")}.`,
  );
  // A 5xx is a bug, not a figure: show what the server said about it.
  if (process.env.SERVER_OUTPUT || writers.some((w) => [...w.refusals.keys()].some((status) => status >= 500))) {
    console.error(server.output().split("\n").filter((line) => /error|Error|at /.test(line)).slice(-40).join("\n"));
  }
} finally {
  await server.stop();
}
lines.push("", `Server: ${/Page cache: .*/.exec(server.output())?.[0] ?? "(no page cache figures)"}`);
if (CPU_PROF_DIR) {
  // CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile: thread 0 is the main thread.
  const file = readdirSync(CPU_PROF_DIR).find((f) => f.includes(`.${pid}.0.`) && f.endsWith(".cpuprofile"));
  if (file) lines.push("", "```", summarizeCpuProfile(join(CPU_PROF_DIR, file)), "```");
}
console.log(lines.join("\n"));
console.error(`(database left in ${dirname(databasePath)})`);
