/**
 * Co-editing benchmark: N simulated clients typing into one document, against Redraft's /collab
 * server and, in the same run on the same workload, @hocuspocus/server 3 and the y-websocket 2
 * reference server. Each server runs alone in its own process; the clients run here.
 *
 *   npm run bench:collab            (N = 10, 50, 200; DURATION_MS=15000 per run)
 *
 * Workload, identical for the three: every client joins the same document, then types one
 * character at a random position every INTERVAL ms (jittered ±50%) for DURATION_MS; each keystroke
 * is one Yjs transaction that also stamps the client's send time in a shared map. Latency is
 * measured at every other client when that transaction arrives (same clock: same process).
 * Reported: keystrokes sent, deliveries per second across clients, p50/p95/p99 latency, the
 * server's resident memory (peak and at the end), and whether all clients converged.
 * Figures go to docs/benchmarks.md; this is not a test.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { HocuspocusProvider } from "@hocuspocus/provider";
import { io } from "socket.io-client";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { SocketIoYjsProvider } from "../realtime/collab/socket-provider";
import { freePort, repoRoot } from "../test/support/start-server";

const DURATION_MS = Number(process.env.DURATION_MS ?? 15_000);
const SIZES = (process.env.CLIENTS ?? "10,50,200").split(",").map(Number);
/** Per-client typing interval: 2 keystrokes/s each up to 50 clients; at 200, one per 5 s each (40/s in all, 8,000 deliveries/s) so that the clients, which share the machine with the server, are not what is measured. */
const intervalFor = (n: number) => (n <= 50 ? 500 : 5000);

type Kind = "redraft" | "hocuspocus" | "y-websocket";

interface Client {
  doc: Y.Doc;
  destroy: () => void;
}

async function startServer(kind: Kind): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const databasePath = join(mkdtempSync(join(tmpdir(), `bench-${kind}-`)), "bench.db");
  const env = { ...process.env, PORT: String(port), DATABASE_PATH: databasePath, HOST: "127.0.0.1" };
  const command: Record<Kind, string[]> = {
    redraft: [...(process.env.PROFILE ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : []), "--import", "tsx", "test/support/collab-test-server.ts"],
    hocuspocus: ["--import", "tsx", "bench/servers/hocuspocus-server.ts"],
    "y-websocket": ["node_modules/y-websocket/bin/server.cjs"],
  };
  const child = spawn(process.execPath, command[kind], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not start: ${output}`)), 30_000);
    const onData = (d: Buffer) => {
      output += d;
      if (/listening|running at/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
  });
  return { child, port };
}

async function connect(kind: Kind, port: number, index: number): Promise<Client> {
  const doc = new Y.Doc();
  if (kind === "redraft") {
    const socket = io(`http://127.0.0.1:${port}/collab`, { auth: { token: `write:c${index}` }, transports: ["websocket"], forceNew: true });
    const provider = new SocketIoYjsProvider(socket, "draft/bench", doc);
    await provider.whenSynced();
    return { doc, destroy: () => (provider.destroy(), socket.disconnect()) };
  }
  if (kind === "hocuspocus") {
    const provider = new HocuspocusProvider({ url: `ws://127.0.0.1:${port}`, name: "bench", document: doc, WebSocketPolyfill: WebSocket } as never);
    await new Promise<void>((resolve) => provider.on("synced", () => resolve()));
    return { doc, destroy: () => provider.destroy() };
  }
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, "bench", doc, { WebSocketPolyfill: WebSocket as never });
  await new Promise<void>((resolve) => provider.once("sync", () => resolve()));
  return { doc, destroy: () => provider.destroy() };
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

async function run(kind: Kind, n: number) {
  const { child, port } = await startServer(kind);
  const clients: Client[] = [];
  for (let i = 0; i < n; i++) clients.push(await connect(kind, port, i));
  // Seed: 50 paragraphs of text, written by the first client, so edits land in a real-sized document.
  clients[0]!.doc.getText("bench").insert(0, "Recognizing the profound and dynamic impact of artificial intelligence on societies. ".repeat(50));
  await new Promise((r) => setTimeout(r, 2000));

  const latencies: number[] = [];
  let deliveries = 0;
  for (const client of clients) {
    client.doc.getMap<number>("stamps").observe((event) => {
      if (event.transaction.local) return;
      const now = performance.now();
      for (const key of event.keysChanged) {
        latencies.push(now - (event.target.get(key) ?? now));
        deliveries += 1;
      }
    });
  }

  let peakRss = rssOf(child.pid!);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(child.pid!))), 250);
  const interval = intervalFor(n);
  let sent = 0;
  const started = performance.now();
  const timers = clients.map((client, i) => {
    const type = () => {
      if (performance.now() - started > DURATION_MS) return;
      const text = client.doc.getText("bench");
      client.doc.transact(() => {
        text.insert(Math.floor(Math.random() * (text.length + 1)), "x");
        client.doc.getMap<number>("stamps").set(`c${i}`, performance.now());
      });
      sent += 1;
      timer = setTimeout(type, interval * (0.5 + Math.random()));
    };
    let timer = setTimeout(type, Math.random() * interval);
    return () => clearTimeout(timer);
  });
  await new Promise((r) => setTimeout(r, DURATION_MS));
  timers.forEach((stop) => stop());
  const elapsed = (performance.now() - started) / 1000;

  // Let the last updates arrive, then check that every client has the same text.
  const deadline = performance.now() + 15_000;
  let converged = false;
  while (performance.now() < deadline) {
    const texts = new Set(clients.map((c) => c.doc.getText("bench").toString()));
    if (texts.size === 1) {
      converged = true;
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  clearInterval(sampler);
  const endRss = rssOf(child.pid!);
  clients.forEach((c) => c.destroy());
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  latencies.sort((a, b) => a - b);
  return {
    kind,
    n,
    sent,
    deliveriesPerSecond: deliveries / elapsed,
    expected: sent * (n - 1),
    delivered: deliveries,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    peakRss,
    endRss,
    converged,
  };
}

const rows: string[] = [];
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; ${DURATION_MS / 1000} s per run`);
rows.push("| clients | server | keystrokes sent | delivered / expected | deliveries/s | p50 (ms) | p95 (ms) | p99 (ms) | server RSS peak / end (MB) | converged |");
rows.push("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
for (const n of SIZES) {
  for (const kind of ["redraft", "hocuspocus", "y-websocket"] as Kind[]) {
    const r = await run(kind, n);
    const row = `| ${n} | ${kind} | ${r.sent} | ${r.delivered} / ${r.expected} | ${r.deliveriesPerSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.peakRss.toFixed(0)} / ${r.endRss.toFixed(0)} | ${r.converged ? "yes" : "NO"} |`;
    rows.push(row);
    console.log(row);
  }
}
console.log(`\n${rows.join("\n")}`);
process.exit(0);
