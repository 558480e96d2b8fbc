/** The secretariat's pages: participants and roles, expert groups, stakeholder groups, outbox. */
import { data } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { consultations, electoralGroups, roles, unescoRegions, users } from "../../db/schema";
import { requirePermission } from "../auth/session.server";
import type { Permission } from "../auth/permissions";
import { COUNTRIES, countryByCode } from "./countries";
import {
  addExpert,
  addStakeholderGroup,
  changeRole,
  expertsOf,
  findUserByEmail,
  listOutbox,
  listParticipants,
  listStakeholderGroups,
  PAGE_SIZE,
  removeExpert,
} from "./users.server";
import { translatableError } from "../i18n/error-message";
import { confirmEmailByHand } from "./email-confirmation.server";

export function requireSecretariat(request: Request, context: AppLoadContext, permission: Permission) {
  return requirePermission(request, context.db, context.config, permission);
}

const filtersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(roles).optional().catch(undefined),
  region: z.enum(unescoRegions).optional().catch(undefined),
  stakeholderGroupId: z.coerce.number().int().positive().optional().catch(undefined),
  countryCode: z.string().length(2).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export function participantsPage(context: AppLoadContext, searchParams: URLSearchParams) {
  const filters = filtersSchema.parse(Object.fromEntries([...searchParams].filter(([, v]) => v !== "")));
  const { total, rows } = listParticipants(context.db, filters, filters.page);
  return {
    filters,
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    participants: rows.map(({ user, group }) => ({
      id: user.id,
      displayName: user.displayName,
      email: user.email,
      emailConfirmed: user.emailConfirmedAt !== null,
      role: user.role,
      country: countryByCode(user.countryCode)?.name ?? user.countryCode,
      region: user.unescoRegion,
      electoralGroup: user.electoralGroup,
      stakeholderGroup: group,
      organisation: user.organisation,
      respondsFor: user.respondsFor,
    })),
    groups: listStakeholderGroups(context.db).map((g) => ({ id: g.id, name: g.name })),
    countries: COUNTRIES.map((c) => ({ code: c.code, name: c.name })),
    regions: unescoRegions,
    electoralGroups,
  };
}

export async function submitRoleChange(request: Request, context: AppLoadContext, actorUserId: number) {
  const form = await request.formData();
  const parsed = z.object({ userId: z.coerce.number().int().positive(), role: z.enum(roles) }).safeParse(Object.fromEntries(form));
  if (!parsed.success) throw data(translatableError("error.invalidForm"), { status: 400 });
  // The last secretariat account cannot demote itself and lock everyone out.
  if (parsed.data.userId === actorUserId && parsed.data.role !== "secretariat") {
    const others = context.db.select().from(users).where(eq(users.role, "secretariat")).all().filter((u) => u.id !== actorUserId);
    if (others.length === 0) throw data(translatableError("error.lastSecretariat"), { status: 400 });
  }
  const user = context.db.select().from(users).where(eq(users.id, parsed.data.userId)).get();
  if (!user || !changeRole(context.db, user.id, parsed.data.role)) throw data({ message: "no such participant" }, { status: 404 });
  return { done: { name: user.displayName, role: parsed.data.role } };
}

export function expertsPage(context: AppLoadContext, searchParams: URLSearchParams) {
  const all = context.db.select().from(consultations).orderBy(asc(consultations.title)).all();
  const selected = all.find((c) => c.slug === searchParams.get("consultation")) ?? all[0];
  return {
    consultations: all.map((c) => ({ slug: c.slug, title: c.title })),
    selected: selected ? { slug: selected.slug, title: selected.title } : null,
    experts: selected
      ? expertsOf(context.db, selected.id).map(({ user, lead }) => ({ id: user.id, displayName: user.displayName, email: user.email, lead }))
      : [],
  };
}

export async function submitExpertChange(request: Request, context: AppLoadContext) {
  const form = await request.formData();
  const consultation = context.db.select().from(consultations).where(eq(consultations.slug, String(form.get("consultation") ?? ""))).get();
  if (!consultation) throw data({ message: "no such consultation" }, { status: 404 });
  if (form.get("intent") === "remove") {
    const userId = z.coerce.number().int().positive().safeParse(form.get("userId"));
    if (!userId.success) throw data({ message: "invalid expert" }, { status: 400 });
    removeExpert(context.db, consultation.id, userId.data);
    return { errors: {}, values: {} };
  }
  const email = String(form.get("email") ?? "");
  const user = findUserByEmail(context.db, email);
  if (!user) return data({ errors: { email: "admin.experts.unknown" }, values: { email } }, { status: 400 });
  addExpert(context.db, consultation.id, user.id, form.get("lead") === "on");
  return { errors: {}, values: {} };
}

export async function submitStakeholderGroup(request: Request, context: AppLoadContext) {
  const form = await request.formData();
  const name = z.string().trim().min(2).max(80).safeParse(form.get("name"));
  if (!name.success) return data({ errors: { name: "admin.stakeholderGroups.invalid" }, values: { name: String(form.get("name") ?? "") } }, { status: 400 });
  addStakeholderGroup(context.db, name.data);
  return { errors: {}, values: {} };
}

export function outboxPage(context: AppLoadContext) {
  return {
    smtp: Boolean(context.config.smtpUrl),
    messages: listOutbox(context.db).map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      error: m.error,
    })),
  };
}

/** The secretariat confirms an address it checked another way (a phone call, a known delegate). */
export async function submitEmailConfirmationByHand(request: Request, context: AppLoadContext) {
  const form = await request.formData();
  const userId = z.coerce.number().int().positive().safeParse(form.get("userId"));
  if (!userId.success) throw data(translatableError("error.invalidForm"), { status: 400 });
  const user = confirmEmailByHand(context.db, userId.data);
  if (!user) throw data({ message: "no such participant" }, { status: 404 });
  return { confirmed: user.displayName };
}
