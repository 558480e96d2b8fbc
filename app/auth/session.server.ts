/**
 * Sessions stored in SQLite. The browser holds a random token in a signed, httpOnly, SameSite=Lax
 * cookie (Secure in production); the database holds only the token's SHA-256, so a leaked
 * database opens no session. A new token is issued at every sign-in (no session fixation).
 */
import { createHash, randomBytes } from "node:crypto";
import { createCookie, redirect, data, type Cookie } from "@remix-run/node";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { consultationExperts, sessions, users, type User } from "../../db/schema";
import type { Config } from "../config/env.server";
import { translatableError } from "../i18n/error-message";
import { anonymous, can, type Actor, type Permission } from "./permissions";

export const SESSION_HOURS = 12;
export const REMEMBER_DAYS = 30;

const cookies = new Map<string, Cookie>();

function sessionCookie(config: Config): Cookie {
  const key = `${config.nodeEnv}:${config.sessionSecret}`;
  let cookie = cookies.get(key);
  if (!cookie) {
    cookie = createCookie("redraft_session", {
      httpOnly: true,
      sameSite: "lax",
      secure: config.nodeEnv === "production",
      path: "/",
      secrets: [config.sessionSecret],
    });
    cookies.set(key, cookie);
  }
  return cookie;
}

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

/** Starts a session and returns the Set-Cookie header value. */
export async function startSession(db: Db, config: Config, userId: number, remember: boolean, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const lifetime = remember ? REMEMBER_DAYS * 24 * 3600_000 : SESSION_HOURS * 3600_000;
  const expiresAt = new Date(now.getTime() + lifetime);
  db.transaction((tx) => {
    // Expired sessions are cleaned up as new ones start.
    tx.delete(sessions).where(lt(sessions.expiresAt, now)).run();
    tx.insert(sessions).values({ id: digest(token), userId, expiresAt, remember }).run();
  });
  // Without "remember me" the cookie dies with the browser; the server-side expiry holds either way.
  return sessionCookie(config).serialize(token, remember ? { expires: expiresAt } : {});
}

async function tokenFromCookieHeader(config: Config, header: string | null | undefined): Promise<string | null> {
  if (!header) return null;
  const value = await sessionCookie(config).parse(header);
  return typeof value === "string" && value.length > 20 ? value : null;
}

export interface SignedInUser {
  actor: Extract<Actor, { kind: "user" }>;
  user: User;
}

/**
 * The two reads behind every signed-in request, built once per connection: drizzle's query
 * building and its checks were most of their cost (docs/benchmarks.md, "The closing day").
 * The placeholders take the stored forms: the token's digest, and milliseconds.
 */
function buildSessionQueries(db: Db) {
  return {
    user: db
      .select({ user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sql.placeholder("id")), gt(sessions.expiresAt, sql.placeholder("now"))))
      .prepare(),
    memberships: db.select().from(consultationExperts).where(eq(consultationExperts.userId, sql.placeholder("userId"))).prepare(),
  };
}
const preparedSessionQueries = new WeakMap<Db, ReturnType<typeof buildSessionQueries>>();

function sessionQueries(db: Db) {
  let queries = preparedSessionQueries.get(db);
  if (!queries) {
    queries = buildSessionQueries(db);
    preparedSessionQueries.set(db, queries);
  }
  return queries;
}

async function userFromCookieHeader(db: Db, config: Config, header: string | null | undefined, now = new Date()): Promise<SignedInUser | null> {
  const token = await tokenFromCookieHeader(config, header);
  if (!token) return null;
  const queries = sessionQueries(db);
  const row = queries.user.get({ id: digest(token), now: now.getTime() });
  if (!row) return null;
  const memberships = queries.memberships.all({ userId: row.user.id });
  return {
    user: row.user,
    actor: {
      kind: "user",
      userId: row.user.id,
      role: row.user.role,
      expertOf: new Map(memberships.map((m) => [m.consultationId, { lead: m.lead }])),
      stakeholderGroupId: row.user.stakeholderGroupId,
      emailConfirmed: row.user.emailConfirmedAt !== null,
    },
  };
}

/**
 * Who signed in, asked once per request: a route's action and the domain function it calls both ask
 * (a comment asked twice: two signed-cookie checks and two joins over sessions and users).
 */
const signedInOfRequest = new WeakMap<Request, Promise<SignedInUser | null>>();

/** The signed-in user of a request, or null. */
export function getSignedInUser(request: Request, db: Db, config: Config): Promise<SignedInUser | null> {
  let signedIn = signedInOfRequest.get(request);
  if (!signedIn) {
    signedIn = userFromCookieHeader(db, config, request.headers.get("Cookie"));
    signedInOfRequest.set(request, signedIn);
  }
  return signedIn;
}

/** Who is acting in this request: every loader and action starts here. */
export async function getActor(request: Request, db: Db, config: Config): Promise<Actor> {
  return (await getSignedInUser(request, db, config))?.actor ?? anonymous;
}

/** The same, for a socket.io handshake (its Cookie header). */
export async function actorFromCookieHeader(header: string | undefined, db: Db, config: Config): Promise<SignedInUser | null> {
  return userFromCookieHeader(db, config, header);
}

/** Ends the session of this request; returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request, db: Db, config: Config): Promise<string> {
  const token = await tokenFromCookieHeader(config, request.headers.get("Cookie"));
  if (token) db.delete(sessions).where(eq(sessions.id, digest(token))).run();
  return sessionCookie(config).serialize("", { maxAge: 0, expires: new Date(0) });
}

/**
 * Deletes the session the request's cookie names, if any, before a new one starts in the same
 * browser: a sign-in never leaves the previous session (perhaps planted or stolen) alive.
 */
export async function dropPreviousSession(request: Request, db: Db, config: Config): Promise<void> {
  const token = await tokenFromCookieHeader(config, request.headers.get("Cookie"));
  if (token) db.delete(sessions).where(eq(sessions.id, digest(token))).run();
}

export function endAllSessions(db: Db, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

/** Signed in (and allowed to manage their own account), or sent to the sign-in page and back. */
export async function requireUser(request: Request, db: Db, config: Config): Promise<SignedInUser> {
  const signedIn = await getSignedInUser(request, db, config);
  if (!signedIn || !can(signedIn.actor, { action: "account.manage" })) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return signedIn;
}

/** Refuses with a 403 page (or the sign-in page for anonymous visitors) unless `can` allows. */
export async function requirePermission(request: Request, db: Db, config: Config, permission: Permission): Promise<Actor> {
  const actor = await getActor(request, db, config);
  if (can(actor, permission)) return actor;
  if (actor.kind === "anonymous") {
    const url = new URL(request.url);
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  throw data(translatableError("error.forbidden.body"), { status: 403 });
}
