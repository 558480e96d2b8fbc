/**
 * CSV as spreadsheet programs read it: UTF-8 with a byte-order mark (without it Excel guesses a
 * legacy code page and accents break), CRLF line ends, fields quoted when they hold a quote, a
 * separator or a line break. A field starting with =, +, - or @ is prefixed with an apostrophe so a
 * spreadsheet does not run a participant's text as a formula.
 */
export const BOM = "\uFEFF";

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  // A number's text (digits, sign, point, exponent) never starts a formula nor needs quotes.
  if (typeof value !== "string") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n;]/;

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvField).join(",") + "\r\n";
}
