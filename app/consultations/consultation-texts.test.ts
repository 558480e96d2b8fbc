import { describe, expect, it } from "vitest";
import { localizedTexts } from "./consultation-texts";

const consultation = {
  title: "Ocean science decade",
  description: "Comment on the draft.",
  callToParticipate: "Governments and civil society are invited.",
  language: "en" as const,
  translations: JSON.stringify({ fr: { title: "Décennie des sciences océaniques", description: "Commentez le projet.", callToParticipate: "" } }),
};

describe("a consultation's texts in the reader's language", () => {
  it("gives a reader their language where the secretariat wrote it, field by field", () => {
    expect(localizedTexts(consultation, "fr")).toEqual({
      title: "Décennie des sciences océaniques",
      description: "Commentez le projet.",
      // Not translated: the original.
      callToParticipate: "Governments and civil society are invited.",
      language: "fr",
    });
  });

  it("gives the original to a reader whose language has no translation", () => {
    expect(localizedTexts(consultation, "ar")).toMatchObject({ title: "Ocean science decade", language: "en" });
    expect(localizedTexts(consultation, undefined)).toMatchObject({ title: "Ocean science decade", language: "en" });
  });

  it("ignores stored translations that do not parse", () => {
    expect(localizedTexts({ ...consultation, translations: "{not json" }, "fr")).toMatchObject({ title: "Ocean science decade" });
    expect(localizedTexts({ ...consultation, translations: JSON.stringify({ xx: { title: 1 } }) }, "fr")).toMatchObject({ title: "Ocean science decade" });
  });
});
