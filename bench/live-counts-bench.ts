/**
 * Live counts benchmark (issue 21, point 2): VIEWERS readers of the full draft follow the
 * consultation live while participants comment; how long until each reader has the new counts?
 * Run with `npm run bench:live` after `npm run build`; prints a Markdown table for
 * docs/benchmarks.md. Not a test: timings depend on the machine (and on what else it runs).
 *
 * - The real server (build/server.js, as `npm start` runs it) with a fresh database and
 *   DEMO_COMMENTS synthetic comments, in its own process.
 * - VIEWERS stock socket.io-client connections in this process, each doing what the draft page's
 *   script (app/comments/live-counts.client.ts) does:
 *   - `event`: the comment event carries the paragraph's counts (decision 026): the reader has
 *     them when the event arrives, and asks nothing;
 *   - `fetch`: what the script did before: on each comment event, after its 150 ms debounce, ask
 *     /c/:slug/discussion?node=<id> (the endpoint is unchanged, so this is the old herd, measured
 *     on the same server in the same run).
 * - Writers: the demo participants post COMMENTS comments on paragraph 71 through the real form,
 *   one every INTERVAL_MS (each waits for the previous answer; the per-address limit of 120
 *   contributions per 10 minutes caps a run). Latency = from the moment the form is sent to the
 *   moment a reader has that comment's counts; one sample per reader and comment.
 * - Afterwards every reader's counts are checked against the server's.
 *
 * Environment: VIEWERS=500 COMMENTS=60 INTERVAL_MS=400 MODES=event,fetch DEMO_COMMENTS=20000
 */
