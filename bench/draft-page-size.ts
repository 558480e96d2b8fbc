/**
 * How much the full draft page and the busiest paragraph page weigh as comments grow (issue 21,
 * point 1): the same consultation with 0, 5,000 and 50,000 synthetic comments (the synthetic
 * seeder, app/cli/seed-synthetic-cli.ts), served by the real server. Prints a Markdown table for
 * docs/benchmarks.md. Run with `npx tsx bench/draft-page-size.ts` after `npm run build`.
 *
 * Environment: SIZES=0,5000,50000
 */
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { openDatabase } from "../db/client.server";
import { freshDatabasePath, repoRoot, startServer } from "../test/support/start-server";

const SIZES = (process.env.SIZES ?? "0,5000,50000").split(",").map(Number);
const SLUG = "unesco-ethics-of-ai";

async function weigh(url: string) {
  const response = await fetch(url, { headers: { "Accept-Encoding": "identity" } });
  const html = Buffer.from(await response.arrayBuffer());
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return { bytes: html.length, gzip: gzipSync(html).length };
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const rows: string[] = [];
for (const size of SIZES) {
  const databasePath = freshDatabasePath();
  if (size > 0) {
    execFileSync(process.execPath, ["--import", "tsx", "app/cli/seed-synthetic-cli.ts", "--comments", String(size), "--participants", String(Math.max(10, size / 10)), "--seed", "42"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_PATH: databasePath, NODE_ENV: "development" },
      stdio: "ignore",
    });
  }
  const server = await startServer({ databasePath });
  try {
    const draft = await weigh(`${server.url}/c/${SLUG}`);
    const db = openDatabase(databasePath);
    const busiest = db.$client
      .prepare(
        `select n.label as label, count(*) as n from comments c join consultations k on k.id = c.consultation_id
         join outline_nodes n on n.node_id = c.node_id
         join document_versions v on v.id = n.version_id and v.published_at is not null
         where k.slug = ? and c.parent_id is null and n.label is not null group by n.label order by n desc limit 1`,
      )
      .get(SLUG) as { label: string; n: number } | undefined;
    const total = (db.$client.prepare(`select count(*) as n from comments`).get() as { n: number }).n;
    db.$client.close();
    const paragraph = await weigh(`${server.url}/c/${SLUG}/p/${encodeURIComponent(busiest?.label ?? "71")}`);
    rows.push(
      `| ${size.toLocaleString("en")} (${total.toLocaleString("en")} in the database) | ${kb(draft.bytes)} | ${kb(draft.gzip)} | ${busiest ? `${busiest.label} (${busiest.n.toLocaleString("en")})` : "71 (0)"} | ${kb(paragraph.bytes)} | ${kb(paragraph.gzip)} |`,
    );
  } finally {
    await server.stop();
  }
}
console.log(`\n${new Date().toISOString().slice(0, 10)}\n`);
console.log("| synthetic comments | draft page HTML | gzip | busiest paragraph (its comments) | its page HTML | gzip |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const row of rows) console.log(row);
process.exit(0);
