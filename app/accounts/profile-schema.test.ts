import { describe, expect, it } from "vitest";
import { passwordProblem } from "../auth/password.server";
import { fieldErrors, registrationSchema } from "./profile-schema";

const valid = {
  displayName: "Achieng Otieno",
  email: " Achieng@Example.org ",
  password: "a long and personal passphrase",
  countryCode: "ke",
  stakeholderGroupId: "9",
  organisation: "",
  respondsFor: "individual",
  gender: "woman",
  ageBand: "18-24",
  language: "fr",
  consent: "on",
  website: "",
};

describe("registration validation", () => {
  it("accepts a complete form and normalises it", () => {
    const result = registrationSchema.parse(valid);
    expect(result).toMatchObject({ email: "achieng@example.org", countryCode: "KE", stakeholderGroupId: 9, organisation: null, pseudonymous: false });
  });

  it("names each problem by field, as a message key", () => {
    const result = registrationSchema.safeParse({ ...valid, displayName: "A", email: "not-an-email", countryCode: "XX", consent: undefined, website: "http://spam.example" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      displayName: "field.displayName.invalid",
      email: "field.email.invalid",
      countryCode: "field.country.required",
      consent: "field.consent.required",
      website: "field.honeypot",
    });
  });

  it("asks for the organisation of someone responding on its behalf", () => {
    const result = registrationSchema.safeParse({ ...valid, respondsFor: "organisation", organisation: " " });
    expect(fieldErrors(result.error!)).toEqual({ organisation: "field.organisation.requiredWhenOnBehalf" });
  });

  it("falls back to 'prefer not to say' for unknown optional answers", () => {
    expect(registrationSchema.parse({ ...valid, gender: "robot", ageBand: "ancient" })).toMatchObject({
      gender: "prefer-not-to-say",
      ageBand: "prefer-not-to-say",
    });
  });
});

describe("password rules", () => {
  it("refuses short, common and e-mail-based passwords, accepts a passphrase", () => {
    expect(passwordProblem("short")).toBe("password.tooShort");
    expect(passwordProblem("password123")).toBe("password.common");
    expect(passwordProblem("qwertyuiop")).toBe("password.common");
    expect(passwordProblem("achieng-otieno-2026", "achieng-otieno@example.org")).toBe("password.containsEmail");
    expect(passwordProblem("x".repeat(257))).toBe("password.tooLong");
    expect(passwordProblem("a long and personal passphrase", "achieng@example.org")).toBeNull();
  });
});
