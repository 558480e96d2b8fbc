/**
 * Consultations as the secretariat runs them: the list with its figures, creating and editing one,
 * and the lifecycle actions (schedule, open, close, extend, reopen, publish the results, a further
 * round), each written to the audit log with who and when (docs/consultation-lifecycle.md).
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import {
  comments,
  consultationEvents,
  consultationRounds,
  consultations,
  languages,
  users,
  type Consultation,
  type ConsultationEventKind,
} from "../../db/schema";
import { currentVersion, publishedVersions } from "../drafts/drafts.server";
import { availableActions, effectiveStatus, MILESTONES, type LifecycleAction } from "./lifecycle";
import { parseTranslations, type ConsultationTranslations } from "./consultation-texts";
import { slugify } from "../drafts/slug";
import { currentZoneName, isTimeZone, zonedToInstant } from "./zoned-time";

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

/** Every consultation, drafts included, with what the secretariat looks for first. */
export function listAllConsultations(db: Db, now = new Date()) {
  const rows = db.select().from(consultations).orderBy(desc(consultations.createdAt), asc(consultations.title)).all();
  const figures = new Map(
    db
      .select({
        consultationId: comments.consultationId,
        comments: sql<number>`count(*)`,
        participants: sql<number>`count(distinct ${comments.authorId})`,
      })
      .from(comments)
      .where(eq(comments.status, "visible"))
      .groupBy(comments.consultationId)
      .all()
      .map((f) => [f.consultationId, f]),
  );
  return rows.map((c) => ({
    ...c,
    state: effectiveStatus(c, now),
    version: currentVersion(db, c.id)?.number ?? null,
    comments: figures.get(c.id)?.comments ?? 0,
    participants: figures.get(c.id)?.participants ?? 0,
  }));
}

export function findConsultation(db: Db, slug: string): Consultation | undefined {
  return db.select().from(consultations).where(eq(consultations.slug, slug)).get();
}

/** The audit log of one consultation, latest first, with the name of who acted (null: the scheduler). */
export function consultationLog(db: Db, consultationId: number) {
  return db
    .select({ id: consultationEvents.id, kind: consultationEvents.kind, detail: consultationEvents.detail, at: consultationEvents.createdAt, actor: users.displayName })
    .from(consultationEvents)
    .leftJoin(users, eq(users.id, consultationEvents.actorId))
    .where(eq(consultationEvents.consultationId, consultationId))
    .orderBy(desc(consultationEvents.createdAt), desc(consultationEvents.id))
    .all();
}

/**
 * A change of the consultation, on record for the secretariat. A milestone (lifecycle.ts
 * MILESTONES) is left for the notifier to tell followers (`notified_at` null); the rest are marked
 * as needing nothing.
 */
export function logEvent(db: Db, consultationId: number, kind: ConsultationEventKind, actorId: number | null, detail: Record<string, unknown> = {}, at = new Date()) {
  db.insert(consultationEvents)
    .values({ consultationId, kind, actorId, detail: JSON.stringify(detail), createdAt: at, notifiedAt: MILESTONES[kind] ? null : at })
    .run();
}

// ---------------------------------------------------------------------------------------------
// The settings form

const optionalText = (max: number) => z.string().trim().max(max, "consultation.field.tooLong").default("");
const localDateTime = z.string().trim().max(19).default("");

export const consultationFormSchema = z.object({
  slug: z.string().trim().toLowerCase().regex(SLUG_PATTERN, "consultation.slug.invalid"),
  title: z.string().trim().min(3, "consultation.title.required").max(200, "consultation.field.tooLong"),
  description: optionalText(4000),
  callToParticipate: optionalText(4000),
  language: z.enum(languages).catch("en"),
  timeZone: z.string().trim().max(64).refine(isTimeZone, "consultation.timeZone.invalid"),
  opensAt: localDateTime,
  closesAt: localDateTime,
  audience: z.enum(["everyone", "groups"]).catch("everyone"),
});

export type ConsultationFormValues = Record<string, string>;
export type FormOutcome = { ok: true; consultation: Consultation } | { ok: false; errors: Record<string, string> };

/** What the form sent, as plain strings (groups joined), to validate and to show again. */
export function formValues(form: FormData): ConsultationFormValues {
  const values: ConsultationFormValues = {};
  for (const [key, value] of form) {
    if (typeof value !== "string" || key === "groups") continue;
    values[key] = value.slice(0, 4000);
  }
  values.groups = form.getAll("groups").filter((v): v is string => typeof v === "string").slice(0, 100).join(",");
  return values;
}

