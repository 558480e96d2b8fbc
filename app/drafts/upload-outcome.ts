import { z } from "zod";
import { languages } from "../../db/enums";
import type { MessageKey } from "../i18n/messages.en";

export interface UploadOutcome {
  key: MessageKey;
  values: Record<string, string | number>;
  /** A new version was published: worth a link to read it. */
  published: boolean;
}

/** What the address says an upload just did (after the redirect of a confirmed or discarded preview). */
export function uploadOutcome(searchParams: URLSearchParams): UploadOutcome | null {
  const version = z.coerce.number().int().positive().safeParse(searchParams.get("version"));
  const translation = z.enum(languages).safeParse(searchParams.get("translation"));
  if (translation.success && version.success) {
    const aligned = z.coerce.number().int().min(0).catch(0).parse(searchParams.get("aligned"));
    return { key: "draftUpload.stored.translation", values: { language: translation.data, number: version.data, aligned }, published: false };
  }
  if (version.success) return { key: "draftUpload.stored.version", values: { number: version.data }, published: true };
  if (searchParams.get("discarded") === "1") return { key: "draftUpload.discarded", values: {}, published: false };
  return null;
}
