import { describe, expect, it } from "vitest";
import { compareKeys, cursorSchema, encodeCursor, pageOf, type CommentSort, type ThreadKey } from "./comment-pages";

const thread = (id: number, createdAt = id * 1000, endorsements = 0): ThreadKey => ({ id, createdAt, endorsements });
const sorted = (threads: ThreadKey[], sort: CommentSort) => [...threads].sort((a, b) => compareKeys(sort, a, b));
const cursor = (c: string | null) => cursorSchema.parse(c);

/** Reads the whole list page by page, as a reader following "more" would, with `between` run after each page. */
function readAll(list: () => ThreadKey[], sort: CommentSort, size: number, between: (page: number) => void = () => undefined) {
  const seen: number[] = [];
  let page = pageOf(sorted(list(), sort), sort, {}, size);
  for (let n = 0; ; n++) {
    seen.push(...page.items.map((t) => t.id));
    between(n);
    if (!page.next) return seen;
    page = pageOf(sorted(list(), sort), sort, { after: cursor(page.next) }, size);
  }
}

describe("comment pages", () => {
  it.each(["oldest", "newest", "endorsed"] as const)("comments posted between pages neither repeat nor skip a thread (%s)", (sort) => {
    const threads = Array.from({ length: 25 }, (_, i) => thread(i + 1, (i + 1) * 1000, i % 4));
    let nextId = 26;
    const seen = readAll(() => threads, sort, 10, () => {
      // Three new comments arrive while the reader is on each page.
      for (let i = 0; i < 3; i++) threads.push(thread(nextId, nextId++ * 1000, 0));
    });
    expect(new Set(seen).size).toBe(seen.length);
    // Every comment that was there when the reader started is read.
    for (let id = 1; id <= 25; id++) expect(seen).toContain(id);
  });

  it("a deleted comment's cursor still places the next page", () => {
    const threads = Array.from({ length: 30 }, (_, i) => thread(i + 1));
    const first = pageOf(threads, "oldest", {}, 10);
    const rest = threads.filter((t) => t.id !== 10);
    expect(pageOf(rest, "oldest", { after: cursor(first.next) }, 10).items.map((t) => t.id)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  });

  it("goes back with `before`, and finds the page holding a permalink's thread", () => {
    const threads = Array.from({ length: 45 }, (_, i) => thread(i + 1));
    const third = pageOf(threads, "oldest", { target: 43 }, 20);
    expect(third.offset).toBe(40);
    expect(third.items.map((t) => t.id)).toEqual([41, 42, 43, 44, 45]);
    expect(third.next).toBeNull();
    const second = pageOf(threads, "oldest", { before: cursor(third.previous) }, 20);
    expect(second.items.map((t) => t.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 21));
    expect(pageOf(threads, "oldest", { before: cursor(second.previous) }, 20).previous).toBeNull();
  });

  it("refuses a cursor that is not one", () => {
    for (const bad of ["", "1.2", "a.b.c", "1.2.3.4", "1.2.3; drop table comments", "-1.2.3"]) expect(cursorSchema.safeParse(bad).success).toBe(false);
    expect(cursorSchema.parse(encodeCursor(thread(7, 1234, 2)))).toEqual(thread(7, 1234, 2));
  });
});