function translationsFrom(values: ConsultationFormValues, original: string): { translations: ConsultationTranslations; errors: Record<string, string> } {
  const translations: ConsultationTranslations = {};
  const errors: Record<string, string> = {};
  for (const language of languages) {
    if (language === original) continue;
    const title = (values[`title.${language}`] ?? "").trim();
    const description = (values[`description.${language}`] ?? "").trim();
    const callToParticipate = (values[`callToParticipate.${language}`] ?? "").trim();
    if (!title && !description && !callToParticipate) continue;
    if (title.length > 200 || description.length > 4000 || callToParticipate.length > 4000) errors[`title.${language}`] = "consultation.field.tooLong";
    // A translated description without a translated title would show two languages in one card.
    else if (!title) errors[`title.${language}`] = "consultation.translation.titleRequired";
    translations[language] = { title, description, callToParticipate };
  }
  return { translations, errors };
}

function instantField(values: ConsultationFormValues, field: "opensAt" | "closesAt", zone: string, errors: Record<string, string>): Date | null {
  const local = values[field]?.trim() ?? "";
  if (!local) return null;
  const parsed = zonedToInstant(local, zone);
  if (parsed.ok) return parsed.instant;
  errors[field] = parsed.problem === "nonexistent" ? "consultation.date.nonexistent" : "consultation.date.invalid";
  return null;
}

/**
 * A free address made from a title: "Ocean science decade" → "ocean-science-decade", then
 * "ocean-science-decade-2" if taken. A title with no Latin letters or digits (Arabic, Chinese,
 * Russian) gives "consultation", numbered the same way. Empty when there is no title to use.
 */
export function slugFromTitle(db: Db, title: string): string {
  const trimmed = title.trim();
  if (trimmed.length < 3) return "";
  const base = /[a-z0-9]/i.test(trimmed.normalize("NFKD")) ? slugify(trimmed, 70) : "consultation";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!findConsultation(db, slug)) return slug;
  }
}

/**
 * Creates (existing: undefined) or edits a consultation from the settings form. Dates are read in
 * the chosen zone and stored as instants; the slug is permanent once the consultation has opened;
 * the opening date cannot move once it has passed (the lifecycle actions change a running
 * consultation's dates, in the audit log).
 */
export function saveConsultation(db: Db, input: ConsultationFormValues, actorId: number, existing?: Consultation, now = new Date()): FormOutcome {
  // A new consultation whose address was left empty gets one made from its title.
  const values = !existing && !(input.slug ?? "").trim() ? { ...input, slug: slugFromTitle(db, input.title ?? "") } : input;
  const parsed = consultationFormSchema.safeParse(values);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message.startsWith("consultation.") ? issue.message : "field.invalid";
  }
  const zone = parsed.success ? parsed.data.timeZone : isTimeZone(values.timeZone ?? "") ? values.timeZone! : "UTC";
  const state = existing ? effectiveStatus(existing, now) : "draft";
  const running = state !== "draft" && state !== "scheduled";
  let opensAt = instantField(values, "opensAt", zone, errors);
  let closesAt = instantField(values, "closesAt", zone, errors);
  if (running && existing) {
    // Once open, the schedule changes through "extend" and "close now", which the log records.
    opensAt = existing.opensAt;
    closesAt = existing.closesAt;
  }
  if (opensAt && closesAt && closesAt.getTime() <= opensAt.getTime()) errors.closesAt ??= "consultation.closesAt.beforeOpening";
  if (state === "scheduled" && !running && !opensAt) errors.opensAt ??= "consultation.opensAt.requiredWhenScheduled";
  if (state === "scheduled" && opensAt && opensAt.getTime() <= now.getTime() && opensAt.getTime() !== existing?.opensAt?.getTime()) {
    errors.opensAt ??= "consultation.opensAt.past";
  }
  const slug = parsed.success ? parsed.data.slug : (values.slug ?? "");
  if (existing && running && slug !== existing.slug) errors.slug ??= "consultation.slug.permanent";
  if (parsed.success && slug !== existing?.slug && findConsultation(db, slug)) errors.slug ??= "consultation.slug.taken";
  const original = parsed.success ? parsed.data.language : "en";
  const { translations, errors: translationErrors } = translationsFrom(values, original);
  Object.assign(errors, translationErrors);
  const groupIds = [...new Set((values.groups ?? "").split(",").filter(Boolean).map(Number))].filter((n) => Number.isInteger(n) && n > 0);
  // Read from the form itself, so this problem is named with the others in one round trip.
  const audience = consultationFormSchema.shape.audience.parse(values.audience);
  if (audience === "groups" && groupIds.length === 0) errors.groups = "consultation.groups.required";
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };

  const row = {
    slug,
    title: parsed.data.title,
    description: parsed.data.description,
    callToParticipate: parsed.data.callToParticipate,
    language: original,
    translations: JSON.stringify(translations),
    // A former name (Europe/Kiev) is read as its zone but stored by the current one (Europe/Kyiv).
    timeZone: currentZoneName(zone),
    opensAt,
    closesAt,
    commenterGroupIds: JSON.stringify(audience === "groups" ? groupIds.sort((a, b) => a - b) : []),
  };
  const saved = db.transaction((tx) => {
    if (!existing) {
      const created = tx.insert(consultations).values({ ...row, status: "draft" }).returning().get();
      logEvent(tx as unknown as Db, created.id, "created", actorId, {}, now);
      return created;
    }
    const updated = tx.update(consultations).set(row).where(eq(consultations.id, existing.id)).returning().get();
    const changed = (Object.keys(row) as (keyof typeof row)[]).filter((k) => String(row[k]?.valueOf() ?? "") !== String(existing[k]?.valueOf() ?? ""));
    // The new opening and closing too: the log says what they became, not only that they changed.
    const dates = Object.fromEntries((["opensAt", "closesAt"] as const).filter((k) => changed.includes(k)).map((k) => [k, row[k]?.toISOString() ?? null]));
    if (changed.length > 0) logEvent(tx as unknown as Db, existing.id, "edited", actorId, { fields: changed, ...dates }, now);
    return updated;
  });
  return { ok: true, consultation: saved };
}

