import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  databasePath: string;
  child: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** A fresh database folder for one test. */
export function freshDatabasePath(): string {
  return join(mkdtempSync(join(tmpdir(), "redraft-test-")), "redraft.db");
}

/**
 * Starts the real server (`server.ts`, the built app) as its own process, with its own database,
 * and resolves once it listens.
 */
export async function startServer(
  options: { databasePath?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const databasePath = options.databasePath ?? freshDatabasePath();
  // The heap cap and --expose-gc of `npm start` (decision 009, app/http/collect-after-load.server.ts), so tests and benchmarks run the server as deployed.
  // build/server.js is server.ts bundled by `npm run build`, as `npm start` runs it (decision 017).
  if (!existsSync(join(repoRoot, "build", "server.js"))) throw new Error("build/server.js is missing: run `npm run build` first (npm test does).");
  const child = spawn(process.execPath, [`--max-old-space-size=${process.env.HEAP_MB ?? 256}`, "--expose-gc", ...(options.nodeArgs ?? []), "build/server.js"], {
    cwd: repoRoot,
    // Without the demo's synthetic comments: each test pays for its own database (tests that need
    // them pass DEMO_COMMENTS).
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(port),
      DATABASE_PATH: databasePath,
      PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
      DEMO_COMMENTS: "0",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 120_000);
    const check = () => {
      if (output.includes("serving on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code}:\n${output}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    databasePath,
    child,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Resolves once the server has written `pattern` to its output `count` times (a log line a test waits for). */
export function serverLogged(server: RunningServer, pattern: RegExp, count = 1): Promise<void> {
  const times = () => server.output().match(new RegExp(pattern.source, "g"))?.length ?? 0;
  return new Promise((resolve) => {
    const check = () => {
      if (times() < count) return;
      server.child.stdout!.off("data", check);
      server.child.stderr!.off("data", check);
      resolve();
    };
    server.child.stdout!.on("data", check);
    server.child.stderr!.on("data", check);
    check();
  });
}
