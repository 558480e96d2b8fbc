/** Text clean-up shared by every source format. */

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

export function toSuperscript(n: string): string {
  return n.replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!);
}

export function fromSuperscript(s: string): string {
  return [...s].map((c) => String(SUPERSCRIPT_DIGITS.indexOf(c))).join("");
}

export const SUPERSCRIPT_CLASS = "[⁰¹²³⁴⁵⁶⁷⁸⁹]";

/** Markdown links left by HTML-to-text extraction (`[A/74/821](#)`) and backslash escapes. */
export function stripLinksAndEscapes(text: string): string {
  return text
    .replace(/\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)/g, "$1")
    .replace(/\\([()[\]*_#\\.-])/g, "$1");
}

export function stripEmphasis(text: string): string {
  return text.replace(/\*+/g, "");
}

/** Collapses runs of white space and fixes spacing artefacts of PDF extraction ("Center ’s", "start -ups"). */
export function normalizeSpaces(text: string): string {
  return text
    .replace(/[\u00a0\u2007\u202f\t]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/ ([’'](?:s|S)\b)/g, "$1")
    .replace(/(\p{L}) -(\p{Ll})/gu, "$1-$2")
    // A space before "," ")" "]" is an extraction artefact in every language; before ";" and ":" it is
    // correct French typography (the importer does not know the language), so it stays.
    .replace(/ ([,)\]])/g, "$1")
    .trim();
}

/**
 * Joins two wrapped lines. A line ending in a hyphen is a compound split at the line end
 * ("thirty-" + "fourth"); UN documents are not hyphenated at line ends, so the hyphen stays.
 * A hyphen followed by a space in the source ("low- and middle-income") is a suspended hyphen.
 */
export function joinWrapped(previous: string, next: string, previousHadTrailingSpace: boolean): string {
  // "low-" + "and middle-income" is a suspended hyphen that fell at the line end.
  const suspended = /^(?:and|or|nor|to)\b/.test(next);
  if (previous.endsWith("-") && !previousHadTrailingSpace && !suspended && /^\p{L}/u.test(next)) return previous + next;
  return `${previous} ${next}`;
}

/**
 * Words of two letters or fewer in the UN languages written with spaces: a fragment that is one of
 * these is read as a word, not as the tail of a split one ("sa" in "Rappelant sa résolution").
 */
const SHORT_WORDS = new Set(
  [
    "a i am an as at be by do go he if in is it me my no of on or so to up us we ii iv vi ix xi",
    "à au ce de du en et il je la le ma me ne ni on ou sa se si ta te tu un y",
    "al da de el en es ha la le lo me mi ni no os se si su te tu un ya yo",
    "в во да до же за и из к ко ли на не ни но о об от по с со то у уж я",
    "في من عن أو لا ما",
  ].join(" ").split(" "),
);

/**
 * Rejoins words split by extraction ("arti ficial", "a nd", "safe ty") where the document itself
 * shows the joined word elsewhere and the fragment appears nowhere else as a word.
 */
export function rejoinSplitWords(texts: string[]): string[] {
  const counts = new Map<string, number>();
  for (const t of texts) {
    for (const w of t.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  // The fragment is matched in a lookahead so that "recognized t he" still sees "t he". Word edges
  // are letter/non-letter lookarounds: JavaScript's \b is ASCII-only even with the u flag, so it
  // would cut "résolution" after "ré".
  return texts.map((t) =>
    t.replace(/(?<!\p{L})(\p{L}+) (?=(\p{Ll}{1,6})(?!\p{L}))/gu, (match, a: string, b: string) => {
      const joinedCount = counts.get((a + b).toLowerCase()) ?? 0;
      const fragmentCount = counts.get(b.toLowerCase()) ?? 0;
      if (fragmentCount > 1) return match;
      // "safe ty": a two-letter fragment that is no word of its own is a split word.
      const strayFragment = b.length === 2 && !SHORT_WORDS.has(b.toLowerCase()) && a.length > 1;
      return joinedCount >= 2 || strayFragment ? a : match;
    }),
  );
}
