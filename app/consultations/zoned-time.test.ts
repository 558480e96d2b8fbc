import { describe, expect, it } from "vitest";
import { currentZoneName, instantToZoned, timeZoneNames, zonedToInstant } from "./zoned-time";

describe("zonedToInstant", () => {
  it("reads a wall-clock time in the consultation's zone as a UTC instant", () => {
    expect(zonedToInstant("2026-08-31T23:59", "Europe/Paris")).toEqual({ ok: true, instant: new Date("2026-08-31T21:59:00Z") });
    expect(zonedToInstant("2026-08-31T23:59", "America/New_York")).toEqual({ ok: true, instant: new Date("2026-09-01T03:59:00Z") });
    expect(zonedToInstant("2026-08-31T23:59", "Asia/Kolkata")).toEqual({ ok: true, instant: new Date("2026-08-31T18:29:00Z") });
    expect(zonedToInstant("2026-12-31T23:59:30", "UTC")).toEqual({ ok: true, instant: new Date("2026-12-31T23:59:30Z") });
  });

  it("uses winter and summer offsets on either side of a daylight-saving change", () => {
    // Europe/Paris goes from UTC+1 to UTC+2 at 02:00 on 29 March 2026.
    expect(zonedToInstant("2026-03-29T01:59", "Europe/Paris")).toEqual({ ok: true, instant: new Date("2026-03-29T00:59:00Z") });
    expect(zonedToInstant("2026-03-29T03:00", "Europe/Paris")).toEqual({ ok: true, instant: new Date("2026-03-29T01:00:00Z") });
  });

  it("refuses a time the zone skips when clocks go forward", () => {
    expect(zonedToInstant("2026-03-29T02:30", "Europe/Paris")).toEqual({ ok: false, problem: "nonexistent" });
  });

  it("takes the earlier of the two instants of a time that happens twice when clocks go back", () => {
    // 02:30 on 25 October 2026 in Paris is 00:30 UTC (summer time) and 01:30 UTC (winter time).
    expect(zonedToInstant("2026-10-25T02:30", "Europe/Paris")).toEqual({ ok: true, instant: new Date("2026-10-25T00:30:00Z") });
  });

  it("refuses malformed input and unknown zones", () => {
    expect(zonedToInstant("31/08/2026 23:59", "Europe/Paris")).toEqual({ ok: false, problem: "invalid" });
    expect(zonedToInstant("2026-02-30T10:00", "Europe/Paris")).toEqual({ ok: false, problem: "invalid" });
    expect(zonedToInstant("2026-08-31T23:59", "Mars/Olympus")).toEqual({ ok: false, problem: "invalid" });
  });
});

describe("instantToZoned", () => {
  it("shows an instant as the wall-clock time of the zone, for the edit form", () => {
    expect(instantToZoned(new Date("2026-08-31T21:59:00Z"), "Europe/Paris")).toBe("2026-08-31T23:59");
    expect(instantToZoned(new Date("2026-01-15T12:00:05Z"), "Asia/Tokyo")).toBe("2026-01-15T21:00:05");
  });
});

describe("timeZoneNames", () => {
  it("offers the current IANA names, never the former ones Intl still lists", () => {
    const names = timeZoneNames();
    expect(names[0]).toBe("UTC");
    for (const current of ["Europe/Kyiv", "Asia/Kolkata", "Asia/Ho_Chi_Minh", "Asia/Yangon", "Asia/Kathmandu", "Africa/Asmara"]) expect(names).toContain(current);
    for (const former of ["Europe/Kiev", "Asia/Calcutta", "Asia/Saigon", "Asia/Rangoon", "Asia/Katmandu", "Africa/Asmera"]) expect(names).not.toContain(former);
    expect(new Set(names).size).toBe(names.length);
  });

  it("keeps a consultation stored under a former name working, read as its current one", () => {
    expect(currentZoneName("Europe/Kiev")).toBe("Europe/Kyiv");
    expect(currentZoneName("Europe/Paris")).toBe("Europe/Paris");
    expect(zonedToInstant("2026-08-31T23:59", "Europe/Kiev")).toEqual(zonedToInstant("2026-08-31T23:59", "Europe/Kyiv"));
    expect(zonedToInstant("2026-08-31T23:59", "Europe/Kyiv")).toEqual({ ok: true, instant: new Date("2026-08-31T20:59:00Z") });
    expect(instantToZoned(new Date("2026-08-31T20:59:00Z"), "Europe/Kiev")).toBe("2026-08-31T23:59");
  });
});
