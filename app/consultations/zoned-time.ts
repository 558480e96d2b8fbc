/**
 * Wall-clock date-times in a named time zone ↔ UTC instants, through luxon (decision 023): a
 * secretariat enters "31 August 2026, 23:59" in "Europe/Paris", the database keeps the instant.
 */
import { DateTime, IANAZone } from "luxon";

export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * Intl lists zones by their CLDR names, some of them IANA's former names: "Europe/Kiev" for Kyiv,
 * "Asia/Calcutta" for Kolkata. A secretariat must be offered the current names (a country's own
 * spelling matters); the former ones stay valid zones (luxon and Intl read both), so a consultation
 * stored with one keeps working and shows the current name in its form.
 */
const CURRENT_ZONE_NAMES: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** A zone's current IANA name ("Europe/Kiev" → "Europe/Kyiv"); other names unchanged. */
export function currentZoneName(zone: string): string {
  return Object.hasOwn(CURRENT_ZONE_NAMES, zone) ? CURRENT_ZONE_NAMES[zone]! : zone;
}

/** The zones offered in forms: every IANA zone the runtime knows, by its current name, UTC first. */
export function timeZoneNames(): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const current = [...new Set(all.map(currentZoneName))].filter((z) => z !== "UTC" && isTimeZone(z)).sort();
  return ["UTC", ...current];
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
