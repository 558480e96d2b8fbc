import { Encoder, PacketType, type Packet } from "socket.io-parser";
import { describe, expect, it } from "vitest";
import { SingleFrameDecoder, SingleFrameEncoder } from "./single-frame-parser";

function decodeAll(messages: unknown[]): Packet[] {
  const decoder = new SingleFrameDecoder();
  const packets: Packet[] = [];
  decoder.on("decoded", (packet: Packet) => packets.push(packet));
  for (const message of messages) decoder.add(message);
  return packets;
}

const yjsEvent = (bytes: Uint8Array): Packet => ({ type: PacketType.EVENT, nsp: "/collab", data: ["yjs", "draft/x", bytes] });

describe("the single-frame socket.io parser", () => {
  it("sends an event with one binary argument as one binary message: header, 0x00, the bytes", () => {
    const bytes = new Uint8Array([0, 2, 5, 0, 255]);
    const messages = new SingleFrameEncoder().encode(yjsEvent(bytes));
    expect(messages).toHaveLength(1);
    const frame = messages[0] as Uint8Array;
    const header = '51-/collab,["yjs","draft/x",{"_placeholder":true,"num":0}]';
    expect(new TextDecoder().decode(frame.subarray(0, header.length))).toBe(header);
    expect([...frame.subarray(header.length)]).toEqual([0, ...bytes]);

    const [packet] = decodeAll(messages);
    expect(packet!.nsp).toBe("/collab");
    expect(packet!.type).toBe(PacketType.EVENT);
    expect(packet!.data.slice(0, 2)).toEqual(["yjs", "draft/x"]);
    expect([...(packet!.data[2] as Uint8Array)]).toEqual([...bytes]);
  });

  it("decodes a message that arrives as an ArrayBuffer, as in browsers", () => {
    const [frame] = new SingleFrameEncoder().encode(yjsEvent(new Uint8Array([7, 8]))) as Uint8Array[];
    const copy = frame!.slice().buffer;
    const [packet] = decodeAll([copy]);
    expect([...(packet!.data[2] as Uint8Array)]).toEqual([7, 8]);
  });

  it("encodes packets without binary exactly as socket.io's default parser, acks included", () => {
    const packets: Packet[] = [
      { type: PacketType.EVENT, nsp: "/collab", id: 3, data: ["join", "draft/x"] },
      { type: PacketType.ACK, nsp: "/collab", id: 3, data: [{ ok: true, writable: false }] },
      { type: PacketType.CONNECT, nsp: "/", data: { token: "a\u0000b" } },
    ];
    for (const packet of packets) {
      expect(new SingleFrameEncoder().encode(packet)).toEqual(new Encoder().encode(packet));
      expect(decodeAll(new SingleFrameEncoder().encode(packet))).toEqual(decodeAll(new Encoder().encode(packet)));
    }
  });

  it("still reads the default two-message form and packets with several attachments", () => {
    const single = decodeAll(new Encoder().encode(yjsEvent(new Uint8Array([1, 2, 3]))));
    expect([...(single[0]!.data[2] as Uint8Array)]).toEqual([1, 2, 3]);

    const two: Packet = { type: PacketType.EVENT, nsp: "/", data: ["pair", new Uint8Array([1]), new Uint8Array([2])] };
    const messages = new SingleFrameEncoder().encode(two);
    expect(messages).toHaveLength(3); // left in the default form
    const [packet] = decodeAll(messages);
    expect(packet!.data.slice(1).map((b: Uint8Array) => [...b])).toEqual([[1], [2]]);
  });

  it("refuses a binary message that is not a one-attachment packet", () => {
    expect(() => decodeAll([new Uint8Array([1, 2, 3])])).toThrow(/without a packet header/);
    const plainEvent = new TextEncoder().encode('2/collab,["yjs","draft/x"]');
    expect(() => decodeAll([new Uint8Array([...plainEvent, 0, 9])])).toThrow(/exactly one attachment/);
  });

  it("keeps decoding after a packet in the default form completes", () => {
    const decoder = new SingleFrameDecoder();
    const seen: unknown[] = [];
    decoder.on("decoded", (packet: Packet) => seen.push(packet.data[0]));
    for (const message of new Encoder().encode(yjsEvent(new Uint8Array([1])))) decoder.add(message);
    for (const message of new SingleFrameEncoder().encode(yjsEvent(new Uint8Array([2])))) decoder.add(message);
    decoder.add('2/collab,["leave","draft/x"]');
    expect(seen).toEqual(["yjs", "yjs", "leave"]);
  });
});
