import { writeFileSync, mkdtempSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DateTime } from "luxon";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImport } from "../support/run-import";
import { startServer, type RunningServer } from "../support/start-server";
import { singleFrameParser } from "../../realtime/single-frame-parser";
import type { ConsultationChange } from "../../realtime/protocol";
import { sessionCookie } from "../support/sign-in";

/**
 * A consultation scheduled a few seconds ahead, through the real server: comments are refused
 * before the opening instant and after the closing one, by the server's clock, and the scheduler
 * tells live viewers at each instant (what this test waits for: no sleeps).
 */
let server: RunningServer;
const cookies = new Map<string, string>();
const ZONE = "Europe/Paris";
const DRAFT = "Draft resolution on ocean science\n\nThe General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides to proclaim a decade of ocean science;\n\n2. Invites Member States to take part.\n";

const signIn = (email: string) => sessionCookie(server, email);

/**
 * A form POST on a connection of its own: the steps between requests (running the importer)
 * outlast the server's keep-alive, and a pooled connection the server has just closed fails.
 */
function post(who: string, path: string, form: Record<string, string>) {
  const body = new URLSearchParams(form).toString();
  return new Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>((resolve, reject) => {
    const req = httpRequest(
      server.url + path,
      { method: "POST", agent: false, headers: { Origin: server.url, Cookie: cookies.get(who)!, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: { get: (name) => (res.headers[name.toLowerCase()] as string | undefined) ?? null }, text: async () => text }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const comment = (body: string) => ({ intent: "comment", stance: "support", body, submissionId: crypto.randomUUID() });
const inZone = (instant: Date) => DateTime.fromJSDate(instant).setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm:ss");

beforeAll(async () => {
  server = await startServer();
  cookies.set("secretariat", await signIn("secretariat@demo.redraft.org"));
  cookies.set("participant", await signIn("participant@demo.redraft.org"));
}, 60_000);
afterAll(async () => {
  if (process.env.SHOW_SERVER_OUTPUT) console.log(server?.output());
  await server?.stop();
});

describe("a consultation that opens and closes by itself", () => {
  it("refuses comments before the opening and after the closing, to the second", async () => {
    const created = await post("secretariat", "/admin/consultations/new", { slug: "ocean-science", title: "Ocean science decade", timeZone: ZONE, language: "en", audience: "everyone" });
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe("/admin/consultations/ocean-science?created=1");
    // Scheduling is refused while the consultation has no text.
    const tooEarly = await post("secretariat", "/admin/consultations/ocean-science", { intent: "open-now" });
    expect(tooEarly.status).toBe(400);
    expect(await tooEarly.text()).toContain("The consultation has no text yet");

    const file = join(mkdtempSync(join(tmpdir(), "redraft-draft-")), "ocean.txt");
    writeFileSync(file, DRAFT);
    expect((await runImport([file, "--consultation", "ocean-science"], server.databasePath)).status).toBe(0);

    const opensAt = new Date(Math.ceil((Date.now() + 4000) / 1000) * 1000);
    const closesAt = new Date(opensAt.getTime() + 4000);
    const saved = await post("secretariat", "/admin/consultations/ocean-science", {
      intent: "save", slug: "ocean-science", title: "Ocean science decade", timeZone: ZONE, language: "en", audience: "everyone",
      opensAt: inZone(opensAt), closesAt: inZone(closesAt),
    });
    expect(saved.status).toBe(302);
    expect((await post("secretariat", "/admin/consultations/ocean-science", { intent: "schedule" })).status).toBe(302);

    // The secretariat follows the consultation live, as its reading pages do; from here on, the
    // only changes of state are the scheduler's.
    const live: Socket = connect(server.url, { transports: ["websocket"], parser: singleFrameParser, extraHeaders: { Cookie: cookies.get("secretariat")! } });
    const changes: ConsultationChange[] = [];
    const waiters: (() => void)[] = [];
    live.on("consultationChanged", (c: ConsultationChange) => {
      changes.push(c);
      waiters.splice(0).forEach((w) => w());
    });
    const stateChanges = () => changes.filter((c) => c.slug === "ocean-science" && c.kind === "state").length;
    const nextState = (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => (stateChanges() >= count ? resolve() : waiters.push(check));
        check();
      });
    expect(await new Promise((resolve) => live.emit("watch", "ocean-science", null, resolve))).toMatchObject({ ok: true });

    // Before the opening: the public does not see it; the secretariat is told when comments open.
    expect((await post("participant", "/c/ocean-science/p/OP1", comment("Too early"))).status).toBe(404);
    const early = await post("secretariat", "/c/ocean-science/p/OP1", comment("Typed before the opening"));
    expect(early.status).toBe(403);
    const earlyPage = await early.text();
    expect(earlyPage).toContain("Comments open on");
    expect(earlyPage.toLowerCase()).toContain(`datetime="${opensAt.toISOString().toLowerCase()}"`);
    expect(earlyPage).toContain("Central European");
    // What was typed is still on the form.
    expect(earlyPage).toContain("Typed before the opening");

    await nextState(1);
    const stored = await post("participant", "/c/ocean-science/p/OP1", comment("Now it is open"));
    expect(stored.status).toBe(302);
    expect(stored.headers.get("location")).toMatch(/^\/c\/ocean-science\/p\/OP1\?published=comment&comment=(\d+)#comment-\1$/);

    await nextState(2);
    const late = await post("participant", "/c/ocean-science/p/OP1", comment("Typed after the closing"));
    expect(late.status).toBe(403);
    const latePage = await late.text();
    expect(latePage).toContain("This consultation closed on");
    expect(latePage.toLowerCase()).toContain(`datetime="${closesAt.toISOString().toLowerCase()}"`);
    expect(latePage).toContain("Typed after the closing");
    // A reply, too, is refused with the closing time, and stays in its form.
    const commentId = /#comment-(\d+)$/.exec(stored.headers.get("location")!)![1]!;
    const reply = await post("participant", "/c/ocean-science/p/OP1", { intent: "reply", parentId: commentId, body: "A reply typed too late", submissionId: crypto.randomUUID() });
    expect(reply.status).toBe(403);
    const replyPage = await reply.text();
    expect(replyPage).toContain("This consultation closed on");
    expect(replyPage).toMatch(/<textarea[^>]*>A reply typed too late<\/textarea>/);
    live.disconnect();

    // The audit log shows the secretariat's steps and the scheduler's, on the admin page.
    const admin = await fetch(`${server.url}/admin/consultations/ocean-science`, { headers: { Cookie: cookies.get("secretariat")! } });
    const adminPage = await admin.text();
    for (const entry of ["Created", "Settings changed", "Opening scheduled", "Opened", "Closed"]) expect(adminPage).toContain(entry);
    expect(adminPage).toContain("automatically, at the scheduled time");
    // Each entry says what changed, dates in the consultation's own zone.
    const logText = adminPage.replace(/<[^>]+>/g, "");
    expect(logText).toMatch(/Settings changed · [^—]+ — changed: Opens and Closes — opening: [^—]+Central European[^—]+ — closing: [^—]+Central European/);
  }, 60_000);

  it("lists a consultation made by `npm run import` for the secretariat, who can open it from the browser", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "redraft-draft-")), "cli.txt");
    // Another title: the importer files a text under the document its title names.
    writeFileSync(file, DRAFT.replace("ocean science", "deep-sea mining"));
    expect((await runImport([file, "--consultation", "from-the-command-line"], server.databasePath)).status).toBe(0);
    const get = (path: string, who?: string) => fetch(server.url + path, { headers: who ? { Cookie: cookies.get(who)! } : {} }).then((r) => r.text());
    expect(await get("/admin/consultations", "secretariat")).toContain('href="/admin/consultations/from-the-command-line"');
    // In preparation: the public neither lists nor reads it.
    expect(await get("/")).not.toContain("/c/from-the-command-line");
    const opened = await post("secretariat", "/admin/consultations/from-the-command-line", { intent: "open-now" });
    expect(opened.status).toBe(302);
    expect(await get("/")).toContain("/c/from-the-command-line");
    expect((await post("participant", "/c/from-the-command-line/p/OP1", comment("Opened from the browser"))).status).toBe(302);
  }, 60_000);

  it("extends, closes and publishes: both dates and the new closing shown, close and publish only once “I understand” is ticked, undecided comments named", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "redraft-draft-")), "confirm.txt");
    writeFileSync(file, DRAFT.replace("ocean science", "coral reefs"));
    expect((await runImport([file, "--consultation", "coral-reefs"], server.databasePath)).status).toBe(0);
    const path = "/admin/consultations/coral-reefs";
    expect((await post("secretariat", path, { intent: "open-now" })).status).toBe(302);
    expect((await post("participant", "/c/coral-reefs/p/OP1", comment("First"))).status).toBe(302);
    expect((await post("participant", "/c/coral-reefs/p/OP2", comment("Second"))).status).toBe(302);

    expect((await post("secretariat", path, { intent: "extend", closesAt: "2030-01-15T12:00" })).status).toBe(302);
    const extended = (await fetch(server.url + path, { headers: { Cookie: cookies.get("secretariat")! } }).then((r) => r.text())).replace(/<[^>]+>/g, "");
    expect(extended).toMatch(/Deadline extended · [^—]+ — closing: January 15, 2030[^—]+12:00 PM Coordinated Universal Time/);
    // The secretariat's status line gives both dates.
    expect(extended).toMatch(/Open for commentsOpened on [^(]+\([^)]+\)Closes on January 15, 2030/);
    // The public page leads the secretariat, and only the secretariat, to this page.
    const publicPage = (who: string) => fetch(`${server.url}/c/coral-reefs`, { headers: { Cookie: cookies.get(who)! } }).then((r) => r.text());
    expect(await publicPage("secretariat")).toContain(`href="${path}">Manage this consultation</a>`);
    expect(await publicPage("participant")).not.toContain("Manage this consultation");

    // One click on "Close now" (no JavaScript, no box ticked) closes nothing and says why.
    const unconfirmedClose = await post("secretariat", path, { intent: "close-now" });
    expect(unconfirmedClose.status).toBe(400);
    expect(await unconfirmedClose.text()).toContain("Nothing was changed: tick “I understand …”");
    expect((await post("participant", "/c/coral-reefs/p/OP1", comment("Still open"))).status).toBe(302);
    expect((await post("secretariat", path, { intent: "close-now", understood: "yes" })).status).toBe(302);

    const admin = await fetch(server.url + path, { headers: { Cookie: cookies.get("secretariat")! } }).then((r) => r.text());
    expect(admin).toContain("3 comments have no decision yet. You can still publish the results.");
    const unconfirmedPublish = await post("secretariat", path, { intent: "publish-results" });
    expect(unconfirmedPublish.status).toBe(400);
    expect(await unconfirmedPublish.text()).toContain("the results become public at once and that this cannot be undone");
    expect((await post("secretariat", path, { intent: "publish-results", understood: "yes" })).status).toBe(302);
    const after = await fetch(server.url + path, { headers: { Cookie: cookies.get("secretariat")! } }).then((r) => r.text());
    expect(after).toContain("Results published");
  }, 60_000);
});
