import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import express from "express";
import { describe, expect, it } from "vitest";
import type { Config } from "../config/env.server";
import { cookielessLocale } from "../i18n/locale.server";
import { fixedSecurityHeaders, securityHeaders } from "./http-guards.server";
import { cacheableAddress, hashedPolicy, keptPageFastPath, PageCache, pageCacheMiddleware, storable } from "./page-cache.server";

const html = (text: string, init: ResponseInit = {}) =>
  new Response(`<!DOCTYPE html><html><body><p>${text}</p></body></html>`, {
    status: 200,
    ...init,
    headers: { "Content-Type": "text/html; charset=utf-8", ...(init.headers as Record<string, string> | undefined) },
  });

function counted(make: () => Response) {
  const renders = { count: 0 };
  return {
    renders,
    render: async () => {
      renders.count += 1;
      // Another turn, as a real render takes: the other requests arrive meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
      return make();
    },
  };
}

describe("PageCache", () => {
  it("renders a missing page once for many readers asking at the same time", async () => {
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000 });
    const { renders, render } = counted(() => html("the draft"));
    const pages = await Promise.all(Array.from({ length: 50 }, () => cache.serve("en\n/c/x", "1", render)));
    expect(renders.count).toBe(1);
    for (const page of pages) {
      expect(page).not.toBeInstanceOf(Response);
      if (page instanceof Response) continue;
      expect(page.identity.toString()).toContain("the draft");
    }
  });

  it("renders again once the revision moves, and keeps only the newest", async () => {
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000 });
    let text = "before";
    const { renders, render } = counted(() => html(text));
    await cache.serve("k", "1", render);
    await cache.serve("k", "1", render);
    text = "after";
    const page = await cache.serve("k", "2", render);
    expect(renders.count).toBe(2);
    expect(page instanceof Response ? "" : page.identity.toString()).toContain("after");
    expect(cache.size).toBe(1);
  });

  it("serves the previous page while the newer one renders during a burst, and the newer one after", async () => {
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000 });
    await cache.serve("k", "1", async () => html("first"));
    let finish!: () => void;
    const slow = new Promise<void>((resolve) => (finish = resolve));
    const rendering = cache.serve("k", "2", async () => {
      await slow;
      return html("second");
    });
    const meanwhile = await cache.serve("k", "2", async () => html("never rendered"));
    expect(meanwhile instanceof Response ? "" : meanwhile.identity.toString()).toContain("first");
    finish();
    const rendered = await rendering;
    expect(rendered instanceof Response ? "" : rendered.identity.toString()).toContain("second");
    const after = await cache.serve("k", "2", async () => html("never rendered"));
    expect(after instanceof Response ? "" : after.identity.toString()).toContain("second");
  });

  it("renders an address once at a time: readers of newer revisions with no recent page wait for the render under way", async () => {
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000 });
    let finish!: () => void;
    const slow = new Promise<void>((resolve) => (finish = resolve));
    let renders = 0;
    const render = async () => {
      renders += 1;
      await slow;
      return html(`render ${renders}`);
    };
    const first = cache.serve("k", "1", render);
    // A comment every few milliseconds: each reader saw a newer revision than the last.
    const readers = Array.from({ length: 20 }, (_, i) => cache.serve("k", String(i + 2), render));
    finish();
    for (const page of await Promise.all([first, ...readers])) {
      expect(page instanceof Response ? "" : page.identity.toString()).toContain("render 1");
    }
    expect(renders).toBe(1);
    // The next reader after it gets the newest revision rendered.
    const next = await cache.serve("k", "21", async () => html("the newest"));
    expect(next instanceof Response ? "" : next.identity.toString()).toContain("the newest");
  });

  it("renders a page at most once per interval during a burst of writes, then shows the newest", async () => {
    let now = 0;
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000, minIntervalMs: 1000, now: () => now });
    let text = "revision 1";
    const { renders, render } = counted(() => html(text));
    await cache.serve("k", "1", render);
    for (let revision = 2; revision <= 10; revision++) {
      now += 100;
      text = `revision ${revision}`;
      const page = await cache.serve("k", String(revision), render);
      expect(page instanceof Response ? "" : page.identity.toString()).toContain("revision 1");
    }
    now = 1000;
    const page = await cache.serve("k", "10", render);
    expect(page instanceof Response ? "" : page.identity.toString()).toContain("revision 10");
    expect(renders.count).toBe(2);
  });

  it("gives readers the kept page, however old, while a slow render of a newer one is under way", async () => {
    // On a saturated host the render worker can take longer than any fixed bound: readers then
    // waited for it, and timed out (docs/benchmarks.md, "The closing day").
    let now = 0;
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000, minIntervalMs: 1000, now: () => now });
    await cache.serve("k", "1", async () => html("revision 1"));
    now = 30_000;
    let finish: (response: Response) => void = () => {};
    const slow = cache.serve("k", "2", () => new Promise<Response>((resolve) => (finish = resolve)));
    const reader = cache.immediate("k", "3");
    expect(reader?.identity.toString()).toContain("revision 1");
    finish(html("revision 2"));
    await slow;
    now = 31_500;
    const next = await cache.serve("k", "3", async () => html("revision 3"));
    expect(next instanceof Response ? "" : next.identity.toString()).toContain("revision 3");
  });

  it("renders again after the maximum age even when nothing was written", async () => {
    let now = 0;
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 1000, now: () => now });
    const { renders, render } = counted(() => html("page"));
    await cache.serve("k", "1", render);
    now = 999;
    await cache.serve("k", "1", render);
    now = 1000;
    await cache.serve("k", "1", render);
    expect(renders.count).toBe(2);
  });

  it("keeps its bytes under the bound, dropping the least recently used page first", async () => {
    const body = "x".repeat(20_000);
    // Each page takes about 22 kB (the body, its two compressed copies, bookkeeping): three fit.
    const cache = new PageCache({ maxBytes: 70_000, maxAgeMs: 60_000 });
    const render = async () => html(body);
    await cache.serve("a", "1", render);
    await cache.serve("b", "1", render);
    await cache.serve("c", "1", render);
    cache.get("a", "1"); // a is now more recent than b
    await cache.serve("d", "1", render);
    expect(cache.bytes).toBeLessThanOrEqual(70_000);
    expect(cache.size).toBe(3);
    expect(cache.get("a", "1")).toBeDefined();
    expect(cache.get("b", "1")).toBeUndefined();
    expect(cache.get("d", "1")).toBeDefined();
  });

  it("never keeps a page that sets a cookie, an error page or a non-HTML answer", async () => {
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000 });
    for (const response of [
      () => html("signed in", { headers: { "Set-Cookie": "redraft_session=abc" } }),
      () => html("missing", { status: 404 }),
      () => new Response("{}", { headers: { "Content-Type": "application/json" } }),
      () => html("private", { headers: { "Cache-Control": "private" } }),
    ]) {
      const first = await cache.serve("k", "1", async () => response());
      expect(first).toBeInstanceOf(Response);
      expect(cache.size).toBe(0);
    }
    expect(storable(html("fine"))).toBe(true);
  });

  it("gives readers who waited on an unstorable page their own render", async () => {
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000 });
    const { renders, render } = counted(() => html("mine", { headers: { "Set-Cookie": "a=b" } }));
    const results = await Promise.all([cache.serve("k", "1", render), cache.serve("k", "1", render)]);
    expect(renders.count).toBe(2);
    for (const r of results) expect(r).toBeInstanceOf(Response);
  });

  it("stores gzip and brotli bodies that decode to the page", async () => {
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000 });
    const page = await cache.serve("k", "1", async () => html("é ü 中文 ".repeat(500)));
    if (page instanceof Response) throw new Error("expected a kept page");
    expect(gunzipSync(page.gzip).equals(page.identity)).toBe(true);
    expect(brotliDecompressSync(page.br).equals(page.identity)).toBe(true);
    expect(page.gzip.length).toBeLessThan(page.identity.length / 4);
  });
});

