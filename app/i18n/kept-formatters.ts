/**
 * Intl formatters built once and reused. Building one costs about as much as a hundred uses of
 * it, and one page formats thousands of numbers and hundreds of dates (counts of 100,000
 * comments, a long discussion). Keys name the locale and whatever else shapes the output.
 */
const kept = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
/** Locales come from the app's six, but an unexpected one (a time zone, a bad tag) must not grow the map without end. */
const MAX_KEPT = 128;

function keep<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = kept.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    if (kept.size < MAX_KEPT) kept.set(key, formatter);
  }
  return formatter;
}

/** `name` identifies `options` (the callers' options are fixed per name). */
export const numberFormatter = (locale: string, name: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
  keep(`number\u0000${locale}\u0000${name}`, () => new Intl.NumberFormat(locale, options));

export const dateFormatter = (locale: string, name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  keep(`date\u0000${locale}\u0000${name}`, () => new Intl.DateTimeFormat(locale, options));
