import { describe, expect, it } from "vitest";
import { availableActions, effectiveStatus, isDue, nextTransition } from "./lifecycle";
import { zonedToInstant } from "./zoned-time";

const instant = (local: string, zone: string) => {
  const parsed = zonedToInstant(local, zone);
  if (!parsed.ok) throw new Error(`bad test instant ${local}`);
  return parsed.instant;
};
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);

describe("effectiveStatus with a fake clock", () => {
  const opensAt = instant("2026-09-01T09:00", "Europe/Paris");
  const closesAt = instant("2026-09-30T23:59", "Europe/Paris");
  const scheduled = { status: "scheduled" as const, opensAt, closesAt };

  it("opens exactly at the opening instant, not a millisecond before", () => {
    expect(effectiveStatus(scheduled, ms(opensAt, -1))).toBe("scheduled");
    expect(effectiveStatus(scheduled, opensAt)).toBe("open");
    expect(effectiveStatus(scheduled, ms(opensAt, 1000))).toBe("open");
  });

  it("closes exactly at the closing instant, whether or not the opening was written down", () => {
    expect(effectiveStatus(scheduled, ms(closesAt, -1))).toBe("open");
    expect(effectiveStatus(scheduled, closesAt)).toBe("closed");
    const open = { ...scheduled, status: "open" as const };
    expect(effectiveStatus(open, ms(closesAt, -1))).toBe("open");
    expect(effectiveStatus(open, closesAt)).toBe("closed");
  });

  it("keeps what the secretariat decided: a draft never opens, a closed one stays closed", () => {
    expect(effectiveStatus({ ...scheduled, status: "draft" }, ms(opensAt, 1000))).toBe("draft");
    expect(effectiveStatus({ ...scheduled, status: "closed" }, ms(opensAt, 1000))).toBe("closed");
    expect(effectiveStatus({ ...scheduled, status: "results-published" }, ms(opensAt, 1000))).toBe("results-published");
  });

  it("keeps an open consultation without a deadline open", () => {
    expect(effectiveStatus({ status: "open", opensAt: null, closesAt: null }, new Date("2099-01-01T00:00:00Z"))).toBe("open");
  });

  it("opens at the same instant for readers in every time zone", () => {
    // 09:00 in Paris (summer time) is 07:00 UTC, 03:00 in New York, 16:00 in Tokyo.
    expect(opensAt.toISOString()).toBe("2026-09-01T07:00:00.000Z");
    expect(instant("2026-09-01T03:00", "America/New_York")).toEqual(opensAt);
    expect(instant("2026-09-01T16:00", "Asia/Tokyo")).toEqual(opensAt);
  });

  it("closes on time across a daylight-saving change", () => {
    // Open on Saturday in summer time, closing at 12:00 on the Sunday clocks go back (UTC+2 → UTC+1).
    const c = { status: "open" as const, opensAt: instant("2026-10-24T12:00", "Europe/Paris"), closesAt: instant("2026-10-25T12:00", "Europe/Paris") };
    expect(c.closesAt.toISOString()).toBe("2026-10-25T11:00:00.000Z");
    // 24 hours after opening it is 11:00 on the wall clock: still open for another hour.
    expect(effectiveStatus(c, ms(c.opensAt, 24 * 3600_000))).toBe("open");
    expect(effectiveStatus(c, ms(c.closesAt, -1))).toBe("open");
    expect(effectiveStatus(c, c.closesAt)).toBe("closed");
  });
});

describe("nextTransition and isDue (what the scheduler arms for)", () => {
  const opensAt = new Date("2026-09-01T07:00:00Z");
  const closesAt = new Date("2026-09-30T21:59:00Z");

  it("arms for the opening, then for the closing, then for nothing", () => {
    expect(nextTransition({ status: "scheduled", opensAt, closesAt })).toEqual(opensAt);
    expect(nextTransition({ status: "open", opensAt, closesAt })).toEqual(closesAt);
    expect(nextTransition({ status: "closed", opensAt, closesAt })).toBeNull();
    expect(nextTransition({ status: "draft", opensAt, closesAt })).toBeNull();
    expect(nextTransition({ status: "open", opensAt, closesAt: null })).toBeNull();
  });

  it("is due once the stored status lags behind the clock", () => {
    expect(isDue({ status: "scheduled", opensAt, closesAt }, ms(opensAt, -1))).toBe(false);
    expect(isDue({ status: "scheduled", opensAt, closesAt }, opensAt)).toBe(true);
    expect(isDue({ status: "open", opensAt, closesAt }, closesAt)).toBe(true);
  });
});

describe("availableActions", () => {
  it("offers opening only once the consultation has a text", () => {
    expect(availableActions("draft", false)).toEqual([]);
    expect(availableActions("draft", true)).toEqual(["schedule", "open-now"]);
    expect(availableActions("closed", true)).toEqual(["reopen", "publish-results"]);
  });
});
