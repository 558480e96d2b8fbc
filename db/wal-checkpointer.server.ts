/**
 * WAL checkpoints off the event loop. With `journal_mode = WAL` and `synchronous = NORMAL` a commit
 * only appends to the WAL file (durable against a crash of the process, no fsync); the fsyncs
 * happen when the WAL is checkpointed into the database file, which SQLite by default does inside
 * whichever commit crosses 1,000 WAL pages. On a busy co-editing server that commit — and every
 * client waiting for its relay — stalls for the length of two fsyncs (tens of milliseconds on a
 * virtual disk, measured in docs/benchmarks.md). Here the connection's automatic checkpoint is
 * turned off and a worker thread, with its own connection to the same file, runs a PASSIVE
 * checkpoint every second: it copies committed pages concurrently with the writer and never blocks
 * it. Nothing about durability changes: commits are in the WAL exactly as before.
 *
 * It changes the connection's behaviour for every writer of the application (comments, imports,
 * co-editing), so it lives with the connection: the process that opens the database starts it
 * (server.ts, the stand-alone collab server) and stops it before closing the connection.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Db } from "./client.server";

const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/** CommonJS source of the worker (eval'd: no loader needed under tsx, vitest or plain node). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("busy_timeout = 5000");
const checkpoint = () => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    parentPort.postMessage(String(error));
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export class WalCheckpointer {
  private worker: Worker | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    intervalMs = 1000,
  ) {
    const sqlite = db.$client;
    // A private in-memory database has no WAL and no file a second connection could open.
    if (sqlite.memory || sqlite.pragma("journal_mode", { simple: true }) !== "wal") return;
    sqlite.pragma("wal_autocheckpoint = 0");
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: sqlite.name, driver: createRequire(import.meta.url).resolve("better-sqlite3"), intervalMs },
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
