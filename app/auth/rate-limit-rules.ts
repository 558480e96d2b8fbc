/**
 * The rate limits' sizes (decision 027). Per-account limits are the main defence: they bound what
 * one person can do wherever they are. Per-address limits only bound what many accounts at one
 * address can do together, so they are sized for a room of `peoplePerAddress` people behind one NAT
 * (a regional consultation, a workshop) all working at an intense but human pace.
 */
export interface LimitSizes {
  /** People who may share one address (RATE_LIMIT_PEOPLE_PER_ADDRESS, 300 by default). */
  peoplePerAddress: number;
  /** Comments, replies and edits per account in 10 minutes (RATE_LIMIT_ACCOUNT_WRITES, 40 by default). */
  accountWrites: number;
}

export type LimitScope = "account" | "address" | "account-and-address";

export interface LimitRule {
  scope: LimitScope;
  points: number;
  /** Seconds. */
  duration: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * What one person in a busy room does at most, per address figure: a comment, reply or edit every
 * 75 seconds (8 in 10 minutes: faster than anyone writes a considered comment); three times as
 * many endorsements; two reports an hour; every other person mistyping their password once in
 * 15 minutes; everyone registering within the hour, and a third asking for a new password.
 */
export const PER_PERSON = {
  contributions: 8,
  endorsements: 24,
  flags: 2,
  signInFailures: 0.5,
  registrations: 1,
  resets: 1 / 3,
} as const;

export function limitRules(sizes: LimitSizes) {
  const room = (perPerson: number) => Math.max(1, Math.ceil(sizes.peoplePerAddress * perPerson));
  return {
    /** Comments, replies, edits and deletions of one's own comments. */
    contributionPerAccount: { scope: "account", points: sizes.accountWrites, duration: 10 * MINUTE },
    contributionPerAddress: { scope: "address", points: room(PER_PERSON.contributions), duration: 10 * MINUTE },
    endorsementPerAccount: { scope: "account", points: 3 * sizes.accountWrites, duration: 10 * MINUTE },
    endorsementPerAddress: { scope: "address", points: room(PER_PERSON.endorsements), duration: 10 * MINUTE },
    flagPerAccount: { scope: "account", points: 20, duration: HOUR },
    flagPerAddress: { scope: "address", points: room(PER_PERSON.flags), duration: HOUR },
    /**
     * Sign-in counts failures only: a room signing in at once succeeds. Failures at one account
     * from one address make that address wait; failures at one account from anywhere only slow
     * its sign-ins down (never a lock: see rate-limit.server.ts).
     */
    signInFailuresPerAddress: { scope: "address", points: room(PER_PERSON.signInFailures), duration: 15 * MINUTE },
    signInFailuresPerAccountAndAddress: { scope: "account-and-address", points: 5, duration: 15 * MINUTE },
    /** Counts failures for the delay; never refuses. */
    signInFailuresPerAccount: { scope: "account", points: 1_000_000, duration: 15 * MINUTE },
    registerPerAddress: { scope: "address", points: room(PER_PERSON.registrations), duration: HOUR },
    /** Attempts to register one e-mail address (probing whether it has an account). */
    registerPerAccount: { scope: "account", points: 5, duration: HOUR },
    resetPerAddress: { scope: "address", points: room(PER_PERSON.resets), duration: HOUR },
    resetPerAccount: { scope: "account", points: 3, duration: HOUR },
  } satisfies Record<string, LimitRule>;
}

export type LimiterName = keyof ReturnType<typeof limitRules>;

/** The writes a paragraph page's forms make, each with its own pair of limits. */
export type WriteKind = "contribution" | "endorsement" | "flag";

export function writeKind(intent: unknown): WriteKind {
  if (intent === "endorse") return "endorsement";
  if (intent === "flag") return "flag";
  return "contribution";
}

/** Whole minutes to wait, at least one, for a message. */
export function minutesToWait(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 60_000));
}
