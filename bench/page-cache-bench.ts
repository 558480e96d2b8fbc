/**
 * Page benchmark (issue 21, decision 025): the draft page of a consultation with 50,000 comments
 * and one of its paragraph pages, measured from outside with wrk at 100 connections, compressed
 * as browsers ask (Accept-Encoding: gzip, br), as a visitor without a session reads them:
 *   - with the page cache (the default), quiet and while a participant comments five times a second;
 *   - without it (PAGE_CACHE_MB=0), which measures the streamed, compressed render itself.
 * Run with `npm run bench:pages` after `npm run build`; needs `wrk`. Prints a Markdown table for
 * docs/benchmarks.md. Not a test: the figures depend on the machine and on what else runs on it.
 * COMMENTS (50000), SECONDS (20 per run), CONNECTIONS (100), WARM_SECONDS (5) change the run;
 * UNCACHED=0 skips the runs without the cache, QUIET=0 the runs without writes; WRITERS (1)
 * participants' loops each comment every WRITE_EVERY_MS (200) during the burst (raise
 * RATE_LIMIT_ACCOUNT_WRITES and RATE_LIMIT_PEOPLE_PER_ADDRESS for more than one account's limit); SEEDED_DATABASE (a database this bench seeded
 * before) is copied instead of seeding again. RENDER_WORKER=0 (decision 034) renders kept pages on
 * the main thread, for the comparison; the server's resident memory is printed once it is ready.
 *
 * The first run on a fresh process is a warm-up, reported on its own row: its tail is the JIT
 * warming up and the 100 connections opening at once, which Node accepts one per turn of the event
 * loop; wrk's correction for coordinated omission multiplies those first waits into its p99
 * (docs/benchmarks.md, "Where the remaining time goes").
 */
import { cpus, loadavg, totalmem } from "node:os";
import { dirname } from "node:path";
import { serverLogged, startServer, type RunningServer } from "../test/support/start-server";
import { sessionCookie } from "../test/support/sign-in";
import { wrk } from "./wrk-run";
import { residentMb, seededDatabase } from "./seeded-database";

const COMMENTS = Number(process.env.COMMENTS ?? 50_000);
const SECONDS = Number(process.env.SECONDS ?? 20);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 100);
const WARM_SECONDS = Number(process.env.WARM_SECONDS ?? 5);
const SLUG = "unesco-ethics-of-ai";
const PARAGRAPH = "71";
const WRITERS = Number(process.env.WRITERS ?? 1);
const WRITE_EVERY_MS = Number(process.env.WRITE_EVERY_MS ?? 200);

/** A participant commenting every WRITE_EVERY_MS until `stop` (a comment on the draft changes its page). */
async function commentBurst(server: RunningServer, stop: { done: boolean }, cookie: string): Promise<{ stored: number; refused: number }> {
  let stored = 0;
  let refused = 0;
  while (!stop.done) {
    const started = Date.now();
    const response = await fetch(`${server.url}/c/${SLUG}/p/${PARAGRAPH}`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.url, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ stance: "remark", body: `A comment written during the benchmark (${stored + refused}).`, submissionId: crypto.randomUUID() }),
    });
    await response.arrayBuffer();
    if (response.status === 302) stored += 1;
    else refused += 1;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, WRITE_EVERY_MS - (Date.now() - started))));
  }
  return { stored, refused };
}

/**
 * How fresh the kept page stays during the burst: one reader asking every 250 ms, counting the
 * distinct pages (ETags) it was served; at most one render per second is the cache's own bound.
 */
