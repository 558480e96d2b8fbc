/**
 * Campaigns: the same text sent in by many people ("one text × N submitters"). Near-identical
 * comments are found with word shingles, MinHash signatures and locality-sensitive hashing, then
 * checked against their true Jaccard similarity. Parameters and their reasons:
 * docs/decisions/012-analysis-statistics.md.
 */
import { UNSPACED_SCRIPTS } from "./scripts";
import { runToEnd, type Steps } from "./stepwise";

export interface Campaign {
  /** The comments of the campaign, ascending. */
  ids: number[];
  /** The first comment sent (lowest id): the one shown for all. */
  representativeId: number;
}

export interface CampaignOptions {
  /** Jaccard similarity of the shingle sets at or above which two comments are the same text. */
  threshold?: number;
  /** The fewest comments that make a campaign. */
  minSize?: number;
  /** Seed of the hash functions: the same seed gives the same result. */
  seed?: number;
  /** Comments with fewer words (or CJK characters) are never grouped: "I agree" is not a campaign. */
  minTokens?: number;
}

/** Words per shingle; a CJK or Thai character counts as a word, as these scripts use no spaces. */
export const SHINGLE_SIZE = 3;
const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
/** Leaders compared per LSH bucket: bounds the work when unrelated comments share a bucket. */
const LEADERS_PER_BUCKET = 8;
/** Bucket keys (32 bits) and comment indexes share one float64 when sorting: 53 − 32 bits. */
const INDEX_BITS = 21;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** MurmurHash3's finaliser: spreads every input bit over the output. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** SplitMix32: a small deterministic generator for the hash constants. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    return fmix32(state);
  };
}

const SEPARATOR = 0;
const WORD = 1;
/** A character that is a token by itself: scripts written without spaces. */
const SINGLE = 2;
const SURROGATE = 3;
const SINGLE_CHAR = new RegExp(`^[${UNSPACED_SCRIPTS}]$`, "u");
const SEPARATOR_CHAR = /^[\s\p{P}\p{S}\p{Cc}]$/u;

function classOf(char: string): number {
  return SINGLE_CHAR.test(char) ? SINGLE : SEPARATOR_CHAR.test(char) ? SEPARATOR : WORD;
}

let bmpTable: Uint8Array | undefined;
/** The class of every character of the Basic Multilingual Plane, computed once (a few ms). */
function classTable(): Uint8Array {
  if (!bmpTable) {
    bmpTable = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) bmpTable[c] = c >= 0xd800 && c <= 0xdfff ? SURROGATE : classOf(String.fromCharCode(c));
  }
  return bmpTable;
}

/**
 * Cuts normalised text into tokens — runs of letters and digits, or single characters of scripts
 * written without spaces — and calls `emit` with each token's FNV-1a hash and place. A table
 * lookup per character rather than a regular expression, and no token strings: for 100,000
 * Chinese comments of 400 characters this is 40 million tokens.
 */
function scanTokens(text: string, emit: (hash: number, start: number, end: number) => void): void {
  const table = classTable();
  let hash = FNV_OFFSET;
  let start = -1;
  for (let i = 0; i < text.length; ) {
    let cls = table[text.charCodeAt(i)]!;
    let width = 1;
    if (cls === SURROGATE) {
      const point = text.codePointAt(i)!;
      width = point > 0xffff ? 2 : 1;
      cls = classOf(String.fromCodePoint(point));
    }
    if (cls === WORD) {
      if (start < 0) {
        start = i;
        hash = FNV_OFFSET;
      }
      for (let j = i; j < i + width; j++) hash = Math.imul(hash ^ text.charCodeAt(j), FNV_PRIME);
    } else {
      if (start >= 0) emit(hash >>> 0, start, i);
      start = -1;
      if (cls === SINGLE) {
        let single = FNV_OFFSET;
        for (let j = i; j < i + width; j++) single = Math.imul(single ^ text.charCodeAt(j), FNV_PRIME);
        emit(single >>> 0, i, i + width);
      }
    }
    i += width;
  }
  if (start >= 0) emit(hash >>> 0, start, text.length);
}

function normalise(body: string): string {
  return body.normalize("NFKC").toLowerCase();
}

/** Lower-cased NFKC tokens, punctuation and symbols dropped, as the shingles see them. */
export function campaignTokens(body: string): string[] {
  const text = normalise(body);
  const tokens: string[] = [];
  scanTokens(text, (_hash, start, end) => tokens.push(text.slice(start, end)));
  return tokens;
}

