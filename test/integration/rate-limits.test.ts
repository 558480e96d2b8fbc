import { request as httpRequest } from "node:http";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/start-server";
import { sessionCookie } from "../support/sign-in";

/**
 * Rate limits that fit shared addresses (issue 21, point 3), through the real server: a workshop
 * behind one address, one account flooding, the 429 page, and a meeting's address allowance.
 * 127.0.0.x addresses stand for clients behind different NATs.
 */
const OPEN = "unesco-ethics-of-ai";
const PAGE = `/c/${OPEN}/p/OP1`;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function post(server: RunningServer, path: string, form: Record<string, string>, options: { cookie?: string; from?: string } = {}): Promise<Answer> {
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: server.port,
        method: "POST",
        path,
        localAddress: options.from,
        headers: {
          Origin: server.url,
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": Buffer.byteLength(body),
          "Accept-Encoding": "identity",
          ...(options.cookie ? { Cookie: options.cookie } : {}),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const comment = (server: RunningServer, cookie: string, body: string, from?: string) =>
  post(server, PAGE, { intent: "comment", stance: "remark", body, submissionId: crypto.randomUUID() }, { cookie, from });

/** Accounts made directly in the database, with the demo participant's password (its hash). */
function addAccounts(server: RunningServer, count: number, prefix: string): string[] {
  const db = new Database(server.databasePath);
  const template = db.prepare("select * from users where email = 'participant@demo.redraft.org'").get() as Record<string, unknown>;
  const columns = Object.keys(template).filter((c) => c !== "id");
  const insert = db.prepare(`insert into users (${columns.join(", ")}) values (${columns.map(() => "?").join(", ")})`);
  const emails = Array.from({ length: count }, (_, i) => `${prefix}-${i}@workshop.example.org`);
  db.transaction(() => {
    for (const email of emails) insert.run(...columns.map((c) => (c === "email" ? email : c === "display_name" ? email.split("@")[0] : template[c])));
  })();
  db.close();
  return emails;
}

function storedCount(server: RunningServer, text: string): number {
  const db = new Database(server.databasePath, { readonly: true });
  const row = db.prepare("select count(*) as n from comments where body like ?").get(`${text}%`) as { n: number };
  db.close();
  return row.n;
}

describe("with the default limits", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it("a workshop of 50 people behind one address all sign in and comment, three times each", async () => {
    // Before issue 21: the 31st sign-in and the 121st comment from one address were refused.
    const emails = addAccounts(server, 50, "workshop");
    const cookies: string[] = [];
    for (const email of emails) cookies.push(await sessionCookie(server, email));
    const statuses: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const [i, cookie] of cookies.entries()) statuses.push((await comment(server, cookie, `Workshop comment ${round}-${i}`)).status);
    }
    expect(statuses.filter((s) => s !== 302)).toEqual([]);
    expect(storedCount(server, "Workshop comment")).toBe(150);
  });

  it("one account flooding is refused, with a light page that keeps the typed text and says when to try again", async () => {
    const [flooder, neighbour] = addAccounts(server, 2, "flood").map((email) => sessionCookie(server, email));
    const cookie = await flooder!;
    let accepted = 0;
    let refused: Answer | undefined;
    for (let i = 0; i < 100 && !refused; i++) {
      const answer = await comment(server, cookie, `Flood ${i}`);
      if (answer.status === 302) accepted++;
      else refused = answer;
    }
    expect(accepted).toBe(40);
    expect(refused!.status).toBe(429);
    expect(Number(refused!.headers["retry-after"])).toBeGreaterThan(0);

    const typed = `My carefully drafted amendment <script>alert("x")</script> & more`;
    const answer = await post(server, PAGE, { intent: "comment", stance: "amendment", body: typed, proposedText: "New words", submissionId: "kept-id-1" }, { cookie });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
    // The typed text is in a form to send again, escaped; the hidden fields travel with it.
    expect(answer.body).toContain("My carefully drafted amendment &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</textarea>");
    expect(answer.body).not.toContain("<script>");
    expect(answer.body).toContain(`<form method="post" action="${PAGE}">`);
    expect(answer.body).toContain(`name="submissionId" value="kept-id-1"`);
    expect(answer.body).toContain("New words</textarea>");
    expect(answer.body).toMatch(/try again in \d+ minutes?/);
    // Light: not the paragraph page.
    expect(answer.body).not.toContain("comments-title");
    expect(answer.body.length).toBeLessThan(5_000);
    expect(storedCount(server, "My carefully drafted")).toBe(0);

    // The neighbour at the same address goes on; the flooder can still endorse (a kind of write
    // with its own limits: the page in front read the body to tell, and handed it on).
    const neighbours = await comment(server, await neighbour!, "Neighbour's comment");
    expect(neighbours.status).toBe(302);
    const neighbourComment = /#comment-(\d+)/.exec(String(neighbours.headers.location))![1]!;
    const endorsed = await post(server, PAGE, { intent: "endorse", commentId: neighbourComment }, { cookie });
    expect(endorsed.status).toBe(302);
    const db = new Database(server.databasePath, { readonly: true });
    expect(db.prepare("select count(*) as n from endorsements where comment_id = ?").get(Number(neighbourComment))).toEqual({ n: 1 });
    db.close();
  });

  it("answers the 429 page in the reader's language", async () => {
    const [email] = addAccounts(server, 1, "francophone");
    const db = new Database(server.databasePath);
    db.prepare("update users set language = 'fr' where email = ?").run(email);
    db.close();
    const cookie = await sessionCookie(server, email!);
    for (let i = 0; i < 40; i++) await comment(server, cookie, `Commentaire ${i}`);
    const answer = await comment(server, cookie, "Un texte de plus");
    expect(answer.status).toBe(429);
    expect(answer.body).toContain(`<html lang="fr"`);
    expect(answer.body).toContain("Veuillez réessayer dans");
    expect(answer.body).toContain("Un texte de plus</textarea>");
  });
});

