/**
 * Entry of the mail worker thread (see mail-service.server.ts): its own connection to the database
 * file the server opened and migrated, the notifier and the sender, and the server's wakes.
 * Bundled by `npm run build` as build/mail-worker.server.js.
 */
import { parentPort, workerData } from "node:worker_threads";
import "../i18n/catalogs.server";
import { openDatabase } from "../../db/client.server";
import { lowerThisThreadsPriority } from "../config/thread-priority.server";
import type { Config } from "../config/env.server";
import { MAIL_WORKER_NICE, startMailInProcess, type MailWorkerMessage } from "./mail-service.server";

lowerThisThreadsPriority(MAIL_WORKER_NICE);
const { config } = workerData as { config: Config };
const db = openDatabase(config.databasePath);
// The server's WAL checkpointer copies and rewinds the WAL for every connection (decision 021).
db.$client.pragma("wal_autocheckpoint = 0");
// Off the request thread the batches may run back to back; small ones hold SQLite's write lock
// (which a comment being posted waits for) for a few milliseconds even at the lower priority.
const mail = await startMailInProcess(db, config, { batchShare: 0.5, batchSize: 25 });

parentPort!.on("message", (message: MailWorkerMessage) => {
  if (message === "wake-notifier") mail.notifier.wake();
  else if (message === "wake-sender") mail.mailer.wake();
  else if (message === "stop") {
    void mail.stop().finally(() => {
      db.$client.close();
      parentPort!.close();
    });
  }
});
