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
    expect(tally.people).toBe(41);
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

  it("counts the people a participant represents once, however many comments they write", () => {
    const tally = new Tally();
    // Two individuals online, two comments each: 4 comments from 2 participants, 2 people.
    for (const [id, participantKey] of [[1, "user 1"], [2, "user 1"], [3, "user 2"], [4, "user 2"]] as const) tally.add(row({ id, participantKey }));
    expect(tally.total).toBe(4);
    expect(tally.participants.size).toBe(2);
    expect(tally.people).toBe(2);
    // A meeting's recorded input, twice under one key: its 30 people once.
    tally.add(row({ id: 5, participantKey: "meeting 9", channel: "regional-consultation", peopleRepresented: 30 }));
    tally.add(row({ id: 6, participantKey: "meeting 9", channel: "regional-consultation", peopleRepresented: 30, region: "africa" }));
    expect(tally.people).toBe(32);
    expect(tally.participation.get("channel")!.get("online")).toMatchObject({ comments: 4, people: 2 });
    expect(tally.participation.get("channel")!.get("regional-consultation")).toMatchObject({ comments: 2, people: 30 });
    // Per region, the meeting counts where it spoke: 30 in each.
    expect(tally.participation.get("region")!.get("africa")).toMatchObject({ comments: 1, people: 30 });
    expect(tally.participation.get("region")!.get("europe-north-america")).toMatchObject({ comments: 5, people: 32 });
  });
});
