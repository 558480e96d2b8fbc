import type { Server as HttpServer, IncomingMessage } from "node:http";
import { Server, type Socket } from "socket.io";
import { z } from "zod";
import {
  consultationRoom,
  MAX_MESSAGE_BYTES,
  pingPayload,
  watchPayload,
  type ClientToServerEvents,
  type ConsultationChange,
  type ServerToClientEvents,
} from "./protocol";
import { singleFrameParser } from "./single-frame-parser";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/**
 * A browser always sends Origin on a WebSocket or XHR handshake; a page of another site must not
 * be able to ride on a participant's cookies. Requests without Origin come from non-browser
 * clients (tests, integrations), which carry no ambient cookies of a participant's browser.
 */
export function isAllowedOrigin(req: IncomingMessage, publicOrigin?: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (publicOrigin && origin === publicOrigin) return true;
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

/** The socket.io server options every Redraft server uses (the app, the stand-alone collab server). */
export const socketServerOptions = {
  // Handlers refuse messages over MAX_MESSAGE_BYTES with an explanation; past twice that the
  // transport itself drops the connection.
  maxHttpBufferSize: 2 * MAX_MESSAGE_BYTES,
  serveClient: false,
  // One WebSocket message per binary event (docs/decisions/010-single-frame-binary-events.md).
  parser: singleFrameParser,
};

export interface RealtimeOptions {
  publicOrigin?: string;
  /** May the person behind this handshake (its session cookie) follow this consultation? */
  mayWatch?: (handshake: Socket["handshake"], slug: string) => Promise<boolean>;
}

export function attachRealtime(httpServer: HttpServer, options: RealtimeOptions = {}): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    ...socketServerOptions,
    allowRequest: (req, callback) => {
      const ok = isAllowedOrigin(req, options.publicOrigin);
      callback(ok ? null : "origin not allowed", ok);
    },
  });

  io.on("connection", (socket) => {
    socket.on("watch", async (payload, ack) => {
      if (typeof ack !== "function") return;
      const slug = validated(socket, watchPayload, payload);
      if (!slug) return ack({ ok: false, error: "invalid consultation" });
      try {
        if (options.mayWatch && !(await options.mayWatch(socket.handshake, slug))) return ack({ ok: false, error: "no such consultation" });
        await socket.join(consultationRoom(slug));
        ack({ ok: true });
      } catch {
        ack({ ok: false, error: "the session could not be read" });
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

/** Tells everyone watching a consultation that it changed. */
export function announceChange(io: RealtimeServer, change: ConsultationChange): void {
  io.to(consultationRoom(change.slug)).emit("consultationChanged", change);
}
