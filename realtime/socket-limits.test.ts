import { describe, expect, it } from "vitest";
import { TokenBucket } from "./socket-limits";

describe("the per-connection token bucket", () => {
  it("allows a burst up to its capacity, then the sustained rate only", () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 100; // 0.1 s at 10/s: one more
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 60_000; // a long pause refills to the capacity, no more
    expect(Array.from({ length: 4 }, () => bucket.take())).toEqual([true, true, true, false]);
  });
});
