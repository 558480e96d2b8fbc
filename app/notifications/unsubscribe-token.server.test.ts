import { describe, expect, it } from "vitest";
import { readUnsubscribeToken, unsubscribeToken, unsubscribeUrl } from "./unsubscribe-token.server";

const SECRET = "a server secret of enough length for the tests";

describe("unsubscribe tokens", () => {
  it("names the account and the category it was made for", () => {
    expect(readUnsubscribeToken(SECRET, unsubscribeToken(SECRET, 42, "replies"))).toEqual({ userId: 42, category: "replies" });
    expect(unsubscribeUrl("https://redraft.example.org", SECRET, 42, "replies")).toMatch(/^https:\/\/redraft\.example\.org\/unsubscribe\/42\.replies\./);
  });

  it("cannot be turned into someone else's by changing the account number", () => {
    const mine = unsubscribeToken(SECRET, 42, "replies");
    expect(readUnsubscribeToken(SECRET, mine.replace(/^42\./, "43."))).toBeNull();
  });

  it("cannot be turned to another category", () => {
    const mine = unsubscribeToken(SECRET, 42, "replies");
    expect(readUnsubscribeToken(SECRET, mine.replace(".replies.", ".dispositions."))).toBeNull();
  });

  it("is void under another server secret", () => {
    expect(readUnsubscribeToken("another secret entirely, rotated", unsubscribeToken(SECRET, 42, "replies"))).toBeNull();
  });

  it.each(["", "42", "42.replies", "42.unknown.abc", `42.replies.${"x".repeat(43)}`, `${"9".repeat(300)}.replies.x`, "-1.replies.abc"])(
    "refuses the malformed token %j",
    (token) => {
      expect(readUnsubscribeToken(SECRET, token)).toBeNull();
    },
  );
});
