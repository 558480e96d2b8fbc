/**
 * Request bodies are counted as they arrive, however they are sent (Content-Length or chunked
 * transfer encoding): the moment one passes its limit the server answers 413, stops reading and
 * closes the connection. The app never sees more than the limit, and nothing it parsed from a
 * refused body is acted on (its body stream ends in an error).
 *
 * The Remix request is built here rather than by @remix-run/express's handler because that one
 * hands the raw socket stream to Remix (and does not export its helpers): the limit must sit
 * between the two. Everything else follows that handler.
 */
import { Transform, type TransformCallback } from "node:stream";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";

/** Forms, sign-in, comments: everything but uploads. */
export const MAX_BODY_BYTES = 1_000_000;
/** multipart/form-data (spreadsheet imports, draft uploads); each route checks its own, smaller file limit too. */
export const MAX_UPLOAD_BYTES = 10_000_000;
/** After answering 413, how long a client that keeps sending may hold the socket before it is cut. */
const LINGER_MS = 2_000;

export function bodyLimitFor(contentType: string | undefined): number {
  return /^multipart\/form-data\b/i.test(contentType ?? "") ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES;
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
    this.name = "BodyTooLargeError";
  }
}

/** Passes bytes through until `limit` is passed, then fails (and calls `onExceeded` once). */
export class ByteLimit extends Transform {
  private received = 0;
  constructor(
    readonly limit: number,
    private readonly onExceeded: () => void,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.limit) {
      this.onExceeded();
      callback(new BodyTooLargeError(this.limit));
      return;
    }
    callback(null, chunk);
  }
}

/**
 * Answers 413 (the page given) and closes the connection: the request is no longer read (TCP flow
 * control holds the sender back) until the answer is out, then the connection closes lingeringly.
 */
export function refuseTooLarge(req: ExpressRequest, res: ExpressResponse, page: string): void {
  req.unpipe();
  req.pause();
  if (!res.headersSent) {
    closeAfterResponse(req, res);
    res.status(413).type("html").send(page);
  }
}

/**
 * For a response sent before its request body was read to the end (a refusal, or an action that
 * answered without reading): Node would otherwise keep reading and discarding the rest of the body
 * to reuse the connection, for as long as the client keeps sending. The socket is half-closed once
 * the response is out, and cut shortly after so a sender that never stops cannot hold it.
 */
export function closeAfterResponse(req: ExpressRequest, res: ExpressResponse): void {
  // No `Connection: close` header: with it Node destroys the socket the moment the answer is
  // written, which with the rest of the body unread sends a reset that can wipe the answer from the
  // client's buffers before it reads it. Our own close below half-closes (the client sees the end
  // of the connection right after the answer) and lingers.
  res.once("finish", () => lingeringClose(req));
}

/**
 * The same for every response, wherever it was sent from (the cross-site check, a malformed path,
 * a 404 of the static files): once it is out, a request body nobody read closes the connection.
 */
export function closeWhenBodyUnread(): RequestHandler {
  return (req, res, next) => {
    res.once("finish", () => {
      if (!req.complete) lingeringClose(req);
    });
    next();
  };
}

/**
 * Half-closes, then reads and throws away what the client is still sending, for LINGER_MS at most
 * (what web servers call a lingering close; nginx's lingering_time). Closing with unread data
 * sends a reset, and a reset makes the client's system drop whatever of the answer it had not read
 * yet: a browser in the middle of an upload then shows "connection reset" instead of our 413 page.
 * Nothing is kept of what is read, so memory stays flat; a client that stops at the answer, as
 * browsers do, closes cleanly at once.
 */
function lingeringClose(req: ExpressRequest): void {
  const socket = req.socket;
  if (socket.destroyed) return;
  socket.end();
  // Thrown away, not fed to a body stream nobody reads any more.
  req.unpipe();
  req.resume();
  const cut = setTimeout(() => socket.destroy(), LINGER_MS);
  cut.unref();
  socket.once("close", () => clearTimeout(cut));
}

/**
 * The Remix request handler for Express, with the request body bounded. Same behaviour as
 * @remix-run/express's createRequestHandler otherwise (headers, abort on close, streaming).
 */
export interface RemixRenderOptions {
  build: ServerBuild;
  mode: string;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
  tooLargePage: () => string;
}

/** The app's Response for an Express request (its body bounded), not yet sent. */
export function createRemixRender(options: RemixRenderOptions) {
  const handleRequest = createRequestHandler(options.build, options.mode);
  return (req: ExpressRequest, res: ExpressResponse): Promise<Response> =>
    handleRequest(remixRequest(req, res, options.tooLargePage), options.getLoadContext(req, res));
}

