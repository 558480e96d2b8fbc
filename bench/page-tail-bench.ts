/**
 * Where the p99 of kept pages goes (issue 21, point 2; docs/benchmarks.md, "Where the remaining
 * time goes"). Runs the production server as bench/page-cache-bench.ts does, with
 * bench/stall-probe.cjs loaded (event-loop stalls with the main thread's own CPU time in each,
 * garbage collections, each request's time in the process) and optionally a CPU profile, puts one
 * page under wrk, then lines the stalls up with the collections and the profile's samples.
 *
 *   npm run build && npx tsx bench/page-tail-bench.ts
 *
 * DATABASE (a database seeded by bench/page-cache-bench.ts or `seed:synthetic`; seeded with
 * COMMENTS, 50,000, when absent), PAGE (/c/unesco-ethics-of-ai), SECONDS (20), CONNECTIONS (100),
 * CPU_PROF=1 (a profile; it costs a few per cent), WARM_SECONDS (a wrk run before the measured one),
 * LOAD=node (bench/tail-client.cjs instead of wrk, to split each slow answer's time), NODE_ARGS (more flags for the server, e.g.
 * "--max-semi-space-size=16"), PAGE_ENV (more environment for the server, "NAME=value,NAME=value").
 * Not a test: the figures depend on the machine and on what else runs on it.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { freshDatabasePath, repoRoot, startServer } from "../test/support/start-server";
import { profileTree, type CpuProfile } from "./cpu-profile-summary";

const PAGE = process.env.PAGE ?? "/c/unesco-ethics-of-ai";
const SECONDS = Number(process.env.SECONDS ?? 20);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 100);
const COMMENTS = Number(process.env.COMMENTS ?? 50_000);
const WARM_SECONDS = Number(process.env.WARM_SECONDS ?? 0);

interface Probe {
  pid: number;
  timeOrigin: number;
  monotonicOriginMs: number;
  thresholdMs: number;
  loopDelay: { p50: number; p99: number; max: number };
  stalls: { start: number; wallMs: number; mainThreadCpuMs: number; processCpuMs: number }[];
  gcs: { start: number; durationMs: number; kind: number }[];
  requests: [number, number][];
  traced: [string, number, number, number][];
  periods: { start: number; wallMs: number; mainThreadCpuMs: number; processCpuMs: number; machineBusy: number; runnable: number; threads: Record<string, number> }[];
}


function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);

function wrk(url: string, seconds = SECONDS, trace = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const script = join(repoRoot, "bench", trace ? "wrk-trace.lua" : "wrk-tail.lua");
    const child = spawn("wrk", ["-t2", `-c${CONNECTIONS}`, `-d${seconds}s`, "--timeout", "10s", "-s", script, "-H", "Accept-Encoding: gzip, br", url], {
      env: { ...process.env, WRK_TRACE_DIR: dir },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", () => resolve(out));
  });
}

const clientFile = () => join(dir, "client.json");

/** bench/tail-client.cjs instead of wrk: slower, but each request's time can be split (see there). */
function nodeClient(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, "bench", "tail-client.cjs"), url, String(CONNECTIONS), String(SECONDS), clientFile()], { stdio: "inherit" });
    child.on("error", reject);
    child.on("close", () => {
      const records = JSON.parse(readFileSync(clientFile(), "utf8")) as [string, number, number, number][];
      const sorted = records.map((r) => (r[3] - r[1]) * 1000).sort((a, b) => a - b);
      const at = (p: number) => Math.round(percentile(sorted, p));
      resolve(`TAIL requests=${records.length} duration_us=${SECONDS * 1e6} p50=${at(50)} p90=${at(90)} p99=${at(99)} p999=${at(99.9)} max=${Math.round(sorted.at(-1) ?? 0)} timeouts=0`);
    });
  });
}

