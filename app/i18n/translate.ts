import { IntlMessageFormat } from "intl-messageformat";
import { languages } from "../../db/enums";
import { en, type MessageKey } from "./messages.en";
import { dateFormatter, numberFormatter } from "./kept-formatters";

/** The UI languages: the six official languages of the United Nations, as in users.language. */
export const locales = languages;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;
/** A translation catalog: keys still missing fall back to English (the catalog test lists them). */
export type Catalog = Partial<Record<MessageKey, string>>;

const catalogs: Partial<Record<Locale, Catalog>> = { en };
const compiled = new Map<string, IntlMessageFormat>();

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Right-to-left scripts among the UI languages. */
export function textDirection(locale: Locale): "rtl" | "ltr" {
  return locale === "ar" ? "rtl" : "ltr";
}

/**
 * Makes a catalog available. The server registers all of them at start (catalogs.server.ts); the
 * browser loads only the page's own language before hydrating (load-catalog.ts).
 */
export function registerCatalog(locale: Locale, catalog: Catalog): void {
  catalogs[locale] = catalog;
  for (const key of compiled.keys()) if (key.startsWith(`${locale}\u0000`)) compiled.delete(key);
}

export function hasCatalog(locale: Locale): boolean {
  return catalogs[locale] !== undefined;
}

/** The one translation function of the UI: ICU messages, compiled once per locale and key. */
export function createTranslator(locale: Locale = defaultLocale): Translate {
  return (key, values) => {
    const cacheKey = `${locale}\u0000${key}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      const own = catalogs[locale]?.[key];
      format = own === undefined ? new IntlMessageFormat(en[key], defaultLocale) : new IntlMessageFormat(own, locale);
      compiled.set(cacheKey, format);
    }
    return String(format.format(values));
  };
}

export function formatDate(date: Date, locale: Locale = defaultLocale, timeZone = "UTC"): string {
  return dateFormatter(locale, `long|${timeZone}`, { dateStyle: "long", timeZone }).format(date);
}

/** Counts and figures with the locale's digits and grouping (ICU messages use {n, number}). */
export function formatNumber(value: number, locale: Locale = defaultLocale): string {
  return numberFormatter(locale, "plain").format(value);
}
