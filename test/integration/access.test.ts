import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/start-server";
import { postSignIn } from "../support/sign-in";

/**
 * Every role against every account and secretariat route, through the real server and real
 * sessions: allowed (200), refused (403), or sent to sign in (302 to /sign-in).
 */
let server: RunningServer;
const cookies = new Map<string, string>();
const ACCOUNTS = {
  participant: "participant@demo.redraft.org",
  expert: "expert@demo.redraft.org",
  moderator: "moderator@demo.redraft.org",
  secretariat: "secretariat@demo.redraft.org",
};

async function signIn(email: string): Promise<string> {
  const response = await postSignIn(server, email);
  expect(response.status).toBe(302);
  const cookie = response.headers.get("set-cookie")!;
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  return cookie.split(";")[0]!;
}

beforeAll(async () => {
  server = await startServer();
  for (const [role, email] of Object.entries(ACCOUNTS)) cookies.set(role, await signIn(email));
});
afterAll(async () => {
  await server.stop();
});

type Who = "anonymous" | keyof typeof ACCOUNTS;
const WHO: Who[] = ["anonymous", "participant", "expert", "moderator", "secretariat"];

async function request(who: Who, method: string, path: string, form?: Record<string, string>) {
  const headers: Record<string, string> = { Origin: server.url };
  if (who !== "anonymous") headers.Cookie = cookies.get(who)!;
  if (form) headers["Content-Type"] = "application/x-www-form-urlencoded";
  // Comment forms carry a fresh submission id, as the page would render one.
  const body = form ? new URLSearchParams(form.intent === "comment" ? { ...form, submissionId: crypto.randomUUID() } : form) : undefined;
  const response = await fetch(server.url + path, { method, headers, redirect: "manual", body });
  if (response.status === 302) return response.headers.get("location")!.startsWith("/sign-in") ? "sign-in" : "redirect";
  return response.status;
}

