/**
 * Meeting address ranges the secretariat allows for a day (decision 027): addresses in an active
 * allowance are exempt from per-address rate limits; per-account limits still apply. The active
 * ranges are kept parsed in memory (every write checks them) and reloaded when one is added or
 * revoked, by this process or another (decision 036: the table's stamp is read at each use);
 * expiry is checked against the clock at each use.
 */
import { data } from "@remix-run/node";
import type ipaddr from "ipaddr.js";
import type { AppLoadContext } from "@remix-run/node";
import { and, count, desc, eq, gt, isNull, lte, max, or, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { addressAllowances } from "../../db/schema";
import { getSignedInUser, requirePermission } from "./session.server";
import { addressInRange, ALLOWANCE_HOURS, DEFAULT_ALLOWANCE_HOURS, MAX_ACTIVE_ALLOWANCES, parseRange } from "./address-ranges";
import type { Permission } from "./permissions";

type ActiveRange = { range: [ipaddr.IPv4 | ipaddr.IPv6, number]; expiresAt: number };

/**
 * The active ranges, parsed, for the checks every write makes. One per process, in the load
 * context (server.ts): the Express layer and the Remix build must share it.
 */
export class AllowedAddresses {
  private ranges: ActiveRange[] | null = null;
  private rangesStamp = "";
  private stampQuery: { get(): { rows: number; last: number | null; revoked: number } | undefined } | null = null;
  constructor(private readonly db: Db) {}

  /**
   * Moves whenever an allowance is added (more rows, a higher id) or revoked (one more revoked row),
   * whichever process or tool wrote it: several app processes each keep their parsed copy, and
   * checking this one small read per use is what keeps them all current. Rows are never deleted.
   */
  private stamp(): string {
    this.stampQuery ??= this.db
      .select({ rows: count(), last: max(addressAllowances.id), revoked: count(addressAllowances.revokedAt) })
      .from(addressAllowances)
      .prepare();
    const row = this.stampQuery.get();
    return `${row?.rows ?? 0}:${row?.last ?? 0}:${row?.revoked ?? 0}`;
  }

  /** Whether the secretariat allowed this client address for a meeting, now. */
  has(address: string, now = Date.now()): boolean {
    const stamp = this.stamp();
    if (stamp !== this.rangesStamp) {
      this.ranges = null;
      this.rangesStamp = stamp;
    }
    this.ranges ??= this.db
      .select()
      .from(addressAllowances)
      .where(activeWhere(new Date(now)))
      .all()
      .flatMap((row) => {
        const parsed = parseRange(row.range);
        return parsed.ok ? [{ range: parsed.range, expiresAt: row.expiresAt.getTime() }] : [];
      });
    return this.ranges.some((r) => r.expiresAt > now && addressInRange(address, r.range));
  }

  /** After an allowance is added or revoked. */
  changed(): void {
    this.ranges = null;
  }
}

const fallback = new WeakMap<Db, AllowedAddresses>();

/** The process's allowed addresses (a context built without one, in a unit test, gets its own). */
export function allowedAddresses(context: Pick<AppLoadContext, "db" | "allowedAddresses">): AllowedAddresses {
  if (context.allowedAddresses) return context.allowedAddresses;
  let allowed = fallback.get(context.db);
  if (!allowed) fallback.set(context.db, (allowed = new AllowedAddresses(context.db)));
  return allowed;
}

function activeWhere(now: Date) {
  return and(isNull(addressAllowances.revokedAt), gt(addressAllowances.expiresAt, now));
}

export class TooManyAllowancesError extends Error {
  constructor() {
    super(`At most ${MAX_ACTIVE_ALLOWANCES} address ranges may be allowed at once.`);
    this.name = "TooManyAllowancesError";
  }
}

/** Allows a range (already parsed and normalised) until `expiresAt`; refuses past the bound. */
export function allowRange(db: Db, input: { cidr: string; label: string; expiresAt: Date; by: { id: number; name: string } }, now = new Date()) {
  // Counted and inserted in one transaction, so two secretariat members cannot pass the bound together.
  const row = db.transaction((tx) => {
    const active = tx.select({ n: count() }).from(addressAllowances).where(activeWhere(now)).get()?.n ?? 0;
    if (active >= MAX_ACTIVE_ALLOWANCES) throw new TooManyAllowancesError();
    return tx
      .insert(addressAllowances)
      .values({ range: input.cidr, label: input.label, expiresAt: input.expiresAt, createdById: input.by.id, createdByName: input.by.name, createdAt: now })
      .returning()
      .get();
  });
  return row;
}

/** Ends an allowance now, recording who did. False when it was not active. */
export function revokeAllowance(db: Db, id: number, by: { id: number; name: string }, now = new Date()): boolean {
  const result = db
    .update(addressAllowances)
    .set({ revokedAt: now, revokedById: by.id, revokedByName: by.name })
    .where(and(eq(addressAllowances.id, id), activeWhere(now)))
    .run();
  return result.changes > 0;
}

const PAST_SHOWN = 20;

/** Active allowances (soonest to end first) and the most recent ended ones, for the admin page. */
export function listAllowances(db: Db, now = new Date()) {
  const active = db.select().from(addressAllowances).where(activeWhere(now)).orderBy(addressAllowances.expiresAt).all();
  const ended = db
    .select()
    .from(addressAllowances)
    .where(or(isNotNull(addressAllowances.revokedAt), lte(addressAllowances.expiresAt, now)))
    .orderBy(desc(addressAllowances.id))
    .limit(PAST_SHOWN)
    .all();
  const view = (row: typeof addressAllowances.$inferSelect) => ({
    id: row.id,
    range: row.range,
    label: row.label,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedByName: row.revokedByName,
  });
  return { active: active.map(view), ended: ended.map(view) };
}

const PERMISSION: Permission = { action: "addressAllowances.manage" };

export async function allowancesPage(request: Request, context: AppLoadContext) {
  await requirePermission(request, context.db, context.config, PERMISSION);
  return { ...listAllowances(context.db), hours: ALLOWANCE_HOURS, defaultHours: DEFAULT_ALLOWANCE_HOURS, max: MAX_ACTIVE_ALLOWANCES };
}

const addSchema = z.object({
  range: z.string().max(64, { error: "admin.allowances.range.invalid" }),
  label: z.string().trim().min(2, { error: "admin.allowances.label.invalid" }).max(120, { error: "admin.allowances.label.invalid" }),
  hours: z.coerce.number().pipe(z.union(ALLOWANCE_HOURS.map((h) => z.literal(h)), { error: "admin.allowances.hours.invalid" })),
});

type Values = Record<string, string>;

/** The admin page's two forms: allow a range, revoke one. */
export async function submitAllowance(request: Request, context: AppLoadContext) {
  await requirePermission(request, context.db, context.config, PERMISSION);
  const signedIn = (await getSignedInUser(request, context.db, context.config))!;
  const by = { id: signedIn.user.id, name: signedIn.user.displayName };
  const form = await request.formData();
  const values: Values = Object.fromEntries(["range", "label", "hours"].map((k) => [k, String(form.get(k) ?? "").slice(0, 200)]));
  if (form.get("intent") === "revoke") {
    const id = z.coerce.number().int().positive().safeParse(form.get("id"));
    const revoked = id.success && revokeAllowance(context.db, id.data, by);
    allowedAddresses(context).changed();
    if (!revoked) {
      return data({ errors: { form: "admin.allowances.revoke.gone" }, values: {} as Values, done: null }, { status: 404 });
    }
    return { errors: {}, values: {} as Values, done: "admin.allowances.revoked" };
  }
  const parsed = addSchema.safeParse(values);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  const range = parseRange(values.range ?? "");
  if (!range.ok) errors.range = range.problem;
  if (!parsed.success || !range.ok) return data({ errors, values, done: null }, { status: 400 });
  const now = new Date();
  try {
    allowRange(context.db, { cidr: range.cidr, label: parsed.data.label, expiresAt: new Date(now.getTime() + parsed.data.hours * 3_600_000), by }, now);
    allowedAddresses(context).changed();
  } catch (error) {
    if (error instanceof TooManyAllowancesError) return data({ errors: { form: "admin.allowances.tooMany" }, values, done: null }, { status: 409 });
    throw error;
  }
  return { errors: {}, values: {} as Values, done: "admin.allowances.added" };
}
