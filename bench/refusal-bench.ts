/**
 * What a rate-limit refusal costs the server (issue 21, point 3): one participant's allowance is
 * used up, then CONNECTIONS clients post a comment form (a document request, as without
 * JavaScript) to a paragraph page for DURATION seconds, each sending its next request when the
 * last one is answered. Run with `npm run build && npx tsx bench/refusal-bench.ts`. Prints a
 * Markdown row for docs/benchmarks.md. Not a test: timings depend on the machine.
 */
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { cpus, loadavg, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { startServer } from "../test/support/start-server";
import { sessionCookie } from "../test/support/sign-in";

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 100);
const DURATION_S = Number(process.env.DURATION ?? 10);
const PAGE = "/c/unesco-ethics-of-ai/p/OP1";

const server = await startServer();
const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
const cookie = await sessionCookie(server, "participant@demo.redraft.org");

/** The server process's CPU time so far (user + system), in ms: a cost the host's other load does not inflate. */
function serverCpuMs(): number {
  const fields = readFileSync(`/proc/${server.child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function post(): Promise<{ status: number; bytes: number; retryAfter?: string }> {
  const body = new URLSearchParams({ stance: "remark", body: "A comment typed with care, refused for now.", submissionId: crypto.randomUUID() }).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: "127.0.0.1",
        port: server.port,
        method: "POST",
        path: PAGE,
        headers: { Origin: server.url, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), "Accept-Encoding": "identity" },
      },
      (res) => {
        let bytes = 0;
        res.on("data", (d: Buffer) => (bytes += d.length));
        res.on("end", () => resolve({ status: res.statusCode!, bytes, retryAfter: res.headers["retry-after"] as string | undefined }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

try {
  // Use the allowance up, whatever its size.
  let accepted = 0;
  for (;;) {
    const answer = await post();
    if (answer.status === 429) break;
    if (answer.status !== 302) throw new Error(`a comment answered ${answer.status}`);
    if (++accepted > 10_000) throw new Error("no limit reached");
  }
  const times: number[] = [];
  const statuses = new Map<number, number>();
  let bytes = 0;
  const load: number[] = [loadavg()[0]!];
  const cpuBefore = serverCpuMs();
  const end = performance.now() + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const answer = await post();
        times.push(performance.now() - t0);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        bytes = answer.bytes;
      }
    }),
  );
  load.push(loadavg()[0]!);
  const cpuPerRefusal = (serverCpuMs() - cpuBefore) / times.length;
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString()}; load ${load.map((l) => l.toFixed(1)).join(" → ")}`);
  console.log(`accepted before the limit: ${accepted}; statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(", ")}`);
  console.log("| connections | refusals/s | p50 (ms) | p99 (ms) | server CPU per refusal (ms) | bytes per refusal |");
  console.log(`| ${CONNECTIONS} | ${(times.length / DURATION_S).toFixed(0)} | ${at(50)} | ${at(99)} | ${cpuPerRefusal.toFixed(2)} | ${bytes} |`);
} finally {
  agent.destroy();
  await server.stop();
}
