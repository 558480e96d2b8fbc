import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be between 1 and 65535" })
    .max(65535, { error: "must be between 1 and 65535" })
    .default(3000),
  DATABASE_PATH: z
    .string()
    .trim()
    .min(1, { error: "must not be empty" })
    .refine((p) => p === ":memory:" || !p.endsWith("/"), {
      error: "must name a file, not a folder",
    })
    .default("./data/redraft.db"),
  SESSION_SECRET: z
    .string()
    .min(32, { error: "must be at least 32 characters long" })
    .optional(),
  // Where participants reach this instance: links in e-mails and the Origin check use it, never
  // the Host header a request claims. Required in production (see the refinement below).
  PUBLIC_ORIGIN: z
    .url({ protocol: /^https?$/, error: "must be an absolute URL such as https://redraft.example.org" })
    .refine((u) => {
      // Runs after a failed URL check too (zod reports every problem): that one already speaks.
      if (!URL.canParse(u) || !/^https?:$/.test(new URL(u).protocol)) return true;
      const url = new URL(u);
      return (url.pathname === "/" || url.pathname === "") && !url.search && !url.hash && !url.username && !url.password;
    }, { error: "must be an origin only (scheme, host and port), such as https://redraft.example.org" })
    .optional(),
  // Behind a reverse proxy every request comes from the proxy's address: per-address limits (sign-in
  // throttling) would then throttle everyone together. Which proxies to believe about the client's
  // address (X-Forwarded-For), as Express's "trust proxy": a hop count, loopback, uniquelocal or
  // addresses and subnets, comma-separated. Unset: the socket's own address.
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^(\d{1,2}|(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/\d{1,3})?))*)$/, {
      error: "must be a number of proxies (such as 1), loopback, uniquelocal, or addresses and subnets separated by commas",
    })
    .optional(),
  // E-mail leaves the outbox by SMTP only when this is set (smtp://user:pass@host:587).
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.org:587" })
    .optional(),
  // Several app processes share socket.io events, rate limits and cache invalidations through this
  // Redis (decision 036). Unset: one process, everything in its memory.
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379 or rediss://:password@redis.example.org:6380/0" })
    .optional(),
  MAIL_FROM: z.email({ error: "must be an e-mail address" }).default("redraft@localhost"),
  // Outside production, the demo consultation's synthetic comments on first start (0: none).
  DEMO_COMMENTS: z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(0, { error: "must be between 0 and 100000" })
    .max(100_000, { error: "must be between 0 and 100000" })
    .default(3000),
  // Per-address limits are sized for this many people behind one address (a meeting room behind
  // one NAT, decision 027); the per-account limits are the main defence against flooding.
  RATE_LIMIT_PEOPLE_PER_ADDRESS: z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be between 1 and 100000" })
    .max(100_000, { error: "must be between 1 and 100000" })
    .default(300),
  // Comments, replies and edits one account may send in 10 minutes.
  RATE_LIMIT_ACCOUNT_WRITES: z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be between 1 and 10000" })
    .max(10_000, { error: "must be between 1 and 10000" })
    .default(40),
  // The cache of rendered public pages (decision 025): its memory bound, and how long a page is
  // served before it is rendered again even if nothing it shows was written (0 MB: no cache).
  PAGE_CACHE_MB: z.coerce
    .number({ error: "must be a whole number of megabytes" })
    .int({ error: "must be a whole number of megabytes" })
    .min(0, { error: "must be between 0 and 4096" })
    .max(4096, { error: "must be between 0 and 4096" })
    .default(64),
  PAGE_CACHE_MAX_AGE_SECONDS: z.coerce
    .number({ error: "must be a whole number of seconds" })
    .int({ error: "must be a whole number of seconds" })
    .min(1, { error: "must be between 1 and 86400" })
    .max(86_400, { error: "must be between 1 and 86400" })
    .default(300),
  // During a burst of writes, a page is rendered at most once per this interval (readers get the
  // page rendered before, at most this old); 0: every change shows on the next request.
  PAGE_CACHE_MIN_INTERVAL_MS: z.coerce
    .number({ error: "must be a whole number of milliseconds" })
    .int({ error: "must be a whole number of milliseconds" })
    .min(0, { error: "must be between 0 and 60000" })
    .max(60_000, { error: "must be between 0 and 60000" })
    .default(1000),
  // Kept pages rendered in a worker thread, off the event loop that serves them (decision 034);
  // 0: on the main thread, as every other page.
  RENDER_WORKER: z.enum(["0", "1"], { error: "must be 1 (render kept pages in a worker thread) or 0 (on the main thread)" }).default("1"),
}).superRefine((env, ctx) => {
  if (env.NODE_ENV === "production" && !env.PUBLIC_ORIGIN) {
    ctx.addIssue({
      code: "custom",
      path: ["PUBLIC_ORIGIN"],
      message: "is required in production: the address participants use, such as https://redraft.example.org (links in e-mails point there)",
    });
  }
});

