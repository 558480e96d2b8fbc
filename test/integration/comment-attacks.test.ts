import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/start-server";
import { sessionCookie } from "../support/sign-in";

/**
 * Hand-made requests against comments and the analysis, through the real server: ids that do not
 * exist or belong elsewhere, control characters, dimension values nobody could click, long query
 * strings.
 */
let server: RunningServer;
const cookies = new Map<string, string>();
const PASSWORD = "redraft-demo-2026";
const OPEN = "unesco-ethics-of-ai";
const OTHER_OPEN = "un-system-ai-capacity-road-map";
const CLOSED = "ga-78-265-trustworthy-ai";

const signIn = (email: string) => sessionCookie(server, email, PASSWORD);

async function post(who: string, path: string, form: Record<string, string>) {
  return fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: server.url, Cookie: cookies.get(who)!, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
}

async function get(who: string, path: string) {
  return fetch(server.url + path, { redirect: "manual", headers: { Cookie: cookies.get(who)! } });
}

/** Posts a comment and returns its id (from the address the form sends the author to). */
async function comment(who: string, path: string, body: string): Promise<number> {
  const response = await post(who, path, { stance: "remark", body, submissionId: crypto.randomUUID() });
  expect(response.status).toBe(302);
  return Number(/#comment-(\d+)/.exec(response.headers.get("location")!)![1]);
}

function storedComments(): { id: number; body: string; proposed_text: string | null }[] {
  const db = new Database(server.databasePath, { readonly: true });
  const rows = db.prepare("select id, body, proposed_text from comments").all() as { id: number; body: string; proposed_text: string | null }[];
  db.close();
  return rows;
}

let onOp1 = 0;
let onOtherConsultation = 0;
let hidden = 0;
let closedComment = 0;

beforeAll(async () => {
  server = await startServer();
  for (const who of ["participant", "moderator", "secretariat"]) cookies.set(who, await signIn(`${who}@demo.redraft.org`));
  onOp1 = await comment("participant", `/c/${OPEN}/p/OP1`, "A comment on OP1.");
  onOtherConsultation = await comment("participant", `/c/${OTHER_OPEN}/comments`, "A comment on another consultation.");
  hidden = await comment("participant", `/c/${OPEN}/p/OP1`, "A comment a moderator hides.");
  const hide = await post("moderator", "/moderation", { intent: "hide", commentId: String(hidden), reason: "Off topic for this paragraph" });
  expect(hide.status).toBeLessThan(400);
  // A closed consultation takes no new comment: put one there directly, as if made while open.
  const db = new Database(server.databasePath);
  const row = db.prepare("select * from comments where id = ?").get(onOp1) as Record<string, unknown>;
  const consultationId = (db.prepare("select id from consultations where slug = ?").get(CLOSED) as { id: number }).id;
  closedComment = Number(
    db.prepare("insert into comments (consultation_id, node_id, author_id, author_name, author_region, author_stakeholder_group_id, body, created_at, submission_id) values (?, null, ?, ?, ?, ?, ?, ?, ?)")
      .run(consultationId, row.author_id, row.author_name, row.author_region, row.author_stakeholder_group_id, "Written while it was open.", row.created_at, crypto.randomUUID()).lastInsertRowid,
  );
  db.close();
}, 90_000);
afterAll(async () => {
  await server.stop();
});

describe("endorsing and flagging", () => {
  const endorse = (path: string, commentId: number | string) => post("secretariat", path, { intent: "endorse", commentId: String(commentId) });
  const flag = (path: string, commentId: number | string) =>
    post("secretariat", path, { intent: "flag", commentId: String(commentId), reason: "Looks like spam to me" });

  it("works on a comment of that paragraph", async () => {
    expect((await endorse(`/c/${OPEN}/p/OP1`, onOp1)).status).toBe(302);
    expect((await flag(`/c/${OPEN}/p/OP1`, onOp1)).status).toBe(302);
  });

  it.each([
    ["an id that does not exist", () => 987_654],
    ["another consultation's comment", () => onOtherConsultation],
    ["a comment hidden by a moderator", () => hidden],
  ])("answers 404 for %s", async (_what, id) => {
    expect((await endorse(`/c/${OPEN}/p/OP1`, id())).status).toBe(404);
    expect((await flag(`/c/${OPEN}/p/OP1`, id())).status).toBe(404);
  });

  it("answers 404 for a comment of the same consultation on another paragraph", async () => {
    expect((await endorse(`/c/${OPEN}/p/OP2`, onOp1)).status).toBe(404);
  });

  it("is refused on a closed consultation", async () => {
    expect((await endorse(`/c/${CLOSED}/comments`, closedComment)).status).toBe(403);
    expect((await flag(`/c/${CLOSED}/comments`, closedComment)).status).toBe(403);
  });

  it("stores no endorsement or flag for a refused request", () => {
    const db = new Database(server.databasePath, { readonly: true });
    const endorsements = db.prepare("select comment_id from endorsements").all() as { comment_id: number }[];
    const flags = db.prepare("select comment_id from flags where user_id = (select id from users where email = 'secretariat@demo.redraft.org')").all() as { comment_id: number }[];
    db.close();
    expect(endorsements.map((e) => e.comment_id)).toEqual([onOp1]);
    expect(flags.map((f) => f.comment_id)).toEqual([onOp1]);
  });
});

describe("a NUL byte in text", () => {
  it.each([
    ["the body", { stance: "remark", body: "Keep this\u0000 and this" }, "Keep this"],
    ["the proposed text", { stance: "amendment", body: "An amendment", proposedText: "New words\u0000hidden words" }, "New words"],
  ])("in %s is refused with a message, the text kept in the form, nothing stored", async (_what, form, kept) => {
    const before = storedComments().length;
    const response = await post("participant", `/c/${OPEN}/p/OP1`, { ...form, submissionId: crypto.randomUUID() });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain("invisible control character");
    expect(page).toContain(kept);
    expect(storedComments()).toHaveLength(before);
  });

  it("in a reply is refused", async () => {
    const response = await post("participant", `/c/${OPEN}/p/OP1`, { intent: "reply", parentId: String(onOp1), body: "Yes\u0000no", submissionId: crypto.randomUUID() });
    expect(response.status).toBe(400);
  });

  it("in a name at registration is refused", async () => {
    const response = await fetch(`${server.url}/register`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        displayName: "Ana\u0000 Admin",
        email: "nul-name@example.org",
        password: "a long enough passphrase 2026",
        countryCode: "FR",
        stakeholderGroupId: "1",
        consent: "on",
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("invisible control character");
  });

  it("never leaves a comment silently cut short", () => {
    for (const row of storedComments()) {
      expect(row.body).not.toContain("\u0000");
      expect(row.proposed_text ?? "").not.toContain("\u0000");
    }
  });
});

describe("the analysis drill-down", () => {
  it.each(["by=gender&value=xyz", "by=region&value=Atlantis", "by=group&value=999", "by=language&value=tlh"])("answers 400 to %s", async (query) => {
    const response = await get("secretariat", `/c/${OPEN}/analysis/comments?${query}`);
    expect(response.status).toBe(400);
  });

  it("still answers known values", async () => {
    expect((await get("secretariat", `/c/${OPEN}/analysis/comments?by=gender&value=woman`)).status).toBe(200);
    expect((await get("secretariat", `/c/${OPEN}/analysis/comments?by=region&value=none`)).status).toBe(200);
  });
});

describe("long query strings", () => {
  it.each([8_000, 15_000])("a signed-in GET with %i characters of query answers with a sane status", async (length) => {
    const query = `q=${"a".repeat(length)}&redirectTo=/${"b".repeat(100)}`;
    for (const path of ["/", `/c/${OPEN}`, `/c/${OPEN}/search`, `/c/${OPEN}/analysis`, `/c/${OPEN}/analysis/comments`, "/admin/participants", "/sign-in"]) {
      const response = await get("secretariat", `${path}?${query}`);
      await response.arrayBuffer();
      expect([200, 302, 400, 414, 431], path).toContain(response.status);
    }
  });
});
