/**
 * CSV as spreadsheet programs read it: UTF-8 with a byte-order mark (without it Excel guesses a
 * legacy code page and accents break), CRLF line ends, fields quoted when they hold a quote, a
 * separator or a line break. A field starting with =, +, - or @ is prefixed with an apostrophe so a
 * spreadsheet does not run a participant's text as a formula.
 */
export const BOM = "\uFEFF";

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvField).join(",") + "\r\n";
}
