/**
 * Kept pages (decision 025) rendered in a worker thread, so that the event loop answering requests
 * only serves bytes and handles writes (decision 034). During a burst of writes the page cache
 * renders the largest pages again about once a second, and each render held the event loop for
 * a few hundred milliseconds: every reader of a kept page, served from memory in microseconds,
 * waited behind it.
 *
 * Only the cache's renders come here: a request for a kept address from a visitor without a
 * session, whose page is the same for everyone. Everything else (sessions, forms, downloads,
 * streamed responses) renders on the main thread, which has the response object, the collab
 * server and the socket.io cursors.
 *
 * The worker imports the built app (build/index.js) and opens its own connection to the database
 * file; the main thread sends it the request (address, headers, the CSP nonce of the response
 * already under way, the consultation's live cursor) and gets back the whole response. While no
 * worker is ready — starting, or restarting after it died — the caller renders on the main thread,
 * as before.
 */
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import type { Config } from "../config/env.server";
import { createRemixHeaders, remixRequestUrl } from "./bounded-body.server";
import { cacheableAddress } from "./page-cache.server";

/** What a render needs that is not in the database: everything crosses the thread boundary by copy. */
export interface RenderJob {
  /** The absolute address Remix sees (remixRequestUrl). */
  url: string;
  /** Kept pages are only ever filled by a GET (the cache serves HEAD from memory or not at all). */
  method: "GET";
  headers: [string, string][];
  clientIp?: string;
  /** The nonce of the Content-Security-Policy already set on the response (http-guards securityHeaders). */
  cspNonce: string;
  /** The consultation's change cursor, read on the main thread where socket.io keeps it. */
  liveCursor: string | null;
}

export type RenderRequestMessage = { id: number; job: RenderJob } | "stop";

export type RenderReplyMessage =
  | "ready"
  | { id: number; status: number; statusText: string; headers: [string, string][]; body: ArrayBuffer }
  | { id: number; error: string };

export interface RenderWorkerData {
  config: Config;
  /** file: URL of the built app (build/index.js). */
  buildUrl: string;
}

/**
 * The worker's own heap. A render of the largest page (the 50,000-comment draft) peaks at a few
 * tens of MB; the bound keeps a runaway render from taking the server's memory (the worker dies,
 * pages render inline, another worker starts).
 */
export const RENDER_WORKER_HEAP_MB = 128;
/**
 * The worker thread's nice value (as the mail worker's, decision 033). At the request thread's
 * priority the renders took their full share of two busy cores from it, and readers' p99 during a
 * burst was no better than with renders inline (docs/benchmarks.md, decision 034).
 */
export const RENDER_WORKER_NICE = 10;
const RESTART_DELAY_MS = 1_000;

export interface RenderPool {
  /** The app's response rendered in the worker, or null when no worker can render it now. */
  render(job: RenderJob): Promise<Response | null>;
  /** Whether a worker is ready (the tests and the start-up log). */
  readonly ready: boolean;
  /** The worker now running, if any (a test ends it to see another take over). */
  currentWorker(): Worker | null;
  stop(): Promise<void>;
}

/** Status codes whose response has no body: a Response cannot be built with one. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * Starts the render worker from `workerScript` (build/render-worker.server.js beside the built
 * server), or null where there is none (tsx in development) or the database is in memory (a
 * second connection would see another database).
 */
export function startRenderPool(options: { config: Config; workerScript: URL; buildUrl: URL; log?: (line: string) => void }): RenderPool | null {
  const { config, workerScript } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  if (!existsSync(workerScript) || config.databasePath === ":memory:") return null;
  const pending = new Map<number, (response: Response | null) => void>();
  let nextId = 1;
  let worker: Worker | null = null;
  let ready = false;
  let stopping = false;
  let exited: Promise<void> = Promise.resolve();

  const spawn = () => {
    const current = new Worker(workerScript, {
      workerData: { config, buildUrl: options.buildUrl.href } satisfies RenderWorkerData,
      resourceLimits: { maxOldGenerationSizeMb: RENDER_WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16 },
    });
    worker = current;
    current.on("message", (message: RenderReplyMessage) => {
      if (message === "ready") {
        if (worker !== current) return;
        ready = true;
        log("render worker ready: kept pages are rendered off the main thread");
        return;
      }
      const settle = pending.get(message.id);
      if (!settle) return;
      pending.delete(message.id);
      if ("error" in message) {
        console.error(`render worker: ${message.error}`);
        settle(null);
        return;
      }
      const body = NULL_BODY.has(message.status) ? null : message.body;
      settle(new Response(body, { status: message.status, statusText: message.statusText, headers: message.headers }));
    });
    current.on("error", (error) => console.error("render worker:", error));
    exited = new Promise<void>((resolve) =>
      current.once("exit", (code) => {
        resolve();
        if (worker === current) {
          worker = null;
          ready = false;
        }
        // The renders it had in hand are done on the main thread by their callers.
        for (const settle of pending.values()) settle(null);
        pending.clear();
        if (stopping) return;
        console.error(`render worker stopped (exit code ${code}); kept pages render on the main thread until another is ready`);
        setTimeout(() => stopping || spawn(), RESTART_DELAY_MS).unref();
      }),
    );
  };
  spawn();

  return {
    get ready() {
      return ready;
    },
    currentWorker: () => worker,
    render(job) {
      if (!ready || !worker) return Promise.resolve(null);
      const id = nextId++;
      const target = worker;
      return new Promise<Response | null>((resolve) => {
        pending.set(id, resolve);
        target.postMessage({ id, job } satisfies RenderRequestMessage);
      });
    },
    async stop() {
      stopping = true;
      const current = worker;
      if (!current) return;
      current.postMessage("stop" satisfies RenderRequestMessage);
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, 3_000).unref());
      await Promise.race([exited, timeout]);
      await current.terminate();
    },
  };
}

/** The render job for an Express request the page cache is about to render. */
export function renderJob(req: ExpressRequest, res: ExpressResponse, liveCursor: ((slug: string) => string) | undefined): RenderJob {
  const slug = cacheableAddress(req)?.slug;
  return {
    url: remixRequestUrl(req).href,
    method: "GET",
    // All of them, as an inline render sees them: the language cookie and Accept-Language choose
    // the page's language (the cache's key), the user agent how React streams it.
    headers: [...createRemixHeaders(req.headers).entries()],
    clientIp: req.ip,
    cspNonce: res.locals.cspNonce as string,
    liveCursor: slug !== undefined && liveCursor ? liveCursor(slug) : null,
  };
}

/**
 * The page cache's render: in the worker when one is ready, on the main thread (`inline`)
 * otherwise or when the worker dies or fails during the render.
 */
export function keptPageRender(
  pool: RenderPool | null,
  inline: (req: ExpressRequest, res: ExpressResponse) => Promise<Response>,
  liveCursor: () => ((slug: string) => string) | undefined,
): (req: ExpressRequest, res: ExpressResponse) => Promise<Response> {
  if (!pool) return inline;
  return async (req, res) => (req.method === "GET" ? await pool.render(renderJob(req, res, liveCursor())) : null) ?? inline(req, res);
}
