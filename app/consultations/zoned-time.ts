/**
 * Wall-clock date-times in a named time zone ↔ UTC instants, through luxon (decision 023): a
 * secretariat enters "31 August 2026, 23:59" in "Europe/Paris", the database keeps the instant.
 */
import { DateTime, IANAZone } from "luxon";

export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The zones offered in forms: every IANA zone the runtime knows, UTC first. */
export function timeZoneNames(): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...all.filter((z) => z !== "UTC")];
}

export type ZonedParse = { ok: true; instant: Date } | { ok: false; problem: "invalid" | "nonexistent" };

/**
 * The instant of a wall-clock time ("2026-08-31T23:59", as an `<input type="datetime-local">`
 * sends it) in `zone`. A time the zone skips when its clocks go forward does not exist: it is
 * refused rather than moved, so nobody's deadline shifts by an hour unseen. A time that happens
 * twice when clocks go back is the first of the two (the earlier instant, the safer deadline).
 */
export function zonedToInstant(local: string, zone: string): ZonedParse {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local) || !isTimeZone(zone)) return { ok: false, problem: "invalid" };
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) return { ok: false, problem: "invalid" };
  // luxon moves a skipped time forward; reading it back in the zone shows the move.
  const back = dt.toFormat(local.length > 16 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm");
  if (back !== local) return { ok: false, problem: "nonexistent" };
  // Of two instants with this wall-clock time, luxon picks the one with the zone's offset before
  // the change; the earlier of the two is the one with the larger offset.
  const earlier = [dt, dt.minus({ hours: 1 }), dt.minus({ minutes: 30 })].find(
    (candidate) => candidate.setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm:ss") === dt.toFormat("yyyy-MM-dd'T'HH:mm:ss") && candidate < dt,
  );
  return { ok: true, instant: (earlier ?? dt).toJSDate() };
}

/** The wall-clock time of an instant in `zone`, as a datetime-local input shows it. */
export function instantToZoned(instant: Date, zone: string): string {
  const dt = DateTime.fromJSDate(instant, { zone: isTimeZone(zone) ? zone : "UTC" });
  return dt.toFormat(dt.second === 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss");
}