/**
 * The Remix request handler for Express, with the request body bounded. Same behaviour as
 * @remix-run/express's createRequestHandler otherwise (headers, abort on close, streaming).
 */
export function createBoundedRequestHandler(options: RemixRenderOptions | { render: ReturnType<typeof createRemixRender> }) {
  const render = "render" in options ? options.render : createRemixRender(options);
  return async (req: ExpressRequest, res: ExpressResponse, next: (error?: unknown) => void) => {
    try {
      const response = await render(req, res);
      // A refused body has been answered already; whatever the app made of its remains is dropped.
      if (res.headersSent || res.destroyed) return;
      if (!req.complete) closeAfterResponse(req, res);
      await sendRemixResponse(res, response);
    } catch (error) {
      if (res.headersSent) return;
      next(error);
    }
  };
}

/** The address Remix sees for an Express request (also what the render worker is given). */
export function remixRequestUrl(req: ExpressRequest): URL {
  // As @remix-run/express does: the port comes from the Host header, the host from req.hostname.
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const port = Number.parseInt(hostPort ?? "", 10);
  return new URL(`${req.protocol}://${req.hostname}${Number.isSafeInteger(port) ? `:${port}` : ""}${req.originalUrl}`);
}

function remixRequest(req: ExpressRequest, res: ExpressResponse, tooLargePage: () => string): Request {
  const url = remixRequestUrl(req);
  let controller: AbortController | null = new AbortController();
  const init: RequestInit & { duplex?: "half" } = {
    method: req.method,
    headers: createRemixHeaders(req.headers),
    signal: controller.signal,
  };
  if (Buffer.isBuffer(res.locals.body)) {
    // Read (and bounded) already by a layer in front, the contribution gate.
    init.body = new Uint8Array(res.locals.body);
  } else if (req.method !== "GET" && req.method !== "HEAD") {
    const limit = bodyLimitFor(req.get("content-type"));
    const bounded = new ByteLimit(limit, () => refuseTooLarge(req, res, tooLargePage()));
    req.pipe(bounded);
    // A client that hangs up mid-body must end the body stream too, or the form parser waits forever.
    const abandon = () => bounded.destroy(new Error("The client closed the connection before sending the whole body."));
    req.once("aborted", abandon);
    req.once("error", abandon);
    init.body = createReadableStreamFromReadable(bounded);
    init.duplex = "half";
  }
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new Request(url.href, init);
}

export function createRemixHeaders(requestHeaders: ExpressRequest["headers"]): Headers {
  const headers = new Headers();
  for (const [key, values] of Object.entries(requestHeaders)) {
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else headers.set(key, values);
  }
  return headers;
}

export async function sendRemixResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeBody(response.body, res);
  else res.end();
}

/**
 * Writes a streamed body with backpressure, and flushes the compressor only when the stream pauses.
 * @remix-run/node's writeReadableStreamToWritable flushed after every chunk (React's are about 2 kB)
 * and never waited for 'drain': behind compression() every chunk became its own zlib job with a sync
 * flush, queued on the four-thread pool behind every other response's, and a whole page was queued
 * in memory at once. Under load a compressed page took seconds (decision 025). Flushing once the
 * chunks stop coming (a deferred value still pending) keeps streaming's point: what is rendered
 * reaches the reader without waiting for the rest.
 */
export async function writeBody(body: ReadableStream<Uint8Array>, res: ExpressResponse): Promise<void> {
  const flushable = res as ExpressResponse & { flush?: () => void };
  const reader = body.getReader();
  const flush = () => {
    if (!res.writableEnded && !res.destroyed) flushable.flush?.();
  };
  try {
    while (true) {
      // Chunks the render has ready arrive within this turn; a read still waiting by the next
      // turn means the render waits (on deferred data): what is written so far goes out now.
      const idle = typeof flushable.flush === "function" ? setImmediate(flush) : undefined;
      const { done, value } = await reader.read();
      clearImmediate(idle);
      if (done) break;
      if (res.destroyed) {
        await reader.cancel();
        return;
      }
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const go = () => {
            res.off("drain", go);
            res.off("close", go);
            resolve();
          };
          res.once("drain", go);
          res.once("close", go);
        });
      }
    }
    res.end();
  } catch (error) {
    res.destroy(error as Error);
    throw error;
  }
}
