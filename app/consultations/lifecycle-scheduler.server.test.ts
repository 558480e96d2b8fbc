import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../db/test-database";
import { stakeholderGroups, users } from "../../db/schema";
import type { ConsultationChange } from "../../realtime/protocol";
import { storeImportedOutline } from "../drafts/store-import.server";
import { applyLifecycleAction, consultationLog, consultationRoundList, findConsultation, saveConsultation } from "./consultations.server";
import { comments } from "../../db/schema";
import { commentFilterConditions } from "../analysis/comment-filters.server";
import { addComment } from "../comments/comments.server";
import { LifecycleScheduler, type Clock } from "./lifecycle-scheduler.server";

/** A clock the test moves by hand; timers fire when it reaches them, as real ones would. */
class FakeClock implements Clock {
  private timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;
  constructor(private time: number) {}
  now = () => new Date(this.time);
  setTimeout = (callback: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  };
  clearTimeout = (handle: unknown) => void this.timers.delete(handle as number);
  get pending() {
    return [...this.timers.values()].map((t) => new Date(t.at));
  }
  advanceTo(instant: Date) {
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= instant.getTime()).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.time = due[1].at;
      this.timers.delete(due[0]);
      due[1].callback();
    }
    this.time = instant.getTime();
  }
}

const at = (iso: string) => new Date(iso);

/** A database with the secretariat member (id 1) whom the audit log names. */
function databaseWithSecretariat() {
  const db = createTestDatabase();
  const group = db.insert(stakeholderGroups).values({ slug: "government", name: "Government" }).returning().get();
  db.insert(users)
    .values({ email: "s@example.org", displayName: "Sam Secretariat", passwordHash: "x", role: "secretariat", countryCode: "FR", unescoRegion: "europe-north-america", electoralGroup: "I", stakeholderGroupId: group.id, consentedAt: new Date() })
    .run();
  return db;
}

function setUp(start: string) {
  const db = databaseWithSecretariat();
  storeImportedOutline(
    db,
    { title: "Draft", nodes: [{ kind: "operative", label: "1", parent: null, level: 0, text: "Decides to act.", footnotes: [] }] },
    { consultationSlug: "climate", sourceFormat: "text" },
  );
  const clock = new FakeClock(at(start).getTime());
  const changes: ConsultationChange[] = [];
  const scheduler = new LifecycleScheduler(db, (c) => changes.push(c), clock);
  return { db, clock, changes, scheduler };
}

function schedule(db: ReturnType<typeof createTestDatabase>, opensAt: string, closesAt: string, timeZone: string, now: Date) {
  const c = findConsultation(db, "climate")!;
  const saved = saveConsultation(db, { slug: "climate", title: "Climate", timeZone, opensAt, closesAt, language: "en", audience: "everyone", groups: "" }, 1, c, now);
  expect(saved.ok).toBe(true);
  const scheduled = applyLifecycleAction(db, findConsultation(db, "climate")!, { intent: "schedule" }, 1, now);
  expect(scheduled.ok).toBe(true);
}

