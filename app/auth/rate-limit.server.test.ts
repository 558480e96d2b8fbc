import { describe, expect, it } from "vitest";
import { FREE_FAILURES, MAX_SIGN_IN_DELAY_MS, signInDelayMs } from "./rate-limit.server";

describe("signInDelayMs", () => {
  it("lets the first failures pass without delay", () => {
    for (let failures = 0; failures <= FREE_FAILURES; failures++) expect(signInDelayMs(failures)).toBe(0);
  });

  it("doubles the delay with each further failure, up to a cap that never locks the account", () => {
    const delays = Array.from({ length: 12 }, (_, i) => signInDelayMs(FREE_FAILURES + 1 + i));
    expect(delays.slice(0, 4)).toEqual([250, 500, 1000, 2000]);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(signInDelayMs(1_000_000)).toBe(MAX_SIGN_IN_DELAY_MS);
  });
});
