/**
 * WAL checkpoints off the event loop. With `journal_mode = WAL` and `synchronous = NORMAL` a commit
 * only appends to the WAL file (durable against a crash of the process, no fsync); the fsyncs
 * happen when the WAL is checkpointed into the database file, which SQLite by default does inside
 * whichever commit crosses 1,000 WAL pages. On a busy co-editing server that commit — and every
 * client waiting for its relay — stalls for the length of two fsyncs (tens of milliseconds on a
 * virtual disk, measured in docs/benchmarks.md). Here the connection's automatic checkpoint is
 * turned off and a worker thread, with its own connection to the same file, runs a PASSIVE
 * checkpoint every second: it copies committed pages concurrently with the writer and never blocks
 * it. Nothing about durability changes: commits are in the WAL exactly as before. PASSIVE alone
 * lets the WAL grow without end under sustained writes (197 MB beside a 13 MB database), so the
 * worker also rewinds it, briefly blocking writers, when it grows past a bound or writes calm down
 * (decision 021).
 *
 * It changes the connection's behaviour for every writer of the application (comments, imports,
 * co-editing), so it lives with the connection: the process that opens the database starts it
 * (server.ts, the stand-alone collab server) and stops it before closing the connection.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { WAL_SIZE_LIMIT_BYTES, type Db } from "./client.server";

const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/**
 * Bounds of the WAL (decision 021). PASSIVE checkpoints alone never shrink the WAL under sustained
 * writes: a writer only rewinds it when every frame has been copied, and a commit always lands while
 * the checkpoint runs. So once the WAL holds more than `WAL_RESTART_BYTES`, or when a second passes
 * without a commit, the worker takes the writer lock for a RESTART (busy) or TRUNCATE (calm)
 * checkpoint right after a PASSIVE one has copied almost everything, and the next commit starts the
 * WAL over, truncated to `journal_size_limit`.
 */
export const WAL_RESTART_BYTES = 16 * 1024 * 1024;
/**
 * How long the worker waits for the writer lock or for readers in a RESTART/TRUNCATE checkpoint.
 * The main thread's writers wait (blocking the event loop) while the worker holds that lock, so it
 * gives up quickly and tries again a second later rather than holding the lock for long.
 */
const BLOCKING_CHECKPOINT_BUSY_MS = 100;

export interface WalCheckpointerOptions {
  intervalMs?: number;
  restartBytes?: number;
}

/** CommonJS source of the worker (eval'd: no loader needed under tsx, vitest or plain node). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { statSync } = require("node:fs");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("journal_size_limit = " + workerData.sizeLimitBytes);
const pageSize = db.pragma("page_size", { simple: true });
const walPath = workerData.file + "-wal";
const walFileSize = () => {
  try {
    return statSync(walPath).size;
  } catch {
    return 0;
  }
};
const run = (mode, busyMs) => {
  db.pragma("busy_timeout = " + busyMs);
  const [row] = db.pragma("wal_checkpoint(" + mode + ")");
  return row;
};
// Frames in the WAL at the previous tick: unchanged means no commit for a whole interval.
let previousFrames = -1;
const checkpoint = (final) => {
  try {
    const passive = run("PASSIVE", 5000);
    const calm = passive.log === previousFrames;
    previousFrames = passive.log;
    if (final || (calm && walFileSize() > 0)) {
      // Nobody is writing: copy the rest and cut the file to nothing.
      const truncate = run("TRUNCATE", workerData.blockingBusyMs);
      if (truncate.busy === 0) previousFrames = 0;
    } else if (passive.log * pageSize > workerData.restartBytes) {
      // Writes go on: PASSIVE has just copied nearly everything, so the writer lock is held briefly.
      run("RESTART", workerData.blockingBusyMs);
    }
  } catch (error) {
    parentPort.postMessage(String(error));
  }
};
const timer = setInterval(() => checkpoint(false), workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  checkpoint(true);
  db.close();
  parentPort.close();
});
`;

export class WalCheckpointer {
  private worker: Worker | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    { intervalMs = 1000, restartBytes = WAL_RESTART_BYTES }: WalCheckpointerOptions = {},
  ) {
    const sqlite = db.$client;
    // A private in-memory database has no WAL and no file a second connection could open.
    if (sqlite.memory || sqlite.pragma("journal_mode", { simple: true }) !== "wal") return;
    sqlite.pragma("wal_autocheckpoint = 0");
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file: sqlite.name,
        driver: createRequire(import.meta.url).resolve("better-sqlite3"),
        intervalMs,
        restartBytes,
        sizeLimitBytes: WAL_SIZE_LIMIT_BYTES,
        blockingBusyMs: BLOCKING_CHECKPOINT_BUSY_MS,
      },
    });
    this.worker = worker;
    this.exited = new Promise((resolve) => worker.once("exit", () => resolve()));
    worker.on("message", (message) => console.error("WAL checkpoint failed:", message));
    worker.on("error", (error) => {
      console.error("WAL checkpointer stopped, checkpoints are automatic again:", error);
      this.restoreAutomatic();
    });
    // Never the reason a process stays alive.
    worker.unref();
  }

  /**
   * Gives checkpoints back to the connection and stops the worker after a last checkpoint;
   * resolves once the thread has exited (its connection closed).
   */
  stop(): Promise<void> {
    if (this.worker) {
      this.worker.postMessage("stop");
      this.restoreAutomatic();
    }
    return this.exited;
  }

  private restoreAutomatic() {
    this.worker = null;
    if (this.db.$client.open) this.db.$client.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  }
}
