import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/translate";
import { digestText, groupDigest, notificationPath, notificationText, type DigestItem } from "./digest";

const t = createTranslator("en");
let next = 1;
const item = (userId: number, consultationId: number, kind: DigestItem["kind"], extra: Partial<DigestItem["detail"]> = {}): DigestItem => ({
  id: next++,
  userId,
  consultationId,
  kind,
  commentId: kind.startsWith("consultation") ? null : 100 + next,
  detail: { slug: `c${consultationId}`, title: `Consultation ${consultationId}`, label: "OP1", excerpt: "Some words", by: "Ana", ...extra },
});

describe("digest grouping", () => {
  it("gives each recipient their own digest, nothing of anyone else's", () => {
    const grouped = groupDigest([item(1, 10, "new-comment"), item(2, 10, "new-comment"), item(1, 10, "reply")]);
    expect([...grouped.keys()].sort()).toEqual([1, 2]);
    expect(grouped.get(2)![0]!.kinds.flatMap((k) => k.items).every((i) => i.userId === 2)).toBe(true);
  });

  it("groups by consultation in order of first appearance, then by kind, own words first", () => {
    const grouped = groupDigest([item(1, 20, "new-comment"), item(1, 10, "new-comment"), item(1, 20, "endorsement"), item(1, 20, "new-comment"), item(1, 20, "disposition")]);
    const groups = grouped.get(1)!;
    expect(groups.map((g) => g.title)).toEqual(["Consultation 20", "Consultation 10"]);
    expect(groups[0]!.kinds.map((k) => [k.kind, k.items.length])).toEqual([
      ["disposition", 1],
      ["endorsement", 1],
      ["new-comment", 2],
    ]);
  });

  it("is empty for no notifications", () => {
    expect(groupDigest([]).size).toBe(0);
  });

  it("counts each kind in the digest's text and links every item", () => {
    const text = digestText(t, groupDigest([item(1, 10, "new-comment"), item(1, 10, "new-comment"), item(1, 10, "endorsement")]).get(1)!, "https://r.example");
    expect(text).toContain("CONSULTATION 10");
    expect(text).toContain("2 new comments on what you follow");
    expect(text).toContain("1 person agreed with your comments");
    expect(text).toContain("https://r.example/c/c10/p/OP1#comment-");
  });

  it("lists ten items of a kind and says how many more", () => {
    const many = Array.from({ length: 13 }, () => item(1, 10, "new-comment"));
    const text = digestText(t, groupDigest(many).get(1)!, "https://r.example");
    expect(text.match(/^- Ana commented/gm)).toHaveLength(10);
    expect(text).toContain("and 3 more");
  });
});

describe("what a notification says", () => {
  it("tells the author of a comment the decision, the rationale and the paragraph as it now reads", () => {
    const text = notificationText(
      t,
      item(1, 10, "disposition", { decision: "accepted-in-part", rationale: "We kept the second half.", revisedText: "OP1. The revised words." }),
      "https://r.example",
    );
    expect(text).toContain("The expert group decided on your comment on paragraph OP1: Accepted in part");
    expect(text).toContain("You said: “Some words”");
    expect(text).toContain("Why: We kept the second half.");
    expect(text).toContain("The paragraph now reads:\nOP1. The revised words.");
  });

  it("names a pseudonymous author as a participant", () => {
    expect(notificationText(t, item(1, 10, "reply", { by: null }), "https://r.example")).toMatch(/^Participant replied to your comment/);
  });

  it("leads a comment on the draft as a whole to the draft's comments page", () => {
    expect(notificationPath({ commentId: 5, detail: { slug: "x", label: null } })).toBe("/c/x/comments#comment-5");
    expect(notificationPath({ commentId: null, detail: { slug: "x" } })).toBe("/c/x");
  });
});
