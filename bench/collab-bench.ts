/**
 * Co-editing benchmark (issue 5, point 11): N simulated writers typing into one document, against
 * Redraft's `/collab` server and, on the same workload in the same run, against Hocuspocus 3 and
 * the y-websocket 2 reference server. Run with `npm run bench:collab`; prints a Markdown table
 * for docs/benchmarks.md. Not a test: timings depend on the machine.
 *
 * - Each server runs in its own child process (its RSS is sampled alone) on a free port with a
 *   fresh database: Redraft = test/support/collab-test-server.ts (SQLite update log, every update
 *   appended before broadcast); Hocuspocus = bench/servers/hocuspocus-server.ts (SQLite, debounced
 *   whole-document store); y-websocket = bench/servers/y-websocket-server.ts (y-leveldb, every
 *   update stored asynchronously after broadcast; `YWS_PERSISTENCE=0` runs it in memory only).
 * - All clients run in this one process, each with its own Y.Doc and its own connection through
 *   the server's own client (SocketIoYjsProvider, HocuspocusProvider, WebsocketProvider). On two
 *   cores the server gets one core and the clients the other; client worker processes would only
 *   take CPU from the server being measured.
 * - Workload: a seeding client fills the document with 50 paragraphs; N clients join; for
 *   WARMUP_MS (not measured) and then DURATION_MS each types one character every 300 ms (uniformly
 *   jittered ±50 %; slower at large N, see `keystrokeMs`) at a random
 *   position of a random paragraph. The same transaction sets `bench[<client>] = <seq>` in a Y.Map,
 *   so a receiver knows which keystroke(s) an applied update carries; latency is measured from just
 *   before the sender's transaction to the receiver's observer (same process, same clock). "First
 *   arrival" is the latency to the first receiver of each keystroke: the server's and the network's
 *   share, without the queue of the other receivers in this process. Time inside each server:
 *   bench/server-timing-probe.cjs.
 * - Afterwards: wait until every keystroke reached every other client (or SETTLE_MS), check that
 *   all clients and a freshly joined client hold identical content.
 *
 * - The host is shared: each (N, server) cell runs REPEAT times, rounds interleaved and the server
 *   order rotated, and the table gives the median per cell; every run is listed too, with the
 *   load average, so noise is visible.
 *
 * Environment: FANOUT=8200 CLIENTS=10,50,200 SERVERS=redraft,redraft-single-frame,hocuspocus,y-websocket WARMUP_MS=3000 DURATION_MS=20000 REPEAT=3
 * SETTLE_MS=60000 YWS_PERSISTENCE=0 CPU_PROF_DIR=<dir> (runs the servers with `node --cpu-prof`, sampling every 100 µs).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { io as connect } from "socket.io-client";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { fillWorkingDraft, WORKING_DRAFT_FRAGMENT, type WorkingBlock } from "../app/drafts/working-draft";
import { SocketIoYjsProvider, type CollabClientSocket } from "../realtime/collab/socket-provider";
import { singleFrameParser } from "../realtime/single-frame-parser";
import { SINGLE_FRAME_ENCODING } from "../realtime/socket-server";
import { freePort, repoRoot } from "../test/support/start-server";

const SIZES = (process.env.CLIENTS ?? "10,50,200").split(",").map(Number);
const SERVER_NAMES = (process.env.SERVERS ?? "redraft,redraft-single-frame,hocuspocus,y-websocket").split(",") as ServerName[];
const DURATION_MS = Number(process.env.DURATION_MS ?? 20_000);
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 60_000);
const KEYSTROKE_MS = 300;
/**
 * Deliveries per second the workload offers at most (keystrokes/s × (N − 1)). At N = 200 and one
 * keystroke per 300 ms each, the 200 client documents of this process would have to apply 133,000
 * remote updates a second: the load generator saturates long before any server does and the figures
 * measure the client process (docs/benchmarks.md). Above this fan-out each client types more slowly,
 * so that all sizes offer about as much as N = 50. `FANOUT=Infinity` restores the saturating load.
 * On two shared cores N = 200 still saturates the clients at this cap (each delivery costs more with
 * 200 clients in the document); docs/benchmarks.md also runs it with `FANOUT=3000`.
 */
