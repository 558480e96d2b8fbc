import { Fragment, useEffect, useState } from "react";
import { useLocale } from "../i18n/i18n-context";
import { dateFormatter } from "../i18n/kept-formatters";
import { localDateFormatter } from "./local-date-format";

/**
 * A moment in the reader's own time zone. The server cannot know it, so the page first shows the
 * date in UTC (saying so), and the browser rewrites it in local time once scripts run.
 *
 * Render what it formats with <LocalTime> (or <WithLocalTime> inside a sentence), never as bare
 * text: the server's Node and the reader's browser carry their own ICU data, and versions format
 * the same date differently (", " or " at ", narrow or plain spaces, "UTC" or "GMT", digits), so
 * the browser's first render may not match the server's HTML (React errors #418/#425).
 */
export function useLocalDateFormatter(withTime = false) {
  const locale = useLocale();
  const [timeZone, setTimeZone] = useState<string | null>(null);
  useEffect(() => setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  const format = localDateFormatter(locale, withTime, timeZone);
  return (iso: string) => format.format(new Date(iso));
}

/**
 * A <time> element with the moment formatted by the browser. Its text is its only child and is
 * left out of hydration's comparison (`suppressHydrationWarning` applies to this element's own
 * text only): the browser writes its own rendering over the server's instead of failing.
 */
export function LocalTime({ iso, withTime = false }: { iso: string; withTime?: boolean }) {
  const format = useLocalDateFormatter(withTime);
  return (
    // The attribute lets the pages sent without React rewrite it too (local-times.client.ts).
    <time dateTime={iso} data-local-time={withTime ? "datetime" : "date"} suppressHydrationWarning>
      {format(iso)}
    </time>
  );
}

const DATE_SLOT = "\uE000";

/**
 * A translated sentence with a moment in it ("Closed on {date}"): the sentence is translated with
 * a placeholder, and the moment goes in as a <LocalTime>.
 */
export function WithLocalTime({ message, iso, withTime = false }: { message: (date: string) => string; iso: string; withTime?: boolean }) {
  const parts = message(DATE_SLOT).split(DATE_SLOT);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <LocalTime iso={iso} withTime={withTime} /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}

/**
 * A moment in the consultation's own time zone, named ("31 August 2026, 23:59 Central European
 * Time"), shown beside the reader's local time so nobody has to convert a deadline by hand.
 */
export function ZonedTime({ iso, timeZone }: { iso: string; timeZone: string }) {
  const locale = useLocale();
  let text: string;
  try {
    text = dateFormatter(locale, `zoned|${timeZone}`, {
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZone,
      // "Central European Time" for a zone with a generic name; UTC has none ("GMT+00:00").
      timeZoneName: /^(Etc\/)?(UTC|GMT|Universal|Zulu)$/.test(timeZone) ? "long" : "longGeneric",
    }).format(new Date(iso));
  } catch {
    text = new Date(iso).toISOString();
  }
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}

/**
 * "Closes on {date}" where the date is the reader's local time followed by the consultation's own
 * ("31 August 2026 at 23:59 CEST (31 August 2026 at 23:59 Central European Time)").
 */
export function WithTwoZones({ message, iso, timeZone }: { message: (date: string) => string; iso: string; timeZone: string }) {
  const parts = message(DATE_SLOT).split(DATE_SLOT);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? (
            <>
              <LocalTime iso={iso} withTime />
              <span className="zoned-time">
                {" ("}
                <ZonedTime iso={iso} timeZone={timeZone} />
                {")"}
              </span>
            </>
          ) : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