export interface Config {
  nodeEnv: "development" | "production" | "test";
  port: number;
  databasePath: string;
  dataFolder: string;
  sessionSecret: string;
  /** The origin (scheme, host, port) links in e-mails point to, and the one browsers may post from. */
  publicOrigin: string;
  /**
   * Origins a browser may send state-changing requests from: the public origin; outside production
   * without PUBLIC_ORIGIN, also the loopback names of the same port (localhost, 127.0.0.1, [::1]).
   */
  trustedOrigins: string[];
  /** Express's "trust proxy" setting (false: the socket's own address is the client's). */
  trustProxy: number | string | false;
  smtpUrl?: string;
  /** The Redis that several app processes share (decision 036); unset: one process, in memory. */
  redisUrl?: string;
  mailFrom: string;
  /** Synthetic comments on the demo consultation at first start, outside production. */
  demoComments: number;
  /** The sizes the rate limits derive from (app/auth/rate-limit-rules.ts). */
  rateLimits: { peoplePerAddress: number; accountWrites: number };
  /** Memory for cached pages, in bytes (0: pages are not cached). */
  pageCacheBytes: number;
  /** How long a cached page is served at most, in milliseconds. */
  pageCacheMaxAgeMs: number;
  /** A page is rendered again at most once per this many milliseconds, whatever is written. */
  pageCacheMinIntervalMs: number;
  /** Whether kept pages are rendered in a worker thread (decision 034). */
  renderWorker: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

/** Validates the environment; empty strings count as unset so `PORT= npm start` means the default. */
export function parseEnv(env: Env) {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".") || "environment";
        // Never echo a secret back into logs.
        const value = name === "SESSION_SECRET" || name === "SMTP_URL" || name === "REDIS_URL" ? undefined : cleaned[name];
        return `${name}: ${issue.message}${value === undefined ? "" : ` (got "${value}")`}`;
      }),
    );
  }
  return result.data;
}

/**
 * Reads the session secret kept in the data folder, creating it on first start so a newcomer
 * needs to configure nothing. The file is readable by its owner only.
 */
export function loadOrCreateSessionSecret(dataFolder: string): string {
  const file = join(dataFolder, "session-secret");
  if (existsSync(file)) {
    const secret = readFileSync(file, "utf8").trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dataFolder, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function origins(publicOrigin: string | undefined, port: number): Pick<Config, "publicOrigin" | "trustedOrigins"> {
  // Production always has PUBLIC_ORIGIN (the schema requires it).
  if (publicOrigin) {
    const origin = new URL(publicOrigin).origin;
    return { publicOrigin: origin, trustedOrigins: [origin] };
  }
  const loopback = ["localhost", "127.0.0.1", "[::1]"].map((host) => `http://${host}:${port}`);
  return { publicOrigin: loopback[0]!, trustedOrigins: loopback };
}

export function loadConfig(env: Env = process.env): Config {
  const parsed = parseEnv(env);
  const databasePath =
    parsed.DATABASE_PATH === ":memory:" ? ":memory:" : resolve(parsed.DATABASE_PATH);
  const dataFolder =
    databasePath === ":memory:" ? resolve("./data") : dirname(databasePath);
  mkdirSync(dataFolder, { recursive: true });
  return {
    nodeEnv: parsed.NODE_ENV,
    port: parsed.PORT,
    databasePath,
    dataFolder,
    sessionSecret: parsed.SESSION_SECRET ?? loadOrCreateSessionSecret(dataFolder),
    ...origins(parsed.PUBLIC_ORIGIN, parsed.PORT),
    trustProxy: parsed.TRUST_PROXY === undefined ? false : /^\d+$/.test(parsed.TRUST_PROXY) ? Number(parsed.TRUST_PROXY) : parsed.TRUST_PROXY,
    smtpUrl: parsed.SMTP_URL,
    redisUrl: parsed.REDIS_URL,
    mailFrom: parsed.MAIL_FROM,
    demoComments: parsed.DEMO_COMMENTS,
    rateLimits: { peoplePerAddress: parsed.RATE_LIMIT_PEOPLE_PER_ADDRESS, accountWrites: parsed.RATE_LIMIT_ACCOUNT_WRITES },
    pageCacheBytes: parsed.PAGE_CACHE_MB * 1024 * 1024,
    pageCacheMaxAgeMs: parsed.PAGE_CACHE_MAX_AGE_SECONDS * 1000,
    pageCacheMinIntervalMs: parsed.PAGE_CACHE_MIN_INTERVAL_MS,
    renderWorker: parsed.RENDER_WORKER === "1",
  };
}
