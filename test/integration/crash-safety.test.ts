import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/start-server";
import { sessionCookie } from "../support/sign-in";

/**
 * Faults stay harmless: the server killed with SIGKILL in the middle of a burst of comments keeps
 * every comment it acknowledged, stores none it refused, leaves a database that passes SQLite's
 * integrity check, and a form sent again after the crash is stored once. (Co-editing under SIGKILL
 * is covered in collab.test.ts.)
 */
const PARAGRAPH = "/c/unesco-ethics-of-ai/p/71";
const WRITERS = 8;

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.stop("SIGKILL");
  running = undefined;
});

const signIn = (server: RunningServer, email: string) => sessionCookie(server, email);

interface Attempt {
  submissionId: string;
  body: string;
  /** The HTTP status the writer saw, or null when the connection died first. */
  status: number | null;
}

function postComment(server: RunningServer, cookie: string, form: Record<string, string>): Promise<number | null> {
  return fetch(`${server.url}${PARAGRAPH}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: cookie },
    body: new URLSearchParams({ intent: "comment", stance: "concern", ...form }),
  })
    .then(async (response) => {
      await response.arrayBuffer();
      return response.status;
    })
    // The kill can also land while the body is arriving: the writer then never got its answer either.
    .catch(() => null);
}

function storedBodies(databasePath: string): Map<string, number> {
  const db = new Database(databasePath, { readonly: true });
  const rows = db.prepare("select body, count(*) as n from comments where body like 'crash-test %' group by body").all() as { body: string; n: number }[];
  db.close();
  return new Map(rows.map((r) => [r.body, r.n]));
}

function integrityCheck(databasePath: string): string {
  const db = new Database(databasePath);
  const result = (db.prepare("pragma integrity_check").get() as { integrity_check: string }).integrity_check;
  db.close();
  return result;
}

describe("kill -9 during a burst of comments", () => {
  it("keeps every acknowledged comment, stores no refused one, passes the integrity check, and a resent form stores one comment", async () => {
    running = await startServer();
    const server = running;
    const cookies = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => signIn(server, `participant${i + 1}@demo.redraft.org`)),
    );

    const attempts: Attempt[] = [];
    const refused: Attempt[] = [];
    let acknowledged = 0;
    let killed = false;
    // Each writer posts until the server is gone; the server is killed once a good number of
    // comments have been acknowledged, so the kill lands in the middle of the burst whatever the
    // machine's speed.
    const killAfter = 40;
    const writers = cookies.map(async (cookie, writer) => {
      for (let n = 0; !killed; n++) {
        // Every fifth form is invalid (no stance): the server must refuse it and store nothing.
        const invalid = n % 5 === 4;
        const attempt: Attempt = { submissionId: randomUUID(), body: `crash-test ${writer}-${n}`, status: null };
        const form: Record<string, string> = { body: attempt.body, submissionId: attempt.submissionId };
        const status = await postComment(server, cookie, invalid ? { ...form, stance: "" } : form);
        attempt.status = status;
        (invalid ? refused : attempts).push(attempt);
        if (status === null) return;
        if (!invalid && status < 400) acknowledged++;
        if (acknowledged >= killAfter && !killed) {
          killed = true;
          server.child.kill("SIGKILL");
        }
      }
    });
    await Promise.all(writers);
    await server.stop();

    const ok = attempts.filter((a) => a.status !== null && a.status < 400);
    expect(ok.length).toBeGreaterThanOrEqual(killAfter);
    expect(refused.some((a) => a.status === 400)).toBe(true);
    expect(integrityCheck(server.databasePath)).toBe("ok");

    const stored = storedBodies(server.databasePath);
    for (const a of ok) expect(stored.get(a.body), `acknowledged ${a.body}`).toBe(1);
    for (const a of refused) expect(stored.has(a.body), `refused ${a.body}`).toBe(false);
    // Nothing is stored twice, and nothing is stored that no writer sent.
    const sent = new Set(attempts.map((a) => a.body));
    for (const [body, n] of stored) {
      expect(n, body).toBe(1);
      expect(sent.has(body), body).toBe(true);
    }

    // The server comes back on the same database; every writer sends again the forms whose answer
    // it never got (the connection died), as a browser's "resend" does, and also one it had an
    // answer for. Each is stored exactly once.
    running = await startServer({ databasePath: server.databasePath });
    const again = running;
    const unanswered = attempts.filter((a) => a.status === null);
    const resend = [...unanswered, ok[0]!];
    for (const a of resend) {
      const writer = Number(/crash-test (\d+)-/.exec(a.body)![1]);
      const cookie = await signIn(again, `participant${writer + 1}@demo.redraft.org`);
      const status = await postComment(again, cookie, { body: a.body, submissionId: a.submissionId });
      expect(status, a.body).toBeLessThan(400);
    }
    await again.stop();
    const after = storedBodies(again.databasePath);
    for (const a of resend) expect(after.get(a.body), `resent ${a.body}`).toBe(1);
    expect(integrityCheck(again.databasePath)).toBe("ok");
  });
});
