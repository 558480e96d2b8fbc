/**
 * The account forms' server side: each function validates a submitted form with zod and either
 * acts (returning a redirect with the session cookie) or returns the field errors and the values
 * to show again. Routes only call these.
 */
import { data, redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { addressCheck, clientAddress, rateLimits, signInDelayMs, throwIfRefused } from "../auth/rate-limit.server";
import { passwordProblem, verifyPassword } from "../auth/password.server";
import { dropPreviousSession, endAllSessions, endSession, startSession, type SignedInUser } from "../auth/session.server";
import { fieldErrors, registrationSchema } from "./profile-schema";
import {
  authenticate,
  changePassword,
  deleteAccount,
  EmailTakenError,
  findResetToken,
  registerUser,
  requestPasswordReset,
  resetPassword,
} from "./users.server";
import { confirmEmail, findConfirmation, requestEmailConfirmation } from "./email-confirmation.server";
import { safeRedirect } from "../http/safe-redirect";

type Values = Record<string, string>;
export type FormResult = { errors: Record<string, string>; values: Values; done?: string };

const PASSWORD_FIELDS = new Set(["password", "newPassword", "currentPassword"]);

/** What the user typed, to show again; passwords never travel back. */
function keptValues(form: FormData): Values {
  const values: Values = {};
  for (const [key, value] of form) if (typeof value === "string" && !PASSWORD_FIELDS.has(key)) values[key] = value.slice(0, 2000);
  return values;
}

function invalid(form: FormData, errors: Record<string, string>) {
  return data<FormResult>({ errors, values: keptValues(form) }, { status: 400 });
}

export { safeRedirect };

export async function submitRegistration(request: Request, context: AppLoadContext) {
  const form = await request.formData();
  const email = String(form.get("email") ?? "").trim().toLowerCase().slice(0, 320);
  // Each registration creates an account, so successes count too; the address's share is a room's.
  throwIfRefused(
    await rateLimits(context).consumeAll([
      ...addressCheck(context, "registerPerAddress"),
      ...(email ? [{ name: "registerPerAccount" as const, key: email }] : []),
    ]),
  );
  const parsed = registrationSchema.safeParse(Object.fromEntries(form));
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const problem = passwordProblem(String(form.get("password") ?? ""), email);
  if (problem) errors.password = problem;
  if (!parsed.success || problem) return invalid(form, errors);
  try {
    const user = await registerUser(context.db, parsed.data);
    // The link is on the configured origin, like the reset links.
    requestEmailConfirmation(context.db, user, context.config.publicOrigin);
    context.mailer?.wake();
    await dropPreviousSession(request, context.db, context.config);
    const cookie = await startSession(context.db, context.config, user.id, false);
    return redirect(safeRedirect(form.get("redirectTo"), "/account?welcome=1"), { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (error instanceof EmailTakenError) return invalid(form, { email: "field.email.taken" });
    if (error instanceof Error && error.message === "field.stakeholderGroup.required") {
      return invalid(form, { stakeholderGroupId: "field.stakeholderGroup.required" });
    }
    throw error;
  }
}

const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "field.email.invalid" })),
  password: z.string().min(1, { error: "signIn.failed" }).max(256, { error: "signIn.failed" }),
  remember: z.preprocess((v) => v === "on", z.boolean()),
});

export async function submitSignIn(request: Request, context: AppLoadContext) {
  const form = await request.formData();
  const parsed = signInSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(form, { form: "signIn.failed", ...fieldErrors(parsed.error) });
  const limits = rateLimits(context);
  const accountKey = parsed.data.email;
  const pairKey = `${accountKey}|${clientAddress(context)}`;
  // Failures only: a room of people signing in at once from one address all get in. An address
  // that failed too often, at this account or at all, waits (429); others do not.
  const failures = [{ name: "signInFailuresPerAccountAndAddress" as const, key: pairKey }, ...addressCheck(context, "signInFailuresPerAddress")];
  throwIfRefused(await limits.refusal(failures));
  // Failures at this account from anywhere slow every attempt at it down, never lock it.
  const delay = signInDelayMs(await limits.count("signInFailuresPerAccount", accountKey));
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  const user = await authenticate(context.db, parsed.data.email, parsed.data.password);
  if (!user) {
    await limits.record([{ name: "signInFailuresPerAccount", key: accountKey }, ...failures]);
    return invalid(form, { form: "signIn.failed" });
  }
  await limits.forgive("signInFailuresPerAccountAndAddress", pairKey);
  await dropPreviousSession(request, context.db, context.config);
  const cookie = await startSession(context.db, context.config, user.id, parsed.data.remember);
  return redirect(safeRedirect(form.get("redirectTo"), "/"), { headers: { "Set-Cookie": cookie } });
}

