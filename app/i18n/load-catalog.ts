import { hasCatalog, registerCatalog, type Catalog, type Locale } from "./translate";

// One chunk per language: a reader downloads the catalog of the page's language only.
const importers: Record<Exclude<Locale, "en">, () => Promise<Catalog>> = {
  fr: () => import("./messages.fr").then((m) => m.fr),
  es: () => import("./messages.es").then((m) => m.es),
  ar: () => import("./messages.ar").then((m) => m.ar),
  zh: () => import("./messages.zh").then((m) => m.zh),
  ru: () => import("./messages.ru").then((m) => m.ru),
};

/** Loads the page's catalog in the browser before hydration (English is always there). */
export async function loadCatalog(locale: Locale): Promise<void> {
  if (locale === "en" || hasCatalog(locale)) return;
  registerCatalog(locale, await importers[locale]());
}
