import { z } from "zod";

/**
 * The socket.io protocol shared by the server and browser clients. Every event a client may send
 * is listed here with the zod schema its payload must satisfy; handlers never see unvalidated data.
 * Later issues add comment rooms (commenting) and the `/collab` namespace (co-editing).
 */
export interface ServerToClientEvents {
  error: (message: string) => void;
}

export interface ClientToServerEvents {
  ping: (payload: unknown, ack: (reply: PingReply) => void) => void;
}

export const pingPayload = z.object({ sentAt: z.number().finite() }).strict();
export type PingReply = { ok: true; sentAt: number; serverTime: number } | { ok: false; error: string };

/** Socket.io's default is 1 MB; no Redraft message needs more. */
export const MAX_MESSAGE_BYTES = 1_000_000;
