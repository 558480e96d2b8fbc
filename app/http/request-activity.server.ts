/**
 * Which requests the process is answering, so that background work (refreshing campaign groups
 * and themes, decision 016) takes its steps between them rather than in the middle of a page: a
 * step waits until no request is in flight, or at most `maxWaitMs` under steady load, so that
 * the work still finishes on a busy server.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction } from "express";
import type { Background } from "../analysis/stepwise";

/** Runs `task` once the response has been sent (or the client went away). */
function afterResponse(res: ServerResponse, task: () => void): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    setImmediate(task);
  };
  res.once("finish", start);
  res.once("close", start);
}

export class RequestActivity {
  private inFlight = 0;
  /** Steps waiting for quiet; each leaves the set when it runs, released or timed out. */
  private readonly waiting = new Set<() => void>();

  constructor(private readonly maxWaitMs = 100) {}

  /** Express middleware: counts the request until its response is sent. */
  readonly track = (_req: IncomingMessage, res: ServerResponse, next: NextFunction): void => {
    this.inFlight += 1;
    afterResponse(res, () => {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.release();
    });
    next();
  };

  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** Resolves when no request is in flight (on the next turn), or after maxWaitMs at most. */
  quiet(): Promise<void> {
    if (this.inFlight === 0) return new Promise((resolve) => setImmediate(resolve));
    return new Promise((resolve) => {
      const run = () => {
        clearTimeout(timer);
        this.waiting.delete(run);
        resolve();
      };
      const timer = setTimeout(run, this.maxWaitMs);
      timer.unref();
      this.waiting.add(run);
    });
  }

  /** Background work a request asks for: started after its response, stepped while requests are quiet. */
  background(res: ServerResponse): Background {
    return { start: (task) => afterResponse(res, task), pause: () => this.quiet() };
  }

  private release(): void {
    for (const run of [...this.waiting]) run();
  }

  /** Steps waiting for quiet (for tests). */
  get stepsWaiting(): number {
    return this.waiting.size;
  }
}
