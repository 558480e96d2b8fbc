import Negotiator from "negotiator";
import { defaultLocale, isLocale, locales, type Locale } from "./translate";

/**
 * Which language a page is shown in: the signed-in reader's profile language, else the language
 * chosen with the switcher (a cookie), else the browser's Accept-Language (q-values and regional
 * variants such as fr-CA or zh-Hans-CN, matched by negotiator), else English.
 */
export function negotiateLocale(sources: { profile?: string | null; chosen?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(sources.profile)) return sources.profile;
  if (isLocale(sources.chosen)) return sources.chosen;
  if (sources.acceptLanguage) {
    const [best] = new Negotiator({ headers: { "accept-language": sources.acceptLanguage } }).languages([...locales]);
    if (isLocale(best)) return best;
  }
  return defaultLocale;
}
