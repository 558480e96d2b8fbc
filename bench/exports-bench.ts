/**
 * Export benchmark: 100,000 comments exported through the real server as CSV and XLSX (public and
 * the secretariat's private variant), open-data JSON and the consultation report (PDF and Word, in
 * English, Arabic and Chinese); time to the last byte
 * the server's CPU time for it (user + system, which the shared host's load does not inflate as it
 * does the wall time) and the server's peak memory (VmHWM). Run with `npm run bench:exports` after `npm run build`.
 * Prints a Markdown table for docs/benchmarks.md. Not a test: timings depend on the machine.
 */
import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../db/client.server";
import { getConsultationBySlug } from "../app/drafts/drafts.server";
import { generateComments } from "../test/support/generate-comments";
import { startServer } from "../test/support/start-server";

const COUNT = Number(process.env.COMMENTS ?? 100_000);
const SLUG = "unesco-ethics-of-ai";

/** The process's CPU seconds so far, user + system (/proc/<pid>/stat fields 14 and 15, in clock ticks of 1/100 s). */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

const memory = (pid: number, field: "VmRSS" | "VmHWM") => {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : NaN;
};

/** A fresh server with the comments generated, the secretariat signed in. */
async function prepared() {
  // Demo accounts (the secretariat signs in) exist outside production; the app runs its production build either way.
  const server = await startServer();
  const db = openDatabase(server.databasePath);
  const t0 = performance.now();
  const generated = generateComments(db, getConsultationBySlug(db, SLUG)!.id, COUNT);
  const seconds = (performance.now() - t0) / 1000;
  db.$client.close();
  const signIn = await fetch(`${server.url}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({ email: "secretariat@demo.redraft.org", password: "redraft-demo-2026" }),
  });
  return { server, cookie: signIn.headers.get("set-cookie")!.split(";")[0]!, ...generated, seconds };
}

const lines: string[] = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
  "",
  "| export | bytes | time to last byte (s) | server CPU (s) | server RSS before (MB) | server peak RSS (MB) |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
];
let about = "";
// Each export on its own freshly started server, so each peak is its own (the second download's
// peak includes the first's).
// EXPORTS=comments.xlsx,summary.pdf runs only those.
// The report in Arabic and Chinese too: other fonts (Noto Sans Arabic, the CJK collection) and right-to-left layout.
const ALL = ["comments.csv", "comments.csv?private=1", "comments.xlsx", "comments.xlsx?private=1", "open-data.json", "summary.pdf", "summary.docx", "summary.pdf?lang=ar", "summary.pdf?lang=zh", "summary.docx?lang=ar"];
for (const path of process.env.EXPORTS?.split(",") ?? ALL) {
  const { server, cookie, participants, decided, seconds: generated } = await prepared();
  try {
    about = `${COUNT} comments from ${participants} participants, ${decided} with a disposition (generated in ${generated.toFixed(1)} s).`;
    const pid = server.child.pid!;
    // The first download after the comments arrived also groups them into campaigns (decision
    // 016); a second one finds the grouping current, as a running consultation keeps it.
    for (const round of ["first", "again"] as const) {
      const before = memory(pid, "VmRSS");
      const cpuBefore = cpuSeconds(pid);
      const start = performance.now();
      const response = await fetch(`${server.url}/c/${SLUG}/export/${path}`, { headers: { Cookie: cookie } });
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      let bytes = 0;
      const reader = response.body!.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
      const seconds = (performance.now() - start) / 1000;
      const cpu = cpuSeconds(pid) - cpuBefore;
      const label = round === "first" ? `${path} (first: campaign grouping cold)` : `${path} (again: grouping current)`;
      lines.push(`| ${label} | ${bytes} | ${seconds.toFixed(2)} | ${cpu.toFixed(1)} | ${before.toFixed(0)} | ${memory(pid, "VmHWM").toFixed(0)} |`);
      console.error(lines[lines.length - 1]);
    }
  } catch (error) {
    // A server that died mid-download (out of memory, say) says why in its own output.
    console.error(server.output().slice(-3000));
    throw error;
  } finally {
    await server.stop();
  }
}
lines.splice(1, 0, about);
console.log(lines.join("\n"));
