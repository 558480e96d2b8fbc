import { z } from "zod";

/**
 * The socket.io protocol shared by the server and browser clients. Every event a client may send
 * is listed here with the zod schema its payload must satisfy; handlers never see unvalidated data.
 * Later issues add comment rooms (commenting) and the `/collab` namespace (co-editing).
 */
export interface ServerToClientEvents {
  error: (message: string) => void;
  /** Something changed in a consultation the client watches: comments, replies, endorsements. */
  consultationChanged: (change: ConsultationChange & { cursor: string }) => void;
}

export interface ClientToServerEvents {
  ping: (payload: unknown, ack: (reply: PingReply) => void) => void;
  /**
   * Follow a consultation's live changes; the server checks the viewer may read it. `cursor` is the
   * change cursor the page was rendered with (its loader data): the reply says whether anything
   * changed since, so a connection opened late or after a drop catches up at once.
   */
  watch: (slug: unknown, cursor: string | null, ack: (reply: WatchReply) => void) => void;
}

export const watchPayload = z.string().regex(/^[a-z0-9-]{1,100}$/);
export type WatchReply = { ok: true; cursor: string; changed: boolean } | { ok: false; error: string };
/** Consultations one connection may follow at once (a page follows one). */
export const MAX_WATCHED_CONSULTATIONS = 20;
/** Documents one `/collab` connection may have joined at once (the editor joins one). */
export const MAX_JOINED_DOCUMENTS = 8;

/**
 * The change itself carries no content: each viewer re-reads the page through its own loader, so
 * they receive only what they may see.
 */
export interface ConsultationChange {
  slug: string;
  nodeId: string | null;
  /** "state": the consultation opened, closed or otherwise changed state (its scheduler or the secretariat). */
  kind: "comment" | "reply" | "endorsement" | "state";
}

export const consultationRoom = (slug: string) => `consultation:${slug}`;

export const pingPayload = z.object({ sentAt: z.number().finite() }).strict();
export type PingReply = { ok: true; sentAt: number; serverTime: number } | { ok: false; error: string };

/** Largest message a handler accepts (documented limit); socket.io itself cuts off at twice this. */
export const MAX_MESSAGE_BYTES = 1_000_000;

/**
 * The `/collab` namespace (docs/realtime-protocol.md): Yjs documents, framed as y-websocket frames
 * them (varuint type 0 sync / 1 awareness, then the payload).
 */
export const collabClientEventNames: ReadonlySet<string> = new Set(["join", "yjs", "leave"]);
export type JoinReply = { ok: true; writable: boolean } | { ok: false; error: string };

export interface CollabClientEvents {
  join: (docName: string, ack: (reply: JoinReply) => void) => void;
  yjs: (docName: string, message: Uint8Array) => void;
  leave: (docName: string) => void;
}

export interface CollabServerEvents {
  yjs: (docName: string, message: Uint8Array) => void;
  error: (message: string) => void;
}

/** Name of a consultation's working draft document. */
export function workingDraftName(consultationSlug: string): string {
  return `draft/${consultationSlug}`;
}
