/**
 * Redraft's socket.io parser: socket.io's own, except that a packet with exactly one binary
 * attachment travels as ONE binary WebSocket message instead of two.
 *
 * socket.io's default parser sends `socket.emit("yjs", docName, bytes)` as a text frame
 * `451-/collab,["yjs","draft/x",{"_placeholder":true,"num":0}]` followed by a binary frame with the
 * bytes, and engine.io writes the second only once the first one's write has completed: two system
 * calls and an event-loop turn per recipient for every keystroke relayed (docs/benchmarks.md). Here
 * the two are one binary message:
 *
 *     UTF-8 bytes of the text packet  |  one 0x00 byte  |  the attachment's bytes
 *
 * Both halves are exactly what the default parser produces, so decoding hands them to the default
 * decoder one after the other (JSON never contains a raw 0x00 byte, so the first one ends the
 * header). Packets without binary, or with several attachments, are encoded as before; the decoder
 * also accepts the default two-message form, so a client on the default parser can still send.
 *
 * An option a client asks for (decision 010, revised): socket.io's standard encoding is the
 * default. A client that wants single-frame binary events connects with the query
 * `encoding=single-frame` and this parser (`io(url, { parser: singleFrameParser, query: { encoding:
 * "single-frame" } })`); the server's decoder is `SingleFrameDecoder` for everyone (it reads both
 * forms) and its encoder stays the standard one, joined per connection as it writes
 * (`offerSingleFrameEncoding` in socket-server.ts). Plain TypeScript without Node APIs.
 */
import { Decoder, Encoder, type Packet } from "socket.io-parser";

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder("utf-8", { fatal: true });
const SEPARATOR = 0;

function asBytes(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null; // a Blob (browser): left to the default encoding, which engine.io reads asynchronously
}

export class SingleFrameEncoder extends Encoder {
  override encode(packet: Packet): Array<string | Uint8Array> {
    const parts = super.encode(packet) as unknown[];
    const attachment = parts.length === 2 && typeof parts[0] === "string" ? asBytes(parts[1]) : null;
    if (!attachment) return parts as Array<string | Uint8Array>;
    return [SingleFrameEncoder.join(parts[0] as string, attachment)];
  }

  /** The one message carrying a packet's text header and its single attachment. */
  static join(packetText: string, attachment: Uint8Array): Uint8Array {
    const header = utf8Encoder.encode(packetText);
    const frame = new Uint8Array(header.byteLength + 1 + attachment.byteLength);
    frame.set(header, 0);
    frame[header.byteLength] = SEPARATOR;
    frame.set(attachment, header.byteLength + 1);
    return frame;
  }
}

export class SingleFrameDecoder extends Decoder {
  /** A default-form binary packet's header was read; its attachments follow as separate messages. */
  private awaitingAttachments = false;

  constructor(...args: ConstructorParameters<typeof Decoder>) {
    super(...args);
    // Registered first, so it runs before the socket's own listener.
    this.on("decoded", () => {
      this.awaitingAttachments = false;
    });
  }

  override add(chunk: unknown): void {
    if (typeof chunk === "string") {
      this.awaitingAttachments = true; // until "decoded" fires, which it does at once for a whole packet
      try {
        super.add(chunk);
      } catch (error) {
        this.awaitingAttachments = false;
        throw error;
      }
      return;
    }
    const bytes = this.awaitingAttachments ? null : (chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : chunk);
    if (!(bytes instanceof Uint8Array)) return super.add(chunk);
    const end = bytes.indexOf(SEPARATOR);
    if (end < 0) throw new Error("binary message without a packet header");
    const header = utf8Decoder.decode(bytes.subarray(0, end));
    // One attachment exactly: a binary event (5) or binary ack (6) announcing "1-".
    if (!/^[56]1-/.test(header)) throw new Error("a single-message packet carries exactly one attachment");
    this.add(header);
    // In Node a Buffer's subarray is a Buffer: the handler receives what the default parser gives.
    super.add(bytes.subarray(end + 1));
  }

  override destroy(): void {
    this.awaitingAttachments = false;
    super.destroy();
  }
}

/** Pass as `parser` to socket.io's `Server` and to every socket.io-client `io()` call. */
export const singleFrameParser = { Encoder: SingleFrameEncoder, Decoder: SingleFrameDecoder };
