import { EventEmitter } from "node:events";
import type { NextFunction, Request, Response } from "express";
import { describe, expect, it, vi } from "vitest";
import { RequestActivity } from "./request-activity.server";

/** A response as far as the tracker sees it: an emitter that finishes when told. */
const response = () => new EventEmitter() as unknown as Response;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("RequestActivity", () => {
  it("lets background steps run only once no request is being answered", async () => {
    const activity = new RequestActivity(60_000);
    const first = response();
    const second = response();
    activity.track({} as Request, first, (() => undefined) as NextFunction);
    activity.track({} as Request, second, (() => undefined) as NextFunction);
    expect(activity.requestsInFlight).toBe(2);
    let stepped = false;
    void activity.quiet().then(() => (stepped = true));
    (first as unknown as EventEmitter).emit("finish");
    await tick();
    await tick();
    expect(stepped).toBe(false);
    (second as unknown as EventEmitter).emit("close");
    await tick();
    await tick();
    expect(activity.requestsInFlight).toBe(0);
    expect(stepped).toBe(true);
  });

  it("still steps under steady load, after the longest wait", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const activity = new RequestActivity(100);
      activity.track({} as Request, response(), (() => undefined) as NextFunction);
      let stepped = false;
      void activity.quiet().then(() => (stepped = true));
      vi.advanceTimersByTime(99);
      await Promise.resolve();
      expect(stepped).toBe(false);
      vi.advanceTimersByTime(1);
      await Promise.resolve();
      expect(stepped).toBe(true);
      // A step that ran after the wait is not kept until the load ends: under load that never
      // ends, waiting steps would pile up.
      expect(activity.stepsWaiting).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("starts a request's background work after its response, once", async () => {
    const activity = new RequestActivity();
    const res = response();
    const task = vi.fn();
    activity.background(res).start(task);
    await tick();
    expect(task).not.toHaveBeenCalled();
    (res as unknown as EventEmitter).emit("finish");
    (res as unknown as EventEmitter).emit("close");
    await tick();
    expect(task).toHaveBeenCalledTimes(1);
  });
});
