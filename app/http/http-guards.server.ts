import type { RequestHandler } from "express";
import type { Config } from "../config/env.server";
import { createTranslator } from "../i18n/translate";

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
  const t = createTranslator();
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t("error.badRequest.title")} · ${t("app.name")}</title>
<style>body{font:1.05rem/1.6 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}a{color:#0b5cad}</style></head>
<body><main><h1>${t("error.badRequest.title")}</h1><p>${t("error.badRequest.body")}</p>
<p><a href="/">${t("error.goHome")}</a></p></main></body></html>`;
}

/** Baseline headers; the accounts issue tightens this into a nonce-based CSP. */
export function securityHeaders(config: Config): RequestHandler {
  return (_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Content-Security-Policy", "frame-ancestors 'none'; object-src 'none'; base-uri 'self'");
    if (config.nodeEnv === "production" && config.publicOrigin?.startsWith("https:")) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    next();
  };
}
