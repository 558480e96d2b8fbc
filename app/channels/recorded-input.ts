/**
 * Input the secretariat records on behalf of others (a meeting's participants, the authors of
 * written submissions): the meeting form, the comment form, and where such input comes from. The
 * schemas' messages are translation keys, shown next to their fields.
 */
import { z } from "zod";
import {
  languages,
  meetingChannels,
  stances,
  unescoRegions,
  type ElectoralGroup,
  type UnescoRegion,
} from "../../db/enums";
import { electoralGroupOfRegion, findCountry, type Country } from "../accounts/countries";
import { MAX_COMMENT_LENGTH } from "../comments/comment-text";
import { controlCharacterError, hasNoControlCharacters } from "../comments/control-characters";

export const MAX_AUTHOR_LENGTH = 200;
export const MAX_PEOPLE_REPRESENTED = 10_000_000;

export interface Origin {
  countryCode: string | null;
  region: UnescoRegion;
  electoralGroup: ElectoralGroup | null;
}

/**
 * Where input comes from, for aggregation: a country gives its region and electoral group; a
 * region alone gives its electoral group when the region has only one (never a guess).
 */
export function resolveOrigin(country: Country | null, region: UnescoRegion | null): Origin | "origin.required" | "origin.mismatch" {
  if (country) {
    if (region && region !== country.region) return "origin.mismatch";
    return { countryCode: country.code, region: country.region, electoralGroup: country.group };
  }
  if (!region) return "origin.required";
  return { countryCode: null, region, electoralGroup: electoralGroupOfRegion(region) };
}

/** A calendar date written YYYY-MM-DD that exists (no 30 February). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const optionalText = (max: number, error: string) =>
  z
    .string()
    .trim()
    .max(max, { error })
    .refine(hasNoControlCharacters, controlCharacterError)
    .optional()
    .transform((v) => (v ? v : null));

export const meetingSchema = z.object({
  channel: z.enum(meetingChannels, { error: "meeting.channel.required" }),
  title: z.string({ error: "meeting.title.required" }).trim().min(3, { error: "meeting.title.required" }).max(200, { error: "meeting.title.required" }).refine(hasNoControlCharacters, controlCharacterError),
  location: optionalText(200, "meeting.location.tooLong"),
  region: z
    .union([z.enum(unescoRegions), z.literal("")], { error: "meeting.region.invalid" })
    .optional()
    .transform((v) => (v ? v : null)),
  heldOn: z.string({ error: "meeting.heldOn.invalid" }).trim().refine(isCalendarDate, { error: "meeting.heldOn.invalid" }),
});
export type MeetingInput = z.infer<typeof meetingSchema>;

/** A comment recorded on behalf of a meeting's participants; `paragraph` is a label, "" for the whole draft. */
export const recordedCommentSchema = z
  .object({
    paragraph: z.string().trim().max(60).default(""),
    stance: z.enum(stances, { error: "recorded.stance.required" }),
    body: z
      .string({ error: "comment.body.required" })
      .trim()
      .min(1, { error: "comment.body.required" })
      .max(MAX_COMMENT_LENGTH, { error: "comment.body.tooLong" })
      .refine(hasNoControlCharacters, controlCharacterError),
    proposedText: optionalText(MAX_COMMENT_LENGTH, "comment.body.tooLong"),
    authorName: z
      .string({ error: "recorded.authorName.required" })
      .trim()
      .min(2, { error: "recorded.authorName.required" })
      .max(MAX_AUTHOR_LENGTH, { error: "recorded.authorName.required" })
      .refine(hasNoControlCharacters, controlCharacterError),
    region: z
      .union([z.enum(unescoRegions), z.literal("")], { error: "recorded.region.required" })
      .optional()
      .transform((v) => (v ? v : null)),
    countryCode: z
      .string()
      .trim()
      .optional()
      .refine((code) => !code || findCountry(code) !== undefined, { error: "field.country.required" })
      .transform((code) => (code ? findCountry(code)! : null)),
    stakeholderGroupId: z.coerce.number({ error: "recorded.stakeholderGroup.required" }).int().positive({ error: "recorded.stakeholderGroup.required" }),
    peopleRepresented: z.coerce
      .number({ error: "recorded.people.invalid" })
      .int({ error: "recorded.people.invalid" })
      .min(1, { error: "recorded.people.invalid" })
      .max(MAX_PEOPLE_REPRESENTED, { error: "recorded.people.invalid" }),
    language: z.enum(languages).catch("en"),
    submissionId: z.uuid({ error: "comment.resubmit" }),
  })
  .superRefine((c, ctx) => {
    if (c.stance === "amendment" && !c.proposedText) ctx.addIssue({ code: "custom", message: "comment.proposedText.required", path: ["proposedText"] });
    const origin = resolveOrigin(c.countryCode, c.region);
    if (origin === "origin.required") ctx.addIssue({ code: "custom", message: "recorded.region.required", path: ["region"] });
    if (origin === "origin.mismatch") ctx.addIssue({ code: "custom", message: "recorded.region.mismatch", path: ["countryCode"] });
  });
export type RecordedCommentInput = z.infer<typeof recordedCommentSchema>;
