import { describe, expect, it } from "vitest";
import { mulberry32, weightedTable } from "./seeded-random";

describe("the seeded random generator", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seq = (r: ReturnType<typeof mulberry32>) => Array.from({ length: 20 }, () => r.next());
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("draws by weight: a weight of zero never, a heavy one mostly", () => {
    const random = mulberry32(7);
    const draw = weightedTable([0, 9, 1]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 10_000; i++) counts[draw(random)]! += 1;
    expect(counts[0]).toBe(0);
    expect(counts[1]! / 10_000).toBeGreaterThan(0.85);
    expect(counts[2]! / 10_000).toBeGreaterThan(0.05);
    const r = mulberry32(1);
    expect(Array.from({ length: 1000 }, () => r.weighted([1, 0, 3])).includes(1)).toBe(false);
  });
});
