import { spawnSync } from "node:child_process";
import { repoRoot } from "./start-server";

/** Runs `npm run import -- …` (the CLI itself) against the database at databasePath. */
export function runImport(args: string[], databasePath: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "app/cli/import-cli.ts", ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_PATH: databasePath },
    encoding: "utf8",
    timeout: 60_000,
  });
}
