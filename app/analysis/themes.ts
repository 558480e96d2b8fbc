/**
 * Themes: the terms that distinguish one set of comments (a paragraph's, a region's) from the
 * rest, computed here, with no external service. Formula and choices:
 * docs/decisions/012-analysis-statistics.md.
 */
import { languages, type Language } from "../../db/enums";
import { UNSPACED_SCRIPTS } from "./scripts";
import { allStopWords, stopWords } from "./stop-words";

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(language: string | undefined): Intl.Segmenter {
  const key = language ?? "";
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(language, { granularity: "word" });
    segmenters.set(key, s);
  }
  return s;
}

const UNSPACED = new RegExp(`[${UNSPACED_SCRIPTS}]`, "u");
/** A word of a script written with spaces: letters, marks and digits, with inner apostrophes. */
const SPACED_WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * The words of a text. Intl.Segmenter's dictionaries are needed only for scripts written without
 * spaces, and it is about ten times slower than a regular expression, so it is kept for those.
 */
function words(text: string, language: string | undefined): string[] {
  if (!UNSPACED.test(text)) return text.match(SPACED_WORD) ?? [];
  const found: string[] = [];
  for (const { segment, isWordLike } of segmenter(language).segment(text)) if (isWordLike) found.push(segment);
  return found;
}

const NUMBER = /^[\p{N}.,]+$/u;
/** Scripts in which a single character is a word. */
const IDEOGRAPH = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]$/u;
/** French and Italian elisions (l’, d’, qu’…) and the English possessive. */
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})/u;
const POSSESSIVE = /['’]s$/u;

function isLanguage(language: string | undefined): language is Language {
  return (languages as readonly string[]).includes(language ?? "");
}

/**
 * The words of a text (cut by Intl.Segmenter when written without spaces), lower-cased, without
 * stop words (those of `language`, or of all six languages when it is not one of them), numbers
 * and one-letter words (one Chinese or Japanese character is a word and stays).
 */
export function tokenize(text: string, language?: string): string[] {
  const stop = isLanguage(language) ? stopWords[language] : allStopWords;
  const tokens: string[] = [];
  for (const segment of words(text.normalize("NFKC"), language)) {
    let word = segment.toLowerCase();
    if (word.includes("'") || word.includes("’")) word = word.replace(ELISION, "").replace(POSSESSIVE, "");
    if (stop.has(word) || NUMBER.test(word)) continue;
    if (word.length < 3 && [...word].length < 2 && !IDEOGRAPH.test(word)) continue;
    tokens.push(word);
  }
  return tokens;
}

/** How often each term occurs in some texts, and how many terms they hold in all. */
export interface TermCounts {
  counts: Map<string, number>;
  total: number;
}

/** The term counts of texts: tokenize once, compare many times (a paragraph against the rest). */
export function countTerms(texts: string[]): TermCounts {
  const counts: TermCounts = { counts: new Map(), total: 0 };
  for (const text of texts) addTerms(counts, tokenize(text));
  return counts;
}

/** Adds terms (e.g. one comment's `tokenize`) to counts, in place. */
export function addTerms(into: TermCounts, terms: readonly string[]): void {
  for (const term of terms) into.counts.set(term, (into.counts.get(term) ?? 0) + 1);
  into.total += terms.length;
}

/** The counts of `all` without those of `part` (which it contains): "the rest" of a paragraph. */
export function withoutCounts(all: TermCounts, part: TermCounts): TermCounts {
  const counts = new Map(all.counts);
  for (const [term, n] of part.counts) {
    const left = (counts.get(term) ?? 0) - n;
    if (left > 0) counts.set(term, left);
    else counts.delete(term);
  }
  return { counts, total: Math.max(0, all.total - part.total) };
}

export interface DistinctiveTerm {
  term: string;
  /** The z-score of the log-odds ratio: how many standard deviations the term leans to the target. */
  score: number;
  /** Occurrences in the target texts. */
  count: number;
}

/**
 * The terms most distinctive of `target` against `rest`: the weighted log-odds ratio with an
 * informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' words"), the prior being
 * the counts of both sets together (α_w = y_w, α₀ = n, as in tidylo). For a term w used y_t times
 * in the n_t target words and y_r times in the n_r other words:
 *   δ = ln((y_t + α_w) / (n_t + α₀ − y_t − α_w)) − ln((y_r + α_w) / (n_r + α₀ − y_r − α_w))
 *   σ² = 1 / (y_t + α_w) + 1 / (y_r + α_w),  score = δ / σ.
 * Only terms used at least `minCount` times (default 2) in the target and leaning to it (score > 0)
 * are returned, highest score first, at most `limit` (default 20).
 */
export function distinctiveTerms(
  target: string[],
  rest: string[],
  options: { limit?: number; minCount?: number } = {},
): DistinctiveTerm[] {
  return compareTermCounts(countTerms(target), countTerms(rest), options);
}

/** `distinctiveTerms` over counts already made, e.g. with `countTerms` and `withoutCounts`. */
export function compareTermCounts(
  t: TermCounts,
  r: TermCounts,
  options: { limit?: number; minCount?: number } = {},
): DistinctiveTerm[] {
  return scoreTerms(t, (term) => r.counts.get(term) ?? 0, r.total, options);
}

/**
 * `compareTermCounts(part, withoutCounts(all, part))` without copying `all`: the rest's counts are
 * read as all − part term by term. For many parts of one whole (every paragraph against the rest
 * of the consultation), where copying a vocabulary of tens of thousands of terms per part would
 * cost more than the comparison.
 */
export function compareWithRest(
  all: TermCounts,
  part: TermCounts,
  options: { limit?: number; minCount?: number } = {},
): DistinctiveTerm[] {
  return scoreTerms(part, (term) => Math.max(0, (all.counts.get(term) ?? 0) - (part.counts.get(term) ?? 0)), Math.max(0, all.total - part.total), options);
}

function scoreTerms(
  t: TermCounts,
  restCount: (term: string) => number,
  restTotal: number,
  options: { limit?: number; minCount?: number },
): DistinctiveTerm[] {
  const { limit = 20, minCount = 2 } = options;
  const r = { total: restTotal };
  const a0 = t.total + r.total;
  const terms: DistinctiveTerm[] = [];
  for (const [term, yt] of t.counts) {
    if (yt < minCount) continue;
    const yr = restCount(term);
    const aw = yt + yr;
    const delta = Math.log((yt + aw) / (t.total + a0 - yt - aw)) - Math.log((yr + aw) / (r.total + a0 - yr - aw));
    const score = delta / Math.sqrt(1 / (yt + aw) + 1 / (yr + aw));
    // A set made of one term only has infinite odds on both sides: nothing to compare.
    if (Number.isFinite(score) && score > 0) terms.push({ term, score, count: yt });
  }
  terms.sort((x, y) => y.score - x.score || y.count - x.count || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  return terms.slice(0, Math.max(0, limit));
}
