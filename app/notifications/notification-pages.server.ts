/** The notifications page, following, unsubscribing and e-mail preferences: forms and their data. */
import { data, redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "../../db/schema";
import { emailCategories, unescoRegions } from "../../db/enums";
import { listStakeholderGroups } from "../accounts/users.server";
import { controlCharacterError, hasNoControlCharacters } from "../comments/control-characters";
import { fieldErrors } from "../accounts/profile-schema";
import { can } from "../auth/permissions";
import { requirePermission, requireUser, type SignedInUser } from "../auth/session.server";
import { getConsultationBySlug } from "../drafts/drafts.server";
import { translatableError } from "../i18n/error-message";
import { safeRedirect } from "../http/safe-redirect";
import { notificationPath } from "./digest";
import { announce, follow, followsOf, isFollowing, markRead, notificationsOf, preferencesOf, setPreferences, unfollow, unreadCount, unsubscribe } from "./notifications.server";
import { modesFor, preferencesSchema } from "./preferences";
import { readUnsubscribeToken } from "./unsubscribe-token.server";

async function requireNotifications(request: Request, context: AppLoadContext): Promise<SignedInUser> {
  const signedIn = await requireUser(request, context.db, context.config);
  if (!can(signedIn.actor, { action: "notifications.manage" })) throw data(translatableError("error.forbidden.body"), { status: 403 });
  return signedIn;
}

export async function notificationsPage(request: Request, context: AppLoadContext) {
  const { user } = await requireNotifications(request, context);
  return {
    unread: unreadCount(context.db, user.id),
    notifications: notificationsOf(context.db, user.id).map((n) => ({
      id: n.id,
      kind: n.kind,
      detail: n.detail,
      read: n.readAt !== null,
      createdAt: n.createdAt.toISOString(),
      path: notificationPath(n),
    })),
    follows: followsOf(context.db, user.id),
  };
}

const notificationsFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: z.coerce.number().int().positive().optional() }),
  z.object({ intent: z.literal("unfollow"), consultationId: z.coerce.number().int().positive(), nodeId: z.string().max(100).default("") }),
]);

export async function submitNotificationsForm(request: Request, context: AppLoadContext) {
  const { user } = await requireNotifications(request, context);
  const parsed = notificationsFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw data(translatableError("error.invalidForm"), { status: 400 });
  if (parsed.data.intent === "read") markRead(context.db, user.id, parsed.data.id ?? null);
  else unfollow(context.db, user.id, parsed.data.consultationId, parsed.data.nodeId || null);
  return redirect("/notifications");
}

/** Whether the reader follows this consultation or paragraph (null: not signed in). */
export function followState(context: AppLoadContext, signedIn: SignedInUser | null, consultationId: number, nodeId: string | null): boolean | null {
  if (!signedIn || !can(signedIn.actor, { action: "notifications.manage" })) return null;
  return isFollowing(context.db, signedIn.user.id, consultationId, nodeId);
}

const followSchema = z.object({
  consultation: z.string().min(1).max(200),
  nodeId: z.string().max(100).default(""),
  intent: z.enum(["follow", "unfollow"]),
  redirectTo: z.string().max(2000).optional(),
});

/** The follow button's form, from any page; back to that page after. */
export async function submitFollow(request: Request, context: AppLoadContext) {
  const signedIn = await requireNotifications(request, context);
  const parsed = followSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw data(translatableError("error.invalidForm"), { status: 400 });
  const consultation = getConsultationBySlug(context.db, parsed.data.consultation);
  if (!consultation || !can(signedIn.actor, { action: "consultation.read", consultation })) {
    throw data(translatableError("error.consultationNotFound", { slug: parsed.data.consultation }), { status: 404 });
  }
  const nodeId = parsed.data.nodeId || null;
  if (parsed.data.intent === "follow") follow(context.db, signedIn.user.id, consultation.id, nodeId);
  else unfollow(context.db, signedIn.user.id, consultation.id, nodeId);
  return redirect(safeRedirect(parsed.data.redirectTo, `/c/${consultation.slug}`));
}