/**
 * Many comments' shingles in one growing buffer, comment d's at [start(d), end(d)). 100,000
 * comments as 100,000 small typed arrays cost more in object headers and garbage collection than
 * in data, and the whole consultation's shingles are held at once while grouping.
 */
class ShingleSets {
  private pool = new Uint32Array(1 << 16);
  private used = 0;
  /** Comment d's shingles start at bounds[2d] and end at bounds[2d + 1]. */
  private bounds = new Int32Array(1 << 12);
  private sorted = new Uint8Array(1 << 11);
  count = 0;
  private readonly tokens: number[] = [];

  /** Adds a comment's shingle hashes in text order, repeats included (none under `minTokens` tokens). */
  addText(body: string, minTokens: number): void {
    const hashes = this.tokens;
    hashes.length = 0;
    scanTokens(normalise(body), (hash) => hashes.push(hash));
    const k = Math.min(SHINGLE_SIZE, hashes.length);
    const length = hashes.length < Math.max(1, minTokens) ? 0 : hashes.length - k + 1;
    const start = this.reserve(length);
    for (let i = 0; i < length; i++) {
      let h = k;
      for (let j = 0; j < k; j++) h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64 + Math.imul(hashes[i + j]!, 0xcc9e2d51);
      this.pool[start + i] = fmix32(h);
    }
  }

  /** Adds a ready set. */
  addSet(set: ArrayLike<number>): void {
    const start = this.reserve(set.length);
    for (let i = 0; i < set.length; i++) this.pool[start + i] = set[i]!;
  }

  private reserve(length: number): number {
    if (this.used + length > this.pool.length) {
      const grown = new Uint32Array(Math.max(this.pool.length * 2, this.used + length));
      grown.set(this.pool.subarray(0, this.used));
      this.pool = grown;
    }
    if (2 * this.count + 2 > this.bounds.length) {
      const grown = new Int32Array(this.bounds.length * 2);
      grown.set(this.bounds);
      this.bounds = grown;
      const sorted = new Uint8Array(this.sorted.length * 2);
      sorted.set(this.sorted);
      this.sorted = sorted;
    }
    const start = this.used;
    this.bounds[2 * this.count] = start;
    this.bounds[2 * this.count + 1] = start + length;
    this.count++;
    this.used += length;
    return start;
  }

  start(d: number): number {
    return this.bounds[2 * d]!;
  }
  end(d: number): number {
    return this.bounds[2 * d + 1]!;
  }
  size(d: number): number {
    return this.end(d) - this.start(d);
  }
  /** Raw access for the hashing loops; valid until the next add. */
  values(): Uint32Array {
    return this.pool;
  }

  /**
   * Sorts comment d's shingles ascending without repeats, in place, once. Sorting waits until a
   * comparison needs it: MinHash ignores order and repeats, and most comments are never compared.
   */
  private sort(d: number): void {
    if (this.sorted[d]) return;
    const start = this.start(d);
    const shingles = this.pool.subarray(start, this.end(d)).sort();
    let unique = 0;
    for (let i = 0; i < shingles.length; i++) if (i === 0 || shingles[i] !== shingles[i - 1]) shingles[unique++] = shingles[i]!;
    this.bounds[2 * d + 1] = start + unique;
    this.sorted[d] = 1;
  }

  /** Comment d's set, sorted ascending without repeats. */
  set(d: number): Uint32Array {
    this.sort(d);
    return this.pool.subarray(this.start(d), this.end(d));
  }

  /**
   * Whether the Jaccard similarity of comments a's and b's sets reaches `threshold`, read in
   * place (the comparison loop runs millions of times on a form letter's near-copies: no views).
   */
  similar(a: number, b: number, threshold: number): boolean {
    this.sort(a);
    this.sort(b);
    const pool = this.pool;
    const i = this.start(a);
    const j = this.start(b);
    const aEnd = this.end(a);
    const bEnd = this.end(b);
    const aSize = aEnd - i;
    const bSize = bEnd - j;
    // |A ∩ B| / |A ∪ B| ≤ min / max: sets of very different sizes cannot be similar.
    if (Math.min(aSize, bSize) < threshold * Math.max(aSize, bSize)) return false;
    if (aSize === 0 && bSize === 0) return true;
    const common = commonValues(pool, i, aEnd, pool, j, bEnd);
    return common / (aSize + bSize - common) >= threshold;
  }
}

/** How many values two ascending runs without repeats share: a[aFrom, aTo) and b[bFrom, bTo). */
function commonValues(a: Uint32Array, aFrom: number, aTo: number, b: Uint32Array, bFrom: number, bTo: number): number {
  let common = 0;
  for (let i = aFrom, j = bFrom; i < aTo && j < bTo; ) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common;
}