// ---------------------------------------------------------------------------------------------
// Lifecycle actions

export type LifecycleOutcome = { ok: true; consultation: Consultation } | { ok: false; error: string; field?: string };

const actionSchema = z.object({
  intent: z.enum(["schedule", "unschedule", "open-now", "close-now", "extend", "reopen", "publish-results", "new-round"]),
  closesAt: z.string().trim().max(19).optional(),
  // The "I understand …" box of the actions that take effect for everyone at once.
  understood: z.string().max(10).optional(),
});

/** Actions that end commenting or make the results public at once: the form's box must be ticked. */
export const CONFIRMED_ACTIONS = ["close-now", "publish-results"] as const;

/**
 * Applies one lifecycle action from the consultation's page. Each checks the state by the clock
 * (a consultation whose closing has just passed cannot be "extended" back open, only reopened),
 * then writes the change and its audit entry in one transaction.
 */
export function applyLifecycleAction(db: Db, consultation: Consultation, input: Record<string, string>, actorId: number, now = new Date()): LifecycleOutcome {
  const parsed = actionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "error.invalidForm" };
  const { intent } = parsed.data;
  const state = effectiveStatus(consultation, now);
  const versions = publishedVersions(db, consultation.id);
  const hasText = versions.length > 0;
  const allowed: (LifecycleAction | "new-round")[] = availableActions(state, hasText);
  if (state === "closed" && hasText && versions.at(-1)!.number > lastRoundVersion(db, consultation)) allowed.push("new-round");
  if (!allowed.includes(intent)) {
    return { ok: false, error: hasText || intent === "close-now" ? "lifecycle.notNow" : "lifecycle.noText" };
  }
  if ((CONFIRMED_ACTIONS as readonly string[]).includes(intent) && parsed.data.understood !== "yes") {
    return { ok: false, error: intent === "close-now" ? "lifecycle.closeNow.understood.required" : "lifecycle.publishResults.understood.required", field: "understood" };
  }
  let newClosing: Date | null | undefined;
  if (intent === "extend" || intent === "reopen" || intent === "new-round" || (intent === "schedule" && parsed.data.closesAt)) {
    const local = parsed.data.closesAt ?? "";
    if (local) {
      const read = zonedToInstant(local, consultation.timeZone);
      if (!read.ok) return { ok: false, error: read.problem === "nonexistent" ? "consultation.date.nonexistent" : "consultation.date.invalid", field: "closesAt" };
      newClosing = read.instant;
    } else if (intent === "extend" || intent === "reopen") {
      return { ok: false, error: "lifecycle.closesAt.required", field: "closesAt" };
    } else newClosing = null;
    if (newClosing && newClosing.getTime() <= now.getTime()) return { ok: false, error: "lifecycle.closesAt.past", field: "closesAt" };
    if (intent === "extend" && newClosing && consultation.closesAt && newClosing.getTime() <= consultation.closesAt.getTime()) {
      return { ok: false, error: "lifecycle.closesAt.notLater", field: "closesAt" };
    }
  }
  const set: Partial<Consultation> = {};
  let kind: ConsultationEventKind;
  switch (intent) {
    case "schedule":
      if (!consultation.opensAt || consultation.opensAt.getTime() <= now.getTime()) return { ok: false, error: "lifecycle.opensAt.future", field: "opensAt" };
      if (consultation.closesAt && consultation.closesAt.getTime() <= consultation.opensAt.getTime()) return { ok: false, error: "consultation.closesAt.beforeOpening" };
      Object.assign(set, { status: "scheduled" });
      kind = "scheduled";
      break;
    case "unschedule":
      Object.assign(set, { status: "draft" });
      kind = "unscheduled";
      break;
    case "open-now":
      if (consultation.closesAt && consultation.closesAt.getTime() <= now.getTime()) return { ok: false, error: "lifecycle.closesAt.past", field: "closesAt" };
      Object.assign(set, { status: "open", opensAt: now });
      kind = "opened";
      break;
    case "close-now":
      Object.assign(set, { status: "closed", closesAt: now });
      kind = "closed";
      break;
    case "extend":
      Object.assign(set, { closesAt: newClosing });
      kind = "extended";
      break;
    case "reopen":
      Object.assign(set, { status: "open", closesAt: newClosing });
      kind = "reopened";
      break;
    case "publish-results":
      Object.assign(set, { status: "results-published" });
      kind = "results-published";
      break;
    case "new-round":
      Object.assign(set, { status: "open", opensAt: now, closesAt: newClosing, round: consultation.round + 1 });
      kind = "round-opened";
      break;
  }
  const updated = db.transaction((tx) => {
    const row = tx.update(consultations).set(set).where(eq(consultations.id, consultation.id)).returning().get();
    if (kind === "opened" || kind === "round-opened") recordRoundOpening(tx as unknown as Db, row, now);
    logEvent(tx as unknown as Db, consultation.id, kind, actorId, {
      ...(set.closesAt !== undefined ? { closesAt: set.closesAt?.toISOString() ?? null, previous: consultation.closesAt?.toISOString() ?? null } : {}),
      ...(kind === "round-opened" ? { round: row.round } : {}),
    }, now);
    return row;
  });
  return { ok: true, consultation: updated };
}

