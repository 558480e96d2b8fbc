/**
 * The `/collab` namespace: Yjs documents synchronised over socket.io with the y-websocket framing
 * (docs/realtime-protocol.md). Modelled on Hocuspocus: documents load on first join and unload on
 * last leave; every update a writer sends is appended to the SQLite update log *before* it is
 * broadcast, so anything another client has seen survives a crash. The updates of one event-loop
 * turn are appended in one transaction and then relayed (`flush`).
 */
import type { Namespace, Server, Socket } from "socket.io";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import type { CollabClientEvents, CollabServerEvents, JoinReply } from "../protocol";
import { collabClientEventNames, MAX_JOINED_DOCUMENTS, MAX_MESSAGE_BYTES } from "../protocol";
import { guardIncoming } from "../socket-limits";
import { checkAwarenessJson, decodeAwarenessUpdate, encodeAwarenessEntries } from "./awareness-state";
import { COMPACT_AFTER_BYTES, COMPACT_AFTER_UPDATES, LOAD_ORIGIN, UpdateLog } from "./update-log.server";
import {
  decodeFrame,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  SYNC_STEP_1,
} from "./yjs-frames";

export interface CollabIdentity {
  userId: string;
  name: string;
  /** Whatever the host application needs to authorize this identity later (its permissions). */
  context?: unknown;
}

export type Authorization = { ok: true; writable: boolean } | { ok: false; error: string };

export interface CollabOptions {
  db: Db;
  /** Who is connecting, from the handshake (session cookie); null refuses the connection. */
  authenticate: (handshake: Socket["handshake"]) => CollabIdentity | null | Promise<CollabIdentity | null>;
  /**
   * May this identity join this document, and write to it? Asked at every join and again, on the
   * document's current state, for the messages that follow (at most REAUTHORIZE_AFTER_MS apart).
   */
  authorize: (identity: CollabIdentity, docName: string) => Authorization;
  /** Content of a document that has never been stored, as a Yjs update; null when the name is unknown. */
  initialContent: (docName: string) => Uint8Array | null;
}

type CollabSocket = Socket<CollabClientEvents, CollabServerEvents, Record<string, never>, SocketData>;
interface SocketData {
  identity: CollabIdentity;
  /** When the identity was last read from the handshake's session (performance.now()). */
  authenticatedAt: number;
  /** A re-reading of the session under way. */
  reauthenticating: boolean;
  /** Documents this socket joined, with its write permission and the awareness client ids it owns. */
  joined: Map<string, Membership>;
}

interface Membership {
  writable: boolean;
  /** When the permission was last asked (performance.now()). */
  authorizedAt: number;
  /** The one awareness client id this socket speaks for in the document, once it has sent one. */
  awarenessClients: Set<number>;
}

/**
 * How stale a member's permission may be: a consultation taken back into preparation, an expert
 * removed from the group, stops their messages within this time (asking on every keystroke would
 * read the database hundreds of times a second under load).
 */
export const REAUTHORIZE_AFTER_MS = 1_000;

interface OpenDocument {
  name: string;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  sockets: Set<CollabSocket>;
  pendingUpdates: number;
  pendingBytes: number;
}

const docNameSchema = z.string().min(1).max(200);
const EMPTY_UPDATE_BYTES = 2; // an update with no structs and no deletions encodes as [0, 0]

type CollabNamespace = Namespace<CollabClientEvents, CollabServerEvents, Record<string, never>, SocketData>;

/** Serves the `/collab` namespace of `io`. */
export function attachCollab(io: Server, options: CollabOptions): CollabServer {
  return new CollabServer(io.of("/collab") as unknown as CollabNamespace, options);
}

export class CollabServer {
  readonly documents = new Map<string, OpenDocument>();
  private readonly log: UpdateLog;
  /** Updates applied in this event-loop turn, not yet on disk nor relayed (see `flush`). */
  private pending: PendingUpdate[] = [];
  private flushScheduled = false;

  constructor(
    private readonly namespace: CollabNamespace,
    private readonly options: CollabOptions,
  ) {
    this.log = new UpdateLog(options.db);
    namespace.use(async (socket, next) => {
      try {
        const identity = await options.authenticate(socket.handshake);
        if (!identity) return next(new Error("unauthenticated: sign in to join a working draft"));
        socket.data.identity = identity;
        socket.data.authenticatedAt = performance.now();
        socket.data.reauthenticating = false;
        socket.data.joined = new Map();
        next();
      } catch {
        next(new Error("unauthenticated: the session could not be read"));
      }
    });
    namespace.on("connection", (socket) => this.onConnection(socket));
  }

