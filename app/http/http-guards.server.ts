import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";
import type { Config } from "../config/env.server";
import type { MessageKey } from "../i18n/messages.en";
import { createTranslator } from "../i18n/translate";
import { bodyLimitFor, refuseTooLarge } from "./bounded-body.server";

/** A path whose percent-encoding cannot be decoded is a client error, not a server one. */
export function isMalformedPath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/** The 400 page for requests rejected before Remix sees them; no user input is echoed. */
export function badRequestPage(): string {
  return errorPage("error.badRequest.title", "error.badRequest.body");
}

/**
 * Security headers, with a Content-Security-Policy whose script nonce is new for every response
 * (kept in res.locals for the Remix handler). Styles allow inline `style` attributes: React's
 * style props and the editor's remote cursors use them; scripts never run inline without the nonce.
 */
export function securityHeaders(config: Config): RequestHandler {
  const fixed = fixedSecurityHeaders(config);
  return (_req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    for (const [name, value] of fixed) res.setHeader(name, value);
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
    next();
  };
}

/**
 * The security headers that are the same on every response (all but the Content-Security-Policy,
 * whose script nonce is per response): also sent with kept pages answered before Express.
 */
export function fixedSecurityHeaders(config: Config): [string, string][] {
  return [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Frame-Options", "DENY"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=()"],
    ...(config.nodeEnv === "production" ? [["Strict-Transport-Security", "max-age=31536000; includeSubDomains"] as [string, string]] : []),
  ];
}

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Refuses state-changing requests sent from another site (cross-site request forgery): a browser
 * always says where a POST comes from in its Origin header.
 */
export function sameOriginForWrites(config: Config): RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const origin = req.get("origin");
    const fetchSite = req.get("sec-fetch-site");
    // The configured origin, never one derived from the Host header (which the client chooses).
    const foreign = origin ? !config.trustedOrigins.includes(origin) : fetchSite === "cross-site";
    if (foreign) {
      res.status(403).type("html").send(errorPage("error.forbidden.title", "error.crossOrigin"));
      return;
    }
    next();
  };
}

/** The 413 page: the body was refused before anything read it. */
export function tooLargePage(): string {
  return errorPage("error.tooLarge.title", "error.tooLarge.body");
}

/**
 * A declared Content-Length over the limit is refused before a byte of the body is read; bodies
 * without one (chunked) are counted as they stream, in bounded-body.server.ts.
 */
export function boundedBodies(): RequestHandler {
  return (req, res, next) => {
    const length = Number(req.get("content-length") ?? 0);
    if (length > bodyLimitFor(req.get("content-type"))) {
      refuseTooLarge(req, res, tooLargePage());
      return;
    }
    next();
  };
}

function errorPage(titleKey: MessageKey, bodyKey: MessageKey): string {
  const t = createTranslator();
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t(titleKey)} · ${t("app.name")}</title>
<style>body{font:1.05rem/1.6 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}a{color:#0b5cad}</style></head>
<body><main><h1>${t(titleKey)}</h1><p>${t(bodyKey)}</p>
<p><a href="/">${t("error.goHome")}</a></p></main></body></html>`;
}
