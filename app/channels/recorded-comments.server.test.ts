import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { createTestDatabase } from "../../db/test-database";
import { seedDemoConsultations } from "../../seeds/seed-demo.server";
import { fieldErrors } from "../accounts/profile-schema";
import { registerUser } from "../accounts/users.server";
import { commentThreads } from "../comments/comments.server";
import { currentVersion, getConsultationBySlug, getOutline } from "../drafts/drafts.server";
import { createMeeting, listMeetings, recordMeetingComment } from "./recorded-comments.server";
import { meetingSchema, recordedCommentSchema, resolveOrigin } from "./recorded-input";

const form = (values: Record<string, string>) => ({
  paragraph: "71", stance: "concern", body: "Rural schools.", authorName: "Youth Network", region: "", countryCode: "",
  stakeholderGroupId: "9", peopleRepresented: "40", language: "fr", submissionId: randomUUID(), ...values,
});

describe("the forms of recorded input", () => {
  it("derive region and electoral group from a country, or the group from an unambiguous region", () => {
    const parsed = recordedCommentSchema.parse(form({ countryCode: "ke" }));
    expect(resolveOrigin(parsed.countryCode, parsed.region)).toEqual({ countryCode: "KE", region: "africa", electoralGroup: "V(a)" });
    expect(resolveOrigin(null, "latin-america-caribbean")).toEqual({ countryCode: null, region: "latin-america-caribbean", electoralGroup: "III" });
    expect(resolveOrigin(null, "europe-north-america")).toEqual({ countryCode: null, region: "europe-north-america", electoralGroup: null });
  });

  it("name each field's problem", () => {
    const errors = (values: Record<string, string>) => {
      const result = recordedCommentSchema.safeParse(form(values));
      return result.success ? {} : fieldErrors(result.error);
    };
    expect(errors({})).toEqual({ region: "recorded.region.required" });
    expect(errors({ countryCode: "FR", region: "africa" })).toEqual({ countryCode: "recorded.region.mismatch" });
    expect(errors({ region: "africa", stance: "amendment" })).toEqual({ proposedText: "comment.proposedText.required" });
    expect(errors({ region: "africa", peopleRepresented: "0", authorName: "", body: "" })).toEqual({
      body: "comment.body.required", authorName: "recorded.authorName.required", peopleRepresented: "recorded.people.invalid",
    });
    expect(errors({ region: "africa", countryCode: "XX", stakeholderGroupId: "" })).toMatchObject({ countryCode: "field.country.required", stakeholderGroupId: "recorded.stakeholderGroup.required" });
  });

  it("accept a meeting with a real date only", () => {
    expect(meetingSchema.safeParse({ channel: "stakeholder-workshop", title: "Workshop", heldOn: "2026-02-30" }).success).toBe(false);
    expect(meetingSchema.parse({ channel: "stakeholder-workshop", title: "Workshop", heldOn: "2026-02-28", location: "", region: "" })).toEqual({
      channel: "stakeholder-workshop", title: "Workshop", heldOn: "2026-02-28", location: null, region: null,
    });
  });
});

describe("a meeting's comments", () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDatabase();
    seedDemoConsultations(db, new Date("2026-11-22T12:00:00Z"));
  });

  it("are stored once per form, shown under the group's name with the meeting, and counted per meeting", async () => {
    const consultation = getConsultationBySlug(db, "unesco-ethics-of-ai")!;
    const version = currentVersion(db, consultation.id)!;
    const nodeId = getOutline(db, version.id).find((n) => n.label === "71")!.nodeId;
    const secretariat = await registerUser(db, {
      email: "sec@example.org", displayName: "Sec", password: "a long and personal passphrase", countryCode: "FR", stakeholderGroupId: 1,
      organisation: null, respondsFor: "individual", gender: "prefer-not-to-say", ageBand: "prefer-not-to-say", language: "en", pseudonymous: false,
    });
    const meeting = createMeeting(db, consultation.id, secretariat.id, { channel: "regional-consultation", title: "Africa consultation", location: "Nairobi", region: "africa", heldOn: "2026-03-04" });
    const submissionId = randomUUID();
    const input = {
      nodeId, versionId: version.id, stance: "concern" as const, body: "Rural schools.", proposedText: null, authorName: "Youth Network",
      countryCode: null, region: "africa" as const, electoralGroup: "V(a)" as const, stakeholderGroupId: 9, peopleRepresented: 40, language: "fr" as const, submissionId,
    };
    const first = recordMeetingComment(db, meeting, secretariat.id, input);
    expect(recordMeetingComment(db, meeting, secretariat.id, input).id).toBe(first.id);
    expect(first).toMatchObject({ channel: "regional-consultation", meetingId: meeting.id, recordedById: secretariat.id, authorId: null, authorGender: null });

    const [thread] = commentThreads(db, consultation.id, nodeId, null, "Participant");
    expect(thread).toMatchObject({
      author: "Youth Network · Youth organisation",
      channel: "regional-consultation",
      meeting: { title: "Africa consultation", region: "africa", location: "Nairobi", heldOn: "2026-03-04" },
      peopleRepresented: 40,
    });
    expect(listMeetings(db, consultation.id).map((m) => [m.title, m.comments, m.people])).toEqual([["Africa consultation", 1, 40]]);
  });
});
