import { request, type IncomingHttpHeaders } from "node:http";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverLogged, startServer, type RunningServer } from "../support/start-server";
import { runImport } from "../support/run-import";
import { sessionCookie } from "../support/sign-in";

/**
 * The page cache (decision 025) through the real server: a visitor without a session is served a
 * kept page until something it shows changes, whichever kind of write (through the app, or from
 * another connection such as a command-line import); nothing of a signed-in reader reaches anyone
 * else; ETags, 304s and both compressed encodings.
 */
let server: RunningServer;
const cookies = new Map<string, string>();
const OPEN = "unesco-ethics-of-ai";
const PARAGRAPH = `/c/${OPEN}/p/OP1`;

async function post(who: string, path: string, form: Record<string, string>) {
  const response = await fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: server.url, Cookie: cookies.get(who)!, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  await response.arrayBuffer();
  expect(response.status).toBeLessThan(400);
  return response;
}

/**
 * A response's raw bytes and headers, on a connection of its own (node's fetch would decode the
 * body, and reuse a kept-alive connection the server may be closing while a command runs).
 */
function raw(path: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    request(server.url + path, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

/** A page as a visitor without a session reads it (identity encoding, English unless told). */
async function anonymous(path: string, headers: Record<string, string> = {}) {
  const { status, headers: sent, bytes } = await raw(path, { "Accept-Encoding": "identity", "Accept-Language": "en", ...headers });
  return { status, etag: sent.etag, policy: sent["content-security-policy"], html: bytes.toString("utf8") };
}

async function comment(who: string, body: string): Promise<number> {
  const response = await post(who, PARAGRAPH, { stance: "remark", body, submissionId: crypto.randomUUID() });
  return Number(/#comment-(\d+)/.exec(response.headers.get("location")!)![1]);
}

/** Writes from another connection, as a command-line tool would. */
function write(sql: string, ...values: unknown[]) {
  const db = new Database(server.databasePath);
  try {
    db.prepare(sql).run(...values);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  // Every change shows on the next request (in production a page is rendered at most once a second
  // during a burst; app/http/page-cache.server.test.ts shows that interval with its own clock).
  server = await startServer({ env: { PAGE_CACHE_MIN_INTERVAL_MS: "0" } });
  // Kept pages are rendered in the render worker once it is ready (decision 034): these tests go through it.
  await serverLogged(server, /render worker ready/);
  for (const who of ["participant", "moderator", "secretariat"]) cookies.set(who, await sessionCookie(server, `${who}@demo.redraft.org`));
}, 90_000);
afterAll(async () => {
  await server.stop();
  if (process.env.SHOW_SERVER_OUTPUT) console.log(server.output());
});

describe("a kept page is served again until what it shows changes", () => {
  it("serves the same page, byte for byte with the same ETag, while nothing is written", async () => {
    const first = await anonymous(PARAGRAPH);
    const second = await anonymous(PARAGRAPH);
    expect(first.status).toBe(200);
    expect(second.html).toBe(first.html);
    expect(second.etag).toBe(first.etag);
  });

  it("shows a new comment", async () => {
    await anonymous(PARAGRAPH);
    await comment("participant", "A comment the next reader sees at once.");
    expect((await anonymous(PARAGRAPH)).html).toContain("A comment the next reader sees at once.");
  });

  it("shows a new reply, and a new endorsement", async () => {
    const parent = await comment("participant", "A comment to answer and endorse.");
    const before = (await anonymous(PARAGRAPH)).html;
    await post("secretariat", PARAGRAPH, { intent: "reply", parentId: String(parent), body: "A reply the next reader sees.", submissionId: crypto.randomUUID() });
    const replied = (await anonymous(PARAGRAPH)).html;
    expect(replied).toContain("A reply the next reader sees.");
    await post("secretariat", PARAGRAPH, { intent: "endorse", commentId: String(parent) });
    const endorsed = (await anonymous(PARAGRAPH)).html;
    expect(endorsed).not.toBe(replied);
    expect(before).not.toBe(replied);
  });

  it("no longer shows a comment a moderator hid", async () => {
    const id = await comment("participant", "A comment that will be hidden.");
    expect((await anonymous(PARAGRAPH)).html).toContain("A comment that will be hidden.");
    await post("moderator", "/moderation", { intent: "hide", commentId: String(id), reason: "Off topic for this paragraph" });
    expect((await anonymous(PARAGRAPH)).html).not.toContain("A comment that will be hidden.");
  });

  it("shows a comment as its author edited it", async () => {
    const id = await comment("participant", "A comment before its edit.");
    expect((await anonymous(PARAGRAPH)).html).toContain("A comment before its edit.");
    await post("participant", PARAGRAPH, { intent: "edit", commentId: String(id), body: "A comment after its edit." });
    const after = (await anonymous(PARAGRAPH)).html;
    expect(after).toContain("A comment after its edit.");
    expect(after).not.toContain("A comment before its edit.");
  });

  it("shows the expert group's disposition once decided", async () => {
    const id = await comment("participant", "A comment the experts decide on.");
    // What we heard is public once results are published; the decision is written as the
    // secretariat's tools write it, from another connection here.
    write("update consultations set status = 'results-published' where slug = ?", OPEN);
    const before = (await anonymous(`/c/${OPEN}/what-we-heard`)).html;
    const consultationId = (new Database(server.databasePath, { readonly: true }).prepare("select id from consultations where slug = ?").get(OPEN) as { id: number }).id;
    write(
      "insert into dispositions (consultation_id, comment_id, decision, rationale, decided_by_name, decided_at) values (?, ?, 'accepted', 'Taken up in the next version.', 'Expert', ?)",
      consultationId, id, Date.now(),
    );
    const after = (await anonymous(`/c/${OPEN}/what-we-heard`)).html;
    write("update consultations set status = 'open' where slug = ?", OPEN);
    expect(after).not.toBe(before);
  });

  it("shows a new version imported from the command line", async () => {
    const slug = "hrc-53-29-digital-technologies";
    expect((await anonymous(`/c/${slug}`)).html).not.toContain("A paragraph only the new version has.");
    const file = join(dirname(server.databasePath), "next-version.md");
    const current = new Database(server.databasePath, { readonly: true });
    const paragraphs = current
      .prepare("select n.text from outline_nodes n join document_versions v on v.id = n.version_id join documents d on d.id = v.document_id join consultations c on c.id = d.consultation_id where c.slug = ? and v.id = (select max(v2.id) from document_versions v2 where v2.document_id = d.id) and n.kind = 'paragraph' order by n.position limit 5")
      .all(slug) as { text: string }[];
    current.close();
    writeFileSync(file, `# The next version\n\n${paragraphs.map((p) => p.text).join("\n\n")}\n\nA paragraph only the new version has.\n`);
    const imported = await runImport([file, "--format", "markdown", "--consultation", slug], server.databasePath, { NODE_ENV: "test" });
    expect(imported.status, imported.stderr).toBe(0);
    expect((await anonymous(`/c/${slug}`)).html).toContain("A paragraph only the new version has.");
  });

  it("shows the consultation closed once its closing instant is moved to the past", async () => {
    const slug = "un-system-ai-capacity-road-map";
    expect((await anonymous(`/c/${slug}`)).html).toContain("Open for comments");
    write("update consultations set closes_at = ? where slug = ?", Date.now() - 60_000, slug);
    const after = (await anonymous(`/c/${slug}`)).html;
    expect(after).toContain("Closed");
    expect(after).not.toContain("Open for comments");
  });

  it("never serves a page in one language to a reader of another", async () => {
    const french = await anonymous(`/c/${OPEN}`, { "Accept-Language": "fr" });
    const english = await anonymous(`/c/${OPEN}`, { "Accept-Language": "en" });
    const frenchAgain = await anonymous(`/c/${OPEN}`, { "Accept-Language": "fr-CA,fr;q=0.9" });
    expect(french.html).toContain('<html lang="fr"');
    expect(english.html).toContain('<html lang="en"');
    expect(frenchAgain.html).toContain('<html lang="fr"');
  });
});

describe("nothing of a signed-in reader reaches anyone else", () => {
  const name = (email: string) => {
    const db = new Database(server.databasePath, { readonly: true });
    const row = db.prepare("select display_name from users where email = ?").get(email) as { display_name: string };
    db.close();
    return row.display_name;
  };

  // The moderator never writes anything public in these tests: their name on a page is theirs alone.
  it("serves a visitor without a session, and another participant, nothing of a signed-in reader who loaded the same page", async () => {
    const moderator = name("moderator@demo.redraft.org");
    const signedIn = await raw(PARAGRAPH, { Cookie: cookies.get("moderator")!, "Accept-Language": "en" });
    const own = signedIn.bytes.toString("utf8");
    expect(own).toContain(moderator);
    expect(own).toContain("/sign-out");
    const { html } = await anonymous(PARAGRAPH);
    expect(html).not.toContain(moderator);
    expect(html).not.toContain("/sign-out");
    const other = (await raw(PARAGRAPH, { Cookie: cookies.get("participant")!, "Accept-Language": "en" })).bytes.toString("utf8");
    expect(other).not.toContain(moderator);
    expect(other).toContain(name("participant@demo.redraft.org"));
  });

  it("serves a signed-in reader their own page, not the kept one, after visitors without a session loaded it", async () => {
    await anonymous(PARAGRAPH);
    const kept = await anonymous(PARAGRAPH);
    expect(kept.etag).toBeDefined();
    const response = await raw(PARAGRAPH, { Cookie: cookies.get("moderator")!, "Accept-Language": "en" });
    const html = response.bytes.toString("utf8");
    expect(html).toContain(name("moderator@demo.redraft.org"));
    expect(html).toContain("/sign-out");
    expect(response.headers.etag).toBeUndefined();
  });

  it("serves a stale or forged session no kept page", async () => {
    const forged = await raw(PARAGRAPH, { Cookie: "redraft_session=forged", "Accept-Language": "en" });
    expect(forged.status).toBe(200);
    expect(forged.headers.etag).toBeUndefined();
  });
});

describe("validators and encodings", () => {
  it("answers 304 to a reader who has the current page, and 200 once it changed", async () => {
    const first = await anonymous(PARAGRAPH);
    const tag = first.etag!;
    expect(tag).toMatch(/^"[^"]+"$/);
    const again = await raw(PARAGRAPH, { "Accept-Encoding": "identity", "Accept-Language": "en", "If-None-Match": tag });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    await comment("participant", "A comment that makes the kept copy old.");
    const changed = await anonymous(PARAGRAPH, { "If-None-Match": tag });
    expect(changed.status).toBe(200);
    expect(changed.html).toContain("A comment that makes the kept copy old.");
  });

  it("sends brotli and gzip bodies that decode to the same page as the uncompressed one", async () => {
    const plain = (await anonymous(`/c/${OPEN}`)).html;
    const body = async (encoding: string) => {
      const { headers, bytes } = await raw(`/c/${OPEN}`, { "Accept-Encoding": encoding, "Accept-Language": "en" });
      return { encoding: headers["content-encoding"], bytes };
    };
    const br = await body("br");
    const gz = await body("gzip");
    expect(br.encoding).toBe("br");
    expect(gz.encoding).toBe("gzip");
    expect(brotliDecompressSync(br.bytes).toString("utf8")).toBe(plain);
    expect(gunzipSync(gz.bytes).toString("utf8")).toBe(plain);
  });

  it("allows the kept page's own inline scripts by hash, not by a nonce reused across readers", async () => {
    const { policy, html } = await anonymous(PARAGRAPH);
    expect(policy).not.toContain("'nonce-");
    expect(policy).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).toContain("<script");
  });
});