/** The set of shingle hashes of a comment, sorted ascending, without repeats. */
export function shingleSet(body: string, minTokens = 1): Uint32Array {
  const sets = new ShingleSets();
  sets.addText(body, minTokens);
  return sets.set(0).slice();
}

/** |A ∩ B| / |A ∪ B| of two sorted sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  const common = commonValues(a, 0, a.length, b, 0, b.length);
  return common / (a.length + b.length - common);
}

const BIN_SHIFT = 32 - Math.log2(HASHES);
const VALUE_MASK = (1 << BIN_SHIFT) - 1;
const EMPTY = -1;

/**
 * MinHash signatures of HASHES values per set, by one-permutation hashing with optimal
 * densification (Li, Owen & Zhang 2012; Shrivastava 2017): each shingle is hashed once with a
 * seeded bijection of the 32-bit values; its top 6 bits choose one of 64 bins and the rest is its
 * value; each bin keeps its minimum. A bin no shingle fell into borrows the value of another bin,
 * chosen by a probe sequence that depends only on the bin and the seed, so that two similar sets
 * borrow alike. The estimate is as good as 64 separate permutations' (the share of equal bins is
 * an unbiased estimate of the Jaccard similarity) at one hash per shingle instead of 64.
 */
export function minHashSignatures(sets: Uint32Array[], seed: number): Int32Array {
  const packed = new ShingleSets();
  for (const set of sets) packed.addSet(set);
  const signatures = new Int32Array(packed.count * HASHES).fill(EMPTY);
  signInto(signatures, packed, seed, 0, packed.count);
  return signatures;
}

/** Writes the signatures of sets [from, to) into `signatures` (HASHES values per set). */
function signInto(signatures: Int32Array, sets: ShingleSets, seed: number, from: number, to: number): void {
  const next = generator(seed);
  const mix = next();
  const probeSeed = next();
  const bins = new Int32Array(HASHES);
  const values = sets.values();
  for (let d = from; d < to; d++) {
    const start = sets.start(d);
    const end = sets.end(d);
    if (end === start) continue;
    bins.fill(EMPTY);
    for (let s = start; s < end; s++) {
      const h = fmix32(values[s]! ^ mix);
      const bin = h >>> BIN_SHIFT;
      const value = h & VALUE_MASK;
      if (bins[bin] === EMPTY || value < bins[bin]!) bins[bin] = value;
    }
    const base = d * HASHES;
    for (let bin = 0; bin < HASHES; bin++) {
      if (bins[bin] !== EMPTY) {
        signatures[base + bin] = bins[bin]!;
        continue;
      }
      let donor = EMPTY;
      for (let attempt = 0; attempt < 4 * HASHES && donor === EMPTY; attempt++) {
        const probe = fmix32(Math.imul(bin + 1, 0x9e3779b1) ^ Math.imul(attempt + 1, 0x85ebca6b) ^ probeSeed) >>> BIN_SHIFT;
        if (bins[probe] !== EMPTY) donor = probe;
      }
      // Past 256 misses (a set of one or two shingles), the next filled bin round the circle.
      for (let step = 1; donor === EMPTY; step++) if (bins[(bin + step) % HASHES] !== EMPTY) donor = (bin + step) % HASHES;
      signatures[base + bin] = bins[donor]!;
    }
  }
}

/** The share of equal positions of two signatures: an estimate of the Jaccard similarity. */
export function estimatedJaccard(signatures: Int32Array, d1: number, d2: number): number {
  let equal = 0;
  for (let i = 0; i < HASHES; i++) if (signatures[d1 * HASHES + i] === signatures[d2 * HASHES + i]) equal++;
  return equal / HASHES;
}

class UnionFind {
  private parent: Int32Array;
  private size: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
    this.size = new Int32Array(n).fill(1);
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }
  union(x: number, y: number): void {
    let rx = this.find(x);
    let ry = this.find(y);
    if (rx === ry) return;
    if (this.size[rx]! < this.size[ry]!) [rx, ry] = [ry, rx];
    this.parent[ry] = rx;
    this.size[rx]! += this.size[ry]!;
  }
}

/**
 * Groups of near-identical comments (at least `minSize`), largest first. Two comments are linked
 * when the Jaccard similarity of their 3-word shingle sets is at least `threshold`; a group is a
 * connected set of links. Candidates come from 16 LSH bands of 4 MinHash values (a pair at 0.8
 * shares a band with probability 0.9998, at 0.5 with 0.64, at 0.2 with 0.03); every candidate is
 * then checked on its true Jaccard similarity, so the hashing can miss a pair but never invent one.
 */
