/**
 * Themes: the terms that distinguish one set of comments (a paragraph's, a region's) from the
 * rest, computed here, with no external service: words and two- and three-word phrases. Formula:
 * docs/decisions/012-analysis-statistics.md; what is counted and shown (phrases, labels, numbers,
 * stop words): docs/decisions/020-themes-phrases.md.
 */
import { UNSPACED_SCRIPTS } from "./scripts";
import { allStopWords } from "./stop-words";

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
/** Web and e-mail addresses, removed before cutting words ("https", "www", "org" are not themes). */
const WEB_ADDRESS = /(?:https?:\/\/|www\.)\S+/giu;
const MAIL_ADDRESS = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/** Any digit: most words have none, and need only the roman-numeral test. */
const DIGIT = /\p{N}/u;
/**
 * Paragraph labels as comments cite them once cut into words ("PP5", "OP4(a)" → op4, "para37",
 * "§12", "III.2" → iii): a usual label prefix glued to a number. The consultation's own labels are
 * passed to `tokenize` too, for any other numbering.
 */
const LABEL = /^(?:pp|op|p|para|paras|art|sec|no|nr)\p{N}+\p{L}?$/u;
/** Ordinals written with digits: 5th, 1er, 2e, 2ème, 3º, 5-й (and any number with a short suffix: 4a, 12bis). */
const ORDINAL = /^\p{N}+[-.]?\p{L}{1,4}$/u;
/** Roman numerals up to 39, as section and chapter numbers are written (iii, xii, xxiv). */
const ROMAN = /^x{0,3}(?:ix|iv|v?i{0,3})$/u;

/** Whether a lower-cased word is a number, an ordinal or a paragraph label rather than a word. */
export function isLabelOrNumber(word: string, labels?: ReadonlySet<string>): boolean {
  if (labels?.has(word)) return true;
  return DIGIT.test(word) ? NUMBER.test(word) || LABEL.test(word) || ORDINAL.test(word) : ROMAN.test(word);
}

/**
 * The word-parts of a consultation's outline labels ("PP5" → pp5, "III.2" → iii, "Annex A" →
 * annex, a), lower-cased, for `tokenize`'s `labels`: comments citing a paragraph by its label
 * say nothing about what they discuss.
 */
export function labelWords(labels: Iterable<string | null>): Set<string> {
  const found = new Set<string>();
  for (const label of labels) if (label) for (const w of words(label.normalize("NFKC"), undefined)) found.add(w.toLowerCase());
  return found;
}

/** A word of a text in order, or `BREAK` where punctuation or a label/number/address separates words. */
const BREAK = null;
type Slot = { word: string; stop: boolean } | typeof BREAK;

/**
 * The words of a text in order, normalized, with what stops a phrase: punctuation between two
 * words, a number, a label, an address. Stop words stay (marked), as the middle of a phrase
 * ("right to privacy") but never as a theme or a phrase's first or last word.
 */
function slots(text: string, language: string | undefined, labels: ReadonlySet<string> | undefined): Slot[] {
  const stop = allStopWords;
  const out: Slot[] = [];
  const push = (segment: string) => {
    let word = segment.toLowerCase();
    if (word.includes("'") || word.includes("’")) word = word.replace(ELISION, "").replace(POSSESSIVE, "");
    if (stop.has(word)) return void out.push({ word, stop: true });
    if (isLabelOrNumber(word, labels)) return void out.push(BREAK);
    // One letter is not a word (a list's "(a)"), except one Chinese or Japanese character.
    if (word.length < 3 && [...word].length < 2 && !IDEOGRAPH.test(word)) return void out.push(BREAK);
    out.push({ word, stop: false });
  };
  let normalized = text.normalize("NFKC");
  // Looked for only where they can be: the address expressions cost more than the rest of the cutting.
  if (normalized.includes("www.") || normalized.includes("://")) normalized = normalized.replace(WEB_ADDRESS, " . ");
  if (normalized.includes("@")) normalized = normalized.replace(MAIL_ADDRESS, " . ");
  if (!UNSPACED.test(normalized)) {
    let end = 0;
    for (const m of normalized.matchAll(SPACED_WORD)) {
      // Words one space apart (the usual case) are adjacent; anything else but white space breaks a phrase.
      const adjacent = m.index === end + 1 && normalized.charCodeAt(end) === 32;
      if (out.length > 0 && !adjacent && !/^\s*$/u.test(normalized.slice(end, m.index))) out.push(BREAK);
      push(m[0]);
      end = m.index! + m[0].length;
    }
    return out;
  }
  for (const { segment, isWordLike } of segmenter(language).segment(normalized)) {
    if (isWordLike) push(segment);
    else if (!/^\s*$/u.test(segment)) out.push(BREAK);
  }
  return out;
}

