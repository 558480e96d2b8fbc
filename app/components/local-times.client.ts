/**
 * The reader's own time zone on pages sent without React (handle.hydrate = false, such as the full
 * draft): the server can only write moments in UTC, so this rewrites every <LocalTime> element
 * once the page loads, with the hydrated pages' formatter (identical text).
 */
import { LOCAL_TIME_ATTRIBUTE, localDateFormatter } from "./local-date-format";

export function showLocalTimes(root: ParentNode = document): void {
  const locale = document.documentElement.lang || "en";
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const element of root.querySelectorAll<HTMLTimeElement>(`time[${LOCAL_TIME_ATTRIBUTE}]`)) {
    const instant = new Date(element.dateTime);
    if (Number.isNaN(instant.getTime())) continue;
    const withTime = element.getAttribute(LOCAL_TIME_ATTRIBUTE) === "datetime";
    element.textContent = localDateFormatter(locale, withTime, timeZone).format(instant);
  }
}

if (typeof document !== "undefined") showLocalTimes();
