/**
 * Yjs messages framed exactly as y-websocket frames them: a varuint message type, then the payload.
 * Shared by the server and every client (browser editor, tests, benchmark).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import type * as Y from "yjs";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;

export const SYNC_STEP_1 = syncProtocol.messageYjsSyncStep1;
export const SYNC_STEP_2 = syncProtocol.messageYjsSyncStep2;
export const SYNC_UPDATE = syncProtocol.messageYjsUpdate;

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

export type DecodedFrame =
  | { type: "sync"; step: typeof SYNC_STEP_1; stateVector: Uint8Array }
  | { type: "sync"; step: typeof SYNC_STEP_2 | typeof SYNC_UPDATE; update: Uint8Array }
  | { type: "awareness"; update: Uint8Array };

/**
 * Decodes one frame without applying it, so the receiver can decide (permissions, limits) before
 * anything touches a document. Throws on malformed input.
 */
export function decodeFrame(message: Uint8Array): DecodedFrame {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  let frame: DecodedFrame;
  if (type === MESSAGE_SYNC) {
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === SYNC_STEP_1) frame = { type: "sync", step, stateVector: payload };
    else if (step === SYNC_STEP_2 || step === SYNC_UPDATE) frame = { type: "sync", step, update: payload };
    else throw new Error(`unknown sync step ${step}`);
  } else if (type === MESSAGE_AWARENESS) {
    frame = { type: "awareness", update: decoding.readVarUint8Array(decoder) };
  } else {
    throw new Error(`unknown message type ${type}`);
  }
  if (decoding.hasContent(decoder)) throw new Error("trailing bytes after the message");
  return frame;
}