describe("the lifecycle scheduler", () => {
  it("opens and closes a consultation exactly at its instants and tells live viewers", () => {
    const { db, clock, changes, scheduler } = setUp("2026-08-01T00:00:00Z");
    schedule(db, "2026-09-01T09:00", "2026-09-30T23:59", "Europe/Paris", clock.now());
    scheduler.start();
    expect(scheduler.nextInstant).toEqual(at("2026-09-01T07:00:00Z"));

    clock.advanceTo(at("2026-09-01T06:59:59.999Z"));
    expect(findConsultation(db, "climate")!.status).toBe("scheduled");
    clock.advanceTo(at("2026-09-01T07:00:00Z"));
    expect(findConsultation(db, "climate")!.status).toBe("open");
    expect(changes).toEqual([{ slug: "climate", nodeId: null, kind: "state" }]);
    expect(scheduler.nextInstant).toEqual(at("2026-09-30T21:59:00Z"));

    clock.advanceTo(at("2026-09-30T21:59:00Z"));
    expect(findConsultation(db, "climate")!.status).toBe("closed");
    expect(changes).toHaveLength(2);
    expect(scheduler.nextInstant).toBeNull();
    const log = consultationLog(db, findConsultation(db, "climate")!.id);
    // The scheduler's entries have no author and carry the scheduled instant.
    expect(log.slice(0, 2).map((e) => [e.kind, e.actor, e.at.toISOString()])).toEqual([
      ["closed", null, "2026-09-30T21:59:00.000Z"],
      ["opened", null, "2026-09-01T07:00:00.000Z"],
    ]);
  });

  it("closes on the wall-clock time across a daylight-saving change (New York, November)", () => {
    const { db, clock, scheduler } = setUp("2026-10-20T00:00:00Z");
    // Clocks in New York go back at 02:00 on 1 November 2026: EDT (UTC−4) becomes EST (UTC−5).
    schedule(db, "2026-10-31T12:00", "2026-11-01T12:00", "America/New_York", clock.now());
    scheduler.start();
    clock.advanceTo(at("2026-10-31T16:00:00Z"));
    expect(findConsultation(db, "climate")!.status).toBe("open");
    expect(scheduler.nextInstant).toEqual(at("2026-11-01T17:00:00Z"));
    // 24 hours after opening is 11:00 on the day clocks went back: still open.
    clock.advanceTo(at("2026-11-01T16:00:00Z"));
    expect(findConsultation(db, "climate")!.status).toBe("open");
    clock.advanceTo(at("2026-11-01T17:00:00Z"));
    expect(findConsultation(db, "climate")!.status).toBe("closed");
  });

  it("catches up at start with what happened while the server was down", () => {
    const { db, clock, scheduler } = setUp("2026-08-01T00:00:00Z");
    schedule(db, "2026-09-01T09:00", "2026-09-30T23:59", "UTC", clock.now());
    clock.advanceTo(at("2026-10-05T00:00:00Z"));
    scheduler.start();
    expect(findConsultation(db, "climate")!.status).toBe("closed");
    expect(consultationLog(db, findConsultation(db, "climate")!.id).map((e) => e.kind).slice(0, 2)).toEqual(["closed", "opened"]);
  });

  it("re-arms when the secretariat extends the deadline", () => {
    const { db, clock, scheduler } = setUp("2026-08-01T00:00:00Z");
    schedule(db, "2026-09-01T09:00", "2026-09-30T23:59", "UTC", clock.now());
    scheduler.start();
    clock.advanceTo(at("2026-09-10T00:00:00Z"));
    const extended = applyLifecycleAction(db, findConsultation(db, "climate")!, { intent: "extend", closesAt: "2026-10-15T12:00" }, 1, clock.now());
    expect(extended.ok).toBe(true);
    scheduler.changed();
    expect(scheduler.nextInstant).toEqual(at("2026-10-15T12:00:00Z"));
    // One timer, not one per consultation or a polling loop.
    expect(clock.pending).toHaveLength(1);
    clock.advanceTo(at("2026-09-30T23:59:00Z"));
    expect(findConsultation(db, "climate")!.status).toBe("open");
    clock.advanceTo(at("2026-10-15T12:00:00Z"));
    expect(findConsultation(db, "climate")!.status).toBe("closed");
  });
});

