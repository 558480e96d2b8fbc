/** A small consultation for the report's tests: rows as the export reads them, two paragraphs, one revised. */
import type { DraftNode } from "../drafts/outline";
import { compareOutlines } from "../drafts/version-diff";
import type { CompiledRow } from "../review/compiled-row";
import { QuotationPicker } from "./quotations";
import type { ReportInput } from "./report";
import { Tally } from "./tally";

export const node = (nodeId: string, label: string, text: string, position: number): DraftNode => ({
  nodeId, kind: "operative", label, parentLabel: null, level: 0, position, text, footnotes: [],
});

let nextId = 1;
export function row(over: Partial<CompiledRow>): CompiledRow {
  const id = over.id ?? nextId++;
  return {
    id, participantKey: `u${id}`, paragraph: "OP1", nodeId: "a", version: 1, type: "general", typeSet: false, stance: "support",
    comment: `Comment ${id}`, proposedChange: null, stakeholder: "Participant", country: "KE", region: "africa", electoralGroup: "V(a)",
    stakeholderGroup: "Academia", channel: "online", language: "en", peopleRepresented: 1, endorsements: 0, createdAt: "2026-11-01T00:00:00.000Z",
    decision: null, rationale: "", targets: [], targetNodeIds: [], decidedBy: null, decidedAt: null, campaign: null, campaignSize: null,
    assigneeId: null, assignee: null, ...over,
  } as CompiledRow;
}

export function fixtureInput(rows: CompiledRow[], over: Partial<ReportInput> = {}): ReportInput {
  const before = [node("a", "OP1", "States should act.", 0), node("b", "OP2", "Unchanged text.", 1)];
  const after = [node("a", "OP1", "States shall act now.", 0), node("b", "OP2", "Unchanged text.", 1)];
  const tally = new Tally();
  const quotations = new QuotationPicker();
  for (const r of rows) {
    tally.add(r);
    quotations.add(r);
  }
  return {
    title: "Ethics of AI", version: 1, locale: "en", generatedAt: new Date("2026-12-07T12:00:00Z"), opensAt: new Date("2026-10-01T00:00:00Z"),
    closesAt: new Date("2026-11-30T00:00:00Z"), filters: {}, tally, quotations, paragraphs: before, changes: compareOutlines(before, after).changes,
    hooks: { themes: new Map([["a", ["human rights", "data protection"]]]), campaigns: new Map([["a", [{ label: "Campaign A", size: 12, decision: "noted" }]]]) },
    ...over,
  };
}