/** The round under way is on the version current when it opened. */
export function recordRoundOpening(db: Db, c: Consultation, at: Date) {
  const version = currentVersion(db, c.id);
  db.insert(consultationRounds)
    .values({ consultationId: c.id, number: c.round, versionId: version?.id ?? null, openedAt: at })
    .onConflictDoUpdate({ target: [consultationRounds.consultationId, consultationRounds.number], set: { versionId: version?.id ?? null, openedAt: at } })
    .run();
}

/** Rounds of a consultation, with the number of the version each asked comments on. */
export function consultationRoundList(db: Db, consultationId: number) {
  const versions = new Map(publishedVersions(db, consultationId).map((v) => [v.id, v.number]));
  return db
    .select()
    .from(consultationRounds)
    .where(eq(consultationRounds.consultationId, consultationId))
    .orderBy(asc(consultationRounds.number))
    .all()
    .map((r) => ({ number: r.number, version: r.versionId === null ? null : (versions.get(r.versionId) ?? null), openedAt: r.openedAt }));
}

/**
 * The version number the latest round was on (a round from before rounds were recorded: the first
 * version); a further round needs a newer one.
 */
export function lastRoundVersion(db: Db, c: Consultation): number {
  const rounds = consultationRoundList(db, c.id);
  return rounds.at(-1)?.version ?? 1;
}

/** Consultations whose stored status the scheduler may have to move, for lifecycle-scheduler.server.ts. */
export function scheduledConsultations(db: Db) {
  return db.select().from(consultations).where(inArray(consultations.status, ["scheduled", "open"])).all();
}

/** Writes down the state the clock has reached (opened, closed) with the scheduler as author. */
export function persistDueState(db: Db, c: Consultation, now: Date): Consultation | null {
  const state = effectiveStatus(c, now);
  if (state === c.status) return null;
  return db.transaction((tx) => {
    // Re-read inside the transaction: a secretariat action may have changed it in between.
    const fresh = tx.select().from(consultations).where(and(eq(consultations.id, c.id), eq(consultations.status, c.status))).get();
    if (!fresh || effectiveStatus(fresh, now) !== state) return null;
    const row = tx.update(consultations).set({ status: state }).where(eq(consultations.id, c.id)).returning().get();
    if (c.status === "scheduled") {
      recordRoundOpening(tx as unknown as Db, row, c.opensAt ?? now);
      logEvent(tx as unknown as Db, c.id, "opened", null, { scheduledFor: c.opensAt?.toISOString() ?? null }, c.opensAt ?? now);
    }
    if (state === "closed") logEvent(tx as unknown as Db, c.id, "closed", null, { scheduledFor: c.closesAt?.toISOString() ?? null }, c.closesAt ?? now);
    return row;
  });
}

export function parsedTranslations(c: Consultation) {
  return parseTranslations(c.translations);
}

export function commenterGroupIds(c: Consultation): number[] {
  try {
    const parsed: unknown = JSON.parse(c.commenterGroupIds);
    return Array.isArray(parsed) ? parsed.filter((n): n is number => typeof n === "number") : [];
  } catch {
    return [];
  }
}