/** The unsubscribe page: what the link would stop (nothing changes on GET). */
export function unsubscribePage(context: AppLoadContext, token: string | undefined) {
  const target = token ? readUnsubscribeToken(context.config.sessionSecret, token) : null;
  if (!target) return { valid: false as const };
  const user = context.db.select({ email: users.email }).from(users).where(eq(users.id, target.userId)).get();
  if (!user) return { valid: false as const };
  return { valid: true as const, scope: target.category, email: user.email };
}

/**
 * The unsubscribe button, and the one-click POST of RFC 8058 that mail clients send
 * (`List-Unsubscribe=One-Click`): either way, no sign-in, the signed token decides.
 */
export async function submitUnsubscribe(request: Request, context: AppLoadContext, token: string | undefined) {
  const target = token ? readUnsubscribeToken(context.config.sessionSecret, token) : null;
  if (!target) throw data(translatableError("unsubscribe.invalid"), { status: 404 });
  const exists = context.db.select({ id: users.id }).from(users).where(eq(users.id, target.userId)).get();
  if (!exists) throw data(translatableError("unsubscribe.invalid"), { status: 404 });
  unsubscribe(context.db, target.userId, target.category);
  return { done: true, scope: target.category };
}

export function preferencesView(context: AppLoadContext, userId: number) {
  const current = preferencesOf(context.db, userId);
  return emailCategories.map((category) => ({ category, mode: current[category], modes: [...modesFor(category)] }));
}

export async function submitPreferences(request: Request, context: AppLoadContext, signedIn: SignedInUser) {
  const parsed = preferencesSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values: {} }, { status: 400 });
  setPreferences(context.db, signedIn.user.id, parsed.data);
  return redirect("/account?preferencesSaved=1#email-preferences");
}

const announcementSchema = z.object({
  subject: z.string().trim().min(1, { error: "announce.subject.required" }).max(200, { error: "announce.subject.tooLong" }).refine(hasNoControlCharacters, controlCharacterError),
  message: z.string().trim().min(1, { error: "announce.message.required" }).max(5000, { error: "announce.message.tooLong" }).refine(hasNoControlCharacters, controlCharacterError),
  regions: z.array(z.enum(unescoRegions)).max(unescoRegions.length),
  stakeholderGroupIds: z.array(z.coerce.number().int().positive()).max(200),
});

async function consultationToAnnounce(request: Request, context: AppLoadContext, slug: string | undefined) {
  await requirePermission(request, context.db, context.config, { action: "announcement.send" });
  const consultation = slug ? getConsultationBySlug(context.db, slug) : undefined;
  if (!consultation) throw data(translatableError("error.consultationNotFound", { slug: slug ?? "" }), { status: 404 });
  return consultation;
}

export async function announcementPage(request: Request, context: AppLoadContext, slug: string | undefined) {
  const consultation = await consultationToAnnounce(request, context, slug);
  return {
    consultation: { slug: consultation.slug, title: consultation.title },
    regions: unescoRegions,
    groups: listStakeholderGroups(context.db).map((g) => ({ id: g.id, name: g.name })),
  };
}

type AnnouncementResult = { errors: Record<string, string>; values: Record<string, string>; sent: number | null };

/** Sends through the notifier and the outbox like every other notice, honouring unsubscriptions. */
export async function submitAnnouncement(request: Request, context: AppLoadContext, slug: string | undefined) {
  const consultation = await consultationToAnnounce(request, context, slug);
  const form = await request.formData();
  const parsed = announcementSchema.safeParse({
    subject: form.get("subject") ?? "",
    message: form.get("message") ?? "",
    regions: form.getAll("regions"),
    stakeholderGroupIds: form.getAll("stakeholderGroupIds"),
  });
  const values = { subject: String(form.get("subject") ?? "").slice(0, 2000), message: String(form.get("message") ?? "").slice(0, 20_000) };
  if (!parsed.success) return data<AnnouncementResult>({ errors: fieldErrors(parsed.error), values, sent: null }, { status: 400 });
  const sent = announce(context.db, { consultationId: consultation.id, ...parsed.data });
  context.notifier?.wake();
  return data<AnnouncementResult>({ errors: {}, values: {}, sent });
}
