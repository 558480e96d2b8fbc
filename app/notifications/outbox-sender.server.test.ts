import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { outbox } from "../../db/schema";
import { createTestDatabase } from "../../db/test-database";
import { backoffMs, claimDue, deliverDue, LEASE_MS, MAX_ATTEMPTS, type OutgoingMessage } from "./outbox-sender.server";
import { enqueueEmail } from "./outbox.server";

let db: Db;
const T0 = new Date("2026-12-07T10:00:00Z");
const at = (ms: number) => () => new Date(T0.getTime() + ms);
const row = (id: number) => db.select().from(outbox).where(eq(outbox.id, id)).get()!;

beforeEach(() => {
  db = createTestDatabase();
  enqueueEmail(db, { to: "ana@example.org", language: "en", subject: "A reply", body: "Someone replied.\n\nhttps://r.example/c/x", unsubscribeUrl: "https://r.example/unsubscribe/1.replies.abc" });
});

describe("the background sender", () => {
  it("sends a message once, with plain text, HTML and the one-click unsubscribe headers", async () => {
    const sent: OutgoingMessage[] = [];
    expect(await deliverDue(db, async (m) => void sent.push(m), "r.example", at(0))).toEqual({ sent: 1, failed: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain("Someone replied.");
    expect(sent[0]!.html).toContain('<a href="https://r.example/c/x">');
    expect(sent[0]!.headers).toEqual({ "List-Unsubscribe": "<https://r.example/unsubscribe/1.replies.abc>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(row(1)).toMatchObject({ status: "sent", attempts: 1, error: null });
    // A second round, as after a restart: nothing recorded as sent goes again.
    expect(await deliverDue(db, async (m) => void sent.push(m), "r.example", at(LEASE_MS * 10))).toEqual({ sent: 0, failed: 0 });
    expect(sent).toHaveLength(1);
  });

  it("after a failure waits with an exponential backoff, counting attempts, then succeeds", async () => {
    const refuse = async () => {
      throw new Error("421 try again later");
    };
    await deliverDue(db, refuse, "r.example", at(0));
    expect(row(1)).toMatchObject({ status: "pending", attempts: 1, error: "421 try again later" });
    expect(row(1).nextAttemptAt!.getTime() - T0.getTime()).toBe(backoffMs(1));
    // Not due before its time.
    expect(await deliverDue(db, refuse, "r.example", at(backoffMs(1) - 1))).toEqual({ sent: 0, failed: 0 });
    await deliverDue(db, refuse, "r.example", at(backoffMs(1)));
    expect(row(1).attempts).toBe(2);
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    const sent: OutgoingMessage[] = [];
    await deliverDue(db, async (m) => void sent.push(m), "r.example", at(backoffMs(1) + backoffMs(2)));
    expect(sent).toHaveLength(1);
    expect(row(1)).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("gives up after the last attempt and says why", async () => {
    let now = 0;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverDue(db, async () => Promise.reject(new Error("550 no such mailbox")), "r.example", at(now));
      now += backoffMs(i + 1);
    }
    expect(row(1)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, error: "550 no such mailbox" });
    expect(claimDue(db, new Date(T0.getTime() + now + 1e9))).toEqual([]);
  });

  it("never hands one message to two senders: a claimed row is not due while its lease holds", () => {
    expect(claimDue(db, T0)).toHaveLength(1);
    expect(claimDue(db, new Date(T0.getTime() + LEASE_MS - 1))).toHaveLength(0);
  });

  it("sends again a message whose sender died before recording it, once the lease expired, with the same Message-ID", async () => {
    // The process claimed the row and died (between the mail server's acceptance and the write).
    const [claimed] = claimDue(db, T0);
    const sent: OutgoingMessage[] = [];
    expect(await deliverDue(db, async (m) => void sent.push(m), "r.example", at(LEASE_MS - 1))).toEqual({ sent: 0, failed: 0 });
    await deliverDue(db, async (m) => void sent.push(m), "r.example", at(LEASE_MS));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.messageId).toBe(`<outbox-${claimed!.id}.${claimed!.createdAt.getTime()}@r.example>`);
    expect(row(1)).toMatchObject({ status: "sent", attempts: 2 });
  });
});
