/**
 * A Yjs provider over socket.io speaking Redraft's `/collab` protocol: what y-websocket's
 * WebsocketProvider does, on a socket.io socket. Used by the browser editor, the tests and the
 * benchmark. Edits made while disconnected stay in the local document and merge on reconnect
 * (the server's sync step 1 asks for them).
 */
import type { Socket } from "socket.io-client";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { CollabClientEvents, CollabServerEvents, JoinReply } from "../protocol";
import { decodeFrame, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, SYNC_STEP_1 } from "./yjs-frames";

export type CollabClientSocket = Socket<CollabServerEvents, CollabClientEvents>;

export interface ProviderStatus {
  connected: boolean;
  synced: boolean;
  writable: boolean;
  error?: string;
}

export class SocketIoYjsProvider {
  readonly awareness: awarenessProtocol.Awareness;
  status: ProviderStatus = { connected: false, synced: false, writable: false };
  private listeners = new Set<(status: ProviderStatus) => void>();
  private errorListeners = new Set<(message: string) => void>();

  constructor(
    readonly socket: CollabClientSocket,
    readonly docName: string,
    readonly doc: Y.Doc,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    doc.on("update", this.onDocUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
    socket.on("connect", this.onConnect);
    socket.on("disconnect", this.onDisconnect);
    socket.on("yjs", this.onMessage);
    socket.on("error", this.onError);
    if (socket.connected) this.onConnect();
  }

  onStatus(listener: (status: ProviderStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onServerError(listener: (message: string) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Resolves once the first sync with the server completed (or rejects if the join is refused). */
  whenSynced(): Promise<ProviderStatus> {
    if (this.status.synced) return Promise.resolve(this.status);
    return new Promise((resolve, reject) => {
      const off = this.onStatus((s) => {
        if (s.synced) {
          off();
          resolve(s);
        } else if (s.error) {
          off();
          reject(new Error(s.error));
        }
      });
    });
  }

  private setStatus(patch: Partial<ProviderStatus>) {
    this.status = { ...this.status, ...patch };
    for (const l of this.listeners) l(this.status);
  }

  private onConnect = () => {
    this.setStatus({ connected: true, error: undefined });
    this.socket.emit("join", this.docName, (reply: JoinReply) => {
      if (!reply.ok) {
        this.setStatus({ error: reply.error });
        return;
      }
      this.setStatus({ writable: reply.writable });
      this.send(encodeSyncStep1(this.doc));
      if (this.awareness.getLocalState() !== null) {
        this.send(encodeAwareness(this.awareness, [this.doc.clientID]));
      }
    });
  };

  private onDisconnect = () => {
    this.setStatus({ connected: false, synced: false });
    // Others' cursors are stale once we are offline.
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    awarenessProtocol.removeAwarenessStates(this.awareness, others, this);
  };

  private onError = (message: string) => {
    for (const l of this.errorListeners) l(message);
  };

  private onMessage = (docName: string, message: ArrayBuffer | Uint8Array) => {
    if (docName !== this.docName) return;
    const frame = decodeFrame(message instanceof Uint8Array ? message : new Uint8Array(message));
    if (frame.type === "awareness") {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, frame.update, this);
    } else if (frame.step === SYNC_STEP_1) {
      if (this.status.writable) this.send(encodeSyncStep2(this.doc, frame.stateVector));
    } else {
      Y.applyUpdate(this.doc, frame.update, this);
      if (!this.status.synced) this.setStatus({ synced: true });
    }
  };

  private onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this || !this.socket.connected || !this.status.writable) return;
    this.send(encodeUpdate(update));
  };

  private onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin === this || !this.socket.connected) return;
    this.send(encodeAwareness(this.awareness, [...added, ...updated, ...removed]));
  };

  private send(message: Uint8Array) {
    this.socket.emit("yjs", this.docName, message);
  }

  destroy() {
    if (this.socket.connected) {
      // Tells the others our cursor is gone (sent by onAwarenessUpdate).
      awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], "destroy");
      this.socket.emit("leave", this.docName);
    }
    this.doc.off("update", this.onDocUpdate);
    this.awareness.off("update", this.onAwarenessUpdate);
    this.socket.off("connect", this.onConnect);
    this.socket.off("disconnect", this.onDisconnect);
    this.socket.off("yjs", this.onMessage);
    this.socket.off("error", this.onError);
    this.awareness.destroy();
  }
}
