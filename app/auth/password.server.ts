/**
 * Passwords: argon2id (OWASP's first choice) through @node-rs/argon2, and the rules a new password
 * must meet — at least 10 characters and not among the ~49,000 most common passwords of the
 * zxcvbn-ts dictionary.
 */
import { hash, verify } from "@node-rs/argon2";
import { createRequire } from "node:module";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * The common passwords, read on the first password check: the dictionary package holds every
 * zxcvbn word list (about 14 MB in memory), which a server that nobody registers on never needs.
 */
let commonPasswords: Set<string> | undefined;
function common(): Set<string> {
  if (!commonPasswords) {
    const { dictionary } = createRequire(import.meta.url)("@zxcvbn-ts/language-common") as typeof import("@zxcvbn-ts/language-common");
    commonPasswords = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  }
  return commonPasswords;
}

/** Why a new password is refused, as a message key; null when it is acceptable. */
export function passwordProblem(password: string, email = ""): "password.tooShort" | "password.tooLong" | "password.common" | "password.containsEmail" | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "password.tooShort";
  if (password.length > MAX_PASSWORD_LENGTH) return "password.tooLong";
  if (common().has(password.toLowerCase())) return "password.common";
  const localPart = email.split("@")[0]?.toLowerCase() ?? "";
  if (localPart.length >= 4 && password.toLowerCase().includes(localPart)) return "password.containsEmail";
  return null;
}

// argon2id, 19 MiB, 2 passes, 1 lane: OWASP's recommended minimum, about 30 ms on one core here.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the e-mail is unknown keeps both answers equally slow. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("redraft-timing-equaliser-password");
  return dummyHash;
}