  private onConnection(socket: CollabSocket) {
    guardIncoming(socket as unknown as Socket, collabClientEventNames);
    socket.on("join", (docName, ack) => this.guard(socket, () => this.join(socket, docName, ack)));
    socket.on("yjs", (docName, message) => this.guard(socket, () => this.receive(socket, docName, message)));
    socket.on("leave", (docName) => this.guard(socket, () => typeof docName === "string" && this.leave(socket, docName)));
    socket.on("disconnect", () => {
      for (const name of [...socket.data.joined.keys()]) this.guard(socket, () => this.leave(socket, name));
    });
  }

  /** No input may crash the server: a failing handler answers its client and the others carry on. */
  private guard(socket: CollabSocket, handler: () => void) {
    try {
      handler();
    } catch (error) {
      console.error("collab handler failed", error);
      socket.emit("error", "the server could not process this message");
    }
  }

  private join(socket: CollabSocket, rawName: unknown, ack: unknown) {
    const reply = (r: JoinReply) => (typeof ack === "function" ? ack(r) : undefined);
    const parsed = docNameSchema.safeParse(rawName);
    if (!parsed.success) {
      socket.emit("error", "join: the document name must be a string of 1 to 200 characters");
      return reply({ ok: false, error: "invalid document name" });
    }
    const docName = parsed.data;
    const existing = socket.data.joined.get(docName);
    if (!existing && socket.data.joined.size >= MAX_JOINED_DOCUMENTS) {
      const error = `a connection may join at most ${MAX_JOINED_DOCUMENTS} documents; leave one first`;
      socket.emit("error", `join ${docName}: ${error}`);
      return reply({ ok: false, error });
    }
    const authorization = this.options.authorize(socket.data.identity, docName);
    if (!authorization.ok) {
      if (existing) this.leave(socket, docName);
      socket.emit("error", `join ${docName}: ${authorization.error}`);
      return reply({ ok: false, error: authorization.error });
    }
    const open = this.open(docName);
    if (!open) {
      socket.emit("error", `join ${docName}: unknown document`);
      return reply({ ok: false, error: "unknown document" });
    }
    // A new document's initial content goes to disk before anyone sees it.
    this.flush();
    // Joining again is idempotent: the same membership (and awareness ownership), a fresh
    // permission, and the document sent again so the client is in sync.
    socket.data.joined.set(docName, {
      writable: authorization.writable,
      authorizedAt: performance.now(),
      awarenessClients: existing?.awarenessClients ?? new Set(),
    });
    open.sockets.add(socket);
    void socket.join(docName);
    reply({ ok: true, writable: authorization.writable });

    // Writers get the server's state vector so they send back what the server lacks (offline
    // edits); readers only ever receive, so they are not asked.
    if (authorization.writable) socket.emit("yjs", docName, encodeSyncStep1(open.doc));
    socket.emit("yjs", docName, encodeSyncStep2(open.doc));
    const states = [...open.awareness.getStates().keys()];
    if (states.length > 0) socket.emit("yjs", docName, encodeAwareness(open.awareness, states));
  }

  private receive(socket: CollabSocket, rawName: unknown, message: unknown) {
    if (typeof rawName !== "string") return socket.emit("error", "yjs: the document name must be a string");
    const membership = socket.data.joined.get(rawName);
    const open = this.documents.get(rawName);
    if (!membership || !open) return socket.emit("error", `yjs ${rawName.slice(0, 200)}: join the document first`);
    if (!(message instanceof Uint8Array)) return socket.emit("error", `yjs ${rawName}: the message must be binary`);
    this.reauthenticateIfStale(socket);
    if (performance.now() - membership.authorizedAt > REAUTHORIZE_AFTER_MS) {
      const authorization = this.options.authorize(socket.data.identity, rawName);
      if (!authorization.ok) {
        this.leave(socket, rawName);
        return socket.emit("error", `yjs ${rawName}: ${authorization.error}; you left the document`);
      }
      membership.writable = authorization.writable;
      membership.authorizedAt = performance.now();
    }
    if (message.byteLength > MAX_MESSAGE_BYTES) {
      return socket.emit("error", `yjs ${rawName}: message of ${message.byteLength} bytes exceeds the limit of ${MAX_MESSAGE_BYTES}`);
    }
    let frame;
    try {
      frame = decodeFrame(message);
    } catch (error) {
      return socket.emit("error", `yjs ${rawName}: malformed message (${(error as Error).message})`);
    }

    if (frame.type === "awareness") return this.receiveAwareness(socket, open, membership, frame.update);
    if (frame.step === SYNC_STEP_1) {
      this.flush();
      socket.emit("yjs", rawName, encodeSyncStep2(open.doc, frame.stateVector));
      return;
    }
    if (!membership.writable) {
      // A standard client answers sync step 1 with a possibly empty step 2; only real content is refused.
      if (frame.update.byteLength > EMPTY_UPDATE_BYTES) {
        socket.emit("error", `yjs ${rawName}: read-only access, the update was not applied`);
      }
      return;
    }
    try {
      Y.applyUpdate(open.doc, frame.update, socket);
    } catch (error) {
      socket.emit("error", `yjs ${rawName}: malformed update (${(error as Error).message})`);
    }
  }

