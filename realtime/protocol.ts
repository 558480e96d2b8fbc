import { z } from "zod";
import { stances } from "../db/enums";

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
 * A paragraph's public comment counts: its visible comments (not replies), in all and per stance,
 * exactly as the draft page shows them to every reader, anonymous ones included.
 */
const count = z.number().int().nonnegative();
export const publicCountsSchema = z.object({ total: count, support: count, concern: count, amendment: count, question: count, remark: count }).strict();
export type PublicCounts = z.infer<typeof publicCountsSchema>;
// A stance added to db/enums without its count here fails to compile.
void (stances satisfies readonly (keyof PublicCounts)[]);

/**
 * The change carries no comment content: each viewer re-reads what it shows through its own
 * loader, so they receive only what they may see. It may carry the changed paragraph's public
 * counts (decision 026): every reader may see those, so a viewer that shows only counts (the
 * draft page) updates from the event without asking the server anything.
 */
export interface ConsultationChange {
  slug: string;
  nodeId: string | null;
  /** "state": the consultation opened, closed or otherwise changed state (its scheduler or the secretariat). */
  kind: "comment" | "reply" | "endorsement" | "state";
  /** For a "comment" change on a paragraph: that paragraph's public counts after the change. */
  counts?: PublicCounts;
  /** With `counts`: the paragraph's label in the current version (null: unlabelled or not in it). */
  label?: string | null;
}

/** The `consultationChanged` payload, for clients that check what they receive (and the tests). */
export const consultationChangedSchema = z
  .object({
    slug: watchPayload,
    nodeId: z.string().max(100).nullable(),
    kind: z.enum(["comment", "reply", "endorsement", "state"]),
    counts: publicCountsSchema.optional(),
    label: z.string().max(100).nullable().optional(),
    cursor: z.string().max(100),
  })
  .strict();

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