async function distinctPages(server: RunningServer, path: string, stop: { done: boolean }): Promise<string> {
  const tags = new Set<string>();
  let asked = 0;
  while (!stop.done) {
    const response = await fetch(server.url + path, { headers: { "Accept-Encoding": "br" } });
    await response.arrayBuffer();
    asked += 1;
    tags.add(response.headers.get("etag") ?? "");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return `a reader asking every 250 ms saw ${tags.size} distinct pages in ${asked} requests`;
}

const databasePath = seededDatabase(COMMENTS);
const renderWorker = process.env.RENDER_WORKER !== "0";

const lines: string[] = [];
lines.push(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 16)}Z; ` +
    `load average before the runs ${loadavg().map((l) => l.toFixed(1)).join(" / ")} (wrk on the same cores)`,
  "",
  `${COMMENTS} comments, ${SECONDS} s per run, no session, wrk timeout 10 s.`,
  "",
  "| run | page | connections | Accept-Encoding | req/s | p50 | p99 | requests | errors | load avg after |",
  "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: |",
);

async function measure(run: string, server: RunningServer, path: string, connections = CONNECTIONS, encoding = "gzip, br", seconds = SECONDS) {
  // Warm: the first render (and, with the cache, the one kept copy).
  await (await fetch(server.url + path, { headers: { "Accept-Encoding": encoding } })).arrayBuffer();
  const result = await wrk(server.url + path, connections, encoding, seconds);
  lines.push(`| ${run} | ${path} | ${connections} | ${encoding} | ${result.requestsPerSecond.toFixed(0)} | ${result.p50} | ${result.p99} | ${result.requests} | ${result.errors} | ${loadavg()[0]!.toFixed(1)} |`);
  console.error(lines.at(-1));
}

const production = { NODE_ENV: "production", DEMO_COMMENTS: "0" };
// startServer sets PUBLIC_ORIGIN to the server's own address, which production requires.
const cached = await startServer({ databasePath, env: production });
try {
  if (renderWorker) await serverLogged(cached, /render worker ready/);
  lines.splice(1, 0, "", `Kept pages rendered ${renderWorker ? "in the render worker" : "on the main thread (RENDER_WORKER=0)"}; server RSS once ready, before any request: ${residentMb(cached.child.pid!).toFixed(0)} MB.`);
  if (WARM_SECONDS > 0) await measure("warm-up of the fresh process", cached, `/c/${SLUG}`, CONNECTIONS, "gzip, br", WARM_SECONDS);
  if (process.env.QUIET !== "0") {
    await measure("cache", cached, `/c/${SLUG}`);
    await measure("cache", cached, `/c/${SLUG}/p/${PARAGRAPH}`);
  }
  const stop = { done: false };
  const cookie = await sessionCookie(cached, "participant@demo.redraft.org");
  const bursts = Array.from({ length: WRITERS }, () => commentBurst(cached, stop, cookie));
  const seen = distinctPages(cached, `/c/${SLUG}`, stop);
  await measure(WRITERS === 1 ? `cache, a comment every ${WRITE_EVERY_MS} ms` : `cache, ${WRITERS} writers each commenting every ${WRITE_EVERY_MS} ms`, cached, `/c/${SLUG}`);
  stop.done = true;
  const totals = await Promise.all(bursts);
  const stored = totals.reduce((sum, t) => sum + t.stored, 0);
  const refused = totals.reduce((sum, t) => sum + t.refused, 0);
  lines.push(`| | (during the last run: ${stored} comments stored, ${refused} refused; ${await seen}) | | | | | | | | |`);
  lines.push(`| | (server RSS after the runs: ${residentMb(cached.child.pid!).toFixed(0)} MB) | | | | | | | | |`);
} finally {
  await cached.stop();
}
// Without the cache every request renders: the compressed stream against the uncompressed one
// (the stall of issue 21), at 10 connections so that answers come within the timeout.
const uncached = process.env.UNCACHED === "0" ? null : await startServer({ databasePath, env: { ...production, PAGE_CACHE_MB: "0" } });
if (uncached) {
  try {
    await measure("no cache (PAGE_CACHE_MB=0)", uncached, `/c/${SLUG}`, 10, "identity");
    await measure("no cache (PAGE_CACHE_MB=0)", uncached, `/c/${SLUG}`, 10, "gzip");
    await measure("no cache (PAGE_CACHE_MB=0)", uncached, `/c/${SLUG}`, 10, "gzip, br");
  } finally {
    await uncached.stop();
  }
}
console.log(lines.join("\n"));
console.error(`(database left in ${dirname(databasePath)})`);
