/**
 * WAL and memory benchmark (issue 21, point 4): the real server (build/server.js, its checkpointer
 * worker) on a fresh database, ~300 comment commits per second for LOAD_SECONDS, with readers and
 * signed-in participants using the site over HTTP at the same time, then QUIET_SECONDS of nothing.
 * Every second it samples the size of the WAL file and the server's resident memory. Run with
 * `npm run bench:wal` after `npm run build`; prints Markdown for docs/benchmarks.md. Not a test.
 *
 * The 300 writes/s go through the comments domain (`addComment`) from this process into the
 * server's database file: on a 2-core host shared with the load generator the server cannot take
 * 300 comment POSTs/s (issue 21 measured 212–307 with no readers), and the per-account and per-IP
 * contribution limits would refuse a sustained flood from one address. The WAL does not care which
 * process commits; checkpoints are the server's worker's alone (this connection's are off, as the
 * server's are). HTTP comments (within the per-account limit) and page reads load the server itself.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { addComment } from "../app/comments/comments.server";
import { openDatabase } from "../db/client.server";
import { like } from "drizzle-orm";
import { users, type User } from "../db/schema";
import { WAL_RESTART_BYTES } from "../db/wal-checkpointer.server";
import { repoRoot, startServer, type RunningServer } from "../test/support/start-server";

const WRITES_PER_SECOND = Number(process.env.WRITES_PER_SECOND ?? 300);
const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const QUIET_SECONDS = Number(process.env.QUIET_SECONDS ?? 60);
const READERS = Number(process.env.READERS ?? 20);
const HTTP_WRITERS = Number(process.env.HTTP_WRITERS ?? 10);
/** The load lasts until both LOAD_SECONDS have passed and this many pages were served, so runs on a busy host compare. */
const MIN_PAGES = Number(process.env.MIN_PAGES ?? 0);
const CONSULTATION = "unesco-ethics-of-ai";

