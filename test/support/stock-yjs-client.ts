/**
 * A co-editing client as a third party would write it from docs/realtime-protocol.md, using only
 * the stock socket.io-client (default parser), yjs, y-protocols and lib0: no Redraft code.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { io, type Socket } from "socket.io-client";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const FROM_SERVER = Symbol("server");

export interface StockClient {
  socket: Socket;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  errors: string[];
  connected: Promise<void>;
  join: (docName: string) => Promise<{ ok: boolean; writable?: boolean; error?: string }>;
  /** Resolves once `check` holds for a server `error` event (or rejects after the test's timeout). */
  errorMatching: (pattern: RegExp) => Promise<string>;
  sendRaw: (docName: string, message: Uint8Array) => void;
  close: () => void;
}

export function stockClient(url: string, options: { cookie?: string; auth?: Record<string, unknown>; transports?: string[] } = {}): StockClient {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  const socket = io(`${url}/collab`, {
    transports: options.transports ?? ["websocket"],
    forceNew: true,
    reconnection: false,
    extraHeaders: options.cookie ? { Cookie: options.cookie } : {},
    auth: options.auth ?? {},
  });
  const errors: string[] = [];
  const errorWaiters: { pattern: RegExp; resolve: (m: string) => void }[] = [];
  socket.on("error", (message: string) => {
    errors.push(message);
    for (const w of [...errorWaiters]) {
      if (w.pattern.test(message)) {
        errorWaiters.splice(errorWaiters.indexOf(w), 1);
        w.resolve(message);
      }
    }
  });
  let joined: string | null = null;
  const connected = new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  // A refused connection is an outcome some tests expect, not an unhandled rejection.
  connected.catch(() => undefined);

  const send = (docName: string, message: Uint8Array) => socket.emit("yjs", docName, message);

  socket.on("yjs", (docName: string, message: ArrayBuffer | Uint8Array) => {
    // One client, one document: the first it joined.
    if (docName !== joined) return;
    const decoder = decoding.createDecoder(message instanceof Uint8Array ? message : new Uint8Array(message));
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.readSyncMessage(decoder, encoder, doc, FROM_SERVER);
      if (encoding.length(encoder) > 1) send(docName, encoding.toUint8Array(encoder));
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), FROM_SERVER);
    }
  });
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_SERVER || !joined) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    send(joined, encoding.toUint8Array(encoder));
  });
  awareness.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin === FROM_SERVER || !joined) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [...added, ...updated, ...removed]));
    send(joined, encoding.toUint8Array(encoder));
  });

  return {
    socket,
    doc,
    awareness,
    errors,
    connected,
    join: async (docName) => {
      const reply = (await socket.emitWithAck("join", docName)) as { ok: boolean; writable?: boolean; error?: string };
      if (reply.ok) {
        joined ??= docName;
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(encoder, doc);
        send(docName, encoding.toUint8Array(encoder));
      }
      return reply;
    },
    errorMatching: (pattern) => {
      const already = errors.find((m) => pattern.test(m));
      if (already) return Promise.resolve(already);
      return new Promise((resolve) => errorWaiters.push({ pattern, resolve }));
    },
    sendRaw: send,
    close: () => {
      socket.close();
      awareness.destroy();
    },
  };
}

/** The text of the working draft's blocks (XmlFragment "prosemirror", one XmlText per block). */
export function blockTexts(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment("prosemirror")
    .toArray()
    .map((block) => ((block as Y.XmlElement).get(0) as Y.XmlText | undefined)?.toString() ?? "");
}

export function typeIntoBlock(doc: Y.Doc, index: number, text: string) {
  const block = doc.getXmlFragment("prosemirror").get(index) as Y.XmlElement;
  (block.get(0) as Y.XmlText).insert(0, text);
}

/** A sync step 1 with an empty state vector: the server answers with the whole document. */
export function askWholeDocument(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

export async function until(check: () => boolean, what: string, timeout = 15_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
