/** The numbering typed at the start of a paragraph of a UN text, as every source format gives it. */

export type TypedNumber =
  | { type: "section"; label: string; rest: string } // "I. SCOPE", "III.2. PRINCIPLES"
  | { type: "named-section"; label: string; rest: string } // "POLICY AREA 3: DATA POLICY"
  | { type: "paragraph"; number: number; rest: string } // "37. text"
  | { type: "decimal"; label: string; major: number; rest: string } // "1.1. text", "9.5 text"
  | { type: "parenthesized"; token: string; rest: string }; // "(a) text", "(iii) text", "(A) text"

const SECTION = /^([IVXL]+(?:\.\d{1,2})?)\.?\s+(\S[\s\S]*)$/;
const NAMED_SECTION = /^(\p{Lu}[\p{Lu} ]{2,40}? \d{1,3}):\s*(\S[\s\S]*)$/u;
const PARAGRAPH = /^(\d{1,3})\.\s+(\S[\s\S]*)$/;
const DECIMAL = /^((\d{1,2})\.\d{1,2})\.?\s+(\S[\s\S]*)$/;
/** "(a)", "(iii)", and "(A)" for the level under a roman one. */
const PARENTHESIZED = /^\(([a-z]{1,2}|[ivxl]{1,6}|[A-Z])\)\s*(\S[\s\S]*)$/;

export function parseTypedNumber(text: string): TypedNumber | null {
  let m = SECTION.exec(text);
  // "I." needs its dot ("I am" is a sentence); "III.2" may lack a trailing one.
  if (m && (m[1]!.includes(".") || text.startsWith(`${m[1]}.`))) return { type: "section", label: m[1]!, rest: m[2]! };
  if ((m = NAMED_SECTION.exec(text))) return { type: "named-section", label: m[1]!, rest: m[2]! };
  if ((m = PARAGRAPH.exec(text))) return { type: "paragraph", number: Number(m[1]), rest: m[2]! };
  if ((m = DECIMAL.exec(text))) return { type: "decimal", label: m[1]!, major: Number(m[2]), rest: m[3]! };
  if ((m = PARENTHESIZED.exec(text))) return { type: "parenthesized", token: m[1]!, rest: m[2]! };
  return null;
}

/** A line that can only be the start of a paragraph, whatever the layout around it. */
export function startsNewBlock(text: string): boolean {
  return parseTypedNumber(text.replace(/^\*+/, "").trim()) !== null;
}

const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };

export function romanToNumber(roman: string): number {
  let total = 0;
  const s = roman.toLowerCase();
  for (let i = 0; i < s.length; i++) {
    const value = ROMAN_VALUES[s[i]!]!;
    const next = ROMAN_VALUES[s[i + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

export function isRoman(token: string): boolean {
  return /^[ivxl]+$/.test(token) && toRoman(romanToNumber(token)) === token;
}

export function toRoman(n: number): string {
  const table: [number, string][] = [[50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
  let out = "";
  for (const [value, numeral] of table) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

export function letterIndex(token: string): number {
  // (a)…(z), then (aa), (bb)… as UN texts continue long lists.
  return token.length === 1 ? token.charCodeAt(0) - 96 : 26 + token.charCodeAt(0) - 96;
}