describe("hashedPolicy", () => {
  it("replaces the nonce with the hashes of the inline scripts, leaving scripts with a src to 'self'", () => {
    const script = "window.__remixContext = {};";
    const page = `<script nonce="n1">${script}</script><script type="module" src="/build/a.js" nonce="n1"></script>`;
    const policy = hashedPolicy("default-src 'self'; script-src 'self' 'nonce-n1'; object-src 'none'", page);
    const hash = createHash("sha256").update(script).digest("base64");
    expect(policy).toBe(`default-src 'self'; script-src 'self' 'sha256-${hash}'; object-src 'none'`);
  });

  it("leaves only 'self' when the page has no inline script", () => {
    expect(hashedPolicy("script-src 'self' 'nonce-n1'; img-src 'self'", "<p>plain</p>")).toBe("script-src 'self'; img-src 'self'");
  });
});

describe("cacheableAddress", () => {
  const request = (originalUrl: string, cookie?: string, method = "GET") => ({
    method,
    path: originalUrl.split("?")[0]!,
    originalUrl,
    headers: { cookie },
  });

  it("takes a consultation's public reading pages for a visitor without a session", () => {
    expect(cacheableAddress(request("/c/unesco-ethics-of-ai"))).toEqual({ slug: "unesco-ethics-of-ai" });
    expect(cacheableAddress(request("/c/unesco-ethics-of-ai/p/71?text=fr"))).toEqual({ slug: "unesco-ethics-of-ai" });
    expect(cacheableAddress(request("/c/x/what-we-heard", "redraft_lang=abc"))).toEqual({ slug: "x" });
  });

  it("leaves out anyone with a session cookie, writes, other pages and unknown parameters", () => {
    expect(cacheableAddress(request("/c/x", "redraft_lang=a; redraft_session=s"))).toBeNull();
    expect(cacheableAddress(request("/c/x", undefined, "POST"))).toBeNull();
    expect(cacheableAddress(request("/c/x/revise"))).toBeNull();
    expect(cacheableAddress(request("/c/x/analysis"))).toBeNull();
    expect(cacheableAddress(request("/c/x.data"))).toBeNull();
    expect(cacheableAddress(request("/c/x?cachebuster=1"))).toBeNull();
    expect(cacheableAddress(request(`/c/x?text=${"a".repeat(600)}`))).toBeNull();
  });
});