/**
 * The words of a text (cut by Intl.Segmenter when written without spaces), lower-cased, without
 * the stop words of all six languages (comments quote other languages; decision 020), numbers,
 * ordinals, paragraph labels (usual forms, and `labels`: see `labelWords`), web and e-mail
 * addresses and one-letter words (one Chinese or Japanese character is a word and stays).
 */
export function tokenize(text: string, language?: string, labels?: ReadonlySet<string>): string[] {
  const tokens: string[] = [];
  for (const slot of slots(text, language, labels)) if (slot && !slot.stop) tokens.push(slot.word);
  return tokens;
}

/** Joins a phrase's words: with a space, except between two words of scripts written without spaces (数据 + 保护 → 数据保护). */
function joinWords(a: string, b: string): string {
  return UNSPACED_END.test(a) && UNSPACED_START.test(b) ? a + b : `${a} ${b}`;
}
const UNSPACED_END = new RegExp(`[${UNSPACED_SCRIPTS}]$`, "u");
const UNSPACED_START = new RegExp(`^[${UNSPACED_SCRIPTS}]`, "u");
/** Separates a phrase's words inside the counts, where they must be told apart again (subsuming). */
const JOIN = "\u0001";

/**
 * Stop words that may join two words into a phrase ("right to privacy", "protection des données",
 * "derechos de los…"): prepositions that build noun compounds, unlike "the" or "we" ("ask the
 * drafters" is no phrase).
 */
const LINKS: ReadonlySet<string> = new Set(["of", "to", "for", "on", "de", "des", "du", "à", "au", "aux", "del", "a", "en", "para"]);

/**
 * One text's terms: its words and phrases, how many words it has (the count the rates are of), and
 * for each phrase (same index in `terms`) the word just before and just after it ("" when none:
 * start, punctuation, stop word), to tell a phrase from a fragment of a longer one.
 */
export interface TextTerms {
  terms: string[];
  words: number;
  before: string[];
  after: string[];
}

/**
 * The terms of a text: its words (`tokenize`), and its two- and three-word phrases — adjacent
 * words not separated by punctuation, a number or a label, the first and last not stop words nor
 * the same word, the middle one of three possibly a linking preposition ("human rights", "data
 * protection law", "right to privacy", "protection des données"). Decision 020.
 */
export function textTerms(text: string, language?: string, labels?: ReadonlySet<string>): TextTerms {
  const s = slots(text, language, labels);
  const out: TextTerms = { terms: [], words: 0, before: [], after: [] };
  const content = (i: number) => {
    const slot = s[i];
    return slot && !slot.stop ? slot.word : "";
  };
  const phrase = (term: string, from: number, to: number) => {
    out.before[out.terms.length] = content(from - 1);
    out.after[out.terms.length] = content(to + 1);
    out.terms.push(term);
  };
  for (let i = 0; i < s.length; i++) {
    const a = s[i];
    if (!a || a.stop) continue;
    out.terms.push(a.word);
    out.words++;
    const b = s[i + 1];
    if (!b || b.word === a.word) continue;
    if (!b.stop) phrase(a.word + JOIN + b.word, i, i + 1);
    if (b.stop && !LINKS.has(b.word)) continue;
    const c = s[i + 2];
    if (c && !c.stop && c.word !== a.word && c.word !== b.word) phrase(a.word + JOIN + b.word + JOIN + c.word, i, i + 2);
  }
  return out;
}

/** Marks a side as "seen with more than one neighbour". */
const VARIED = "\u0002";

/** How often each term occurs in some texts, and how many terms they hold in all. */
export interface TermCounts {
  counts: Map<string, number>;
  total: number;
  /**
   * For each phrase, the content word always just before it (or always just after it), "" for
   * none, VARIED once two differ. Kept only where asked (`withSides`): for the whole consultation.
   */
  before?: Map<string, string>;
  after?: Map<string, string>;
}

/** Empty counts; `withSides` to record the phrases' neighbours, which `compareWithRest` reads from the whole. */
export function emptyCounts(withSides = false): TermCounts {
  return withSides ? { counts: new Map(), total: 0, before: new Map(), after: new Map() } : { counts: new Map(), total: 0 };
}

/**
 * The term counts of texts (words and phrases, `textTerms`): tokenize once, compare many times (a
 * paragraph against the rest). `total` counts words only: a phrase's rate is per word of text too.
 */
export function countTerms(texts: string[]): TermCounts {
  const counts = emptyCounts(true);
  for (const text of texts) addTerms(counts, textTerms(text));
  return counts;
}

/** Adds one text's terms (`textTerms`) to counts, in place. */
export function addTerms(into: TermCounts, terms: TextTerms): void {
  const { before, after } = into;
  for (let i = 0; i < terms.terms.length; i++) {
    const term = terms.terms[i]!;
    into.counts.set(term, (into.counts.get(term) ?? 0) + 1);
    if (before && after && terms.before[i] !== undefined) {
      note(before, term, terms.before[i]!);
      note(after, term, terms.after[i]!);
    }
  }
  into.total += terms.words;
}

