/**
 * Reading benchmark: import time of each seed draft, and server response times of the reading
 * pages on a freshly seeded database. Run with `npm run bench:reading` after `npm run build`.
 * Prints a Markdown table for docs/benchmarks.md. Not a test: timings depend on the machine.
 */
import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { importPlainText } from "../app/import";
import { readSeedManifest } from "../seeds/seed-demo.server";
import { repoRoot, startServer } from "../test/support/start-server";

const ROUNDS = Number(process.env.ROUNDS ?? 50);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const lines: string[] = [];
lines.push(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`);
lines.push("", "| seed | bytes | nodes | import p50 (ms) | import p95 (ms) |", "| --- | ---: | ---: | ---: | ---: |");
for (const seed of readSeedManifest().seeds) {
  const text = readFileSync(join(repoRoot, "seeds", seed.file), "utf8");
  const times: number[] = [];
  let nodes = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    nodes = importPlainText(text).nodes.length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  lines.push(`| ${seed.file} | ${text.length} | ${nodes} | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 95).toFixed(2)} |`);
}

// A production instance starts empty: the demo drafts are seeded by a first, non-production start
// on the same database, then the pages are measured as production serves them.
const seeding = await startServer({ env: { NODE_ENV: "test" } });
await seeding.stop();
const server = await startServer({ databasePath: seeding.databasePath, env: { NODE_ENV: "production" } });
try {
  lines.push("", "| page | bytes (uncompressed) | p50 (ms) | p95 (ms) |", "| --- | ---: | ---: | ---: |");
  for (const path of [
    "/",
    "/c/unesco-ethics-of-ai",
    "/c/unesco-ethics-of-ai/p/71",
    "/c/unesco-ethics-of-ai/search?q=gender",
    "/c/un-system-ai-capacity-road-map",
  ]) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < ROUNDS + 5; i++) {
      const t0 = performance.now();
      const res = await fetch(server.url + path, { headers: { "accept-encoding": "identity" } });
      bytes = (await res.arrayBuffer()).byteLength;
      if (i >= 5) times.push(performance.now() - t0); // first requests warm the JIT
    }
    times.sort((a, b) => a - b);
    lines.push(`| ${path} | ${bytes} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`);
  }
  const rss = readFileSync(`/proc/${server.child.pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/)?.[1];
  if (rss) lines.push("", `Server resident memory after the run: ${(Number(rss) / 1024).toFixed(0)} MB`);
} finally {
  await server.stop();
}
console.log(lines.join("\n"));