const MAX_FANOUT_PER_S = Number(process.env.FANOUT ?? 8200);
const keystrokeMs = (n: number) => Math.max(KEYSTROKE_MS, Math.round(((n * (n - 1)) / MAX_FANOUT_PER_S) * 1000));
const PARAGRAPHS = 50;
const JOIN_BATCH = 10;
const YWS_PERSISTENCE = process.env.YWS_PERSISTENCE !== "0";
const CPU_PROF_DIR = process.env.CPU_PROF_DIR;
const REPEAT = Number(process.env.REPEAT ?? 3);
const WARMUP_MS = Number(process.env.WARMUP_MS ?? 3000);

/**
 * "redraft" is the server with clients on socket.io's standard encoding (two WebSocket messages
 * per binary event); "redraft-single-frame" the same server with clients that ask for one message
 * per binary event (decision 010): the difference between the two rows is what each encoding costs.
 */
type ServerName = "redraft" | "redraft-single-frame" | "hocuspocus" | "y-websocket";

interface RunningServer {
  name: ServerName;
  port: number;
  child: ChildProcess;
}

interface BenchClient {
  doc: Y.Doc;
  synced: Promise<void>;
  destroy: () => void;
}

/** Counts connection failures and unexpected closes of one run. */
class ErrorCounter {
  count = 0;
  closing = false;
  readonly samples: string[] = [];
  add(what: string) {
    if (this.closing) return;
    this.count++;
    if (this.samples.length < 5) this.samples.push(what);
  }
}

// ---------------------------------------------------------------- servers

async function startServer(name: ServerName): Promise<RunningServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), `collab-bench-${name}-`));
  const script = {
    redraft: "test/support/collab-test-server.ts",
    "redraft-single-frame": "test/support/collab-test-server.ts",
    hocuspocus: "bench/servers/hocuspocus-server.ts",
    "y-websocket": "bench/servers/y-websocket-server.ts",
  }[name];
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATABASE_PATH: join(dir, "bench.db") };
  if (name === "y-websocket" && YWS_PERSISTENCE) env.YPERSISTENCE = join(dir, "leveldb");
  const profile = CPU_PROF_DIR ? ["--cpu-prof", "--cpu-prof-interval=100", `--cpu-prof-dir=${join(CPU_PROF_DIR, name)}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", script], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d) => String(d).includes("listening") && resolve());
    child.once("exit", (code) => reject(new Error(`${name} server exited ${code}`)));
  });
  return { name, port, child };
}

async function stopServer(server: RunningServer) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((r) => server.child.once("exit", r));
  server.child.kill("SIGTERM");
  await exited;
}

/** Resident set size of a process in MB (Linux). */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** CPU time (user + system) of a process in ms (Linux, clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

// ---------------------------------------------------------------- clients

function connectClient(server: RunningServer, user: string, errors: ErrorCounter): BenchClient {
  const doc = new Y.Doc();
  if (server.name === "redraft" || server.name === "redraft-single-frame") {
    const singleFrame = server.name === "redraft-single-frame";
    const socket: CollabClientSocket = connect(`http://127.0.0.1:${server.port}/collab`, {
      transports: ["websocket"],
      ...(singleFrame ? { parser: singleFrameParser, query: { encoding: SINGLE_FRAME_ENCODING } } : {}),
      forceNew: true,
      auth: { token: `write:${user}` },
    });
    socket.on("connect_error", (e) => errors.add(`connect_error ${e.message}`));
    socket.on("disconnect", (reason) => errors.add(`disconnect ${reason}`));
    const provider = new SocketIoYjsProvider(socket, "draft/bench", doc);
    provider.onServerError((m) => errors.add(`server error ${m}`));
    return {
      doc,
      synced: provider.whenSynced().then(() => undefined),
      destroy: () => {
        provider.destroy();
        socket.close();
      },
    };
  }
  if (server.name === "hocuspocus") {
    const websocketProvider = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${server.port}`, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({ websocketProvider, name: "bench", document: doc });
    provider.attach();
    websocketProvider.on("disconnect", () => errors.add("disconnect"));
    provider.on("authenticationFailed", () => errors.add("authentication failed"));
    return {
      doc,
      synced: new Promise((resolve) => (provider.isSynced ? resolve() : provider.on("synced", () => resolve()))),
      destroy: () => {
        provider.destroy();
        websocketProvider.destroy();
      },
    };
  }
  const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}`, "bench", doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Otherwise clients in one process would talk to each other over BroadcastChannel, not the server.
    disableBc: true,
  });
  provider.on("connection-error", () => errors.add("connection-error"));
  provider.on("connection-close", () => errors.add("connection-close"));
  return {
    doc,
    synced: new Promise((resolve) => (provider.synced ? resolve() : provider.on("sync", (s: boolean) => s && resolve()))),
    destroy: () => provider.destroy(),
  };
}

