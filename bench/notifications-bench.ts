/**
 * Notifications benchmark (issue 16, point 6): a consultation with 50,000 followers closes. Times
 * the fan-out the closing action pays (one INSERT … SELECT), the notifier's queueing of 50,000
 * immediate e-mails in batches (and its longest batch: how long a page could wait behind it),
 * then 50,000 daily digests of three items each, and the HTML rendering (mjml) the sender does
 * per e-mail. Run with `npm run bench:notifications`; prints a Markdown table for docs/benchmarks.md.
 */
import { mkdtempSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { seedFollowers } from "./seed-followers";
import { migrateDatabase, openDatabase } from "../db/client.server";
import { outbox } from "../db/schema";
import { seedDemoConsultations } from "../seeds/seed-demo.server";
import "../app/i18n/catalogs.server";
import { getConsultationBySlug } from "../app/drafts/drafts.server";
import { consultationMilestone } from "../app/notifications/notifications.server";
import { dispatchDigest, dispatchImmediate } from "../app/notifications/notifier.server";
import { renderEmailHtml } from "../app/notifications/email-html.server";

const FOLLOWERS = Number(process.env.FOLLOWERS ?? 50_000);
const CONFIG = { publicOrigin: "https://redraft.example.org", sessionSecret: "bench secret, long enough to be a real one" };
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

const db = openDatabase(join(mkdtempSync(join(tmpdir(), "redraft-bench-")), "bench.db"));
migrateDatabase(db);
seedDemoConsultations(db);
const consultationId = getConsultationBySlug(db, "unesco-ethics-of-ai")!.id;
seedFollowers(db, consultationId, FOLLOWERS);
const rows: string[] = [];
const row = (what: string, ms: number, extra = "") => rows.push(`| ${what} | ${ms.toFixed(0)} | ${extra} | ${mb(process.memoryUsage().rss)} |`);

// 1. The closing: what the secretariat's action (or the scheduler) pays.
let t = performance.now();
const made = consultationMilestone(db, consultationId, "consultation-closed");
row(`fan-out: ${made} notifications, one INSERT … SELECT`, performance.now() - t);

// 2. The notifier queues their e-mails, 500 per turn of the event loop.
t = performance.now();
let longest = 0;
let batches = 0;
for (;;) {
  const b = performance.now();
  const { more } = dispatchImmediate(db, CONFIG);
  longest = Math.max(longest, performance.now() - b);
  batches += 1;
  if (!more) break;
}
const queued = db.select({ n: sql<number>`count(*)` }).from(outbox).get()!.n;
row(`queue ${queued} immediate e-mails (${batches} batches)`, performance.now() - t, `longest batch ${longest.toFixed(0)} ms`);

// 3. Daily digests: three items per follower (150,000 notifications), one e-mail each.
db.run(sql`delete from outbox`);
db.run(sql`update email_preferences set mode = 'daily'`);
db.run(sql`insert into email_preferences (user_id, category, mode) select user_id, 'consultations', 'daily' from follows`);
for (const kind of ["consultation-opened", "consultation-closing", "results-published"] as const) consultationMilestone(db, consultationId, kind);
t = performance.now();
let digests = 0;
longest = 0;
batches = 0;
for (;;) {
  const b = performance.now();
  const { queued: n, more } = dispatchDigest(db, CONFIG, "daily");
  longest = Math.max(longest, performance.now() - b);
  digests += n;
  batches += 1;
  if (!more) break;
}
row(`${digests} daily digests of 3 items (${batches} batches)`, performance.now() - t, `longest batch ${longest.toFixed(0)} ms`);

// 4. The sender's HTML part, per e-mail (mjml), on a sample of the digests.
const sample = db.select().from(outbox).limit(200).all();
await renderEmailHtml(sample[0]!); // loads mjml
t = performance.now();
for (const m of sample) await renderEmailHtml(m);
const perMail = (performance.now() - t) / sample.length;
row(`mjml HTML, per e-mail (${sample.length} sampled)`, perMail, `≈ ${((perMail * digests) / 1000 / 60).toFixed(1)} min for all`);

console.log(
  [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 16)}Z, load ${loadavg()[0]!.toFixed(1)}`,
    "",
    "| step | ms | note | RSS after (MB) |",
    "| --- | ---: | --- | ---: |",
    ...rows,
  ].join("\n"),
);
db.$client.close();
