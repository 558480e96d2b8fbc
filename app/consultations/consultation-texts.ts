/**
 * A consultation's title, description and call to participate in the reader's language: the
 * secretariat writes them in one language and may add any of the six UI languages; a reader gets
 * theirs, else the original.
 */
import { z } from "zod";
import { languages, type Language } from "../../db/enums";

export const consultationTextFields = ["title", "description", "callToParticipate"] as const;
export type ConsultationTexts = { title: string; description: string; callToParticipate: string };

const textsSchema = z.object({ title: z.string(), description: z.string(), callToParticipate: z.string() }).partial();
export const translationsSchema = z.partialRecord(z.enum(languages), textsSchema);
export type ConsultationTranslations = z.infer<typeof translationsSchema>;

export function parseTranslations(json: string): ConsultationTranslations {
  try {
    const parsed = translationsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The texts a reader of `locale` gets, field by field: their language's when written, else the original. */
export function localizedTexts(
  c: ConsultationTexts & { language: Language; translations: string },
  locale: string | undefined,
): ConsultationTexts & { language: Language } {
  const original = { title: c.title, description: c.description, callToParticipate: c.callToParticipate };
  if (!locale || locale === c.language) return { ...original, language: c.language };
  const theirs = parseTranslations(c.translations)[locale as Language];
  if (!theirs?.title) return { ...original, language: c.language };
  return {
    title: theirs.title,
    description: theirs.description || original.description,
    callToParticipate: theirs.callToParticipate || original.callToParticipate,
    language: locale as Language,
  };
}
