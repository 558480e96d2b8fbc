/**
 * Gives memory back once a burst of requests is over (issue 21, point 4; docs/benchmarks.md, "WAL
 * size and server memory"). After a load, what keeps the server's RSS above idle is garbage: the
 * Buffers of the responses and gzip streams, freed only by a major collection, which V8 postpones
 * for a minute or more on an idle process. When `quietMs` pass without a request after at least
 * `minRequests` requests, this runs that collection — at a moment when nobody waits for the event
 * loop. Needs `node --expose-gc` (npm start and the test server pass it); without it, does nothing.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction } from "express";

export class CollectAfterLoad {
  private requestsSinceCollection = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly collect: (() => void) | undefined = (globalThis as { gc?: () => void }).gc,
    private readonly quietMs = 5000,
    private readonly minRequests = 200,
  ) {
    this.timer = setTimeout(() => this.collectIfLoaded(), this.quietMs);
    this.timer.unref();
  }

  /** Express middleware: counts the request and starts the quiet period over. */
  readonly track = (_req: IncomingMessage, _res: ServerResponse, next: NextFunction): void => {
    this.requestsSinceCollection += 1;
    this.timer.refresh();
    next();
  };

  stop(): void {
    clearTimeout(this.timer);
  }

  private collectIfLoaded() {
    if (!this.collect || this.requestsSinceCollection < this.minRequests) return;
    this.requestsSinceCollection = 0;
    this.collect();
  }
}
