/**
 * Moves consultations through their schedule in the server process (decision 023): one timer,
 * armed for the next opening or closing instant of any consultation, re-armed whenever the
 * secretariat changes a schedule. When it fires, the state the clock has reached is written down,
 * logged with the scheduler as author, and the consultation's live viewers are told.
 *
 * Permission checks never wait for it: they derive the state from the clock themselves
 * (app/consultations/lifecycle.ts). The scheduler makes the stored status, the audit log and open
 * pages follow.
 */
import type { Db } from "../../db/client.server";
import type { ConsultationChange } from "../../realtime/protocol";
import { nextTransition } from "./lifecycle";
import { persistDueState, scheduledConsultations } from "./consultations.server";

/** setTimeout's longest delay (about 24.8 days); a later instant is reached in several waits. */
const MAX_DELAY = 2 ** 31 - 1;

export interface Clock {
  now(): Date;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // The HTTP server keeps the process alive; a pending opening must not keep it from stopping.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class LifecycleScheduler {
  private timer: unknown = null;
  private armedFor: number | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly announce: (change: ConsultationChange) => void,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Writes down what is due (a server that was down at an instant catches up) and arms the timer. */
  start(): void {
    this.run();
  }

  /** A schedule changed: the next instant may be another one. */
  changed(): void {
    if (!this.stopped) this.run();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** The instant the timer waits for, for tests and the admin page. */
  get nextInstant(): Date | null {
    return this.armedFor === null ? null : new Date(this.armedFor);
  }

  private run(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.armedFor = null;
    const now = this.clock.now();
    let next: number | null = null;
    for (const c of scheduledConsultations(this.db)) {
      const moved = persistDueState(this.db, c, now);
      if (moved) {
        this.announce({ slug: moved.slug, nodeId: null, kind: "state" });
        // An opening written down may leave its closing to wait for.
        const after = nextTransition(moved);
        if (after && after.getTime() > now.getTime()) next = Math.min(next ?? Infinity, after.getTime());
        continue;
      }
      const at = nextTransition(c);
      if (at) next = Math.min(next ?? Infinity, at.getTime());
    }
    if (next === null || this.stopped) return;
    this.armedFor = next;
    const delay = Math.min(MAX_DELAY, Math.max(0, next - now.getTime()));
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.run();
    }, delay);
  }
}
