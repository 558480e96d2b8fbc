/**
 * Rendered public pages kept, compressed once, until something they show is written (decision 025).
 *
 * Only a visitor without a session gets a cached page: everything personal on a page (the header
 * with a name, "your comment", a draft in a form) is rendered for someone with a session, so a page
 * without one holds nothing of anyone's. Such a page depends on its address, its language and the
 * consultation's page revision (db/page-revision.server.ts), which triggers move in the transaction
 * of every write that changes what it shows; the key is those. A page is stored only if it is a 200
 * HTML page that sets no cookie. Concurrent requests for the same missing page wait for one render.
 * Memory is bounded by bytes (least recently used first out), and a page is rendered again after
 * a maximum age whatever happens.
 *
 * Each response has its own CSP nonce; a stored page cannot, so it is served with a policy that
 * allows its inline scripts by their SHA-256 instead (computed once when it is stored).
 */
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants as zlibConstants, gzip } from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import Negotiator from "negotiator";
import { isMalformedPath } from "./http-guards.server";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export interface CachedPage {
  status: number;
  /** The app's headers, without those that differ per response or per encoding. */
  headers: [string, string][];
  /** The Content-Security-Policy with the page's inline scripts allowed by hash, not by nonce. */
  policy: string | null;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** A hash of the uncompressed page: the strong ETag, with the encoding appended. */
  tag: string;
  bytes: number;
  storedAt: number;
}

type Stored = { revision: string; page: CachedPage };

/** Headers never stored: they belong to one response or one encoding. */
const PER_RESPONSE = new Set(["content-length", "content-encoding", "content-security-policy", "date", "etag", "set-cookie", "transfer-encoding", "vary", "cache-control"]);

/** A bound on the bookkeeping around a page's bytes (key, headers, the Map's entry). */
const ENTRY_OVERHEAD = 2048;

export class PageCache {
  private readonly pages = new Map<string, Stored>();
  private readonly flights = new Map<string, Promise<CachedPage | null>>();
  /** The render under way per address, whatever its revision. */
  private readonly latestFlight = new Map<string, Promise<CachedPage | null>>();
  /** Renders in progress per address (whatever their revision). */
  private readonly rendering = new Map<string, number>();
  private totalBytes = 0;
  /** Counted for the benchmark and the tests: renders started and pages served from memory. */
  readonly stats = { hits: 0, stale: 0, renders: 0, evictions: 0 };

