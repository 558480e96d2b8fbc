import { describe, expect, it } from "vitest";
import type { DraftNode } from "../drafts/outline";
import { compareOutlines } from "../drafts/version-diff";
import { createTranslator } from "../i18n/translate";
import type { CompiledRow } from "../review/compiled-row";
import { summaryReport } from "./report";
import { Tally } from "./tally";

const node = (nodeId: string, label: string, text: string, position: number): DraftNode => ({
  nodeId, kind: "operative", label, parentLabel: null, level: 0, position, text, footnotes: [],
});

describe("the summary report", () => {
  it("gives each paragraph its counts, dispositions, themes, campaigns and revised wording", () => {
    const before = [node("a", "OP1", "States should act.", 0), node("b", "OP2", "Unchanged text.", 1)];
    const after = [node("a", "OP1", "States shall act now.", 0), node("b", "OP2", "Unchanged text.", 1)];
    const tally = new Tally();
    tally.add({ id: 1, participantKey: "u1", nodeId: "a", paragraph: "OP1", region: "africa", stakeholderGroup: "Academia", stance: "amendment", decision: "accepted", rationale: "Agreed", peopleRepresented: 1, electoralGroup: "I", channel: "online" } as CompiledRow);
    const blocks = summaryReport(
      {
        title: "Ethics of AI",
        version: 1,
        tally,
        paragraphs: before,
        changes: compareOutlines(before, after).changes,
        hooks: { themes: new Map([["a", ["Gender equality"]]]), campaigns: new Map([["a", [{ label: "Campaign A", size: 12 }]]]) },
      },
      createTranslator(),
    );
    const op1 = blocks.slice(blocks.findIndex((b) => b.kind === "heading" && b.text === "Paragraph OP1"), blocks.findIndex((b) => b.kind === "heading" && b.text === "Paragraph OP2"));
    expect(op1).toContainEqual({ kind: "text", text: "States should act." });
    expect(op1).toContainEqual({ kind: "counts", title: "Comments by region", rows: [["Africa", 1]] });
    expect(op1).toContainEqual({ kind: "counts", title: "Dispositions", rows: [["Accepted", 1]] });
    expect(op1).toContainEqual({ kind: "text", text: "Gender equality" });
    expect(op1).toContainEqual({ kind: "counts", title: "Campaigns", rows: [["Campaign A", 12]] });
    const diff = op1.find((b) => b.kind === "diff");
    expect(diff && diff.kind === "diff" && diff.parts.filter((p) => p.kind === "insert").map((p) => p.text).join("")).toContain("shall");
    const op2 = blocks.slice(blocks.findIndex((b) => b.kind === "heading" && b.text === "Paragraph OP2"));
    expect(op2).toContainEqual({ kind: "text", text: "No comments." });
    expect(op2).toContainEqual({ kind: "text", text: "Unchanged in the revision." });
  });
});
