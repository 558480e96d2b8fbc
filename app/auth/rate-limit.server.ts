/**
 * Rate limits against guessing and flooding, per IP and per account (rate-limiter-flexible, in
 * memory: one process serves Redraft; a multi-node deployment moves these to a shared store).
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { data } from "@remix-run/node";
import { translatableError } from "../i18n/error-message";

/**
 * Sign-in is throttled per address, never by locking the account: an account lock would let
 * anyone lock the secretariat out on a consultation's closing day by failing a few times.
 * - every attempt from one address (signInPerIp), and failed ones from one address (signInFailuresPerIp);
 * - failed attempts at one account from one address (signInFailuresPerAccountAndIp): that address
 *   waits, the account's owner elsewhere does not;
 * - failed attempts at one account from anywhere only slow its sign-ins down (signInDelay).
 */
const limiters = {
  signInPerIp: new RateLimiterMemory({ keyPrefix: "sign-in-ip", points: 30, duration: 15 * 60 }),
  signInFailuresPerIp: new RateLimiterMemory({ keyPrefix: "sign-in-failures-ip", points: 10, duration: 15 * 60 }),
  signInFailuresPerAccountAndIp: new RateLimiterMemory({ keyPrefix: "sign-in-failures-account-ip", points: 5, duration: 15 * 60 }),
  /** Counts failures only, for the delay; never refuses. */
  signInFailuresPerAccount: new RateLimiterMemory({ keyPrefix: "sign-in-failures-account", points: 1_000_000, duration: 15 * 60 }),
  registerPerIp: new RateLimiterMemory({ keyPrefix: "register-ip", points: 10, duration: 60 * 60 }),
  /** Attempts to register one e-mail address (probing whether it has an account). */
  registerPerAccount: new RateLimiterMemory({ keyPrefix: "register-account", points: 5, duration: 60 * 60 }),
  resetPerIp: new RateLimiterMemory({ keyPrefix: "reset-ip", points: 10, duration: 60 * 60 }),
  resetPerAccount: new RateLimiterMemory({ keyPrefix: "reset-account", points: 3, duration: 60 * 60 }),
  /** Comments, replies and endorsements. */
  contributionPerAccount: new RateLimiterMemory({ keyPrefix: "contribution-account", points: 30, duration: 10 * 60 }),
  contributionPerIp: new RateLimiterMemory({ keyPrefix: "contribution-ip", points: 120, duration: 10 * 60 }),
};

export type LimiterName = keyof typeof limiters;

/** Counts one attempt; throws a 429 response saying when to try again once the limit is reached. */
export async function limit(name: LimiterName, key: string): Promise<void> {
  try {
    await limiters[name].consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
    throw data(
      translatableError("error.tooManyRequests.body", { minutes }),
      { status: 429, headers: { "Retry-After": String(Math.ceil(error.msBeforeNext / 1000)) } },
    );
  }
}

export async function isLimited(name: LimiterName, key: string): Promise<boolean> {
  const res = await limiters[name].get(key);
  return res !== null && res.remainingPoints <= 0;
}

export async function forgive(name: LimiterName, key: string): Promise<void> {
  await limiters[name].delete(key);
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

export async function failuresAt(name: LimiterName, key: string): Promise<number> {
  return (await limiters[name].get(key))?.consumedPoints ?? 0;
}

/** The client's address as the server saw it (server.ts puts it in the load context). */
export function clientAddress(context: { clientIp?: string }): string {
  return context.clientIp ?? "unknown";
}

/** Counts one attempt; false (instead of a 429 page) once the limit is reached, for forms that keep their text. */
export async function tryConsume(name: LimiterName, key: string): Promise<boolean> {
  try {
    await limiters[name].consume(key);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}
