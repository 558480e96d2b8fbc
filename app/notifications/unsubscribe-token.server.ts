/**
 * Unsubscribe links: `<user id>.<category>.<HMAC-SHA256>` signed with a key derived from the
 * server's session secret, so the link works without signing in and cannot be forged for someone
 * else. It does not expire (a mail read months later must still unsubscribe); rotating
 * SESSION_SECRET voids every link sent before (decision 028).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { emailCategories, type EmailCategory } from "../../db/enums";

/** A category, or a whole digest ("daily", "weekly": every category sent in it). */
export type UnsubscribeScope = EmailCategory | "daily" | "weekly";
const SCOPES: readonly string[] = [...emailCategories, "daily", "weekly"];

const keys = new Map<string, Buffer>();

function mac(secret: string, userId: number, category: UnsubscribeScope): string {
  // A key of its own: a session cookie's signature can never pass for an unsubscribe token.
  let key = keys.get(secret);
  if (!key) {
    key = createHmac("sha256", secret).update("redraft unsubscribe v1").digest();
    keys.set(secret, key);
  }
  return createHmac("sha256", key).update(`${userId}.${category}`).digest("base64url");
}

export function unsubscribeToken(secret: string, userId: number, category: UnsubscribeScope): string {
  return `${userId}.${category}.${mac(secret, userId, category)}`;
}

export function unsubscribeUrl(origin: string, secret: string, userId: number, category: UnsubscribeScope): string {
  return `${origin}/unsubscribe/${unsubscribeToken(secret, userId, category)}`;
}

/** What a token unsubscribes, or null when it is malformed or its signature does not match. */
export function readUnsubscribeToken(secret: string, token: string): { userId: number; category: UnsubscribeScope } | null {
  if (token.length > 200) return null;
  const match = /^(\d{1,12})\.([a-z]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const userId = Number(match[1]);
  const category = match[2] as UnsubscribeScope;
  if (!SCOPES.includes(category)) return null;
  const expected = Buffer.from(mac(secret, userId, category));
  const given = Buffer.from(match[3]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { userId, category } : null;
}
