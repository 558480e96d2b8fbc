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
export class ChangeCursors {
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