export function findCampaigns(comments: Iterable<{ id: number; body: string }>, options: CampaignOptions = {}): Campaign[] {
  return runToEnd(campaignSteps([comments], options));
}

/** Documents signed per step: about 20 ms of work. */
const SIGNING_STEP = 10_000;

/**
 * findCampaigns as steps (stepwise.ts): it yields after each batch of comments, each slice of
 * signatures and each LSH band, so that no step holds the event loop for long.
 */
export function* campaignSteps(batches: Iterable<Iterable<{ id: number; body: string }>>, options: CampaignOptions = {}): Steps<Campaign[]> {
  const { threshold = 0.8, minSize = 3, seed = 1, minTokens = 10 } = options;
  // Read once: each text is cut into shingles and then let go, so a caller may stream the
  // comments from the database instead of holding every text.
  const ids: number[] = [];
  const sets = new ShingleSets();
  for (const batch of batches) {
    for (const c of batch) {
      if (ids.length >= 2 ** INDEX_BITS - 1) throw new RangeError(`findCampaigns handles at most ${2 ** INDEX_BITS - 1} comments`);
      ids.push(c.id);
      sets.addText(c.body, minTokens);
    }
    yield;
  }
  const n = ids.length;
  const signatures = new Int32Array(n * HASHES).fill(EMPTY);
  for (let from = 0; from < n; from += SIGNING_STEP) {
    signInto(signatures, sets, seed, from, Math.min(n, from + SIGNING_STEP));
    yield;
  }
  const groups = new UnionFind(n);

  const keys = new Float64Array(n);
  const leaders: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let used = 0;
    for (let d = 0; d < n; d++) {
      if (sets.size(d) === 0) continue;
      let h = band;
      const base = d * HASHES + band * ROWS;
      for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ signatures[base + r]!, 0x01000193);
      keys[used++] = fmix32(h) * 2 ** INDEX_BITS + d;
    }
    const bucketed = keys.subarray(0, used).sort();
    for (let start = 0; start < used; ) {
      const key = Math.floor(bucketed[start]! / 2 ** INDEX_BITS);
      let end = start + 1;
      while (end < used && Math.floor(bucketed[end]! / 2 ** INDEX_BITS) === key) end++;
      if (end - start > 1) {
        leaders.length = 0;
        for (let m = start; m < end; m++) {
          const d = bucketed[m]! % 2 ** INDEX_BITS;
          let linked = false;
          for (const leader of leaders) {
            if (groups.find(d) === groups.find(leader) || sets.similar(d, leader, threshold)) {
              groups.union(d, leader);
              linked = true;
              break;
            }
          }
          if (!linked && leaders.length < LEADERS_PER_BUCKET) leaders.push(d);
        }
      }
      start = end;
    }
    yield;
  }

  const members = new Map<number, number[]>();
  for (let d = 0; d < n; d++) {
    if (sets.size(d) === 0) continue;
    const root = groups.find(d);
    const list = members.get(root);
    if (list) list.push(ids[d]!);
    else members.set(root, [ids[d]!]);
  }
  const campaigns: Campaign[] = [];
  for (const ids of members.values()) {
    if (ids.length < minSize) continue;
    ids.sort((x, y) => x - y);
    campaigns.push({ ids, representativeId: ids[0]! });
  }
  return campaigns.sort((x, y) => y.ids.length - x.ids.length || x.representativeId - y.representativeId);
}

/**
 * Campaigns collapsed: one item per campaign, carrying how many of the items were in it; other
 * items carry 1. The item kept is the campaign's representative, or, when a filter left it out,
 * the campaign's first item present, so that a filtered view does not lose the campaign.
 */
export function collapseCampaigns<T extends { id: number }>(
  items: T[],
  campaigns: Campaign[],
): (T & { campaignSize: number })[] {
  const campaignOf = new Map<number, Campaign>();
  for (const c of campaigns) for (const id of c.ids) campaignOf.set(id, c);
  const present = new Map<Campaign, T[]>();
  for (const item of items) {
    const c = campaignOf.get(item.id);
    if (!c) continue;
    const list = present.get(c);
    if (list) list.push(item);
    else present.set(c, [item]);
  }
  const kept = new Map<T, number>();
  for (const [c, list] of present) kept.set(list.find((i) => i.id === c.representativeId) ?? list[0]!, list.length);
  const out: (T & { campaignSize: number })[] = [];
  for (const item of items) {
    if (!campaignOf.has(item.id)) out.push({ ...item, campaignSize: 1 });
    else if (kept.has(item)) out.push({ ...item, campaignSize: kept.get(item)! });
  }
  return out;
}
