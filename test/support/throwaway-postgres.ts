import { spawnSync } from "node:child_process";
import { chownSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { findExecutable, findOrInstall, freePort, isRoot, run, versionDirs } from "./throwaway-service";

/** The oldest PostgreSQL Redraft supports (issue 18). */
const MINIMUM_MAJOR = 15;

export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:<port>/<database>, trust authentication. */
  url: string;
  port: number;
  /** Stops the cluster at once (nothing of it is worth keeping) and deletes its folder. */
  stop: () => Promise<void>;
}

/** Debian keeps each major's binaries in /usr/lib/postgresql/<major>/bin, off PATH. */
function findBinDir(): string | undefined {
  for (const major of versionDirs("/usr/lib/postgresql")) {
    const bin = `/usr/lib/postgresql/${major}/bin`;
    if (major >= MINIMUM_MAJOR && findExecutable("initdb", [bin]) === join(bin, "initdb") && findExecutable("pg_ctl", [bin]) === join(bin, "pg_ctl")) {
      return bin;
    }
  }
  const initdb = findExecutable("initdb");
  if (!initdb || !findExecutable("pg_ctl")) return undefined;
  const major = Number(/(\d+)/.exec(run(initdb, ["--version"]))?.[1]);
  if (major < MINIMUM_MAJOR) return undefined;
  return initdb.slice(0, -"/initdb".length);
}

/**
 * A PostgreSQL cluster of its own for one test file: initdb in a temporary folder, started on a
 * free loopback port, with one empty database. initdb refuses to run as root, so as root the folder
 * belongs to the `postgres` user (which Debian's package creates) and the commands run as it.
 */
export async function startThrowawayPostgres(database = "redraft_test"): Promise<ThrowawayPostgres> {
  const bin = findOrInstall(`PostgreSQL ${MINIMUM_MAJOR} or later (initdb, pg_ctl)`, "postgresql", findBinDir);
  const user = isRoot() ? "postgres" : undefined;
  const folder = mkdtempSync(join(tmpdir(), "redraft-pg-"));
  const data = join(folder, "data");
  const sockets = join(folder, "sockets");
  mkdirSync(sockets);
  if (user) {
    const uid = Number(run("id", ["-u", user]).trim());
    const gid = Number(run("id", ["-g", user]).trim());
    chownSync(folder, uid, gid);
    chownSync(sockets, uid, gid);
  }
  const pgCtl = join(bin, "pg_ctl");
  let started = false;
  const stopNow = () => {
    if (started) spawnSync(user ? "runuser" : pgCtl, [...(user ? ["-u", user, "--", pgCtl] : []), "stop", "-D", data, "-m", "immediate"], { stdio: "ignore" });
    started = false;
    rmSync(folder, { recursive: true, force: true });
  };
  // A test run that dies before its afterAll still leaves no server behind.
  process.once("exit", stopNow);

  try {
    run(join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], { user });
    const port = await freePort();
    // fsync, synchronous_commit and full_page_writes off: for test speed only, a crash of this
    // throwaway cluster loses nothing anyone needs. Never in a deployment.
    const options = [
      `-p ${port}`,
      "-c listen_addresses=127.0.0.1",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      `-k ${sockets}`,
    ].join(" ");
    started = true;
    // -w: pg_ctl returns once the server accepts connections.
    run(pgCtl, ["start", "-D", data, "-l", join(folder, "server.log"), "-w", "-t", "120", "-o", options], { user });
    const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
    return {
      url: `postgres://postgres@127.0.0.1:${port}/${database}`,
      port,
      stop: async () => {
        process.off("exit", stopNow);
        stopNow();
      },
    };
  } catch (error) {
    process.off("exit", stopNow);
    stopNow();
    throw error;
  }
}
