/** What the page and closing-day benchmarks share: their database, and the server's memory. */
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync } from "node:fs";
import { freshDatabasePath, repoRoot } from "../test/support/start-server";

/**
 * A fresh database with the demo and `comments` synthetic comments (seed 42), or, with
 * SEEDED_DATABASE, a copy of one a run seeded before (its folder is printed at the end of a run),
 * so that repeated runs skip the seeding.
 */
export function seededDatabase(comments: number): string {
  const databasePath = freshDatabasePath();
  if (process.env.SEEDED_DATABASE) {
    copyFileSync(process.env.SEEDED_DATABASE, databasePath);
    return databasePath;
  }
  console.error(`Seeding ${comments} comments into ${databasePath}…`);
  execFileSync(process.execPath, ["--import", "tsx", "app/cli/seed-synthetic-cli.ts", "--comments", String(comments), "--participants", "3000", "--seed", "42"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_PATH: databasePath, NODE_ENV: "test" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return databasePath;
}

/** A process's resident memory (Linux), in MB. */
export function residentMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) / 1024;
}
