import type { Server as HttpServer, IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { Server, type ServerOptions, type Socket } from "socket.io";
import { Encoder } from "socket.io-parser";
import { z } from "zod";
import {
  consultationRoom,
  MAX_MESSAGE_BYTES,
  MAX_WATCHED_CONSULTATIONS,
  pingPayload,
  watchPayload,
  type ClientToServerEvents,
  type ConsultationChange,
  type ServerToClientEvents,
  type WatchReply,
} from "./protocol";
import type { ChangeCursorSource } from "./change-cursors";
import { SingleFrameDecoder, SingleFrameEncoder } from "./single-frame-parser";
import { guardIncoming, limitQueuedBytes } from "./socket-limits";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/**
 * A browser always sends Origin on a WebSocket or XHR handshake; a page of another site must not
 * be able to ride on a participant's cookies. Requests without Origin come from non-browser
 * clients (tests, integrations), which carry no ambient cookies of a participant's browser.
 * The server's origins are the configured ones (PUBLIC_ORIGIN, as for the pages' Origin check):
 * never the request's own Host header, which the client chooses. Without configured origins (a
 * stand-alone test server) the Host header is the only reference there is.
 */
export function isAllowedOrigin(req: IncomingMessage, trustedOrigins?: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (trustedOrigins && trustedOrigins.length > 0) return trustedOrigins.includes(origin);
  const host = req.headers.host;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Validates a payload; on failure tells the client why and returns undefined. */
export function validated<T>(socket: RealtimeSocket, schema: z.ZodType<T>, payload: unknown): T | undefined {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  socket.emit("error", `invalid payload: ${z.prettifyError(result.error)}`);
  return undefined;
}

/**
 * The socket.io server options every Redraft server uses (the app, the stand-alone collab server).
 * Packets go out in socket.io's standard encoding, so the stock socket.io-client works; the
 * decoder also reads the single-frame form of decision 010, which a client may ask for (below).
 */
export const socketServerOptions = {
  // Handlers refuse messages over MAX_MESSAGE_BYTES with an explanation; past twice that the
  // transport itself drops the connection.
  maxHttpBufferSize: 2 * MAX_MESSAGE_BYTES,
  serveClient: false,
  parser: { Encoder, Decoder: SingleFrameDecoder },
};

/** The handshake query value by which a client asks for one WebSocket message per binary event. */
export const SINGLE_FRAME_ENCODING = "single-frame";

/**
 * Connections whose handshake says `?encoding=single-frame` receive each one-attachment packet as
 * ONE binary message (decision 010). socket.io encodes a packet once for all recipients and then
 * writes its parts to each connection; this joins the two parts, for that connection only, as it
 * writes them (the header and its attachment are always written one right after the other).
 */
export function offerSingleFrameEncoding(io: Server): void {
  io.engine.on("connection", (conn: Socket["conn"]) => {
    if ((conn.request as IncomingMessage & { _query?: Record<string, string> })._query?.encoding !== SINGLE_FRAME_ENCODING) return;
    const write = conn.write.bind(conn) as (data: unknown, options?: unknown, callback?: unknown) => unknown;
    let header: string | null = null;
    conn.write = ((data: unknown, options?: unknown, callback?: unknown) => {
      if (typeof data === "string" && /^[56]1-/.test(data)) {
        header = data;
        return conn;
      }
      if (header !== null) {
        const packet = header;
        header = null;
        const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
        if (bytes) return write(SingleFrameEncoder.join(packet, bytes), options, callback);
        write(packet, options);
      }
      return write(data, options, callback);
    }) as typeof conn.write;
  });
}

/** What every Redraft socket.io server does with its connections (the app, the stand-alone collab server). */
export function applyConnectionPolicies(io: Server): void {
  limitQueuedBytes(io);
  offerSingleFrameEncoding(io);
}

/** Headers of every socket.io HTTP response (handshake, polling, refusals) and WebSocket upgrade. */
export function realtimeSecurityHeaders(production: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Nothing here is a document: it may load nothing and be framed by no one.
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
    ...(production ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

const SOCKET_IO_PATH = "/socket.io/";
const ORIGIN_REFUSED = "origin not allowed";

/**
 * Runs before engine.io sees a request: security headers on every socket.io response, and a
 * foreign Origin refused with 403 over both transports (engine.io itself would answer a refused
 * WebSocket upgrade with 400).
 */
function guardHttp(httpServer: HttpServer, options: RealtimeOptions) {
  const headers = realtimeSecurityHeaders(options.production ?? false);
  httpServer.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith(SOCKET_IO_PATH)) return;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  });
  httpServer.prependListener("upgrade", (req: IncomingMessage, socket: Duplex) => {
    if (!req.url?.startsWith(SOCKET_IO_PATH) || isAllowedOrigin(req, options.trustedOrigins)) return;
    const body = JSON.stringify({ code: 4, message: ORIGIN_REFUSED });
    socket.on("error", () => undefined);
    socket.end(
      `HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        Object.entries(headers).map(([n, v]) => `${n}: ${v}\r\n`).join("") +
        `\r\n${body}`,
    );
    socket.destroy();
  });
  return headers;
}

export interface RealtimeOptions {
  /** The origins pages are served from (config.trustedOrigins); others are refused. */
  trustedOrigins?: readonly string[];
  /** Adds HSTS to socket.io responses, as to pages. */
  production?: boolean;
  /**
   * May the person behind this handshake (its session cookie) follow this consultation? With the
   * consultation's change cursor when they may (see protocol.ts, `watch`).
   */
  mayWatch?: (handshake: Socket["handshake"], slug: string) => Promise<{ cursor: string } | null>;
  /**
   * Several processes (decision 036): the adapter sharing rooms across them, given socket.io's
   * in-memory one for namespaces that stay local (redis-adapter.server.ts).
   */
  adapter?: (processLocal: AdapterConstructor) => AdapterConstructor;
}

type AdapterConstructor = NonNullable<ServerOptions["adapter"]>;

const defaultNamespaceEvents: ReadonlySet<string> = new Set(["watch", "ping"]);

export function attachRealtime(httpServer: HttpServer, options: RealtimeOptions = {}): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    ...socketServerOptions,
    allowRequest: (req, callback) => {
      const ok = isAllowedOrigin(req, options.trustedOrigins);
      callback(ok ? null : ORIGIN_REFUSED, ok);
    },
  });
  if (options.adapter) io.adapter(options.adapter(io.adapter()!));
  // After engine.io attached: it wraps the "request" listeners that were there before its own.
  const headers = guardHttp(httpServer, options);
  io.engine.on("headers", (responseHeaders: Record<string, string>) => Object.assign(responseHeaders, headers));
  applyConnectionPolicies(io);

  io.on("connection", (socket) => {
    guardIncoming(socket, defaultNamespaceEvents);
    socket.on("watch", async (payload: unknown, cursorOrAck: unknown, maybeAck?: unknown) => {
      // `watch(slug, cursor, ack)`, or `watch(slug, ack)` without a cursor.
      const ack = typeof maybeAck === "function" ? maybeAck : typeof cursorOrAck === "function" ? cursorOrAck : null;
      if (!ack) return;
      const reply = ack as (reply: WatchReply) => void;
      const slug = validated(socket, watchPayload, payload);
      if (!slug) return reply({ ok: false, error: "invalid consultation" });
      const room = consultationRoom(slug);
      if (!socket.rooms.has(room) && socket.rooms.size > MAX_WATCHED_CONSULTATIONS) {
        return reply({ ok: false, error: `a connection may follow at most ${MAX_WATCHED_CONSULTATIONS} consultations` });
      }
      try {
        const allowed = options.mayWatch ? await options.mayWatch(socket.handshake, slug) : { cursor: "" };
        if (!allowed) {
          // Following may have been allowed before (a consultation taken back into preparation).
          await socket.leave(room);
          return reply({ ok: false, error: "no such consultation" });
        }
        await socket.join(room);
        const seen = typeof cursorOrAck === "string" ? cursorOrAck : null;
        reply({ ok: true, cursor: allowed.cursor, changed: seen !== null && seen !== allowed.cursor });
      } catch {
        reply({ ok: false, error: "the session could not be read" });
      }
    });
    socket.on("ping", (payload, ack) => {
      if (typeof ack !== "function") return;
      const data = validated(socket, pingPayload, payload);
      ack(data ? { ok: true, sentAt: data.sentAt, serverTime: Date.now() } : { ok: false, error: "invalid ping" });
    });
  });
  return io;
}

/** Tells everyone watching a consultation that it changed, and moves its change cursor. */
export function announceChange(io: RealtimeServer, cursors: ChangeCursorSource, change: ConsultationChange): void {
  const cursor = cursors.advance(change.slug);
  io.to(consultationRoom(change.slug)).emit("consultationChanged", { ...change, cursor });
}
