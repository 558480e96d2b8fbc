/**
 * The secretariat's consultation pages (/admin/consultations…): what each loader returns and how
 * each form is answered. Routes only call these.
 */
import { data, redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { languages, type Consultation } from "../../db/schema";
import { listStakeholderGroups } from "../accounts/users.server";
import { requirePermission } from "../auth/session.server";
import type { Actor } from "../auth/permissions";
import { publishedVersions } from "../drafts/drafts.server";
import { translatableError } from "../i18n/error-message";
import { reviewProgress } from "../review/dispositions.server";
import {
  applyLifecycleAction,
  commenterGroupIds,
  consultationLog,
  consultationRoundList,
  findConsultation,
  formValues,
  lastRoundVersion,
  listAllConsultations,
  parsedTranslations,
  saveConsultation,
  SLUG_PATTERN,
} from "./consultations.server";
import { availableActions, effectiveStatus } from "./lifecycle";
import { currentZoneName, instantToZoned, timeZoneNames } from "./zoned-time";

async function requireManager(request: Request, context: AppLoadContext) {
  const actor = await requirePermission(request, context.db, context.config, { action: "consultation.manage" });
  return actor as Extract<Actor, { kind: "user" }>;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function consultationsListPage(request: Request, context: AppLoadContext) {
  await requireManager(request, context);
  return {
    consultations: listAllConsultations(context.db).map((c) => ({
      slug: c.slug,
      title: c.title,
      state: c.state,
      opensAt: iso(c.opensAt),
      closesAt: iso(c.closesAt),
      timeZone: c.timeZone,
      version: c.version,
      round: c.round,
      participants: c.participants,
      comments: c.comments,
    })),
  };
}

/** What the settings form shows: the stored values as typed (dates in the consultation's zone). */
function storedValues(c: Consultation): Record<string, string> {
  const values: Record<string, string> = {
    slug: c.slug,
    title: c.title,
    description: c.description,
    callToParticipate: c.callToParticipate,
    language: c.language,
    // A zone stored by its former name is selected under its current one.
    timeZone: currentZoneName(c.timeZone),
    opensAt: c.opensAt ? instantToZoned(c.opensAt, c.timeZone) : "",
    closesAt: c.closesAt ? instantToZoned(c.closesAt, c.timeZone) : "",
    audience: commenterGroupIds(c).length > 0 ? "groups" : "everyone",
    groups: commenterGroupIds(c).join(","),
  };
  for (const [language, texts] of Object.entries(parsedTranslations(c))) {
    values[`title.${language}`] = texts?.title ?? "";
    values[`description.${language}`] = texts?.description ?? "";
    values[`callToParticipate.${language}`] = texts?.callToParticipate ?? "";
  }
  return values;
}

function formOptions(context: AppLoadContext) {
  return {
    groups: listStakeholderGroups(context.db).map((g) => ({ id: g.id, name: g.name })),
    timeZones: timeZoneNames(),
    languages: [...languages],
  };
}

export async function newConsultationPage(request: Request, context: AppLoadContext) {
  await requireManager(request, context);
  return { ...formOptions(context), values: { timeZone: "UTC", language: "en", audience: "everyone" } as Record<string, string> };
}

export async function submitNewConsultation(request: Request, context: AppLoadContext) {
  const actor = await requireManager(request, context);
  const values = formValues(await request.formData());
  const saved = saveConsultation(context.db, values, actor.userId);
  if (!saved.ok) return data({ errors: saved.errors, values }, { status: 400 });
  return redirect(`/admin/consultations/${saved.consultation.slug}?created=1`);
}

function loadManaged(context: AppLoadContext, slug: string | undefined): Consultation {
  const parsed = z.string().regex(SLUG_PATTERN).safeParse(slug);
  const consultation = parsed.success ? findConsultation(context.db, parsed.data) : undefined;
  if (!consultation) throw data(translatableError("error.consultationNotFound", { slug: String(slug ?? "").slice(0, 100) }), { status: 404 });
  return consultation;
}

export async function consultationAdminPage(request: Request, context: AppLoadContext, slug: string | undefined) {
  await requireManager(request, context);
  const c = loadManaged(context, slug);
  const now = new Date();
  const state = effectiveStatus(c, now);
  const versions = publishedVersions(context.db, c.id);
  const rounds = consultationRoundList(context.db, c.id);
  const latest = versions.at(-1)?.number ?? null;
  const actions = availableActions(state, versions.length > 0);
  return {
    ...formOptions(context),
    consultation: {
      slug: c.slug,
      title: c.title,
      state,
      opensAt: iso(c.opensAt),
      closesAt: iso(c.closesAt),
      timeZone: c.timeZone,
      round: c.round,
      running: state !== "draft" && state !== "scheduled",
    },
    values: storedValues(c),
    versions: versions.map((v) => ({ number: v.number, title: v.title, publishedAt: iso(v.publishedAt) })),
    rounds: rounds.map((r) => ({ number: r.number, version: r.version, openedAt: iso(r.openedAt) })),
    actions,
    // Publishing with comments still undecided is allowed, but the secretariat should know.
    undecided: actions.includes("publish-results") ? undecidedComments(context, c.id) : 0,
    // A further round needs a version newer than the last round's (typically the experts' revision).
    newRoundVersion: state === "closed" && latest !== null && latest > lastRoundVersion(context.db, c) ? latest : null,
    log: consultationLog(context.db, c.id).map((e) => ({ id: e.id, kind: e.kind, actor: e.actor, at: e.at.toISOString(), detail: e.detail })),
  };
}

/** Comments (visible, not replies) without a decision of their own or of their campaign group. */
function undecidedComments(context: AppLoadContext, consultationId: number): number {
  return reviewProgress(context.db, consultationId).byParagraph.reduce((sum, p) => sum + p.total - p.decided, 0);
}

/** The consultation page's forms: its settings (intent "save") or one lifecycle action. */
export async function submitConsultationAdmin(request: Request, context: AppLoadContext, slug: string | undefined) {
  const actor = await requireManager(request, context);
  const c = loadManaged(context, slug);
  const form = await request.formData();
  const values = formValues(form);
  if (values.intent === "save") {
    const saved = saveConsultation(context.db, values, actor.userId, c);
    if (!saved.ok) return data({ errors: saved.errors, values, intent: "save" }, { status: 400 });
    context.lifecycle?.changed();
    return redirect(`/admin/consultations/${saved.consultation.slug}?saved=1`);
  }
  const outcome = applyLifecycleAction(context.db, c, values, actor.userId);
  if (!outcome.ok) {
    return data({ errors: { [outcome.field ?? "lifecycle"]: outcome.error }, values, intent: values.intent ?? "" }, { status: 400 });
  }
  context.lifecycle?.changed();
  // Opening, closing or publishing results tells the followers: queued after this response.
  context.notifier?.wake();
  context.announce?.({ slug: c.slug, nodeId: null, kind: "state" });
  return redirect(`/admin/consultations/${c.slug}?done=${encodeURIComponent(values.intent ?? "")}`);
}
