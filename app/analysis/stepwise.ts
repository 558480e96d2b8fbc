/**
 * Long computations written as generators that yield between steps (a batch of comments, a band
 * of hashes), so one piece of code can run two ways: to the end at once, or in the background, a
 * step at a time while the server is free, answering requests between steps.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now and returns the result. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * How background work shares the process with requests. The server's (AppContext.background)
 * starts work once the response that asked for it has been sent, and runs each step when no
 * request is being answered (or after a short wait, so that work finishes under steady load).
 */
export interface Background {
  start: (task: () => void) => void;
  pause: () => Promise<void>;
}

/** Outside the server (tests, command-line tools): start now, one step per turn of the event loop. */
export const betweenTurns: Background = {
  start: (task) => task(),
  pause: () => new Promise<void>((resolve) => setImmediate(resolve)),
};

/** Runs the steps in the background's pauses, resolving with the result. */
export async function runInBackground<T>(steps: Steps<T>, background: Background = betweenTurns): Promise<T> {
  for (;;) {
    await background.pause();
    const step = steps.next();
    if (step.done) return step.value;
  }
}
