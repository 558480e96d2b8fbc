/**
 * Per-connection limits of the realtime layer (docs/realtime-protocol.md, "Limits"): how fast a
 * client may send, how much the server queues for a client that does not read, which events exist.
 * Shared by the app's server and the stand-alone collab server.
 */
import type { Server, Socket } from "socket.io";

/** Messages a client may send per second, sustained, and in one burst (a paste, a reconnection). */
export const MESSAGES_PER_SECOND = 100;
export const MESSAGE_BURST = 300;
/**
 * A client that keeps sending past its rate after it was told is disconnected: an honest client
 * never gets there (the provider sends one message per keystroke, batched by Yjs).
 */
export const REFUSED_MESSAGES_BEFORE_DISCONNECT = 100;
/**
 * Bytes the server may hold for one connection that it could not yet write (engine.io's write
 * buffer plus the WebSocket's unsent bytes). Above it the client is not reading: it is
 * disconnected instead of being buffered without end. Room for a whole 1 MB document sent twice.
 */
export const MAX_QUEUED_OUTGOING_BYTES = 4_000_000;

/** A token bucket: `capacity` tokens, refilled at `perSecond`; the clock is injectable for tests. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

type EngineSocket = Socket["conn"];
interface EngineState {
  bucket: TokenBucket;
  refused: number;
}
const engineState = new WeakMap<EngineSocket, EngineState>();

/** Bytes engine.io holds for this connection: its write buffer and, on WebSocket, what ws has not sent. */
export function queuedOutgoingBytes(conn: EngineSocket): number {
  let bytes = 0;
  // engine.io keeps it private, but it is where a polling client's unread packets wait.
  for (const packet of (conn as unknown as { writeBuffer: { data?: unknown }[] }).writeBuffer) {
    const data: unknown = packet.data;
    if (typeof data === "string") bytes += data.length;
    else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) bytes += data.byteLength;
  }
  const ws = (conn.transport as unknown as { socket?: { bufferedAmount?: unknown } }).socket;
  if (ws && typeof ws.bufferedAmount === "number") bytes += ws.bufferedAmount;
  return bytes;
}

/**
 * Watches every engine.io connection of `io`: before each packet is queued, a connection whose
 * unsent bytes passed the limit is closed, its buffers dropped (a client that stopped reading).
 */
export function limitQueuedBytes(io: Server, maxBytes = MAX_QUEUED_OUTGOING_BYTES): void {
  io.engine.on("connection", (conn: EngineSocket) => {
    let closing = false;
    conn.on("packetCreate", () => {
      if (closing || queuedOutgoingBytes(conn) <= maxBytes) return;
      closing = true;
      console.warn(`realtime: closing a connection with more than ${maxBytes} bytes queued (the client is not reading)`);
      conn.close(true);
      // ws waits up to 30 s for a closing handshake the client will never read: cut it now.
      (conn.transport as unknown as { socket?: { terminate?: () => void } }).socket?.terminate?.();
    });
  });
}

export type IncomingGuardResult = { ok: true } | { ok: false; error: string; disconnect: boolean };

/**
 * Decides on one incoming packet of a socket: is the event known, and is the connection within its
 * message rate? The rate is per connection (all namespaces together).
 */
export function checkIncoming(socket: Socket, event: unknown, knownEvents: ReadonlySet<string>): IncomingGuardResult {
  let state = engineState.get(socket.conn);
  if (!state) {
    state = { bucket: new TokenBucket(MESSAGES_PER_SECOND, MESSAGE_BURST), refused: 0 };
    engineState.set(socket.conn, state);
  }
  if (!state.bucket.take()) {
    state.refused += 1;
    return {
      ok: false,
      error: `rate limit: more than ${MESSAGES_PER_SECOND} messages a second; the message was dropped`,
      disconnect: state.refused > REFUSED_MESSAGES_BEFORE_DISCONNECT,
    };
  }
  if (typeof event !== "string" || !knownEvents.has(event)) {
    return { ok: false, error: `unknown event ${JSON.stringify(String(event).slice(0, 50))}`, disconnect: false };
  }
  return { ok: true };
}

/**
 * Installs the incoming guard on a socket: refused packets never reach a handler; the client is
 * told why with an `error` event, and an acknowledgement it waits for is answered with the error.
 */
export function guardIncoming(socket: Socket, knownEvents: ReadonlySet<string>): void {
  socket.use((packet, next) => {
    const verdict = checkIncoming(socket, packet[0], knownEvents);
    if (verdict.ok) return next();
    const ack = packet[packet.length - 1];
    if (typeof ack === "function") (ack as (reply: unknown) => void)({ ok: false, error: verdict.error });
    socket.emit("error", verdict.error);
    if (verdict.disconnect) socket.disconnect(true);
  });
}
