import { randomBytes } from "node:crypto";

/**
 * A change cursor per consultation: moves every time its live viewers are told of a change. A page
 * carries the cursor it was rendered with; `watch` compares it with the current one, so a viewer
 * whose live connection opened late, or came back after a drop, knows to re-read the page.
 *
 * Kept in memory: the process that announces changes is the one that counts them. A restart
 * changes the boot id, so every page rendered before it catches up once (a spare refresh, never
 * a missed comment).
 */
export class ChangeCursors implements ChangeCursorSource {
  private readonly boot = randomBytes(6).toString("base64url");
  private readonly counts = new Map<string, number>();

  current(slug: string): string {
    return `${this.boot}.${this.counts.get(slug) ?? 0}`;
  }

  advance(slug: string): string {
    this.counts.set(slug, (this.counts.get(slug) ?? 0) + 1);
    return this.current(slug);
  }
}

/** What server.ts and announceChange need of a cursor keeper: either kind below. */
export interface ChangeCursorSource {
  current(slug: string): string;
  advance(slug: string): string;
}

/**
 * With several processes (decision 036) a cursor counted in one process's memory means nothing to
 * another: a viewer whose page was rendered by process A may watch through process B. The cursor is
 * then the consultation's page revision, read from the database (db/page-revision.server.ts):
 * triggers move it inside every write that changes what the consultation's pages show, whichever
 * process wrote, so it is the same on every process and after any restart. It also moves with
 * writes that announce nothing (a draft's text edited): a viewer then re-reads once too often,
 * never too rarely. The announcing process reads it after its write, so the cursor travels with
 * the event to the viewers of every process.
 */
export class StoredChangeCursors implements ChangeCursorSource {
  constructor(private readonly revisionOf: (slug: string) => string | null) {}

  current(slug: string): string {
    return this.revisionOf(slug) ?? "";
  }

  /** The write already moved it: reading is all there is to do. */
  advance(slug: string): string {
    return this.current(slug);
  }
}
