import { useEffect, useState } from "react";
import { useLocale } from "../i18n/i18n-context";

/**
 * A moment in the reader's own time zone. The server cannot know it, so the page first shows the
 * date in UTC (saying so), and the browser rewrites it in local time once scripts run.
 */
export function useLocalDateFormatter(withTime = false) {
  const locale = useLocale();
  const [timeZone, setTimeZone] = useState<string | null>(null);
  useEffect(() => setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  return (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "long",
      day: "numeric",
      ...(withTime ? { hour: "numeric", minute: "2-digit" } : {}),
      timeZone: timeZone ?? "UTC",
      ...(withTime || !timeZone ? { timeZoneName: "short" } : {}),
    }).format(new Date(iso));
}