describe("keptPageFastPath", () => {
  const config = { nodeEnv: "production" } as Config;
  const page = (text: string) =>
    new Response(`<!DOCTYPE html><html><body><script>window.x = 1;</script><p>${text}</p></body></html>`, {
      headers: { "Content-Type": "text/html; charset=utf-8" },
    });

  /**
   * Express with the app's security headers and the cache middleware, behind the path before
   * Express, as server.ts wires them; `revision` is the consultation's page revision.
   */
  async function serverWithCache(state: { revision: string; text: string }) {
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000, minIntervalMs: 0 });
    const renders = { count: 0 };
    const app = express();
    app.disable("x-powered-by");
    app.use(securityHeaders(config));
    app.use(
      pageCacheMiddleware({
        cache,
        revision: () => state.revision,
        locale: async (req) => cookielessLocale(req.get("accept-language")),
        render: async () => {
          renders.count += 1;
          return page(state.text);
        },
        send: async (res, response) => {
          res.status(response.status).type("html").send(await response.text());
        },
      }),
    );
    app.use((_req, res) => res.status(404).send("not kept"));
    const served = { count: 0 };
    const fastPath = keptPageFastPath({
      cache,
      revision: () => state.revision,
      locale: cookielessLocale,
      headers: fixedSecurityHeaders(config),
      served: () => (served.count += 1),
    });
    const server = createServer((req, res) => {
      if (!fastPath(req, res)) app(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, renders, served, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  const headersOf = (response: Response) => Object.fromEntries([...response.headers].filter(([name]) => name !== "date"));

  it("answers a visitor without cookies with the same page and headers Express sends", async () => {
    const state = { revision: "1", text: "Article 1" };
    const server = await serverWithCache(state);
    try {
      // The first visit renders (through Express) and keeps the page.
      await (await fetch(`${server.url}/c/x`)).text();
      expect(server.renders.count).toBe(1);
      const viaExpress = await fetch(`${server.url}/c/x`, { headers: { "Accept-Encoding": "br", Cookie: "other=1" } });
      const beforeExpress = await fetch(`${server.url}/c/x`, { headers: { "Accept-Encoding": "br" } });
      expect(server.served.count).toBe(1);
      expect(headersOf(beforeExpress)).toEqual(headersOf(viaExpress));
      expect(beforeExpress.headers.get("content-security-policy")).toMatch(/script-src 'self' 'sha256-/);
      expect(beforeExpress.headers.get("strict-transport-security")).toBeTruthy();
      expect(await beforeExpress.text()).toBe(await viaExpress.text());
      expect(server.renders.count).toBe(1);
      // A browser that has this version gets a 304 either way.
      const again = await fetch(`${server.url}/c/x`, { headers: { "Accept-Encoding": "br", "If-None-Match": beforeExpress.headers.get("etag")! } });
      expect(again.status).toBe(304);
    } finally {
      await server.close();
    }
  });

  it("shows a change on the next request, and leaves sessions, bodies, writes and other pages to Express", async () => {
    const state = { revision: "1", text: "Article 1" };
    const server = await serverWithCache(state);
    try {
      await (await fetch(`${server.url}/c/x`)).text();
      state.revision = "2";
      state.text = "Article 1, amended";
      expect(await (await fetch(`${server.url}/c/x`)).text()).toContain("Article 1, amended");
      expect(server.served.count).toBe(0);
      expect(server.renders.count).toBe(2);
      await (await fetch(`${server.url}/c/x`, { headers: { Cookie: "redraft_session=s" } })).text();
      await (await fetch(`${server.url}/c/x`, { method: "POST", body: "a=1" })).text();
      expect((await fetch(`${server.url}/c/x/revise`)).status).toBe(404);
      expect(server.served.count).toBe(0);
      // A HEAD never fills the cache; it is answered from it.
      expect((await fetch(`${server.url}/c/x`, { method: "HEAD" })).status).toBe(200);
      expect(server.served.count).toBe(1);
    } finally {
      await server.close();
    }
  });
});