  /**
   * `maxStaleMs`: how old (since it was rendered) a page of an earlier revision may be and still be
   * served while the newer one is being rendered. `minIntervalMs`: how long a page is served after
   * it was rendered even if its revision moved meanwhile (0: a change shows on the next request).
   */
  constructor(
    private readonly options: { maxBytes: number; maxAgeMs: number; maxStaleMs?: number; minIntervalMs?: number; now?: () => number },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get size(): number {
    return this.pages.size;
  }

  /** The stored page for `key` at `revision`, if it is current; a hit counts as a recent use. */
  get(key: string, revision: string): CachedPage | undefined {
    const stored = this.pages.get(key);
    if (!stored) return undefined;
    if (this.now() - stored.page.storedAt >= this.options.maxAgeMs) {
      this.remove(key);
      return undefined;
    }
    // An older revision stays until the newer page replaces it: readers may get it meanwhile.
    if (stored.revision !== revision) return undefined;
    this.pages.delete(key);
    this.pages.set(key, stored);
    this.stats.hits += 1;
    return stored.page;
  }

  set(key: string, revision: string, page: CachedPage): void {
    // One revision per page: an older one is never asked for again.
    this.remove(key);
    if (page.bytes > this.options.maxBytes) return;
    this.pages.set(key, { revision, page });
    this.totalBytes += page.bytes;
    for (const [oldest] of this.pages) {
      if (this.totalBytes <= this.options.maxBytes) break;
      this.remove(oldest);
      this.stats.evictions += 1;
    }
  }

  private remove(key: string): void {
    const stored = this.pages.get(key);
    if (!stored) return;
    this.pages.delete(key);
    this.totalBytes -= stored.page.bytes;
  }

  /**
   * The page for `key` at `revision`: from memory, or rendered once however many ask at the same
   * time. A response that may not be stored (not a 200 HTML page, or one setting a cookie) goes to
   * the request that rendered it; the others that waited render their own.
   *
   * During a burst of writes the revision moves faster than the page renders: were every reader to
   * wait for the page of the revision they saw, they would all wait on renders, one after another.
   * So while a newer page is being rendered, readers who find no current one get the page kept
   * from the previous revision (at most `maxStaleMs` old: by default as old as a kept page may be
   * at all), and one render at a time keeps it moving. A bound of 10 s made every reader wait
   * for the render under way once the kept page passed it: on a saturated host the render worker
   * (decision 034, nice 10) took longer than that, and readers timed out — a page one render old
   * is the freshest the server can give then, and the live counts keep a reader with JavaScript
   * current meanwhile. A reader who asks when no render is in progress — alone, or the first after a write —
   * starts the render and gets the current page, unless the kept page is younger than
   * `minIntervalMs`: a page costing more to render than the time between two comments would
   * otherwise take all the server's time (a rendering of the 50,000-comment draft blocks the event
   * loop for a few hundred milliseconds), so it is rendered at most once per interval per address.
   */
  async serve(key: string, revision: string, render: () => Promise<Response>, policy: string | null = null): Promise<CachedPage | Response> {
    const now = this.immediate(key, revision);
    if (now) return now;
    const flightKey = `${revision}\n${key}`;
    const flying = this.flights.get(flightKey);
    if (flying) {
      const page = await flying.catch(() => null);
      if (page) return page;
      return render();
    }
    // One render of an address at a time. With no kept page recent enough to be given, a reader
    // of a newer revision waits for the render under way (its page is at most one render behind)
    // rather than starting another: during a burst the revision moves with every comment, and
    // each reader starting their own render would queue hundreds of them (in the render worker,
    // decision 034, nothing else slows their arrival).
    const under = this.latestFlight.get(key);
    if (under) {
      const page = await under.catch(() => null);
      if (page) return page;
    }
    let unstorable: Response | undefined;
    const flight = (async () => {
      this.stats.renders += 1;
      const response = await render();
      if (!storable(response)) {
        unstorable = response;
        return null;
      }
      const page = await toCachedPage(response, this.now(), policy);
      this.set(key, revision, page);
      return page;
    })();
    this.flights.set(flightKey, flight);
    this.latestFlight.set(key, flight);
    this.rendering.set(key, (this.rendering.get(key) ?? 0) + 1);
    try {
      return (await flight) ?? unstorable!;
    } finally {
      this.flights.delete(flightKey);
      if (this.latestFlight.get(key) === flight) this.latestFlight.delete(key);
      const left = this.rendering.get(key)! - 1;
      if (left > 0) this.rendering.set(key, left);
      else this.rendering.delete(key);
    }
  }

  /**
   * What `serve` answers without rendering or waiting, synchronously: the current page, or the
   * previous one while a newer renders or within the minimum interval; undefined when only a render
   * (or waiting for one) can answer.
   */
  immediate(key: string, revision: string): CachedPage | undefined {
    const hit = this.get(key, revision);
    if (hit) return hit;
    const previous = this.previous(key, this.rendering.has(key) ? (this.options.maxStaleMs ?? this.options.maxAgeMs) : (this.options.minIntervalMs ?? 0));
    if (previous) this.stats.stale += 1;
    return previous;
  }

  /** The page kept under `key` from an earlier revision, if it was rendered less than `withinMs` ago. */
  private previous(key: string, withinMs: number): CachedPage | undefined {
    const stored = this.pages.get(key);
    if (!stored || this.now() - stored.page.storedAt >= withinMs) return undefined;
    return stored.page;
  }
}

/** Only what is the same for every visitor without a session may be kept. */
export function storable(response: Response): boolean {
  return (
    response.status === 200 &&
    !response.headers.has("set-cookie") &&
    /^text\/html\b/i.test(response.headers.get("content-type") ?? "") &&
    !/\b(no-store|private)\b/i.test(response.headers.get("cache-control") ?? "")
  );
}

/** `policy`: the Content-Security-Policy sent with the render (the app's own headers hold none). */
export async function toCachedPage(response: Response, now: number, policy: string | null = null): Promise<CachedPage> {
  const identity = Buffer.from(await response.arrayBuffer());
  // Compressed once per revision, off the event loop (zlib's thread pool). Brotli's quality 5 is
  // about gzip's cost for a fifth less size; 11 would take a second for the largest page.
  const [gz, br] = await Promise.all([
    gzipAsync(identity, { level: 6 }),
    brotliAsync(identity, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: identity.length },
    }),
  ]);
  const headers = [...response.headers.entries()].filter(([name]) => !PER_RESPONSE.has(name.toLowerCase()));
  policy ??= response.headers.get("content-security-policy");
  return {
    status: response.status,
    headers,
    policy: policy === null ? null : hashedPolicy(policy, identity.toString("utf8")),
    identity,
    gzip: gz,
    br,
    tag: createHash("sha256").update(identity).digest("base64url").slice(0, 27),
    bytes: identity.length + gz.length + br.length + ENTRY_OVERHEAD,
    storedAt: now,
  };
}

