/**
 * The background e-mail work of a server process: the notifier (notifications → outbox) and, with
 * SMTP_URL, the outbox sender (outbox → mail server). Both are CPU work the pages never wait for —
 * queueing a closing's 50,000 e-mails takes tens of seconds, rendering each HTML part with mjml
 * several milliseconds — so where the built worker script exists (build/mail-worker.server.js,
 * beside build/server.js) they run in a worker thread with its own database connection, and the
 * event loop that answers requests only posts it a "wake" (decision 033). Elsewhere (tsx in
 * development, unit tests) they run in process, paced as before.
 */
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { Db } from "../../db/client.server";
import type { Config } from "../config/env.server";
import { Notifier, type NotifierOptions } from "./notifier.server";
import { OutboxSender, smtpTransport } from "./outbox-sender.server";

export interface MailService {
  /** New notifications were made: queue their immediate e-mail soon. */
  notifier: { wake(): void };
  /** New e-mail is in the outbox: send it soon (a no-op without SMTP). */
  mailer: { wake(): void };
  /** Where the work runs, for the start-up log and the tests. */
  where: "worker" | "in-process";
  /** The worker thread now running, if any (a test ends it to see another take over). */
  currentWorker?: () => Worker;
  stop(): Promise<void>;
}

/**
 * The worker thread's scheduling priority (nice). On a machine whose cores are all busy answering
 * requests, a thread of the same priority takes its full share from them whatever the event loop
 * does; at nice 10 the kernel gives it about a tenth of a contended core, and all of an idle one.
 */
export const MAIL_WORKER_NICE = 10;

/** What the worker is told; nothing else crosses the thread boundary. */
export type MailWorkerMessage = "wake-notifier" | "wake-sender" | "stop";

/** Starts the notifier and the sender in this thread (also what the worker itself runs). */
export async function startMailInProcess(
  db: Db,
  config: Config,
  options: Pick<NotifierOptions, "batchShare" | "batchSize"> = {},
): Promise<Omit<MailService, "where">> {
  let sender: OutboxSender | null = null;
  let closeTransport = () => {};
  if (config.smtpUrl) {
    const transport = await smtpTransport(config);
    closeTransport = transport.close;
    sender = new OutboxSender(db, transport.send, new URL(config.publicOrigin).hostname);
    sender.start();
  }
  const notifier = new Notifier(db, config, { mailed: () => sender?.wake(), ...options });
  notifier.start();
  return {
    notifier,
    mailer: { wake: () => sender?.wake() },
    stop: async () => {
      notifier.stop();
      sender?.stop();
      await sender?.idle();
      closeTransport();
    },
  };
}

/**
 * The mail service for a server: in a worker thread when `workerScript` exists and the database is
 * a file a second connection can open; in process otherwise.
 */
export async function startMailService(db: Db, config: Config, workerScript: URL | null): Promise<MailService> {
  if (workerScript && existsSync(workerScript) && !db.$client.memory) {
    let stopping = false;
    let worker: Worker;
    let exited: Promise<void>;
    const spawn = () => {
      worker = new Worker(workerScript, {
        workerData: { config },
        // Its batches are small: a heap of its own of this size holds them with room to spare, and
        // keeps the second isolate's share of the server's memory to a few tens of MB.
        resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
      });
      worker.on("error", (error) => console.error("mail worker:", error));
      exited = new Promise<void>((resolve) =>
        worker.once("exit", (code) => {
          resolve();
          if (stopping) return;
          // Out of memory or a bug: mail must not stop for the life of the process. What it was
          // doing rolled back and waits in the database for the next one.
          console.error(`mail worker stopped (exit code ${code}); starting another in a second`);
          setTimeout(() => stopping || spawn(), 1_000).unref();
        }),
      );
    };
    spawn();
    const post = (message: MailWorkerMessage) => worker.postMessage(message);
    return {
      where: "worker",
      currentWorker: () => worker,
      notifier: { wake: () => post("wake-notifier") },
      mailer: { wake: () => post("wake-sender") },
      stop: async () => {
        stopping = true;
        post("stop");
        // A worker stuck in a long SMTP exchange must not keep the process from ending.
        const timeout = new Promise<void>((resolve) => setTimeout(resolve, 3_000).unref());
        await Promise.race([exited, timeout]);
        await worker.terminate();
      },
    };
  }
  return { where: "in-process", ...(await startMailInProcess(db, config)) };
}