import { cpus, loadavg, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { io as connect, type Socket } from "socket.io-client";
import type { ClientToServerEvents, PublicCounts, ServerToClientEvents } from "../realtime/protocol";
import { startServer, type RunningServer } from "../test/support/start-server";
import { sessionCookie } from "../test/support/sign-in";

const VIEWERS = Number(process.env.VIEWERS ?? 500);
const COMMENTS = Number(process.env.COMMENTS ?? 60);
const INTERVAL_MS = Number(process.env.INTERVAL_MS ?? 400);
const MODES = (process.env.MODES ?? "event,fetch").split(",") as ("event" | "fetch")[];
const DEMO_COMMENTS = process.env.DEMO_COMMENTS ?? "20000";
const SLUG = "unesco-ethics-of-ai";
const LABEL = "71";
const WRITERS = 6;

type Viewer = { socket: Socket<ServerToClientEvents, ClientToServerEvents>; counts: PublicCounts | null; seen: number[]; fetches: number };

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function run(mode: "event" | "fetch") {
  const server: RunningServer = await startServer({ env: { DEMO_COMMENTS } });
  try {
    const cookies = await Promise.all(Array.from({ length: WRITERS }, (_, i) => sessionCookie(server, `participant${i + 1}@demo.redraft.org`)));
    // Sent times of the comments, in order: the n-th comment event answers the n-th form.
    const sentAt: number[] = [];
    const postMs: number[] = [];
    const viewers: Viewer[] = [];
    let fetchErrors = 0;
    let postFailures = 0;
    for (let i = 0; i < VIEWERS; i++) {
      const socket: Viewer["socket"] = connect(server.url, { transports: ["websocket"], forceNew: true, reconnection: false });
      const viewer: Viewer = { socket, counts: null, seen: [], fetches: 0 };
      let events = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let pendingFor: number[] = [];
      socket.on("consultationChanged", (change) => {
        if (change.kind !== "comment") return;
        const n = events++;
        if (mode === "event" && change.counts) {
          viewer.counts = change.counts;
          viewer.seen[n] = performance.now();
          return;
        }
        // The old script: a burst becomes one request, 150 ms after its last event.
        pendingFor.push(n);
        clearTimeout(timer);
        timer = setTimeout(async () => {
          const asked = pendingFor;
          pendingFor = [];
          viewer.fetches += 1;
          try {
            const response = await fetch(`${server.url}/c/${SLUG}/discussion?node=${encodeURIComponent(change.nodeId ?? "")}`, { headers: { Accept: "application/json" } });
            await response.json();
            const now = performance.now();
            for (const k of asked) viewer.seen[k] = now;
          } catch {
            fetchErrors += 1;
          }
        }, 150);
      });
      await new Promise<void>((resolve, reject) => {
        socket.once("connect_error", reject);
        socket.once("connect", () => socket.emit("watch", SLUG, null, (reply) => (reply.ok ? resolve() : reject(new Error(reply.error)))));
      });
      viewers.push(viewer);
    }
    const load = loadavg()[0]!.toFixed(2);
    const started = performance.now();
    for (let i = 0; i < COMMENTS; i++) {
      const due = started + i * INTERVAL_MS;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      const t0 = performance.now();
      try {
        const response = await fetch(`${server.url}/c/${SLUG}/p/${LABEL}`, {
          method: "POST",
          redirect: "manual",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: cookies[i % WRITERS]! },
          body: new URLSearchParams({ intent: "comment", stance: ["support", "concern", "question"][i % 3]!, body: `Live counts benchmark comment ${i}.`, submissionId: crypto.randomUUID() }),
        });
        await response.arrayBuffer();
        if (response.status !== 302) throw new Error(`comment ${i} answered ${response.status}`);
        sentAt.push(t0);
        postMs.push(performance.now() - t0);
      } catch (error) {
        // Under the old herd the server may not even accept the connection in time (undici's 10 s).
        postFailures += 1;
        console.error(`comment ${i}: ${(error as Error).message}`);
      }
    }
    const stored = sentAt.length;
    // Every reader has every comment's counts, or 30 s have passed.
    const deadline = performance.now() + 30_000;
    while (performance.now() < deadline && viewers.some((v) => v.seen.filter((x) => x !== undefined).length < stored)) await new Promise((r) => setTimeout(r, 100));
    const latencies: number[] = [];
    let missing = 0;
    for (const v of viewers) for (let i = 0; i < stored; i++) v.seen[i] === undefined ? (missing += 1) : latencies.push(v.seen[i]! - sentAt[i]!);
    const truth = (await (await fetch(`${server.url}/c/${SLUG}/discussion`, { headers: { Accept: "application/json" } })).json()) as { paragraphs: Record<string, string | null> };
    const wrong = mode === "event" ? viewers.filter((v) => !truth.paragraphs[`p-${LABEL}`]?.includes(`data-total="${v.counts?.total}"`)).length : 0;
    for (const v of viewers) v.socket.disconnect();
    return {
      mode,
      load,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: Math.max(...latencies),
      postP50: percentile(postMs, 50),
      postP95: percentile(postMs, 95),
      fetches: viewers.reduce((n, v) => n + v.fetches, 0),
      missing,
      wrong,
      fetchErrors,
      postFailures,
    };
  } finally {
    await server.stop();
  }
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");
const rows = [];
for (const mode of MODES) {
  rows.push(await run(mode));
  console.error(JSON.stringify(rows.at(-1)));
}
console.log(`\n${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpus()[0]?.model.trim()} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · ${VIEWERS} viewers, ${COMMENTS} comments one per ${INTERVAL_MS} ms, ${DEMO_COMMENTS} comments in the consultation\n`);
console.log("| readers | load avg (1 min) at start | new counts p50 | p95 | p99 | max | posting a comment p50 / p95 (failed) | discussion requests | samples missing | readers with wrong final counts |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const r of rows) {
  console.log(
    `| ${r.mode === "event" ? "counts in the event" : "fetch on each event (before)"} | ${r.load} | ${ms(r.p50)} ms | ${ms(r.p95)} ms | ${ms(r.p99)} ms | ${ms(r.max)} ms | ${ms(r.postP50)} / ${ms(r.postP95)} ms (${r.postFailures}) | ${r.fetches}${r.fetchErrors ? ` (${r.fetchErrors} failed)` : ""} | ${r.missing} | ${r.wrong} |`,
  );
}
process.exit(0);
