/**
 * Entry of the render worker thread (render-pool.server.ts, decision 034): the built app, its own
 * connection to the database file the server opened and migrated, and the kept pages the server
 * asks for. Bundled by `npm run build` as build/render-worker.server.js.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { openDatabase } from "../../db/client.server";
import { AllowedAddresses } from "../auth/address-allowances.server";
import { RateLimits } from "../auth/rate-limit.server";
import { lowerThisThreadsPriority } from "../config/thread-priority.server";
import { RENDER_WORKER_NICE, type RenderReplyMessage, type RenderRequestMessage, type RenderWorkerData } from "./render-pool.server";

/** Test servers only: a request carrying this header ends the worker mid-render (the crash tests). */
const EXIT_HEADER = "x-redraft-test-render-worker-exit";

const { config, buildUrl } = workerData as RenderWorkerData;
// Below the request thread: on busy cores the kernel serves the thread that answers readers (and
// writes) first, and renders take what is left; readers get the page kept before meanwhile.
lowerThisThreadsPriority(RENDER_WORKER_NICE);
// As in server.ts: React and Remix run their production code paths whatever NODE_ENV said.
process.env.NODE_ENV = "production";
const db = openDatabase(config.databasePath);
// Reads only, and the server's WAL checkpointer checkpoints for every connection (decision 021).
db.$client.pragma("wal_autocheckpoint = 0");
const build = (await import(buildUrl)) as ServerBuild;
const handleRequest = createRequestHandler(build, "production");
// Kept pages are read-only: nothing here is consumed by them, but loaders find what they expect.
const shared: AppLoadContext = { db, config, rateLimits: new RateLimits(config.rateLimits), allowedAddresses: new AllowedAddresses(db) };
const port = parentPort!;

async function render(id: number, job: Extract<RenderRequestMessage, { id: number }>["job"]): Promise<void> {
  try {
    if (config.nodeEnv === "test" && job.headers.some(([name]) => name === EXIT_HEADER)) process.exit(70);
    const context: AppLoadContext = {
      ...shared,
      clientIp: job.clientIp,
      cspNonce: job.cspNonce,
      liveCursor: job.liveCursor === null ? undefined : () => job.liveCursor!,
      // The whole page is read into memory here: no client's buffer to wait for.
      drained: () => Promise.resolve(),
    };
    const response = await handleRequest(new Request(job.url, { method: job.method, headers: job.headers }), context);
    const body = await response.arrayBuffer();
    const reply: RenderReplyMessage = { id, status: response.status, statusText: response.statusText, headers: [...response.headers.entries()], body };
    port.postMessage(reply, [body]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies RenderReplyMessage);
  }
}

port.on("message", (message: RenderRequestMessage) => {
  if (message === "stop") {
    db.$client.close();
    port.close();
    return;
  }
  void render(message.id, message.job);
});
port.postMessage("ready" satisfies RenderReplyMessage);