const megabytes = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const fileSize = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};
const residentBytes = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/)?.[1] ?? 0) * 1024;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function signIn(server: RunningServer, email: string): Promise<string> {
  const response = await fetch(`${server.url}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({ email, password: "redraft-demo-2026" }),
  });
  if (response.status !== 302) throw new Error(`sign-in of ${email} answered ${response.status}`);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

// NODE_ENV=test (startServer's default) only adds the demo participants and drops the Secure cookie flag.
const probeFile = join(mkdtempSync(join(tmpdir(), "redraft-memory-")), "memory.json");
const server = await startServer({
  env: {
    NODE_OPTIONS: `--require ${join(repoRoot, "bench", "memory-probe.cjs")}`,
    MEMORY_PROBE_FILE: probeFile,
    ...(process.env.SERVER_ENV ? JSON.parse(process.env.SERVER_ENV) : {}),
  },
});
/** The server's own view of its memory (V8 heap, external buffers), at most a second old. */
const heap = (): { heapTotal: number; heapUsed: number; external: number } => {
  try {
    return JSON.parse(readFileSync(probeFile, "utf8"));
  } catch {
    return { heapTotal: 0, heapUsed: 0, external: 0 };
  }
};
const pid = server.child.pid!;
const walPath = `${server.databasePath}-wal`;
const lines: string[] = [];
try {
  const db = openDatabase(server.databasePath);
  // Checkpoints are the server's worker's job, as for every writer of the application.
  db.$client.pragma("wal_autocheckpoint = 0");
  const targets = db.$client
    .prepare(
      `select c.id as consultationId, n.version_id as versionId, n.node_id as nodeId
         from outline_nodes n join document_versions v on v.id = n.version_id join documents d on d.id = v.document_id
         join consultations c on c.id = d.consultation_id
        where c.slug = ? and n.kind = 'paragraph' order by n.position limit 200`,
    )
    .all(CONSULTATION) as { consultationId: number; versionId: number; nodeId: string }[];
  const authorRows: User[] = db.select().from(users).where(like(users.email, "participant%@demo.redraft.org")).orderBy(users.id).all();
  if (targets.length === 0 || authorRows.length === 0) throw new Error("the demo seed has no paragraphs or participants");

  // Warm the server up, then measure it idle.
  for (const path of [`/c/${CONSULTATION}`, `/c/${CONSULTATION}/p/71`]) for (let i = 0; i < 5; i++) await (await fetch(server.url + path)).arrayBuffer();
  await pause(5000);
  const idle = residentBytes(pid);
  const idleHeap = heap();

  const samples: { t: number; wal: number; rss: number; stored: number; heapTotal: number; heapUsed: number; external: number }[] = [];
  let stored = 0;
  let loading = true;
  let reads = 0;
  let httpComments = 0;
  let failures = 0;
  const started = Date.now();
  const sampler = setInterval(() => samples.push({ t: (Date.now() - started) / 1000, wal: fileSize(walPath), rss: residentBytes(pid), stored, ...heap() }), 1000);

  // The writes: every 100 ms, the commits due by now at WRITES_PER_SECOND (a late tick catches up),
  // each comment its own transaction.
  const writer = setInterval(() => {
    if (!loading) return;
    const due = Math.floor(((Date.now() - started) / 1000) * WRITES_PER_SECOND) - stored;
    for (let i = 0; i < due; i++) {
      const target = targets[stored % targets.length]!;
      addComment(db, {
        ...target,
        author: authorRows[stored % authorRows.length]!,
        stance: "concern",
        body: `Bench comment ${stored}: the paragraph should say who is accountable when an automated decision harms a person, and how they can appeal it.`,
        submissionId: randomUUID(),
      });
      stored++;
    }
  }, 100);

  const readers = Array.from({ length: READERS }, async (_, r) => {
    while (loading) {
      const path = r % 2 === 0 ? `/c/${CONSULTATION}` : `/c/${CONSULTATION}/p/71`;
      try {
        const response = await fetch(server.url + path, { headers: { "accept-encoding": "gzip" } });
        await response.arrayBuffer();
        reads++;
      } catch {
        // A connection reset under overload: counted, the reader goes on.
        failures++;
      }
    }
  });
  const cookies = await Promise.all(authorRows.slice(0, HTTP_WRITERS).map((a) => signIn(server, a.email)));
  const httpWriters = cookies.map(async (cookie) => {
    // The per-account contribution limit allows 30 per 10 minutes.
    for (let n = 0; loading && n < 30; n++) {
      try {
        const response = await fetch(`${server.url}/c/${CONSULTATION}/p/71`, {
          method: "POST",
          redirect: "manual",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: cookie },
          body: new URLSearchParams({ intent: "comment", stance: "support", body: `HTTP bench comment ${n}`, submissionId: randomUUID() }),
        });
        await response.arrayBuffer();
        if (response.status < 400) httpComments++;
      } catch {
        failures++;
      }
    }
  });

  await pause(LOAD_SECONDS * 1000);
  while (reads < MIN_PAGES) await pause(100);
  loading = false;
  clearInterval(writer);
  await Promise.all([...readers, ...httpWriters]);
  const loadEnded = (Date.now() - started) / 1000;
  await pause(QUIET_SECONDS * 1000);
  clearInterval(sampler);
  db.$client.close();

  const during = samples.filter((s) => s.t <= loadEnded);
  const after = samples.filter((s) => s.t > loadEnded);
  const at = (seconds: number) => after.find((s) => s.t >= loadEnded + seconds) ?? after.at(-1)!;
  const peakWal = Math.max(...during.map((s) => s.wal));
  const peakRss = Math.max(...samples.map((s) => s.rss));
  lines.push(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
    `Load: ${loadEnded.toFixed(0)} s, ${WRITES_PER_SECOND} comment commits/s through addComment (${stored} stored, ${(stored / (loadEnded || 1)).toFixed(0)}/s achieved),`,
    `${READERS} readers over HTTP with gzip (${reads} pages), ${HTTP_WRITERS} participants posting comments (${httpComments} stored), ${failures} connections reset; then ${QUIET_SECONDS} s quiet.`,
    "",
    "| | WAL (MB) | server RSS (MB) | RSS vs idle | V8 heap total / used (MB) | external (MB) |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    `| idle, before the load | 0.0 | ${megabytes(idle)} | | ${megabytes(idleHeap.heapTotal)} / ${megabytes(idleHeap.heapUsed)} | ${megabytes(idleHeap.external)} |`,
    `| peak during the load | ${megabytes(peakWal)} | ${megabytes(peakRss)} | ${((peakRss / idle - 1) * 100).toFixed(0)} % | | |`,
    ...[1, 5, 30, 60].map((s) => {
      const sample = at(s);
      return `| ${s} s after the load | ${megabytes(sample.wal)} | ${megabytes(sample.rss)} | ${((sample.rss / idle - 1) * 100).toFixed(0)} % | ${megabytes(sample.heapTotal)} / ${megabytes(sample.heapUsed)} | ${megabytes(sample.external)} |`;
    }),
    "",
    `WAL restart bound: ${megabytes(WAL_RESTART_BYTES)} MB. Samples every 5 s (t, WAL MB, RSS MB, comments stored):`,
    samples.filter((_, i) => i % 5 === 0).map((s) => `${s.t.toFixed(0)}s ${megabytes(s.wal)}/${megabytes(s.rss)}/${s.stored}`).join(", "),
  );
} finally {
  await server.stop();
}
console.log(lines.join("\n"));
