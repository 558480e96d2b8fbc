import { spawn } from "node:child_process";
import { repoRoot } from "./start-server";

export interface ImportRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run import -- …` (the CLI itself) against the database at databasePath.
 *
 * Asynchronous on purpose: a synchronous child blocked the test's event loop for seconds, during
 * which the server closed an idle keep-alive connection; the next fetch then went out on that dead
 * socket before the close was noticed ("other side closed"), a failure seen only on busy machines.
 */
export function runImport(args: string[], databasePath: string, env: Record<string, string> = {}): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "app/cli/import-cli.ts", ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env, DATABASE_PATH: databasePath },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}