let databasePath = process.env.DATABASE;
if (!databasePath || !existsSync(databasePath)) {
  databasePath = freshDatabasePath();
  console.error(`Seeding ${COMMENTS} comments into ${databasePath}…`);
  execFileSync(process.execPath, ["--import", "tsx", "app/cli/seed-synthetic-cli.ts", "--comments", String(COMMENTS), "--participants", "3000", "--seed", "42"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_PATH: databasePath, NODE_ENV: "test" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

const dir = mkdtempSync(join(tmpdir(), "redraft-page-tail-"));
const probeFile = join(dir, "probe.json");
const extraEnv = Object.fromEntries((process.env.PAGE_ENV ?? "").split(",").filter(Boolean).map((pair) => pair.split("=") as [string, string]));
const nodeArgs = [
  "--require",
  join(repoRoot, "bench", "stall-probe.cjs"),
  ...(process.env.CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir", dir] : []),
  ...(process.env.NODE_ARGS ?? "").split(" ").filter(Boolean),
];
const server = await startServer({ databasePath, env: { NODE_ENV: "production", DEMO_COMMENTS: "0", STALL_PROBE_FILE: probeFile, ...extraEnv }, nodeArgs });
const loadBefore = loadavg()[0]!;
let wrkOut: string;
let wrkStartedAt: number;
try {
  await (await fetch(server.url + PAGE, { headers: { "Accept-Encoding": "gzip, br" } })).arrayBuffer();
  // WARM_SECONDS: a first wrk run, not analysed, so that the measured one starts on a warm process.
  if (WARM_SECONDS > 0) console.error(`warm-up run: ${/TAIL (.*)/.exec(await wrk(server.url + PAGE, WARM_SECONDS))?.[1]}`);
  wrkStartedAt = Date.now();
  wrkOut = process.env.LOAD === "node" ? await nodeClient(server.url + PAGE) : await wrk(server.url + PAGE, SECONDS, Boolean(process.env.TRACE));
} finally {
  await server.stop();
  writeFileSync(join(dir, "server-output.txt"), server.output());
}
const loadAfter = loadavg()[0]!;

const probe = JSON.parse(readFileSync(probeFile, "utf8")) as Probe;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const tail = /TAIL (.*)/.exec(wrkOut)?.[1] ?? "";
const field = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(tail)?.[1] ?? NaN);
const requests = field("requests");
const lines: string[] = [];
lines.push(
  `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}, ${new Date(wrkStartedAt).toISOString().slice(0, 16)}Z, load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after; ` +
    `server flags: ${nodeArgs.filter((a) => !a.includes("stall-probe") && a !== "--require" && !a.startsWith(dir)).join(" ") || "(as npm start)"}${process.env.PAGE_ENV ? `; ${process.env.PAGE_ENV}` : ""}`,
);
lines.push(
  `wrk ${PAGE}, ${CONNECTIONS} connections, ${SECONDS} s, gzip, br: ${(requests / (field("duration_us") / 1e6)).toFixed(0)} req/s, ` +
    `p50 ${ms(field("p50") / 1000)}, p90 ${ms(field("p90") / 1000)}, p99 ${ms(field("p99") / 1000)}, p99.9 ${ms(field("p999") / 1000)}, max ${ms(field("max") / 1000)}, mean ${ms(field("mean") / 1000)}, timeouts ${field("timeouts")}`,
);

// Only what happened while wrk ran (after the warm-up request, before the shutdown).
const windowStart = wrkStartedAt - probe.timeOrigin;
const windowEnd = windowStart + SECONDS * 1000;
const inRun = <T extends { start: number }>(items: T[]) => items.filter((item) => item.start >= windowStart && item.start < windowEnd);
const served = probe.requests.filter(([start]) => start >= windowStart && start < windowEnd).map(([, d]) => d).sort((a, b) => a - b);
lines.push(
  `in the process (request event to finish, ${served.length} requests): p50 ${ms(percentile(served, 50))}, p99 ${ms(percentile(served, 99))}, max ${ms(served.at(-1) ?? NaN)}; ` +
    `event-loop delay p50 ${ms(probe.loopDelay.p50)}, p99 ${ms(probe.loopDelay.p99)}, max ${ms(probe.loopDelay.max)}`,
);
// CPU by thread over the run: the first and last 250 ms samples inside it.
const periods = inRun(probe.periods);
if (periods.length > 1) {
  const first = periods[0]!;
  const last = periods.at(-1)!;
  const wall = last.start + last.wallMs - first.start;
  const byName = new Map<string, number>();
  for (const [thread, cpu] of Object.entries(last.threads)) {
    // Linux names Node's threads after the process; the main thread's id is the process's.
    const name = thread.endsWith(`/${probe.pid}`) ? "main thread" : "other threads (V8's GC and compiler helpers, libuv's pool, workers)";
    byName.set(name, (byName.get(name) ?? 0) + cpu - (first.threads[thread] ?? 0));
  }
  const busy = sum(periods.slice(1).map((p) => p.machineBusy)) / (periods.length - 1);
  const answered = probe.requests.filter(([at]) => at >= first.start && at < last.start + last.wallMs).length;
  lines.push(`main thread CPU per answer: ${((1000 * (byName.get("main thread") ?? NaN)) / answered).toFixed(0)} µs (${answered} answers)`);
  lines.push(
    `CPU while wrk ran, per second of wall time: ${[...byName].filter(([, cpu]) => cpu > 0).sort((a, b) => b[1] - a[1]).map(([name, cpu]) => `${name} ${((1000 * cpu) / wall).toFixed(0)} ms`).join(", ")}; ` +
      `the machine's cores busy ${(100 * busy).toFixed(0)} %, runnable processes (median) ${percentile(periods.map((p) => p.runnable).sort((a, b) => a - b), 50)}`,
  );
}

const stalls = inRun(probe.stalls);
const gcs = inRun(probe.gcs);
const busy = stalls.filter((s) => s.mainThreadCpuMs >= 0.7 * s.wallMs);
const away = stalls.filter((s) => s.mainThreadCpuMs < 0.3 * s.wallMs);
const stallWall = sum(stalls.map((s) => s.wallMs));
lines.push(
  `stalls over ${probe.thresholdMs} ms: ${stalls.length}, ${ms(stallWall)} in all (longest ${ms(Math.max(0, ...stalls.map((s) => s.wallMs)))}); ` +
    `main thread running ≥ 70 % of the stall: ${busy.length} (${ms(sum(busy.map((s) => s.wallMs)))}); running < 30 % (the thread waited for a core): ${away.length} (${ms(sum(away.map((s) => s.wallMs)))}); ` +
    `main-thread CPU inside stalls ${ms(sum(stalls.map((s) => s.mainThreadCpuMs)))} of ${ms(stallWall)}`,
);
const byLength = [50, 100, 200, 500, 1000, 2000];
lines.push(
  `stall lengths: ${byLength.map((limit, i) => `${limit}–${byLength[i + 1] ?? "∞"} ms: ${stalls.filter((s) => s.wallMs >= limit && s.wallMs < (byLength[i + 1] ?? Infinity)).length}`).join(", ")}`,
);

// perf_hooks.constants.NODE_PERFORMANCE_GC_*.
const kinds: Record<number, string> = { 1: "scavenge", 4: "mark-compact", 8: "incremental marking", 16: "weak callbacks" };
const gcByKind = new Map<string, number[]>();
for (const gc of gcs) {
  const kind = kinds[gc.kind] ?? String(gc.kind);
  gcByKind.set(kind, [...(gcByKind.get(kind) ?? []), gc.durationMs]);
}
lines.push(
  `garbage collections: ${[...gcByKind].map(([kind, d]) => `${kind} ${d.length} (${ms(sum(d))}, longest ${ms(Math.max(...d))})`).join("; ") || "none"}`,
);
const overlap = (s: { start: number; wallMs: number }, g: { start: number; durationMs: number }) =>
  Math.max(0, Math.min(s.start + s.wallMs, g.start + g.durationMs) - Math.max(s.start, g.start));
const gcInStalls = sum(stalls.map((s) => sum(gcs.map((g) => overlap(s, g)))));
lines.push(`GC time inside stalls: ${ms(gcInStalls)} of ${ms(stallWall)}`);

// With the numbered client: where the slowest answers spent their time.
if (process.env.LOAD === "node") {
  const records = JSON.parse(readFileSync(clientFile(), "utf8")) as [string, number, number, number][];
  const server = new Map(probe.traced.map(([id, arrived, finished]) => [id, { arrived, finished }]));
  const latencies = records.map((r) => r[3] - r[1]).sort((a, b) => a - b);
  const p99 = percentile(latencies, 99);
  const slow = records.filter((r) => r[3] - r[1] >= p99 && server.has(r[0]));
  const parts = { "written → server reads it": [] as number[], "server: request → finish": [] as number[], "finish → client reads first byte": [] as number[], "first → last byte": [] as number[] };
  for (const [id, written, first, done] of slow) {
    const s = server.get(id)!;
    parts["written → server reads it"].push(s.arrived - written);
    parts["server: request → finish"].push(s.finished - s.arrived);
    parts["finish → client reads first byte"].push(first - s.finished);
    parts["first → last byte"].push(done - first);
  }
  const total = sum(slow.map((r) => r[3] - r[1]));
  lines.push(
    `the ${slow.length} answers at or above the client's p99 (${ms(p99)}), mean ${ms(total / slow.length)}: ` +
      Object.entries(parts).map(([name, values]) => `${name} ${ms(sum(values) / values.length)} (${((100 * sum(values)) / total).toFixed(0)} %, max ${ms(Math.max(...values))})`).join("; "),
  );
}

// With wrk numbering its requests: each answer's time, split. wrk writes a connection's next
// request as soon as it has read the answer, so that instant is when the answer was complete.
if (process.env.TRACE && process.env.LOAD !== "node") {
  const written = new Map<string, number>();
  for (const f of readdirSync(dir).filter((name) => /^\d+\.txt$/.test(name))) {
    for (const line of readFileSync(join(dir, f), "utf8").split("\n")) {
      const [id, at] = line.split(" ");
      if (id && at) written.set(id, Number(at));
    }
  }
  const byConnection = new Map<number, [string, number, number, number][]>();
  for (const t of probe.traced) byConnection.set(t[3], [...(byConnection.get(t[3]) ?? []), t]);
  const answers: { at: number; total: number; before: number; inServer: number; after: number; first: boolean }[] = [];
  for (const list of byConnection.values()) {
    list.sort((a, b) => a[1] - b[1]);
    for (let i = 0; i + 1 < list.length; i++) {
      const [id, arrived, finished] = list[i]!;
      const sent = written.get(id);
      const next = written.get(list[i + 1]![0]);
      if (sent === undefined || next === undefined) continue;
      answers.push({ at: sent, total: next - sent, before: arrived - sent, inServer: finished - arrived, after: next - finished, first: i === 0 });
    }
  }
  const start = Math.min(...answers.map((a) => a.at));
  const totals = answers.map((a) => a.total).sort((a, b) => a - b);
  const p99 = percentile(totals, 99);
  const slow = answers.filter((a) => a.total >= p99);
  const mean = (values: number[]) => sum(values) / values.length;
  lines.push(
    `traced: ${answers.length} answers paired (mean ${ms(mean(totals))}, p50 ${ms(percentile(totals, 50))}, p90 ${ms(percentile(totals, 90))}, p99 ${ms(p99)}, max ${ms(totals.at(-1)!)}); the ${slow.length} at or above p99, mean ${ms(mean(slow.map((a) => a.total)))}: ` +
      `written → server reads it ${ms(mean(slow.map((a) => a.before)))}, in the server ${ms(mean(slow.map((a) => a.inServer)))}, server finished → wrk has read it ${ms(mean(slow.map((a) => a.after)))}; ` +
      `first on their connection: ${slow.filter((a) => a.first).length}`,
  );
  const perSecond = new Map<number, number>();
  for (const a of slow) perSecond.set(Math.floor((a.at - start) / 1000), (perSecond.get(Math.floor((a.at - start) / 1000)) ?? 0) + 1);
  lines.push(`  when they were sent (second of the run: count): ${[...perSecond].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}: ${n}`).join(", ")}`);
}

// The CPU profile: what the main thread ran during the stalls in which it was running.
// CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile: thread 0 is the main thread (the others are workers).
const profileFile = readdirSync(dir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f));
if (profileFile) {
  const profile = JSON.parse(readFileSync(join(dir, profileFile), "utf8")) as CpuProfile;
  const { byId, parent, label } = profileTree(profile);
  const area = (url: string) => {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    if (pkg) return pkg;
    if (url.startsWith("node:")) return url.replace(/^node:(internal\/)?/, "node:").split("/").slice(0, 1).join("/");
    if (url.includes("/build/")) return `app (${basename(url)})`;
    return url ? basename(url) : "";
  };
  let t = profile.startTime;
  const samples = profile.samples.map((id, i) => {
    t += profile.timeDeltas[i]!;
    return { id, at: t / 1000 - probe.monotonicOriginMs };
  });
  const summarize = (title: string, chosen: typeof samples) => {
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    for (const { id } of chosen) {
      self.set(label(id), (self.get(label(id)) ?? 0) + 1);
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const name = area(byId.get(n)!.callFrame.url) || byId.get(n)!.callFrame.functionName;
        if (name && !seen.has(name)) {
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
        }
      }
    }
    const top = (map: Map<string, number>, n: number) =>
      [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k} ${((100 * v) / chosen.length).toFixed(1)} %`).join("; ");
    lines.push(`${title} (${chosen.length} samples): self: ${top(self, 12)}`);
    lines.push(`  inclusive by module: ${top(inclusive, 14)}`);
  };
  summarize("profile, while wrk ran", samples.filter((s) => s.at >= windowStart && s.at < windowEnd));
  summarize(
    "profile, inside stalls where the main thread ran",
    samples.filter((s) => busy.some((b) => s.at >= b.start && s.at <= b.start + b.wallMs)),
  );
}
console.log(lines.join("\n"));
console.error(`(probe and profile in ${dir}; database ${databasePath})`);
