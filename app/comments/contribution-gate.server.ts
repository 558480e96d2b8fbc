/**
 * A comment form sent without JavaScript over the rate limit is refused here, before Remix: no
 * loaders, no render of the draft (issue 21: each 429 rendered a whole page, p50 447 ms at 100
 * refusals/s). The answer is a light page in the reader's language saying when to try again, with
 * what they typed in a form they can send again, and a Retry-After header. The action keeps the
 * same check (it alone counts), for requests sent with JavaScript (a `.data` request, answered
 * without loaders either) and any that raced past this one.
 */
import type { RequestHandler } from "express";
import type { AppLoadContext } from "@remix-run/node";
import { actorFromCookieHeader } from "../auth/session.server";
import { rateLimits, retryAfterSeconds, writeChecks } from "../auth/rate-limit.server";
import { minutesToWait, writeKind, type WriteKind } from "../auth/rate-limit-rules";
import { MAX_BODY_BYTES, refuseTooLarge } from "../http/bounded-body.server";
import { tooLargePage } from "../http/http-guards.server";
import { negotiateLocale } from "../i18n/negotiate-locale";
import { createTranslator, textDirection, type Locale } from "../i18n/translate";
import "../i18n/catalogs.server";

/** The pages whose action is submitParagraphForm: a paragraph's comments, the draft's. */
const CONTRIBUTION_PATHS = [/^\/c\/[^/]+\/p\/[^/]+$/, /^\/c\/[^/]+\/comments$/];
const KINDS: WriteKind[] = ["contribution", "endorsement", "flag"];
/** Fields shown as text to edit; every other one travels hidden, as the form sent it. */
const TEXT_FIELDS = ["body", "proposedText", "reason"] as const;
const MAX_FIELDS = 40;

export function isContributionPost(method: string, path: string): boolean {
  return method === "POST" && !path.endsWith(".data") && CONTRIBUTION_PATHS.some((p) => p.test(path));
}

/** The request body, read whole (bounded: the caller refuses a larger one). */
function readBody(req: Parameters<RequestHandler>[0], limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
    req.once("aborted", () => reject(new Error("The client closed the connection before sending the whole body.")));
  });
}

export function contributionGate(context: AppLoadContext): RequestHandler {
  return (req, res, next) => {
    if (!isContributionPost(req.method, req.path) || !/^application\/x-www-form-urlencoded\b/i.test(req.get("content-type") ?? "")) {
      next();
      return;
    }
    const requestContext = { ...context, clientIp: req.ip };
    void (async () => {
      const signedIn = await actorFromCookieHeader(req.get("cookie"), context.db, context.config);
      if (!signedIn) return next();
      const limits = rateLimits(context);
      // Nothing is read from the body while every kind of write is allowed: the usual case costs a lookup.
      const refusals = await Promise.all(KINDS.map((kind) => limits.refusal(writeChecks(requestContext, kind, signedIn.user.id))));
      if (refusals.every((r) => r.allowed)) return next();
      const body = await readBody(req, MAX_BODY_BYTES);
      if (body === null) return refuseTooLarge(req, res, tooLargePage());
      // The body is read: Remix gets it from here (bounded-body.server.ts).
      res.locals.body = body;
      const form = new URLSearchParams(body.toString("utf8"));
      const refusal = refusals[KINDS.indexOf(writeKind(form.get("intent")))]!;
      if (refusal.allowed) return next();
      // A signed-in reader's pages are in their profile's language (locale.server.ts).
      const locale = negotiateLocale({ profile: signedIn.user.language, acceptLanguage: req.get("accept-language") });
      res
        .status(429)
        .set("Retry-After", String(retryAfterSeconds(refusal.msBeforeNext)))
        .set("Cache-Control", "no-store")
        .type("html")
        .send(tooManyPage(locale, req.originalUrl, form, minutesToWait(refusal.msBeforeNext)));
    })().catch(next);
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The light 429 page: the message, and the typed text in a form to send again. */
export function tooManyPage(locale: Locale, action: string, form: URLSearchParams, minutes: number): string {
  const t = createTranslator(locale);
  const fields = [...form].slice(0, MAX_FIELDS).map(([name, value]) => [name.slice(0, 100), value.slice(0, 20_000)] as const);
  const hidden = fields
    .filter(([name]) => !(TEXT_FIELDS as readonly string[]).includes(name))
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
  const labels: Record<(typeof TEXT_FIELDS)[number], string> = {
    body: t("comment.body"),
    proposedText: t("comment.proposedText"),
    reason: t("comment.flagReason"),
  };
  const texts = TEXT_FIELDS.flatMap((name) => {
    const value = form.get(name);
    if (value === null) return [];
    return [`<p><label for="kept-${name}">${escapeHtml(labels[name])}</label><textarea id="kept-${name}" name="${name}" rows="8">${escapeHtml(value.slice(0, 20_000))}</textarea></p>`];
  }).join("");
  const title = t("comment.tooMany.title");
  return `<!DOCTYPE html>
<html lang="${locale}" dir="${textDirection(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(t("app.name"))}</title>
<style>body{font:1.05rem/1.6 system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}a{color:#0b5cad}label{display:block;font-weight:600}textarea{width:100%;font:inherit}button{font:inherit;padding:.4rem 1rem}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>
<p role="alert">${escapeHtml(t("comment.tooMany", { minutes }))}</p>
<form method="post" action="${escapeHtml(action)}">${hidden}${texts}<p><button type="submit">${escapeHtml(t("comment.tooMany.resend"))}</button></p></form>
<p><a href="${escapeHtml(action)}">${escapeHtml(t("comment.tooMany.back"))}</a></p></main></body></html>`;
}
