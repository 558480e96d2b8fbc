import { data } from "@remix-run/node";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { anonymous, can, type Actor } from "../auth/permissions";
import { translatableError } from "../i18n/error-message";
import type { MessageKey } from "../i18n/messages.en";
import { isLocale } from "../i18n/translate";
import type { Language } from "../../db/enums";
import { currentVersion, getConsultationBySlug, getOutline, getOutlineNode } from "./drafts.server";
import { translateOutline, versionLanguages } from "./translations.server";
import { effectiveStatus } from "../consultations/lifecycle";
import { localizedTexts } from "../consultations/consultation-texts";

const slugParam = z.string().regex(/^[a-z0-9-]{1,100}$/);
export const labelParam = z.string().min(1).max(60);

function notFound(key: MessageKey, values: Record<string, string>): never {
  throw data(translatableError(key, values), { status: 404 });
}

/**
 * Everything a reading page needs about one consultation, or a 404 that says what was not found.
 * Consultations the actor may not read answer 404 too, so their existence does not leak.
 */
export function loadReadableDraft(
  db: Db,
  slug: string | undefined,
  actor: Actor = anonymous,
  /** The language the reader asked the text in (`?text=`), else the page's language, when available. */
  textLanguage: { asked?: string | null; fallback?: Language } = {},
) {
  const parsed = slugParam.safeParse(slug);
  const consultation = parsed.success ? getConsultationBySlug(db, parsed.data) : undefined;
  if (!consultation || !can(actor, { action: "consultation.read", consultation })) {
    notFound("error.consultationNotFound", { slug: String(slug ?? "").slice(0, 100) });
  }
  const version = currentVersion(db, consultation.id);
  const original = version ? getOutline(db, version.id) : [];
  const languages = version ? versionLanguages(db, version.id) : { original: "en" as const, available: ["en" as const] };
  const wanted = [textLanguage.asked, textLanguage.fallback].find((l): l is Language => isLocale(l) && languages.available.includes(l));
  const language = wanted ?? languages.original;
  const nodes = version && language !== languages.original ? translateOutline(db, version.id, original, language) : original;
  const texts = localizedTexts(consultation, textLanguage.fallback);
  return {
    consultation: {
      id: consultation.id,
      slug: consultation.slug,
      title: texts.title,
      description: texts.description,
      callToParticipate: texts.callToParticipate,
      textsLanguage: texts.language,
      // The state the reader is in now, by the clock (app/consultations/lifecycle.ts).
      status: effectiveStatus(consultation, new Date()),
      opensAt: consultation.opensAt?.toISOString() ?? null,
      closesAt: consultation.closesAt?.toISOString() ?? null,
      timeZone: consultation.timeZone,
      round: consultation.round,
    },
    /** What permission checks need (the stored status and schedule); not for the page. */
    ref: consultation,
    version: version ? { number: version.number, title: version.title } : null,
    nodes,
    text: { language, ...languages },
  };
}

/**
 * The consultation and the one paragraph of its current version that a form was sent about, with
 * the same 404s as the page. A comment needs only its paragraph: reading the whole outline (239
 * nodes with their texts for the UNESCO draft) was a tenth of a comment's cost on the closing day.
 */
export function loadParagraphForForm(db: Db, slug: string | undefined, label: string | undefined, actor: Actor = anonymous) {
  const parsed = slugParam.safeParse(slug);
  const consultation = parsed.success ? getConsultationBySlug(db, parsed.data) : undefined;
  if (!consultation || !can(actor, { action: "consultation.read", consultation })) {
    notFound("error.consultationNotFound", { slug: String(slug ?? "").slice(0, 100) });
  }
  const version = currentVersion(db, consultation.id);
  const wanted = labelParam.safeParse(label);
  const node = version && wanted.success ? getOutlineNode(db, version.id, wanted.data) : undefined;
  if (!node || node.label === null) paragraphNotFound(String(label ?? ""));
  return { consultation, node: { nodeId: node.nodeId, label: node.label, text: node.text } };
}

export function paragraphNotFound(label: string): never {
  notFound("error.paragraphNotFound", { label: label.slice(0, 60) });
}
