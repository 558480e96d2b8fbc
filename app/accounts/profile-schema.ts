/**
 * What a registration (and a profile edit) must contain, as zod schemas whose messages are
 * translation keys: the page shows each problem next to its field.
 */
import { z } from "zod";
import { ageBands, genders, languages } from "../../db/schema";
import { en } from "../i18n/messages.en";
import { countryByCode } from "./countries";
import { controlCharacterError, hasNoControlCharacters } from "../comments/control-characters";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const profileFields = {
  displayName: z.string({ error: "field.displayName.invalid" }).trim().min(2, { error: "field.displayName.invalid" }).max(80, { error: "field.displayName.invalid" }).refine(hasNoControlCharacters, controlCharacterError),
  countryCode: z
    .string({ error: "field.country.required" })
    .trim()
    .min(1, { error: "field.country.required" })
    .refine((code) => countryByCode(code) !== undefined, { error: "field.country.required" })
    .transform((code) => code.toUpperCase()),
  stakeholderGroupId: z.coerce.number({ error: "field.stakeholderGroup.required" }).int().positive({ error: "field.stakeholderGroup.required" }),
  organisation: z.string().trim().max(200, { error: "field.organisation.tooLong" }).refine(hasNoControlCharacters, controlCharacterError).optional().transform((v) => (v ? v : null)),
  respondsFor: z.enum(["individual", "organisation"], { error: "field.respondsFor.required" }).default("individual"),
  gender: z.enum(genders).catch("prefer-not-to-say"),
  ageBand: z.enum(ageBands).catch("prefer-not-to-say"),
  language: z.enum(languages).catch("en"),
  pseudonymous: checkbox,
};

export const registrationSchema = z
  .object({
    ...profileFields,
    email: z.string({ error: "field.email.invalid" }).trim().toLowerCase().pipe(z.email({ error: "field.email.invalid" })).refine((e) => e.length <= 254, { error: "field.email.invalid" }),
    password: z.string({ error: "password.tooShort" }),
    consent: z.literal("on", { error: "field.consent.required" }),
    // A field people never see: bots fill it in.
    website: z.string().max(0, { error: "field.honeypot" }).optional(),
  })
  .refine((v) => v.respondsFor !== "organisation" || (v.organisation ?? "") !== "", {
    error: "field.organisation.requiredWhenOnBehalf",
    path: ["organisation"],
  });

export type RegistrationInput = z.infer<typeof registrationSchema>;

/**
 * Field → message key, the first problem of each field. A problem without a message of ours (a
 * field missing from a hand-made request) gets the generic one, never an untranslated text.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message in en ? issue.message : "field.invalid";
  }
  return errors;
}
