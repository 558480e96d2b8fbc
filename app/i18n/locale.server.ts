import { createCookie, redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "../../db/schema";
import { safeRedirect } from "../accounts/account-forms.server";
import { can } from "../auth/permissions";
import { getSignedInUser, type SignedInUser } from "../auth/session.server";
import { negotiateLocale } from "./negotiate-locale";
import { createTranslator, locales, type Locale, type Translate } from "./translate";

/** The language chosen with the switcher, for visitors without an account (one year). */
const languageCookie = createCookie("redraft_lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 24 * 3600 });

async function chosenLanguage(request: Request): Promise<unknown> {
  return languageCookie.parse(request.headers.get("Cookie"));
}

/** The language of this request's page (see negotiateLocale for the order). */
export async function requestLocale(request: Request, context: AppLoadContext, signedIn?: SignedInUser | null): Promise<Locale> {
  const user = signedIn === undefined ? await getSignedInUser(request, context.db, context.config) : signedIn;
  return negotiateLocale({
    profile: user?.user.language,
    chosen: (await chosenLanguage(request)) as string | null,
    acceptLanguage: request.headers.get("Accept-Language"),
  });
}

/** The language of a visitor who sends no cookie at all: the browser's languages alone. */
export function cookielessLocale(acceptLanguage: string | null | undefined): Locale {
  return negotiateLocale({ acceptLanguage });
}

/**
 * The language of a page for a visitor without a session, from the headers alone (the page cache
 * keys pages on it before any loader runs): the switcher's cookie, else the browser's languages.
 */
export async function anonymousLocale(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined): Promise<Locale> {
  return negotiateLocale({ chosen: (await languageCookie.parse(cookieHeader ?? null)) as string | null, acceptLanguage });
}

/** A translator in the language of this request, for messages made on the server. */
export async function requestTranslator(request: Request, context: AppLoadContext): Promise<Translate> {
  return createTranslator(await requestLocale(request, context));
}

const switchSchema = z.object({ language: z.enum(locales), redirectTo: z.string().max(2000).optional() });

/**
 * The language switcher's POST: remembers the choice in a cookie and, for a signed-in reader, in
 * the profile too (the profile wins over the cookie), then returns to the page it came from.
 */
export async function switchLanguage(request: Request, context: AppLoadContext) {
  const form = await request.formData();
  const parsed = switchSchema.safeParse(Object.fromEntries(form));
  const back = safeRedirect(form.get("redirectTo"), "/");
  if (!parsed.success) return redirect(back);
  const signedIn = await getSignedInUser(request, context.db, context.config);
  if (signedIn && can(signedIn.actor, { action: "account.manage" })) {
    context.db.update(users).set({ language: parsed.data.language }).where(eq(users.id, signedIn.user.id)).run();
  }
  return redirect(back, { headers: { "Set-Cookie": await languageCookie.serialize(parsed.data.language) } });
}
