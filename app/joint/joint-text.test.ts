import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { jointDocumentName, jointOfDocument, jointTextUpdate, readJointText, signedText, writeJointText } from "./joint-text";

describe("the joint draft's document", () => {
  it("is named after the draft, and only such names are read back", () => {
    expect(jointOfDocument(jointDocumentName(12))).toBe(12);
    expect(jointOfDocument("joint/0")).toBeNull();
    expect(jointOfDocument("joint/12/x")).toBeNull();
    expect(jointOfDocument("draft/12")).toBeNull();
  });

  it("holds the explanation and the wording, line by line, as they were written", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, jointTextUpdate({ body: "First line\r\nSecond line", proposedText: "Member States shall" }));
    expect(readJointText(doc)).toEqual({ body: "First line\nSecond line", proposedText: "Member States shall" });
    writeJointText(doc, { body: "Replaced", proposedText: "" });
    expect(readJointText(doc)).toEqual({ body: "Replaced", proposedText: "" });
  });

  it("signs the wording only for an amendment, and ignores line-ending differences", () => {
    expect(signedText({ body: "a\r\nb", proposedText: "x" }, "concern")).toBe(signedText({ body: "a\nb", proposedText: "y" }, "concern"));
    expect(signedText({ body: "a", proposedText: "x" }, "amendment")).not.toBe(signedText({ body: "a", proposedText: "y" }, "amendment"));
  });
});