/**
 * The policy with its script nonce replaced by the hashes of the page's inline scripts. React
 * escapes text, so "<script" in a rendered page is always a script element the app wrote.
 */
export function hashedPolicy(policy: string, html: string): string {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(match[1]!)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(match[2]!, "utf8").digest("base64")}'`);
  }
  return policy.replace(/\s*'nonce-[^']*'/g, hashes.size > 0 ? ` ${[...hashes].join(" ")}` : "");
}

type Encoding = "br" | "gzip" | "identity";

/**
 * Sends a stored page, in the encoding the client prefers, or 304 if it already has this one. Node's
 * own request and response, so that the Express middleware and the path before Express
 * (keptPageFastPath) send the same answer.
 */
export function sendCachedPage(req: IncomingMessage, res: ServerResponse, page: CachedPage): void {
  const encoding = (new Negotiator(req).encoding(["br", "gzip", "identity"], ["br", "gzip", "identity"]) ?? "identity") as Encoding;
  const tag = `"${page.tag}${encoding === "identity" ? "" : `-${encoding}`}"`;
  for (const [name, value] of page.headers) res.setHeader(name, value);
  if (page.policy !== null) res.setHeader("Content-Security-Policy", page.policy);
  // Browsers may keep the page but ask each time (the answer is a 304 while it is current); the
  // page differs by language, encoding and session.
  res.setHeader("Cache-Control", "private, no-cache");
  res.setHeader("Vary", "Accept-Encoding, Accept-Language, Cookie");
  res.setHeader("ETag", tag);
  const asked = req.headers["if-none-match"];
  if (asked && asked.split(",").some((t) => t.trim().replace(/^W\//, "") === tag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const body = page[encoding];
  if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Length", String(body.length));
  res.statusCode = page.status;
  if (req.method === "HEAD") res.end();
  else res.end(body);
}

/** The pages kept: a consultation's public reading pages (the slug names the revision to read). */
const CACHEABLE_PATH = /^\/c\/([a-z0-9-]{1,100})(?:\/(?:p\/[^/]{1,40}|what-we-heard|changes|comments))?\/?$/;
/**
 * Query parameters a kept page may have; any other makes the request render as usual. Besides the
 * text and language asked for: a comment list's page (cursor or permalink target), sort and filters
 * (app/comments/comment-pages.ts, comments.server.ts threadFilterSchema). Each combination is its
 * own entry, bounded like every other by the cache's bytes.
 */
const KNOWN_PARAMETERS = new Set([
  "text", "language", "published",
  "after", "before", "comment",
  "sort", "stance", "region", "electoral", "group",
]);
const MAX_URL_LENGTH = 512;

/** The cache key's address part and the consultation's slug, or null for a request never served from the cache. */
export function cacheableAddress(req: Pick<ExpressRequest, "method" | "path" | "originalUrl"> & { headers: { cookie?: string } }): { slug: string } | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  if (req.originalUrl.length > MAX_URL_LENGTH) return null;
  // Whoever has a session (valid or not) gets a page rendered for them.
  if (/(?:^|;\s*)redraft_session=/.test(req.headers.cookie ?? "")) return null;
  const match = CACHEABLE_PATH.exec(req.path);
  if (!match || isMalformedPath(req.path)) return null;
  const url = new URL(req.originalUrl, "http://x");
  for (const name of url.searchParams.keys()) if (!KNOWN_PARAMETERS.has(name)) return null;
  return { slug: match[1]! };
}

/**
 * Express middleware serving kept pages. `revision` reads the consultation's page revision (null:
 * no such consultation, nothing kept); `locale` the language a visitor without a session gets;
 * `render` the app's response for the request.
 */
export function pageCacheMiddleware(options: {
  cache: PageCache | null;
  revision: (slug: string) => string | null;
  locale: (req: ExpressRequest) => Promise<string>;
  render: (req: ExpressRequest, res: ExpressResponse) => Promise<Response>;
  send: (res: ExpressResponse, response: Response) => Promise<void>;
}): RequestHandler {
  return (req, res, next) => {
    const cache = options.cache;
    const address = cache ? cacheableAddress(req) : null;
    if (!cache || !address) return next();
    void (async () => {
      // Read before the render: a write during it moves the revision, so what is stored under this
      // one is never older than it.
      const revision = options.revision(address.slug);
      if (revision === null) return next();
      const key = `${await options.locale(req)}\n${req.originalUrl}`;
      // The app answers HEAD without a body: it may be served a kept page, never fill one.
      if (req.method === "HEAD") {
        const hit = cache.get(key, revision);
        if (hit) sendCachedPage(req, res, hit);
        else next();
        return;
      }
      const policy = res.getHeader("content-security-policy");
      const result = await cache.serve(key, revision, () => options.render(req, res), typeof policy === "string" ? policy : null);
      if (res.headersSent || res.destroyed) return;
      if (result instanceof Response) await options.send(res, result);
      else sendCachedPage(req, res, result);
    })().catch((error: unknown) => {
      if (!res.headersSent) next(error);
    });
  };
}

/**
 * Kept pages answered before Express (docs/benchmarks.md, "Where the remaining time goes"). At 100
 * connections a kept page cost about 200 µs of the event loop, most of it Express's middleware, a
 * CSP nonce and compression's wrapping of a response that is already compressed; Node accepts one
 * new connection per turn of the loop (libuv ≥ 1.45), so the longer each turn, the longer a new
 * visitor waits before their first request is even read. Only the plainest request takes this
 * path: a GET or HEAD of a kept address, without a body and without any cookie (a language cookie
 * is signed and parsed asynchronously: those go through Express, to the same cache), answered at
 * once from memory. Everything else returns false, for Express to answer.
 */
export function keptPageFastPath(options: {
  cache: PageCache | null;
  revision: (slug: string) => string | null;
  /** The language of a visitor without any cookie, from Accept-Language. */
  locale: (acceptLanguage: string | undefined) => string;
  /** The headers Express's security middleware sets on every response, but the CSP (the page has its own). */
  headers: readonly (readonly [string, string])[];
  /** Called for each answer sent, before it is sent (the request trackers Express would have run). */
  served?: (req: IncomingMessage, res: ServerResponse) => void;
}): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const { cache } = options;
    if (!cache || req.headers.cookie !== undefined) return false;
    if (req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined) return false;
    const url = req.url ?? "";
    const query = url.indexOf("?");
    const address = cacheableAddress({ method: req.method ?? "", path: query < 0 ? url : url.slice(0, query), originalUrl: url, headers: req.headers });
    if (!address) return false;
    const revision = options.revision(address.slug);
    if (revision === null) return false;
    // The key the Express middleware uses: the language, then Express's originalUrl (req.url).
    const key = `${options.locale(req.headers["accept-language"])}\n${url}`;
    const page = req.method === "HEAD" ? cache.get(key, revision) : cache.immediate(key, revision);
    if (!page) return false;
    for (const [name, value] of options.headers) res.setHeader(name, value);
    options.served?.(req, res);
    sendCachedPage(req, res, page);
    return true;
  };
}