export async function submitSignOut(request: Request, context: AppLoadContext) {
  const cookie = await endSession(request, context.db, context.config);
  return redirect("/", { headers: { "Set-Cookie": cookie } });
}

export async function submitForgotPassword(request: Request, context: AppLoadContext) {
  const form = await request.formData();
  const parsed = z.string().trim().toLowerCase().pipe(z.email()).safeParse(form.get("email"));
  if (!parsed.success) return invalid(form, { email: "field.email.invalid" });
  throwIfRefused(
    await rateLimits(context).consumeAll([...addressCheck(context, "resetPerAddress"), { name: "resetPerAccount", key: parsed.data }]),
  );
  // The link is on the configured origin: a forged Host header must not point it elsewhere.
  requestPasswordReset(context.db, parsed.data, context.config.publicOrigin);
  // The background sender delivers it: a slow or failing mail server never holds this answer.
  context.mailer?.wake();
  // The same answer whether or not the address has an account.
  return data<FormResult>({ errors: {}, values: {}, done: "forgot.sent" });
}

export function resetTokenIsValid(context: AppLoadContext, token: string | undefined): boolean {
  return typeof token === "string" && token.length < 100 && findResetToken(context.db, token) !== undefined;
}

export async function submitPasswordReset(request: Request, context: AppLoadContext, token: string) {
  const form = await request.formData();
  const password = String(form.get("newPassword") ?? "");
  const problem = passwordProblem(password);
  if (problem) return invalid(form, { newPassword: problem });
  const userId = await resetPassword(context.db, token, password);
  if (userId === null) return invalid(form, { form: "reset.invalid" });
  return redirect("/sign-in?reset=1");
}

export async function submitPasswordChange(request: Request, context: AppLoadContext, signedIn: SignedInUser) {
  const form = await request.formData();
  const current = String(form.get("currentPassword") ?? "");
  const next = String(form.get("newPassword") ?? "");
  if (!(await verifyPassword(signedIn.user.passwordHash, current))) return invalid(form, { currentPassword: "field.currentPassword.wrong" });
  const problem = passwordProblem(next, signedIn.user.email);
  if (problem) return invalid(form, { newPassword: problem });
  await changePassword(context.db, signedIn.user.id, next);
  // All sessions ended with the change; this device gets a fresh one.
  const cookie = await startSession(context.db, context.config, signedIn.user.id, false);
  return redirect("/account?passwordChanged=1", { headers: { "Set-Cookie": cookie } });
}

export async function submitAccountDeletion(request: Request, context: AppLoadContext, signedIn: SignedInUser) {
  const form = await request.formData();
  if (form.get("confirm") !== "DELETE") return invalid(form, { confirm: "account.deleteConfirm.wrong" });
  const choice = form.get("comments") === "remove" ? "remove" : "anonymise";
  const cookie = await endSession(request, context.db, context.config);
  endAllSessions(context.db, signedIn.user.id);
  deleteAccount(context.db, signedIn.user.id, choice);
  return redirect("/?accountDeleted=1", { headers: { "Set-Cookie": cookie } });
}

/**
 * Sends the confirmation link again (at most three times an hour per account). Returns the
 * message to show: sent, already confirmed, or too many.
 */
export async function resendConfirmation(context: AppLoadContext, signedIn: SignedInUser): Promise<"confirm.resent" | "confirm.already" | "confirm.tooMany"> {
  if (signedIn.user.emailConfirmedAt !== null) return "confirm.already";
  // The reset link's allowance (three an hour), under its own key: a confirmation resent never uses up a reset.
  if (!(await rateLimits(context).consumeAll([{ name: "resetPerAccount", key: `confirm:${signedIn.user.id}` }])).allowed) return "confirm.tooMany";
  requestEmailConfirmation(context.db, signedIn.user, context.config.publicOrigin);
  context.mailer?.wake();
  return "confirm.resent";
}

export function confirmationTokenIsValid(context: AppLoadContext, token: string | undefined): boolean {
  return typeof token === "string" && findConfirmation(context.db, token) !== undefined;
}

/** The confirm page's button: the address is confirmed, or the page says the link is void. */
export function submitEmailConfirmation(context: AppLoadContext, token: string) {
  const userId = confirmEmail(context.db, token);
  if (userId === null) return invalid(new FormData(), { form: "confirm.invalid" });
  return redirect("/account?confirmed=1");
}
