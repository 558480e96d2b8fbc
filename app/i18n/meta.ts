import { createTranslator, defaultLocale, isLocale, type Translate } from "./translate";

/** A translator for a route's meta function, in the page's language (from the root loader). */
export function metaTranslator(matches: readonly { id: string; data?: unknown }[]): Translate {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  return createTranslator(isLocale(root?.locale) ? root.locale : defaultLocale);
}