  /**
   * A client speaks only for itself: the first awareness client id it sends in a document becomes
   * its own (unless another member already owns it), entries for any other id are dropped, and
   * every state must pass the awareness schema. What passes is applied as one update.
   */
  private receiveAwareness(socket: CollabSocket, open: OpenDocument, membership: Membership, update: Uint8Array) {
    let entries;
    try {
      entries = decodeAwarenessUpdate(update);
    } catch (error) {
      return socket.emit("error", `yjs ${open.name}: malformed awareness update (${(error as Error).message})`);
    }
    const kept = [];
    for (const entry of entries) {
      const [own] = membership.awarenessClients;
      const owner = own === undefined ? [...open.sockets].find((s) => s !== socket && s.data.joined.get(open.name)?.awarenessClients.has(entry.clientId)) : undefined;
      // The same person reconnecting (their old connection not yet timed out) takes their id over;
      // anyone else may not.
      const ownedByAnother = owner !== undefined && owner.data.identity.userId !== socket.data.identity.userId;
      if (owner && !ownedByAnother) owner.data.joined.get(open.name)?.awarenessClients.delete(entry.clientId);
      if ((own !== undefined && own !== entry.clientId) || ownedByAnother) {
        socket.emit("error", `yjs ${open.name}: awareness of client ${entry.clientId} refused: a client may only set its own state`);
        continue;
      }
      const check = checkAwarenessJson(entry.json);
      if (!check.ok) {
        socket.emit("error", `yjs ${open.name}: ${check.error}`);
        continue;
      }
      membership.awarenessClients.add(entry.clientId);
      kept.push(entry);
    }
    if (kept.length > 0) awarenessProtocol.applyAwarenessUpdate(open.awareness, encodeAwarenessEntries(kept), socket);
  }

  /**
   * Reads the connection's session again (in the background, at most every REAUTHORIZE_AFTER_MS):
   * a signed-out or expired session ends the connection, and a changed role or expert group
   * applies to the next permission check.
   */
  private reauthenticateIfStale(socket: CollabSocket) {
    if (socket.data.reauthenticating || performance.now() - socket.data.authenticatedAt <= REAUTHORIZE_AFTER_MS) return;
    socket.data.reauthenticating = true;
    Promise.resolve(this.options.authenticate(socket.handshake))
      .then((identity) => {
        if (!identity || identity.userId !== socket.data.identity.userId) {
          socket.emit("error", "unauthenticated: the session ended; sign in again");
          socket.disconnect(true);
          return;
        }
        socket.data.identity = identity;
        // The memberships ask again with the new identity on their next message.
        for (const membership of socket.data.joined.values()) membership.authorizedAt = -Infinity;
      })
      .catch((error: unknown) => console.error("collab: the session could not be read again", error))
      .finally(() => {
        socket.data.authenticatedAt = performance.now();
        socket.data.reauthenticating = false;
      });
  }

  private leave(socket: CollabSocket, docName: string) {
    const membership = socket.data.joined.get(docName);
    const open = this.documents.get(docName);
    socket.data.joined.delete(docName);
    void socket.leave(docName);
    if (!membership || !open) return;
    if (membership.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(open.awareness, [...membership.awarenessClients], null);
    }
    open.sockets.delete(socket);
    if (open.sockets.size === 0) this.unload(open);
  }

  /** The open document, loading it from the log (or creating it) on first use. */
  private open(docName: string): OpenDocument | null {
    const already = this.documents.get(docName);
    if (already) return already;
    let loaded = this.log.load(docName);
    let initial: Uint8Array | null = null;
    if (!loaded) {
      initial = this.options.initialContent(docName);
      if (!initial) return null;
      loaded = { doc: new Y.Doc({ gc: true }), pendingUpdates: 0, pendingBytes: 0 };
    }
    const open: OpenDocument = {
      name: docName,
      doc: loaded.doc,
      awareness: new awarenessProtocol.Awareness(loaded.doc),
      sockets: new Set(),
      pendingUpdates: loaded.pendingUpdates,
      pendingBytes: loaded.pendingBytes,
    };
    // The server holds no cursor of its own.
    open.awareness.setLocalState(null);
    open.doc.on("update", (update: Uint8Array, origin: unknown) => this.onUpdate(open, update, origin));
    open.awareness.on("update", (change: AwarenessChange, origin: unknown) => this.onAwareness(open, change, origin));
    this.documents.set(docName, open);
    if (initial) Y.applyUpdate(open.doc, initial, "initial-content");
    return open;
  }

