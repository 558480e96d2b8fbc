/**
 * Rate limits against guessing and flooding, per account and per address (rate-limiter-flexible:
 * in memory when one process serves Redraft, in Redis when several do, decision 036; only get,
 * consume, reward and delete are used, which every store has). Sizes and why: rate-limit-rules.ts
 * and decision 027.
 */
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { data } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import type { Config } from "../config/env.server";
import { translatableError } from "../i18n/error-message";
import { allowedAddresses } from "./address-allowances.server";
import { limitRules, minutesToWait, type LimiterName, type LimitRule, type LimitSizes, type WriteKind } from "./rate-limit-rules";

export type { LimiterName } from "./rate-limit-rules";

/**
 * Sign-in is throttled, never by locking the account: an account lock would let anyone lock the
 * secretariat out on a consultation's closing day by failing a few times. Only failures count:
 * - failed attempts from one address (signInFailuresPerAddress), sized for a room;
 * - failed attempts at one account from one address (signInFailuresPerAccountAndAddress): that
 *   address waits, the account's owner elsewhere does not;
 * - failed attempts at one account from anywhere only slow its sign-ins down (signInDelayMs).
 */
export interface LimitCheck {
  name: LimiterName;
  key: string;
}

export type LimitOutcome = { allowed: true } | { allowed: false; msBeforeNext: number; refusedBy: LimiterName[] };

export type LimiterFactory = (name: LimiterName, rule: LimitRule) => RateLimiterAbstract;

const inMemory: LimiterFactory = (name, rule) => new RateLimiterMemory({ keyPrefix: name, points: rule.points, duration: rule.duration });

/** Where the limits' keys live in a shared Redis, apart from socket.io's. */
export const REDIS_KEY_PREFIX = "redraft:limit:";

/**
 * Limits shared by every process through Redis: an account's or an address's allowance is the same
 * whichever process answers. While Redis cannot be reached (the client fails at once, see
 * app/config/redis.server.ts), each process counts in its own memory instead (the insurance
 * limiter), so comments and sign-ins go on being accepted and limited, each process allowing the
 * full allowance: a flood gets at most one allowance per process during the outage, never none.
 */
export function inRedis(client: Redis): LimiterFactory {
  return (name, rule) =>
    new RateLimiterRedis({
      storeClient: client,
      keyPrefix: `${REDIS_KEY_PREFIX}${name}`,
      points: rule.points,
      duration: rule.duration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: inMemory(name, rule),
    });
}

export class RateLimits {
  readonly rules: ReturnType<typeof limitRules>;
  private readonly limiters: Record<LimiterName, RateLimiterAbstract>;

  constructor(sizes: LimitSizes, factory: LimiterFactory = inMemory) {
    this.rules = limitRules(sizes);
    this.limiters = Object.fromEntries(
      Object.entries(this.rules).map(([name, rule]) => [name, factory(name as LimiterName, rule)]),
    ) as Record<LimiterName, RateLimiterAbstract>;
  }

  /** Which of these limits would refuse one more, without counting anything. */
  async refusal(checks: readonly LimitCheck[]): Promise<LimitOutcome> {
    const refusedBy: LimiterName[] = [];
    let msBeforeNext = 0;
    for (const { name, key } of checks) {
      const state = await this.limiters[name].get(key);
      if (state !== null && state.consumedPoints >= this.rules[name].points) {
        refusedBy.push(name);
        msBeforeNext = Math.max(msBeforeNext, state.msBeforeNext);
      }
    }
    return refusedBy.length === 0 ? { allowed: true } : { allowed: false, msBeforeNext, refusedBy };
  }

  /**
   * Counts one attempt against every limit given, only if all of them allow it: a refusal by one
   * never uses up another's allowance (issue 21: a refusal by the address limit used to cost the
   * account its own). Two requests racing past the check are settled by the stores' atomic
   * consume: the loser gives back what it took.
   */
  async consumeAll(checks: readonly LimitCheck[]): Promise<LimitOutcome> {
    const checked = await this.refusal(checks);
    if (!checked.allowed) return checked;
    const taken: LimitCheck[] = [];
    for (const check of checks) {
      taken.push(check);
      try {
        await this.limiters[check.name].consume(check.key);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        // A refused consume still counted its point in the store: give every point back.
        await Promise.all(taken.map((t) => this.limiters[t.name].reward(t.key)));
        return { allowed: false, msBeforeNext: error.msBeforeNext, refusedBy: [check.name] };
      }
    }
    return { allowed: true };
  }

  /** Counts an event (a failed sign-in) in each, whatever their state: a counter, not a gate. */
  async record(checks: readonly LimitCheck[]): Promise<void> {
    for (const { name, key } of checks) {
      try {
        await this.limiters[name].consume(key);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
      }
    }
  }

  async count(name: LimiterName, key: string): Promise<number> {
    return (await this.limiters[name].get(key))?.consumedPoints ?? 0;
  }

  async forgive(name: LimiterName, key: string): Promise<void> {
    await this.limiters[name].delete(key);
  }
}

const fallback = new WeakMap<Config, RateLimits>();

/**
 * The process's limits, sized by its configuration: one instance in the load context (server.ts),
 * shared by the Express layer and the Remix build (each bundle has its own copy of this module).
 * A context built without one (a unit test) gets one per configuration.
 */
export function rateLimits(context: Pick<AppLoadContext, "config" | "rateLimits">): RateLimits {
  if (context.rateLimits) return context.rateLimits;
  let limits = fallback.get(context.config);
  if (!limits) fallback.set(context.config, (limits = new RateLimits(context.config.rateLimits)));
  return limits;
}

/** The client's address as the server saw it (server.ts puts it in the load context). */
export function clientAddress(context: { clientIp?: string }): string {
  return context.clientIp ?? "unknown";
}

/**
 * The per-address check, unless the secretariat allowed this address for a meeting (an active
 * allowance exempts it from per-address limits; per-account limits still apply).
 */
export function addressCheck(context: Pick<AppLoadContext, "db" | "clientIp" | "allowedAddresses">, name: LimiterName): LimitCheck[] {
  const address = clientAddress(context);
  return allowedAddresses(context).has(address) ? [] : [{ name, key: address }];
}

/** The limits one write of a paragraph page's forms counts against. */
export function writeChecks(context: Pick<AppLoadContext, "db" | "clientIp" | "allowedAddresses">, kind: WriteKind, userId: number): LimitCheck[] {
  return [{ name: `${kind}PerAccount`, key: String(userId) }, ...addressCheck(context, `${kind}PerAddress`)];
}

/** Seconds for the Retry-After header, at least one. */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

/** A refusal as the 429 error page (sign-in, registration, password reset), saying when to try again. */
export function throwIfRefused(outcome: LimitOutcome): void {
  if (outcome.allowed) return;
  throw data(translatableError("error.tooManyRequests.body", { minutes: minutesToWait(outcome.msBeforeNext) }), {
    status: 429,
    headers: { "Retry-After": String(retryAfterSeconds(outcome.msBeforeNext)) },
  });
}

/** Failures an account may see before its sign-ins are slowed down. */
export const FREE_FAILURES = 3;
export const MAX_SIGN_IN_DELAY_MS = 5_000;

/**
 * The wait before checking a password, from the failures at that account in the last 15 minutes:
 * none for the first few, then doubling from a quarter second up to five seconds. A guesser gets
 * a few attempts a minute at most; the owner waits a few seconds, and gets in.
 */
export function signInDelayMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_SIGN_IN_DELAY_MS, 250 * 2 ** (failures - FREE_FAILURES - 1));
}