// Expected outcome for anonymous, participant, expert (lead of the UNESCO expert group), moderator,
// secretariat. "redirect" is a successful form (post, redirect, get) or a signed-in user sent on.
const SIGN_IN = "sign-in";
const ROUTES: [string, string, Record<string, string> | undefined, (number | string)[]][] = [
  ["GET", "/admin", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["GET", "/admin/participants", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["GET", "/admin/experts", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["GET", "/admin/stakeholder-groups", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["GET", "/admin/outbox", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["GET", "/admin/consultations", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["GET", "/admin/consultations/new", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["GET", "/admin/consultations/unesco-ethics-of-ai", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["POST", "/admin/consultations/new", { slug: "x", title: "" }, [SIGN_IN, 403, 403, 403, 400]],
  ["POST", "/admin/consultations/ga-78-265-trustworthy-ai", { intent: "reopen", closesAt: "2099-01-01T00:00" }, [SIGN_IN, 403, 403, 403, 400]],
  ["POST", "/admin/stakeholder-groups", { name: "Parliamentarians" }, [SIGN_IN, 403, 403, 403, 200]],
  ["GET", "/moderation", undefined, [SIGN_IN, 403, 403, 200, 200]],
  ["GET", "/admin/moderation-log", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["GET", "/account", undefined, [SIGN_IN, 200, 200, 200, 200]],
  ["GET", "/account/export", undefined, [SIGN_IN, 200, 200, 200, 200]],
  ["POST", "/admin/experts", { consultation: "un-system-ai-capacity-road-map", intent: "add", email: "participant2@demo.redraft.org" }, [SIGN_IN, 403, 403, 403, 200]],
  // Notifications and following: one's own, once signed in; confirming an address: the secretariat's.
  ["GET", "/notifications", undefined, [SIGN_IN, 200, 200, 200, 200]],
  ["POST", "/notifications", { intent: "read" }, [SIGN_IN, "redirect", "redirect", "redirect", "redirect"]],
  ["POST", "/follow", { consultation: "unesco-ethics-of-ai", intent: "follow", redirectTo: "/c/unesco-ethics-of-ai" }, [SIGN_IN, "redirect", "redirect", "redirect", "redirect"]],
  ["POST", "/follow", { consultation: "a-consultation-in-preparation-or-none", intent: "follow" }, [SIGN_IN, 404, 404, 404, 404]],
  ["POST", "/admin/participants?intent=confirm-email", { userId: "1" }, [SIGN_IN, 403, 403, 403, 200]],
  // An unsubscribe link decides by its signature alone: a made-up one changes nothing for anyone.
  ["GET", "/unsubscribe/1.replies.not-a-signature", undefined, [200, 200, 200, 200, 200]],
  ["POST", "/unsubscribe/1.replies.not-a-signature", {}, [404, 404, 404, 404, 404]],
  ["GET", "/confirm-email/not-a-token-of-ours", undefined, [200, 200, 200, 200, 200]],
  ["GET", "/register", undefined, [200, "redirect", "redirect", "redirect", "redirect"]],
  ["GET", "/sign-in", undefined, [200, "redirect", "redirect", "redirect", "redirect"]],
  ["GET", "/privacy", undefined, [200, 200, 200, 200, 200]],
  // The language switcher: anyone may choose; a GET changes nothing and goes home.
  ["GET", "/language", undefined, ["redirect", "redirect", "redirect", "redirect", "redirect"]],
  ["POST", "/language", { language: "en", redirectTo: "/privacy" }, ["redirect", "redirect", "redirect", "redirect", "redirect"]],
  ["GET", "/", undefined, [200, 200, 200, 200, 200]],
  ["GET", "/c/unesco-ethics-of-ai", undefined, [200, 200, 200, 200, 200]],
  ["GET", "/c/unesco-ethics-of-ai/p/71", undefined, [200, 200, 200, 200, 200]],
  ["GET", "/c/unesco-ethics-of-ai/search?q=gender", undefined, [200, 200, 200, 200, 200]],
  ["GET", "/c/unesco-ethics-of-ai/changes", undefined, [200, 200, 200, 200, 200]],
  ["GET", "/c/unesco-ethics-of-ai/revise", undefined, [SIGN_IN, 403, 200, 200, 200]],
  ["GET", "/c/unesco-ethics-of-ai/analysis", undefined, [SIGN_IN, 403, 200, 403, 200]],
  ["GET", "/c/unesco-ethics-of-ai/analysis?region=africa&from=2026-01-01", undefined, [SIGN_IN, 403, 200, 403, 200]],
  ["GET", "/c/unesco-ethics-of-ai/analysis/comments?node=draft&by=region&value=africa", undefined, [SIGN_IN, 403, 200, 403, 200]],
  ["GET", "/c/un-system-ai-capacity-road-map/analysis", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["GET", "/c/un-system-ai-capacity-road-map/analysis/comments", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["POST", "/c/unesco-ethics-of-ai/revise", {}, [SIGN_IN, 403, "redirect", 403, "redirect"]],
  ["POST", "/c/unesco-ethics-of-ai/p/72", { intent: "comment", stance: "support", body: "Yes." }, [SIGN_IN, "redirect", "redirect", "redirect", "redirect"]],
  ["POST", "/c/ga-78-265-trustworthy-ai/p/OP1", { intent: "comment", stance: "support", body: "Late." }, [SIGN_IN, 403, 403, 403, 403]],
  ["GET", "/c/unesco-ethics-of-ai/comments", undefined, [200, 200, 200, 200, 200]],
  ["POST", "/c/unesco-ethics-of-ai/comments", { intent: "comment", stance: "remark", body: "On the whole." }, [SIGN_IN, "redirect", "redirect", "redirect", "redirect"]],
  ["POST", "/c/ga-78-265-trustworthy-ai/comments", { intent: "comment", stance: "remark", body: "Late." }, [SIGN_IN, 403, 403, 403, 403]],
  // Input from other channels: the secretariat's, while open and after closing.
  ["GET", "/c/unesco-ethics-of-ai/input", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["GET", "/c/ga-78-265-trustworthy-ai/input", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["GET", "/c/unesco-ethics-of-ai/input/meetings/new", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["POST", "/c/ga-78-265-trustworthy-ai/input/meetings/new", { channel: "stakeholder-workshop", title: "Workshop", heldOn: "2026-01-15" }, [SIGN_IN, 403, 403, 403, "redirect"]],
  ["POST", "/c/unesco-ethics-of-ai/input/meetings/new", { channel: "dinner" }, [SIGN_IN, 403, 403, 403, 400]],
  ["GET", "/c/unesco-ethics-of-ai/input/meetings/999", undefined, [SIGN_IN, 403, 403, 403, 404]],
  ["POST", "/c/unesco-ethics-of-ai/input/meetings/999", {}, [SIGN_IN, 403, 403, 403, 404]],
  ["GET", "/c/unesco-ethics-of-ai/input/import", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["POST", "/c/unesco-ethics-of-ai/input/import", {}, [SIGN_IN, 403, 403, 403, 400]],
  ["GET", "/c/unesco-ethics-of-ai/input/import/not-a-token-of-ours-at-all", undefined, [SIGN_IN, 403, 403, 403, 404]],
  ["POST", "/c/unesco-ethics-of-ai/input/import/not-a-token-of-ours-at-all", { intent: "confirm" }, [SIGN_IN, 403, 403, 403, 404]],
  ["GET", "/c/no-such-consultation/input", undefined, [404, 404, 404, 404, 404]],
  ["GET", "/c/unesco-ethics-of-ai/compiled", undefined, [SIGN_IN, 403, 200, 403, 200]],
  ["GET", "/c/ga-78-265-trustworthy-ai/compiled", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["POST", "/c/unesco-ethics-of-ai/compiled", { intent: "bulk-dispose", decision: "noted" }, [SIGN_IN, 403, 400, 403, 400]],
  ["GET", "/c/unesco-ethics-of-ai/export/comments.csv", undefined, [SIGN_IN, 403, 200, 403, 200]],
  ["GET", "/c/unesco-ethics-of-ai/export/comments.xlsx?private=1", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["GET", "/c/unesco-ethics-of-ai/export/passwords.txt", undefined, [404, 404, 404, 404, 404]],
  ["GET", "/c/ga-78-265-trustworthy-ai/export/open-data.json", undefined, [200, 200, 200, 200, 200]],
  ["GET", "/c/ga-78-265-trustworthy-ai/export/summary.pdf", undefined, [200, 200, 200, 200, 200]],
  ["GET", "/c/ga-78-265-trustworthy-ai/export/comments.csv?private=1", undefined, [SIGN_IN, 403, 403, 403, 200]],
  ["GET", "/c/ga-78-265-trustworthy-ai/what-we-heard", undefined, [200, 200, 200, 200, 200]],
  ["GET", "/c/unesco-ethics-of-ai/what-we-heard", undefined, [200, 200, 200, 200, 200]],
];

describe("who may open what", () => {
  const cases = ROUTES.flatMap(([method, path, form, expected]) => WHO.map((who, i) => [method, path, who, form, expected[i]!] as const));
  it.each(cases)("%s %s as %s", async (method, path, who, form, expected) => {
    expect(await request(who, method, path, form)).toBe(expected);
  });

  it("a role change by the secretariat takes effect on the next request", async () => {
    expect(await request("moderator", "GET", "/admin/outbox")).toBe(403);
    const list = await fetch(`${server.url}/admin/participants?q=moderator%40demo`, { headers: { Cookie: cookies.get("secretariat")! } });
    const id = (await list.text()).match(/name="userId" value="(\d+)"/)![1]!;
    expect(await request("secretariat", "POST", "/admin/participants", { userId: id, role: "secretariat" })).toBe(200);
    expect(await request("moderator", "GET", "/admin/outbox")).toBe(200);
  });

  it("lets viewers follow only consultations they may read, and tells them when a comment arrives", async () => {
    const socket = connect(server.url, { transports: ["websocket"], extraHeaders: { Cookie: cookies.get("participant")! } });
    const watch = (slug: unknown) => new Promise<{ ok: boolean }>((resolve) => socket.emit("watch", slug, resolve));
    expect(await watch("unesco-ethics-of-ai")).toMatchObject({ ok: true, changed: false });
    expect(await watch("no-such-consultation")).toMatchObject({ ok: false });
    expect(await watch({ slug: "x" })).toMatchObject({ ok: false });
    const change = new Promise((resolve) => socket.once("consultationChanged", resolve));
    expect(await request("participant", "POST", "/c/unesco-ethics-of-ai/p/73", { intent: "comment", stance: "question", body: "Live?" })).toBe("redirect");
    expect(await change).toMatchObject({ slug: "unesco-ethics-of-ai", kind: "comment" });
    socket.disconnect();
  });

  it("limits registration attempts for one e-mail address with a 429", async () => {
    const statuses: (number | string)[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await request("anonymous", "POST", "/register", { email: "probe@example.org", password: "short" }));
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses[5]).toBe(429);
  });

  it("answers hand-made forms with missing fields with 400 and field errors, never 500", async () => {
    expect(await request("participant", "POST", "/c/unesco-ethics-of-ai/p/74", { intent: "reply" })).toBe(400);
    expect(await request("participant", "POST", "/c/unesco-ethics-of-ai/p/74", { intent: "flag", commentId: "1" })).toBe(400);
    expect(await request("participant", "POST", "/account?intent=password", {})).toBe(400);
    expect(await request("secretariat", "POST", "/admin/stakeholder-groups", {})).toBe(400);
  });

  it("refuses a form posted from another site", async () => {
    const response = await fetch(`${server.url}/sign-out`, {
      method: "POST",
      headers: { Origin: "https://evil.example", Cookie: cookies.get("participant")! },
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(await request("participant", "GET", "/account")).toBe(200);
  });
});