  private onUpdate(open: OpenDocument, update: Uint8Array, origin: unknown) {
    if (origin === LOAD_ORIGIN) return;
    this.pending.push({ open, update, sender: isSocket(origin) ? origin : null });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // After the I/O callbacks of this event-loop turn: every update read in the turn, one commit.
      setImmediate(() => {
        try {
          this.flush();
        } catch (error) {
          console.error("collab: relaying updates failed", error);
        }
      });
    }
  }

  /**
   * Durability first: appends every pending update to the log in one transaction, and only then
   * relays them, so nothing anyone can see is missing from the disk. Runs once per event-loop turn
   * and before anything else reveals a document's state (a join's sync step 2, an answer to sync
   * step 1, compaction, unload). Updates of one document from several writers in the same turn go
   * out merged, as one message to every member (writers ignore their own edits in it).
   */
  private flush() {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      this.log.appendMany(
        batch.map(({ open, update, sender }) => ({ docName: open.name, update, authorId: sender ? sender.data.identity.userId : null })),
      );
    } catch (error) {
      console.error("collab: updates could not be stored, not relayed", error);
      for (const { sender } of batch) sender?.emit("error", "the server could not store this update");
      return;
    }
    const byDocument = new Map<OpenDocument, PendingUpdate[]>();
    for (const entry of batch) {
      const list = byDocument.get(entry.open);
      if (list) list.push(entry);
      else byDocument.set(entry.open, [entry]);
    }
    for (const [open, entries] of byDocument) {
      const update = entries.length === 1 ? entries[0]!.update : Y.mergeUpdates(entries.map((e) => e.update));
      const frame = encodeUpdate(update);
      const senders = new Set(entries.map((e) => e.sender));
      const [only] = senders;
      if (senders.size === 1 && only) only.to(open.name).emit("yjs", open.name, frame);
      else this.namespace.to(open.name).emit("yjs", open.name, frame);
      open.pendingUpdates += entries.length;
      open.pendingBytes += entries.reduce((n, e) => n + e.update.byteLength, 0);
      if (this.documents.get(open.name) === open && (open.pendingUpdates >= COMPACT_AFTER_UPDATES || open.pendingBytes >= COMPACT_AFTER_BYTES)) {
        this.log.compact(open.name, open.doc);
        open.pendingUpdates = 0;
        open.pendingBytes = 0;
      }
    }
  }

  private onAwareness(open: OpenDocument, { added, updated, removed }: AwarenessChange, origin: unknown) {
    const changed = [...added, ...updated, ...removed];
    const frame = encodeAwareness(open.awareness, changed);
    if (isSocket(origin)) origin.to(open.name).emit("yjs", open.name, frame);
    else this.namespace.to(open.name).emit("yjs", open.name, frame);
  }

  private unload(open: OpenDocument) {
    this.flush();
    this.log.compact(open.name, open.doc);
    this.log.forget(open.name);
    open.awareness.destroy();
    open.doc.destroy();
    this.documents.delete(open.name);
  }

  /**
   * Asks again, at once, whether each member of a document may stay, and sends away those who may
   * not: someone removed from a joint draft stops receiving it now, not at their next message.
   */
  reauthorizeMembers(docName: string) {
    const open = this.documents.get(docName);
    if (!open) return;
    for (const socket of [...open.sockets]) {
      const membership = socket.data.joined.get(docName);
      if (!membership) continue;
      const authorization = this.options.authorize(socket.data.identity, docName);
      if (!authorization.ok) {
        this.leave(socket, docName);
        socket.emit("error", `yjs ${docName}: ${authorization.error}; you left the document`);
        continue;
      }
      membership.writable = authorization.writable;
      membership.authorizedAt = performance.now();
    }
  }

  /** Compacts and closes every open document (graceful shutdown). */
  close() {
    for (const open of [...this.documents.values()]) this.unload(open);
  }
}

interface PendingUpdate {
  open: OpenDocument;
  update: Uint8Array;
  sender: CollabSocket | null;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

function isSocket(value: unknown): value is CollabSocket {
  return typeof value === "object" && value !== null && "data" in value && "emit" in value && "nsp" in value;
}
