import { dateFormatter } from "../i18n/kept-formatters";

/**
 * How a moment reads in the reader's own zone: one formatter per locale, precision and time zone
 * (a browser has one zone; a server renders in UTC, saying so). Shared by the React components
 * (local-date.tsx) and the plain script of the pages sent without React (local-times.client.ts),
 * so both write the very same text.
 */
export const localDateFormatter = (locale: string, withTime: boolean, timeZone: string | null) =>
  dateFormatter(locale, `local|${withTime}|${timeZone ?? ""}`, {
    year: "numeric",
    month: "long",
    day: "numeric",
    ...(withTime ? { hour: "numeric", minute: "2-digit" } : {}),
    timeZone: timeZone ?? "UTC",
    ...(withTime || !timeZone ? { timeZoneName: "short" } : {}),
  });

/** The attribute <LocalTime> marks its <time> with: "date" or "datetime", its precision. */
export const LOCAL_TIME_ATTRIBUTE = "data-local-time";