describe("a meeting's address allowance", () => {
  let server: RunningServer;
  const room = "127.0.0.5";
  beforeAll(async () => {
    // Small sizes, so the limits are reached in a few requests: one person per address (8
    // contributions in 10 minutes) and 3 per account.
    server = await startServer({ env: { RATE_LIMIT_PEOPLE_PER_ADDRESS: "1", RATE_LIMIT_ACCOUNT_WRITES: "3" } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it("exempts the room's address from the per-address limit, never from the per-account one", async () => {
    const cookies = await Promise.all(addAccounts(server, 4, "room").map((email) => sessionCookie(server, email)));
    const send = (who: number, text: string) => comment(server, cookies[who]!, text, room);
    for (let i = 0; i < 3; i++) expect((await send(0, `Room ${i}`)).status).toBe(302);
    expect((await send(0, "Room, one too many")).status).toBe(429);
    for (let i = 0; i < 3; i++) expect((await send(1, `Room b${i}`)).status).toBe(302);
    for (let i = 0; i < 2; i++) expect((await send(2, `Room c${i}`)).status).toBe(302);
    // Eight from this address: the address's limit now refuses a third person too.
    expect((await send(3, "Room d")).status).toBe(429);
    // Elsewhere, the same person is not limited.
    expect((await comment(server, cookies[3]!, "From elsewhere", "127.0.0.6")).status).toBe(302);

    const secretariat = await sessionCookie(server, "secretariat@demo.redraft.org");
    const allowed = await post(server, "/admin/address-allowances", { intent: "add", range: "127.0.0.0/24", label: "Regional consultation, Nairobi", hours: "24" }, { cookie: secretariat });
    expect(allowed.status).toBe(200);
    expect(allowed.body).toContain("127.0.0.0/24");
    expect(allowed.body).toContain("Regional consultation, Nairobi");

    expect((await send(3, "Room d, allowed now")).status).toBe(302);
    expect((await send(2, "Room c, allowed now")).status).toBe(302);
    // The account's own limit still holds.
    expect((await send(0, "Room, still one too many")).status).toBe(429);
  });

  it("refuses an absurd range with a message, and lets only the secretariat allow one", async () => {
    const secretariat = await sessionCookie(server, "secretariat@demo.redraft.org");
    const wide = await post(server, "/admin/address-allowances", { intent: "add", range: "0.0.0.0/0", label: "Everyone", hours: "24" }, { cookie: secretariat });
    expect(wide.status).toBe(400);
    expect(wide.body).toContain("This range is too wide");
    const participant = await sessionCookie(server, "participant@demo.redraft.org");
    const refused = await post(server, "/admin/address-allowances", { intent: "add", range: "192.0.2.0/24", label: "Mine", hours: "24" }, { cookie: participant });
    expect(refused.status).toBe(403);
    const db = new Database(server.databasePath, { readonly: true });
    const ranges = (db.prepare("select range from address_allowances").all() as { range: string }[]).map((r) => r.range);
    db.close();
    expect(ranges).toEqual(["127.0.0.0/24"]);
  });
});
