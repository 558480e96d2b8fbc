import { describe, expect, it } from "vitest";
import type { CompiledRow } from "../review/compiled-row";
import { Tally } from "./tally";

const row = (over: Partial<CompiledRow>): CompiledRow => ({
  id: 1, participantKey: "u1", paragraph: "OP1", nodeId: "n1", version: 1, type: "technical", typeSet: false, stance: "support", comment: "", proposedChange: null,
  stakeholder: "Participant", country: "FR", region: "europe-north-america", electoralGroup: "I", stakeholderGroup: "Academia",
  channel: "online", language: "en", peopleRepresented: 1, endorsements: 0, createdAt: "", decision: null, rationale: "",
  targets: [], targetNodeIds: [], decidedBy: null, decidedAt: null, campaign: null, campaignSize: null, assigneeId: null, assignee: null, ...over,
});

describe("the export tally", () => {
  it("counts comments per paragraph, region, group, stance and decision, and people and participants once each", () => {
    const tally = new Tally();
    tally.add(row({ id: 1, participantKey: "u1" }));
    tally.add(row({ id: 2, participantKey: "u1", region: "africa", stance: "concern", decision: "accepted", rationale: "Yes" }));
    tally.add(row({ id: 3, nodeId: "n2", paragraph: "OP2", channel: "regional-consultation", peopleRepresented: 40, participantKey: "m1" }));
    expect(tally.total).toBe(3);
    expect(tally.people).toBe(42);
    expect(tally.participants.size).toBe(2);
    const op1 = tally.paragraphs.get("n1")!;
    expect(op1.total).toBe(2);
    expect(Object.fromEntries(op1.byRegion)).toEqual({ "europe-north-america": 1, africa: 1 });
    expect(Object.fromEntries(op1.byStance)).toEqual({ support: 1, concern: 1 });
    expect(op1.decided).toEqual([{ id: 2, decision: "accepted", rationale: "Yes", stakeholderGroup: "Academia", region: "africa" }]);
    const channels = tally.participation.get("channel")!;
    expect(channels.get("regional-consultation")).toMatchObject({ comments: 1, people: 40 });
    expect(channels.get("online")!.participants.size).toBe(1);
  });
});
