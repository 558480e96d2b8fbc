import { IntlMessageFormat } from "intl-messageformat";
import { en, type MessageKey } from "./messages.en";

export type Locale = "en";
export const defaultLocale: Locale = "en";
export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

const catalogs: Record<Locale, Record<MessageKey, string>> = { en };
const compiled = new Map<string, IntlMessageFormat>();

/** The one translation function of the UI: ICU messages, compiled once per locale and key. */
export function createTranslator(locale: Locale = defaultLocale): Translate {
  return (key, values) => {
    const cacheKey = `${locale}\u0000${key}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      format = new IntlMessageFormat(catalogs[locale][key] ?? en[key], locale);
      compiled.set(cacheKey, format);
    }
    return String(format.format(values));
  };
}

export function formatDate(date: Date, locale: Locale = defaultLocale, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }).format(date);
}