function note(sides: Map<string, string>, term: string, neighbour: string): void {
  const seen = sides.get(term);
  if (seen === undefined) sides.set(term, neighbour);
  else if (seen !== neighbour && seen !== VARIED) sides.set(term, VARIED);
}

/**
 * Whether a phrase is only a fragment of a longer one: in every text of `sides`, the same word
 * stands just before it, or the same word just after it ("intelligence strategy" when always
 * "artificial intelligence strategy"; a campaign's copies repeat every fragment of their sentence).
 */
function isFragment(term: string, ...sides: TermCounts[]): boolean {
  const fixed = (side: "before" | "after") => {
    let word: string | undefined;
    for (const c of sides) {
      const seen = c[side]?.get(term);
      if (seen === undefined) continue;
      if (seen === VARIED || (word !== undefined && word !== seen)) return false;
      word = seen;
    }
    return word !== undefined && word !== "";
  };
  return fixed("before") || fixed("after");
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
 * are returned, highest score first, at most `limit` (default 20); phrases used at least twice and
 * not fragments of a longer phrase, and not the words (or shorter phrases) a phrase accounts for
 * (decision 020).
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
  return scoreTerms(t, (term) => r.counts.get(term) ?? 0, r.total, (term) => isFragment(term, t, r), options);
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
  return scoreTerms(
    part,
    (term) => Math.max(0, (all.counts.get(term) ?? 0) - (part.counts.get(term) ?? 0)),
    Math.max(0, all.total - part.total),
    (term) => isFragment(term, all),
    options,
  );
}

function scoreTerms(
  t: TermCounts,
  restCount: (term: string) => number,
  restTotal: number,
  fragment: (phrase: string) => boolean,
  options: { limit?: number; minCount?: number },
): DistinctiveTerm[] {
  const { limit = 20, minCount = 2 } = options;
  const r = { total: restTotal };
  const a0 = t.total + r.total;
  const candidates = new Map<string, DistinctiveTerm>();
  for (const [term, yt] of t.counts) {
    // A phrase met once is a coincidence of words, not a phrase.
    const isPhrase = term.includes(JOIN);
    if (yt < minCount || (isPhrase && (yt < 2 || fragment(term)))) continue;
    const yr = restCount(term);
    const aw = yt + yr;
    const delta = Math.log((yt + aw) / (t.total + a0 - yt - aw)) - Math.log((yr + aw) / (r.total + a0 - yr - aw));
    const score = delta / Math.sqrt(1 / (yt + aw) + 1 / (yr + aw));
    // A set made of one term only has infinite odds on both sides: nothing to compare.
    if (Number.isFinite(score) && score > 0) candidates.set(term, { term, score, count: yt });
  }
  // A word or shorter phrase is left out when the distinctive phrases holding it account for at
  // least three quarters of its uses in the target: "human rights" rather than "human" and
  // "rights" beside it; "protection" gone when "data protection" and "protection des données"
  // make it up; "data protection" gone when nearly always "data protection law". A phrase counts for a shorter term only through its smallest distinctive phrase
  // holding it ("data" is covered by "data protection", not again by "without data protection").
  const covered = new Map<string, number>();
  for (const [term, phrase] of candidates) {
    if (!term.includes(JOIN)) continue;
    const parts = term.split(JOIN);
    const isCandidate = (from: number, to: number) => to - from < parts.length && candidates.has(parts.slice(from, to).join(JOIN));
    for (let from = 0; from < parts.length; from++) {
      for (let to = from + 1; to <= parts.length; to++) {
        if (!isCandidate(from, to)) continue;
        // Skip when a smaller distinctive phrase of this one already holds the shorter term.
        const between = (from > 0 && isCandidate(from - 1, to)) || (to < parts.length && isCandidate(from, to + 1));
        if (between) continue;
        const inner = parts.slice(from, to).join(JOIN);
        // A word is covered by all its phrases together; a phrase by one longer phrase alone, since
        // the continuations of a phrase ("human rights must", "… safeguards") are no reason to drop it.
        covered.set(inner, to - from === 1 ? (covered.get(inner) ?? 0) + phrase.count : Math.max(covered.get(inner) ?? 0, phrase.count));
      }
    }
  }
  const subsumed = (c: DistinctiveTerm) => (covered.get(c.term) ?? 0) * 4 >= c.count * 3;
  const terms = [...candidates.values()].filter((c) => !subsumed(c));
  terms.sort((x, y) => y.score - x.score || y.count - x.count || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  return terms.slice(0, Math.max(0, limit)).map((c) => (c.term.includes(JOIN) ? { ...c, term: c.term.split(JOIN).reduce(joinWords) } : c));
}
