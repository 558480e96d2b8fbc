import { EventEmitter } from "node:events";
import type { Response as ExpressResponse } from "express";
import { describe, expect, it } from "vitest";
import { writeBody } from "./bounded-body.server";

/** A response behind compression(): counts writes and flushes, and can hold writes back. */
class FakeResponse extends EventEmitter {
  writes = 0;
  flushes = 0;
  flushedAfter: number[] = [];
  destroyed = false;
  writableEnded = false;
  full = false;
  write(): boolean {
    this.writes += 1;
    return !this.full;
  }
  flush(): void {
    this.flushes += 1;
    this.flushedAfter.push(this.writes);
  }
  end(): void {
    this.writableEnded = true;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

const chunk = new Uint8Array(2048);

describe("writeBody", () => {
  it("does not flush the compressor after every chunk of a page rendered at once", async () => {
    const res = new FakeResponse();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 150; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    await writeBody(body, res as unknown as ExpressResponse);
    expect(res.writes).toBe(150);
    expect(res.flushes).toBe(0);
    expect(res.writableEnded).toBe(true);
  });

  it("flushes what is written when the render waits for deferred data, so the reader gets it at once", async () => {
    const res = new FakeResponse();
    let release!: () => void;
    const deferred = new Promise<void>((resolve) => (release = resolve));
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(chunk);
        await deferred;
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const writing = writeBody(body, res as unknown as ExpressResponse);
    // The shell is out and flushed while the deferred data is still pending.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(res.flushedAfter).toContain(10);
    release();
    await writing;
    expect(res.writes).toBe(11);
  });

  it("waits for 'drain' when the response is full instead of queueing the whole page", async () => {
    const res = new FakeResponse();
    res.full = true;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const writing = writeBody(body, res as unknown as ExpressResponse);
    await new Promise((resolve) => setImmediate(resolve));
    expect(res.writes).toBe(1);
    res.full = false;
    res.emit("drain");
    await writing;
    expect(res.writes).toBe(5);
  });
});
