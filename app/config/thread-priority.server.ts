import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * Lowers the scheduling priority (raises the nice value) of the calling thread alone. Linux
 * schedules threads, and setpriority(2) on a thread id changes that thread only; the thread's id
 * is the last part of /proc/thread-self. Elsewhere the thread keeps the process's priority.
 */
export function lowerThisThreadsPriority(nice: number): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, nice);
  } catch {
    // No /proc (not Linux), or not permitted: the work still runs, at the process's priority.
  }
}
