import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTestDatabase } from "../../db/test-database";
import { clientIdsOf, soleClientOf, UpdateLog } from "./update-log.server";

function edit(doc: Y.Doc, text: string): Uint8Array {
  let captured: Uint8Array | undefined;
  const capture = (u: Uint8Array) => (captured = u);
  doc.on("update", capture);
  doc.getText("t").insert(doc.getText("t").length, text);
  doc.off("update", capture);
  return captured!;
}

describe("the co-editing update log", () => {
  it("loads nothing for a document never written", () => {
    expect(new UpdateLog(createTestDatabase()).load("draft/x")).toBeNull();
  });

  it("replays appended updates in order", () => {
    const log = new UpdateLog(createTestDatabase());
    const doc = new Y.Doc();
    for (const word of ["Human ", "rights ", "online"]) log.append("draft/x", edit(doc, word), "alice");
    const loaded = log.load("draft/x")!;
    expect(loaded.doc.getText("t").toString()).toBe("Human rights online");
    expect(loaded.pendingUpdates).toBe(3);
  });

  it("compacts into a snapshot: same content, no pending updates, later updates still applied", () => {
    const log = new UpdateLog(createTestDatabase());
    const doc = new Y.Doc();
    for (let i = 0; i < 50; i++) log.append("draft/x", edit(doc, `${i} `), "alice");
    log.compact("draft/x", doc);
    expect(log.pendingCount("draft/x")).toBe(0);
    log.append("draft/x", edit(doc, "end"), "bob");
    const loaded = log.load("draft/x")!;
    expect(loaded.doc.getText("t").toString()).toBe(doc.getText("t").toString());
    expect(loaded.pendingUpdates).toBe(1);
  });

  it("keeps documents apart", () => {
    const log = new UpdateLog(createTestDatabase());
    const a = new Y.Doc();
    const b = new Y.Doc();
    log.append("draft/a", edit(a, "alpha"), "alice");
    log.append("draft/b", edit(b, "beta"), "bob");
    log.compact("draft/a", a);
    expect(log.load("draft/a")!.doc.getText("t").toString()).toBe("alpha");
    expect(log.load("draft/b")!.doc.getText("t").toString()).toBe("beta");
    expect(log.pendingCount("draft/b")).toBe(1);
  });

  it("keeps who wrote with which Yjs client, through compaction", () => {
    const log = new UpdateLog(createTestDatabase());
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const fromAlice = edit(alice, "A");
    Y.applyUpdate(bob, fromAlice);
    log.append("draft/x", fromAlice, "alice");
    log.append("draft/x", edit(bob, "B"), "bob");
    expect(clientIdsOf(fromAlice)).toEqual([alice.clientID]);
    log.compact("draft/x", bob);
    expect(log.authors("draft/x")).toEqual(new Map([[alice.clientID, "alice"], [bob.clientID, "bob"]]));
  });

  it("appends a batch in one transaction, in order, and records each author once", () => {
    const log = new UpdateLog(createTestDatabase());
    const alice = new Y.Doc();
    const ids = log.appendMany([
      { docName: "draft/x", update: edit(alice, "one "), authorId: "alice" },
      { docName: "draft/x", update: edit(alice, "two"), authorId: "alice" },
    ]);
    expect(ids[1]).toBeGreaterThan(ids[0]!);
    log.append("draft/x", edit(alice, "!"), "alice");
    expect(log.load("draft/x")!.doc.getText("t").toString()).toBe("one two!");
    expect(log.authors("draft/x")).toEqual(new Map([[alice.clientID, "alice"]]));
  });
});

describe("soleClientOf", () => {
  it("reads the one writing client of a keystroke, and declines every other shape", () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const keystroke = edit(alice, "a");
    expect(soleClientOf(keystroke)).toBe(alice.clientID);
    expect(clientIdsOf(keystroke)).toEqual([alice.clientID]);

    const fromBob = edit(bob, "b");
    expect(soleClientOf(Y.mergeUpdates([keystroke, fromBob]))).toBeNull();

    let deletion: Uint8Array | undefined;
    alice.on("update", (u: Uint8Array) => (deletion = u));
    alice.getText("t").delete(0, 1);
    expect(soleClientOf(deletion!)).toBeNull();
    expect(clientIdsOf(deletion!)).toEqual([]);
  });
});
