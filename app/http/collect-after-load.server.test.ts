import type { NextFunction, Request, Response } from "express";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CollectAfterLoad } from "./collect-after-load.server";

const request = (collector: CollectAfterLoad) => collector.track({} as Request, {} as Response, (() => {}) as NextFunction);

describe("a garbage collection once a burst of requests is over", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("collects once when the requests stop after a burst, not while they go on", () => {
    const collect = vi.fn();
    const collector = new CollectAfterLoad(collect, 5000, 10);
    for (let i = 0; i < 30; i++) {
      request(collector);
      vi.advanceTimersByTime(1000);
    }
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5000);
    expect(collect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(collect).toHaveBeenCalledTimes(1);
    collector.stop();
  });

  it("leaves a server with a few requests alone", () => {
    const collect = vi.fn();
    const collector = new CollectAfterLoad(collect, 5000, 10);
    for (let i = 0; i < 9; i++) request(collector);
    vi.advanceTimersByTime(10_000);
    expect(collect).not.toHaveBeenCalled();
    collector.stop();
  });
});
