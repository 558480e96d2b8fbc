import { createHash } from "node:crypto";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverLogged, startServer, type RunningServer } from "../support/start-server";

/**
 * Kept pages rendered in the render worker (decision 034), through the real built server: the page
 * a visitor gets is the one the main thread would have rendered, with a policy its scripts run
 * under; pages that may not be kept reach the visitor as they are; and when the worker dies, pages
 * are still served and another worker takes over.
 */
let server: RunningServer;
const OPEN = "unesco-ethics-of-ai";
/** Test servers only (render-worker.server.ts): ends the worker while it renders this request. */
const EXIT = { "x-redraft-test-render-worker-exit": "1" };

function raw(path: string, headers: Record<string, string>): Promise<{ status: number; policy: string; html: string; etag?: string }> {
  return new Promise((resolve, reject) => {
    request(server.url + path, { headers: { "Accept-Encoding": "identity", "Accept-Language": "en", ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode!, policy: String(res.headers["content-security-policy"]), etag: res.headers.etag, html: Buffer.concat(chunks).toString("utf8") }),
      );
    })
      .on("error", reject)
      .end();
  });
}

const logged = (pattern: RegExp, count = 1) => serverLogged(server, pattern, count);
const READY = /render worker ready/;
const STOPPED = /render worker stopped/;

/** The page's inline scripts (those without src): what the policy must allow. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/\bsrc\s*=/i.test(m[1]!)).map((m) => m[2]!);
}

beforeAll(async () => {
  server = await startServer({ env: { PAGE_CACHE_MIN_INTERVAL_MS: "0" } });
  await logged(READY);
}, 90_000);
afterAll(async () => {
  await server.stop();
  if (process.env.SHOW_SERVER_OUTPUT) console.log(server.output());
});

describe("a kept page rendered in the worker", () => {
  it("is the page the main thread renders for the same visitor, and its inline scripts are allowed by hash", async () => {
    const kept = await raw(`/c/${OPEN}/p/OP1`, {});
    expect(kept.status).toBe(200);
    expect(kept.etag).toBeDefined();
    // A session cookie (even a forged one) makes the main thread render the page for its reader,
    // here nobody: the same page, but for what each render makes anew (its CSP nonce, the ids that
    // tell a resent form from a new one).
    const inline = await raw(`/c/${OPEN}/p/OP1`, { Cookie: "redraft_session=forged" });
    expect(inline.etag).toBeUndefined();
    const perRender = (html: string) =>
      html.replace(/ nonce="[^"]*"/g, "").replace(/(ubmissionId.{0,20}?)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "$1…");
    expect(perRender(kept.html)).toContain("Adopts the present Recommendation");
    expect(perRender(kept.html)).toBe(perRender(inline.html));

    expect(kept.policy).not.toContain("'nonce-");
    const scripts = inlineScripts(kept.html);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(kept.policy).toContain(`'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`);
  });

  it("is in the language the visitor chose with the switcher, whatever their browser asks for", async () => {
    const switched = await fetch(`${server.url}/language`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ language: "fr", redirectTo: `/c/${OPEN}` }),
    });
    const cookie = switched.headers.get("set-cookie")!.split(";")[0]!;
    expect(cookie).toMatch(/^redraft_lang=/);
    const page = await raw(`/c/${OPEN}/p/OP3`, { Cookie: cookie, "Accept-Language": "en" });
    expect(page.status).toBe(200);
    expect(page.etag).toBeDefined();
    expect(page.html).toContain('<html lang="fr"');
    // And an English reader of the same address still gets English.
    expect((await raw(`/c/${OPEN}/p/OP3`, {})).html).toContain('<html lang="en"');
  });

  it("answers an unknown paragraph with the not-found page, whose scripts carry the nonce of its policy", async () => {
    const missing = await raw(`/c/${OPEN}/p/NO-SUCH-PARAGRAPH`, {});
    expect(missing.status).toBe(404);
    expect(missing.etag).toBeUndefined();
    expect(missing.html).toContain("Page not found");
    const nonce = /'nonce-([^']+)'/.exec(missing.policy)![1]!;
    const nonces = [...missing.html.matchAll(/<script\b[^>]*\bnonce="([^"]*)"/g)].map((m) => m[1]);
    expect(nonces.length).toBeGreaterThan(0);
    expect(new Set(nonces)).toEqual(new Set([nonce]));
  });
});

describe("when the render worker dies", () => {
  it("still serves the page it was rendering, and another worker renders the next ones", async () => {
    const stopped = (server.output().match(new RegExp(STOPPED.source, "g")) ?? []).length;
    const readies = (server.output().match(new RegExp(READY.source, "g")) ?? []).length;

    const during = await raw(`/c/${OPEN}/p/PP2`, EXIT);
    await logged(STOPPED, stopped + 1);
    expect(during.status).toBe(200);
    expect(during.html).toContain('id="main"');

    await logged(READY, readies + 1);
    // The new worker has this one in hand: it ends too, and the visitor still gets the page.
    const after = await raw(`/c/${OPEN}/p/PP4`, EXIT);
    await logged(STOPPED, stopped + 2);
    expect(after.status).toBe(200);
    expect(after.html).toContain('id="main"');

    // And a third one serves kept pages as before.
    await logged(READY, readies + 2);
    const kept = await raw(`/c/${OPEN}/p/PP5`, {});
    expect(kept.status).toBe(200);
    expect(kept.etag).toBeDefined();
  }, 60_000);
});