// ---------------------------------------------------------------- workload

const WORDS =
  "the general assembly recalls its resolutions on artificial intelligence and human rights encourages member states to develop national strategies notes with concern the digital divide between and within countries requests the secretary-general to report on capacity building for sustainable development".split(
    " ",
  );

/** 50 paragraphs of about 400 characters, the same every run. */
function seedBlocks(): WorkingBlock[] {
  let state = 12345;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: PARAGRAPHS }, (_, i) => {
    const words: string[] = [];
    while (words.join(" ").length < 400) words.push(WORDS[Math.floor(next() * WORDS.length)]!);
    return { nodeId: `b${i}`, label: String(i + 1), kind: "paragraph", level: 0, text: words.join(" ") + "." };
  });
}

const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment(WORKING_DRAFT_FRAGMENT);
const seeded = (doc: Y.Doc) => fragmentOf(doc).length === PARAGRAPHS && (fragmentOf(doc).get(0) as Y.XmlElement).getAttribute("nodeId") === "b0";

async function until(check: () => boolean, what: string, timeoutMs: number): Promise<boolean> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) {
      console.error(`timed out waiting for ${what}`);
      return false;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms))]);
}

function percentile(sorted: Float64Array, p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Result {
  server: ServerName;
  clients: number;
  sent: number;
  deliveredPerSecond: number;
  delivered: number;
  expected: number;
  merged: number;
  p50: number;
  /** Median latency to the first client a keystroke reached. */
  firstP50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  converged: string;
  serverCpuPercent: number;
  clientCpuPercent: number;
  rssIdle: number;
  rssPeak: number;
  rssAfter: number;
  clientLoopP99: number;
  /** One-minute load average of the machine at the end of the typing (other work on a shared host). */
  loadAverage: number;
}

async function run(name: ServerName, n: number): Promise<Result> {
  const server = await startServer(name);
  const pid = server.child.pid!;
  const errors = new ErrorCounter();
  const rssIdle = rssMb(pid);
  let rssPeak = rssIdle;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 200);
  try {
    // Seed the document: replace whatever the server starts with by 50 paragraphs.
    const seederErrors = new ErrorCounter();
    const seeder = connectClient(server, "seeder", seederErrors);
    await withTimeout(seeder.synced, 10_000, "seeder sync");
    seeder.doc.transact(() => {
      const fragment = fragmentOf(seeder.doc);
      if (fragment.length > 0) fragment.delete(0, fragment.length);
    });
    fillWorkingDraft(seeder.doc, seedBlocks());

    const clients: BenchClient[] = [];
    for (let i = 0; i < n; i += JOIN_BATCH) {
      const batch = Array.from({ length: Math.min(JOIN_BATCH, n - i) }, (_, j) => connectClient(server, `u${i + j}`, errors));
      clients.push(...batch);
      await withTimeout(Promise.all(batch.map((c) => c.synced)), 30_000, `clients ${i}… sync`);
    }
    await until(() => clients.every((c) => seeded(c.doc)), "seeded content at every client", 30_000);
    seederErrors.closing = true;
    seeder.destroy();
    errors.count += seederErrors.count;

    // Measurement state, shared by all clients (one process, one clock).
    const sentAt: number[][] = clients.map(() => []);
    const lastSeen: Int32Array[] = clients.map(() => new Int32Array(n).fill(-1));
    let latencies = new Float64Array(1 << 16);
    let latencyCount = 0;
    // The first receiver of each keystroke: the server's and the network's share of the latency,
    // without the queue of other receivers in this one client process.
    const firstArrivals: number[] = [];
    const arrived: Uint8Array[] = clients.map(() => new Uint8Array(1 << 16));
    let delivered = 0;
    let deliveredInWindow = 0;
    let merged = 0;
    let sent = 0;
    let typing = true;
    let windowEnd = Infinity;
    let t0 = Infinity;

    clients.forEach((client, me) => {
      const meta = client.doc.getMap<number>("bench");
      meta.observe((event, transaction) => {
        if (transaction.local) return;
        const now = performance.now();
        for (const key of event.keysChanged) {
          const sender = Number(key);
          const seq = meta.get(key);
          if (sender === me || seq === undefined) continue;
          const from = lastSeen[me]![sender]! + 1;
          if (seq - from > 0) merged += seq - from;
          for (let s = from; s <= seq; s++) {
            if (sentAt[sender]![s]! < t0) continue; // typed during the warm-up
            if (latencyCount === latencies.length) {
              const grown = new Float64Array(latencies.length * 2);
              grown.set(latencies);
              latencies = grown;
            }
            latencies[latencyCount++] = now - sentAt[sender]![s]!;
            if (s < arrived[sender]!.length && !arrived[sender]![s]) {
              arrived[sender]![s] = 1;
              firstArrivals.push(now - sentAt[sender]![s]!);
            }
            delivered++;
            if (now <= windowEnd) deliveredInWindow++;
          }
          if (seq >= from) lastSeen[me]![sender] = seq;
        }
      });
    });

    let rng = 987654321;
    const random = () => (rng = (rng * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const timers = new Set<NodeJS.Timeout>();
    const interval = keystrokeMs(n);
    const keystroke = (me: number) => {
      if (!typing) return;
      const doc = clients[me]!.doc;
      const block = fragmentOf(doc).get(Math.floor(random() * PARAGRAPHS)) as Y.XmlElement;
      const text = block.get(0) as Y.XmlText;
      const at = Math.floor(random() * (text.length + 1));
      const char = String.fromCharCode(97 + Math.floor(random() * 26));
      const seq = sentAt[me]!.length;
      sentAt[me]!.push(performance.now());
      doc.transact(() => {
        text.insert(at, char);
        doc.getMap<number>("bench").set(String(me), seq);
      });
      if (performance.now() >= t0) sent++;
      const timer = setTimeout(() => (timers.delete(timer), keystroke(me)), interval * (0.5 + random()));
      timers.add(timer);
    };
    for (let me = 0; me < n; me++) {
      const timer = setTimeout(() => (timers.delete(timer), keystroke(me)), random() * interval);
      timers.add(timer);
    }
    // Warm-up (JIT, connection buffers): typed like the rest, not measured.
    await new Promise((r) => setTimeout(r, WARMUP_MS));
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    loopDelay.enable();
    const cpuStart = cpuMs(pid);
    const clientCpuStart = process.cpuUsage();
    t0 = performance.now();
    windowEnd = t0 + DURATION_MS;
    await new Promise((r) => setTimeout(r, DURATION_MS));
    typing = false;
    for (const t of timers) clearTimeout(t);
    const cpuWindow = cpuMs(pid) - cpuStart;
    const clientCpu = process.cpuUsage(clientCpuStart);
    const loadAverage = loadavg()[0]!;
    const elapsed = performance.now() - t0;
    loopDelay.disable();

    const expected = sent * (n - 1);
    await until(() => delivered >= expected, `delivery of ${expected} updates (${delivered} so far)`, SETTLE_MS);

    // Convergence: every client, and a client joining now, hold the same content.
    const contentOf = (doc: Y.Doc) => fragmentOf(doc).toString() + JSON.stringify(doc.getMap("bench").toJSON());
    const reference = contentOf(clients[0]!.doc);
    const differing = clients.filter((c) => contentOf(c.doc) !== reference).length;
    const late = connectClient(server, "late", errors);
    let lateMatches = false;
    try {
      await withTimeout(late.synced, 30_000, "late joiner sync");
      lateMatches = contentOf(late.doc) === reference;
    } catch (error) {
      errors.add((error as Error).message);
    }
    errors.closing = true;
    late.destroy();
    for (const c of clients) c.destroy();
    await new Promise((r) => setTimeout(r, 3000));
    const rssAfter = rssMb(pid);

    const sorted = latencies.subarray(0, latencyCount).sort();
    if (errors.samples.length > 0) console.error(`${name} N=${n} errors:`, errors.samples);
    return {
      server: name,
      clients: n,
      sent,
      delivered,
      expected,
      merged,
      deliveredPerSecond: deliveredInWindow / (elapsed / 1000),
      p50: percentile(sorted, 50),
      firstP50: percentile(Float64Array.from(firstArrivals).sort(), 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.length > 0 ? sorted[sorted.length - 1]! : NaN,
      errors: errors.count,
      converged:
        differing === 0 && lateMatches && delivered >= expected
          ? "yes"
          : `no (${differing} differ, late joiner ${lateMatches ? "matches" : "differs"}, ${expected - delivered} undelivered)`,
      serverCpuPercent: (cpuWindow / elapsed) * 100,
      clientCpuPercent: ((clientCpu.user + clientCpu.system) / 1000 / elapsed) * 100,
      rssIdle,
      rssPeak,
      rssAfter,
      clientLoopP99: loopDelay.percentile(99) / 1e6,
      loadAverage,
    };
  } finally {
    clearInterval(sampler);
    await stopServer(server);
  }
}

// ---------------------------------------------------------------- main

const median = (values: number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const f = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "–");
const columns =
  "| N | server | keystrokes sent | delivered/s | p50 (ms) | first arrival p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | errors | converged | server CPU | server RSS idle / peak / after (MB) | clients' CPU | clients' loop delay p99 (ms) | load avg |";
const align = "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |";
const row = (r: Result, converged: string) =>
  `| ${r.clients} | ${r.server} | ${f(r.sent, 0)} | ${f(r.deliveredPerSecond, 0)} | ${f(r.p50)} | ${f(r.firstP50)} | ${f(r.p95)} | ${f(r.p99)} | ${f(r.max, 0)} | ${r.errors} | ${converged} | ` +
  `${f(r.serverCpuPercent, 0)} % | ${f(r.rssIdle, 0)} / ${f(r.rssPeak, 0)} / ${f(r.rssAfter, 0)} | ${f(r.clientCpuPercent, 0)} % | ${f(r.clientLoopP99)} | ${f(r.loadAverage, 1)} |`;

// Every WebsocketProvider adds a process "exit" listener.
process.setMaxListeners(0);
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; ` +
    `${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s of measured typing per run, one keystroke per client every ${SIZES.map((n) => `${keystrokeMs(n)} ms at N = ${n}`).join(", ")} (jittered ±50 %), ${PARAGRAPHS} paragraphs; ` +
    `y-websocket persistence: ${YWS_PERSISTENCE ? "y-leveldb" : "none"}; ${REPEAT} round(s), servers in rotating order`,
);
const results: Result[] = [];
const runs = ["", "All runs:", "", columns, align];
for (let round = 0; round < REPEAT; round++) {
  for (const n of SIZES) {
    // Rotate the order each round so no server always runs first (or right after the heaviest).
    const order = SERVER_NAMES.map((_, i) => SERVER_NAMES[(i + round) % SERVER_NAMES.length]!);
    for (const name of order) {
      const r = await run(name, n);
      results.push(r);
      const line = row(r, r.converged);
      runs.push(line);
      console.error(line + (r.merged > 0 ? ` (${r.merged} keystrokes arrived merged into a later update)` : ""));
    }
  }
}
const summary = ["", `Median of ${REPEAT} run(s) per cell (errors summed; converged: runs that converged):`, "", columns, align];
for (const n of SIZES) {
  for (const name of SERVER_NAMES) {
    const cell = results.filter((r) => r.server === name && r.clients === n);
    const m = (key: keyof Result) => median(cell.map((r) => r[key] as number));
    const merged: Result = {
      ...cell[0]!,
      sent: m("sent"),
      deliveredPerSecond: m("deliveredPerSecond"),
      p50: m("p50"),
      firstP50: m("firstP50"),
      p95: m("p95"),
      p99: m("p99"),
      max: m("max"),
      errors: cell.reduce((sum, r) => sum + r.errors, 0),
      serverCpuPercent: m("serverCpuPercent"),
      clientCpuPercent: m("clientCpuPercent"),
      rssIdle: m("rssIdle"),
      rssPeak: m("rssPeak"),
      rssAfter: m("rssAfter"),
      clientLoopP99: m("clientLoopP99"),
      loadAverage: m("loadAverage"),
    };
    summary.push(row(merged, `${cell.filter((r) => r.converged === "yes").length}/${cell.length}`));
  }
}
console.log([...summary, ...runs].join("\n"));
process.exit(0);
