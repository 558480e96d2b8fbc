import { execFileSync, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * What the throwaway PostgreSQL and Redis of the tests share (issue 18): finding a server's
 * binaries, installing the Debian package when they are missing and we may (root with apt-get, as
 * test/run-all.sh does for Chromium), and saying exactly how to install them otherwise.
 */
export { freePort } from "./start-server";

export const isRoot = () => process.getuid?.() === 0;

/** The first directory of `dirs`, then of PATH, holding an executable `name`. */
export function findExecutable(name: string, dirs: string[] = []): string | undefined {
  for (const dir of [...dirs, ...(process.env.PATH ?? "").split(delimiter)]) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Runs `find`; when it finds nothing and we are root with apt-get, installs `debianPackage` and
 * runs it again. Otherwise throws, naming the package to install.
 */
export function findOrInstall<T>(what: string, debianPackage: string, find: () => T | undefined): T {
  const found = find();
  if (found !== undefined) return found;
  if (isRoot() && findExecutable("apt-get")) {
    console.log(`${what} not found; installing Debian's ${debianPackage} with apt-get...`);
    // Two test files may install at once (vitest runs files in parallel): flock serialises them,
    // and the second apt-get finds the package already there.
    const result = spawnSync(
      "flock",
      [
        "/tmp/redraft-apt-install.lock",
        "sh",
        "-c",
        `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${debianPackage}`,
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    if (result.status !== 0) {
      throw new Error(`Installing ${debianPackage} with apt-get failed (exit ${result.status}):\n${result.stderr}`);
    }
    const installed = find();
    if (installed !== undefined) return installed;
    throw new Error(`${what} is still missing after installing the Debian package ${debianPackage}.`);
  }
  throw new Error(
    `${what} is needed by the tests and was not found. Install it (Debian/Ubuntu: sudo apt-get install ${debianPackage}), ` +
      `or run the tests as root where apt-get is available and they install it themselves.`,
  );
}

/** Runs a command to completion, as `user` when given (through runuser, which needs root). */
export function run(command: string, args: string[], options: { user?: string; cwd?: string } = {}): string {
  const [file, argv] = options.user ? ["runuser", ["-u", options.user, "--", command, ...args]] : [command, args];
  try {
    return execFileSync(file, argv, { encoding: "utf8", cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed (exit ${failed.status}):\n${failed.stdout ?? ""}${failed.stderr ?? ""}`);
  }
}

/** Subdirectories of `dir` that are version numbers, highest first (Debian's /usr/lib/postgresql/<major>). */
export function versionDirs(dir: string): number[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .sort((a, b) => b - a);
}

/**
 * Resolves once the child process prints `marker` (the server's own "ready" line), rejects if it
 * exits before; `what` names it in the error, with everything it printed.
 */
export function untilPrinted(child: ChildProcess, marker: string, what: string): Promise<void> {
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(marker)) {
        child.off("exit", onExit);
        child.stdout?.off("data", onData);
        resolve();
      }
    };
    const onExit = (code: number | null) => reject(new Error(`${what} exited (code ${code}) before it was ready:\n${output}`));
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", onExit);
  });
}
