import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import { checkAwarenessJson, decodeAwarenessUpdate, encodeAwarenessEntries, MAX_AWARENESS_ENTRIES, safeAwarenessUser } from "./awareness-state";

const user = { name: "Emeka", color: "#1d4ed8", role: "expert", region: "africa" };

describe("awareness states", () => {
  it("reads and writes y-protocols awareness updates unchanged", () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user });
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    const entries = decodeAwarenessUpdate(update);
    expect(entries).toEqual([{ clientId: doc.clientID, clock: expect.any(Number), json: JSON.stringify({ user }) }]);
    expect(encodeAwarenessEntries(entries)).toEqual(update);
  });

  it("accepts what the editor publishes: a user and y-prosemirror's cursor of relative positions", () => {
    const doc = new Y.Doc();
    const text = doc.getText("t");
    text.insert(0, "abc");
    const anchor = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 1));
    const head = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 3));
    expect(checkAwarenessJson(JSON.stringify({ user, cursor: { anchor, head } }))).toEqual({ ok: true });
    expect(checkAwarenessJson(JSON.stringify({ user, cursor: null }))).toEqual({ ok: true });
    expect(checkAwarenessJson("null")).toEqual({ ok: true });
  });

  it.each([
    ["CSS in the colour", { user: { ...user, color: "red;background:url(//evil.example)" } }],
    ["an unknown role", { user: { ...user, role: "root" } }],
    ["an unknown region", { user: { ...user, region: "atlantis" } }],
    ["an unknown field", { user, html: "<script>alert(1)</script>" }],
    ["an empty name", { user: { ...user, name: "  " } }],
    ["a cursor that is not a relative position", { user, cursor: { anchor: { evil: 1 }, head: {} } }],
  ])("refuses %s", (_what, state) => {
    expect(checkAwarenessJson(JSON.stringify(state)).ok).toBe(false);
  });

  it("refuses an oversized state before parsing it", () => {
    expect(checkAwarenessJson(JSON.stringify({ user: { ...user, name: "x".repeat(3_000) } }))).toEqual({ ok: false, error: "awareness state over 2000 bytes" });
  });

  it("refuses malformed and overlong updates", () => {
    expect(() => decodeAwarenessUpdate(new Uint8Array([1, 5]))).toThrow();
    const many = Array.from({ length: MAX_AWARENESS_ENTRIES + 1 }, (_, i) => ({ clientId: i, clock: 1, json: "null" }));
    expect(() => decodeAwarenessUpdate(encodeAwarenessEntries(many))).toThrow(/at most/);
  });

  it("gives the editor a user to render only when it passes the schema", () => {
    expect(safeAwarenessUser(user)).toEqual(user);
    expect(safeAwarenessUser({ ...user, color: "expression(alert(1))" })).toBeNull();
    expect(safeAwarenessUser("Mallory")).toBeNull();
  });
});