describe("lifecycle actions", () => {
  it("cannot open a consultation without a text", () => {
    const db = databaseWithSecretariat();
    const created = saveConsultation(db, { slug: "empty", title: "Empty one", timeZone: "UTC", language: "en", audience: "everyone", groups: "" }, 1);
    expect(created.ok).toBe(true);
    expect(applyLifecycleAction(db, findConsultation(db, "empty")!, { intent: "open-now" }, 1)).toEqual({ ok: false, error: "lifecycle.noText" });
  });

  it("keeps the slug once the consultation has opened, and refuses a taken one", () => {
    const { db, clock } = setUp("2026-08-01T00:00:00Z");
    const opened = applyLifecycleAction(db, findConsultation(db, "climate")!, { intent: "open-now" }, 1, clock.now());
    expect(opened.ok).toBe(true);
    const renamed = saveConsultation(db, { slug: "climate-2", title: "Climate", timeZone: "UTC", language: "en", audience: "everyone", groups: "" }, 1, findConsultation(db, "climate")!, clock.now());
    expect(renamed).toEqual({ ok: false, errors: { slug: "consultation.slug.permanent" } });
    const taken = saveConsultation(db, { slug: "climate", title: "Another", timeZone: "UTC", language: "en", audience: "everyone", groups: "" }, 1);
    expect(taken).toEqual({ ok: false, errors: { slug: "consultation.slug.taken" } });
  });

  it("reopens a closed consultation only with a new closing date in the future, and logs who did it", () => {
    const { db, clock } = setUp("2026-08-01T00:00:00Z");
    applyLifecycleAction(db, findConsultation(db, "climate")!, { intent: "open-now" }, 1, clock.now());
    applyLifecycleAction(db, findConsultation(db, "climate")!, { intent: "close-now", understood: "yes" }, 1, clock.now());
    expect(applyLifecycleAction(db, findConsultation(db, "climate")!, { intent: "reopen", closesAt: "2026-07-01T00:00" }, 1, clock.now())).toMatchObject({ ok: false, error: "lifecycle.closesAt.past" });
    expect(applyLifecycleAction(db, findConsultation(db, "climate")!, { intent: "reopen", closesAt: "2026-08-10T00:00" }, 1, clock.now())).toMatchObject({ ok: true });
    expect(consultationLog(db, findConsultation(db, "climate")!.id).map((e) => [e.kind, e.actor])).toEqual([
      ["reopened", "Sam Secretariat"],
      ["closed", "Sam Secretariat"],
      ["opened", "Sam Secretariat"],
    ]);
  });

  it("opens a second round on a newer version only, and its comments are told apart by round", () => {
    const { db, clock } = setUp("2026-08-01T00:00:00Z");
    const author = db.select().from(users).get()!;
    const say = (body: string) => {
      const c = findConsultation(db, "climate")!;
      addComment(db, { consultationId: c.id, nodeId: null, versionId: null, author, round: c.round, stance: "support", body, submissionId: crypto.randomUUID() } as Parameters<typeof addComment>[1]);
    };
    applyLifecycleAction(db, findConsultation(db, "climate")!, { intent: "open-now" }, 1, clock.now());
    say("First round");
    applyLifecycleAction(db, findConsultation(db, "climate")!, { intent: "close-now", understood: "yes" }, 1, clock.now());
    // No newer version yet: no second round.
    expect(applyLifecycleAction(db, findConsultation(db, "climate")!, { intent: "new-round", closesAt: "2026-09-01T00:00" }, 1, clock.now())).toMatchObject({ ok: false });
    storeImportedOutline(
      db,
      { title: "Draft, revised", nodes: [{ kind: "operative", label: "1", parent: null, level: 0, text: "Decides to act now.", footnotes: [] }] },
      { consultationSlug: "climate", sourceFormat: "text" },
    );
    const second = applyLifecycleAction(db, findConsultation(db, "climate")!, { intent: "new-round", closesAt: "2026-09-01T00:00" }, 1, clock.now());
    expect(second).toMatchObject({ ok: true, consultation: { status: "open", round: 2 } });
    say("Second round");
    expect(consultationRoundList(db, findConsultation(db, "climate")!.id).map((r) => [r.number, r.version])).toEqual([[1, 1], [2, 2]]);
    const inRound = (round: number) => db.select().from(comments).where(commentFilterConditions({ round })).all().map((c) => c.body);
    expect(inRound(1)).toEqual(["First round"]);
    expect(inRound(2)).toEqual(["Second round"]);
  });
});
