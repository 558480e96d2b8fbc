import { data } from "@remix-run/node";
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { anonymous, can, type Actor } from "../auth/permissions";
import { translatableError } from "../i18n/error-message";
import type { MessageKey } from "../i18n/messages.en";
import { currentVersion, getConsultationBySlug, getOutline } from "./drafts.server";

const slugParam = z.string().regex(/^[a-z0-9-]{1,100}$/);
export const labelParam = z.string().min(1).max(60);

function notFound(key: MessageKey, values: Record<string, string>): never {
  throw data(translatableError(key, values), { status: 404 });
}

/**
 * Everything a reading page needs about one consultation, or a 404 that says what was not found.
 * Consultations the actor may not read answer 404 too, so their existence does not leak.
 */
export function loadReadableDraft(db: Db, slug: string | undefined, actor: Actor = anonymous) {
  const parsed = slugParam.safeParse(slug);
  const consultation = parsed.success ? getConsultationBySlug(db, parsed.data) : undefined;
  if (!consultation || !can(actor, { action: "consultation.read", consultation })) {
    notFound("error.consultationNotFound", { slug: String(slug ?? "").slice(0, 100) });
  }
  const version = currentVersion(db, consultation.id);
  const nodes = version ? getOutline(db, version.id) : [];
  return {
    consultation: {
      id: consultation.id,
      slug: consultation.slug,
      title: consultation.title,
      description: consultation.description,
      status: consultation.status,
      opensAt: consultation.opensAt?.toISOString() ?? null,
      closesAt: consultation.closesAt?.toISOString() ?? null,
    },
    version: version ? { number: version.number, title: version.title } : null,
    nodes,
  };
}

export function paragraphNotFound(label: string): never {
  notFound("error.paragraphNotFound", { label: label.slice(0, 60) });
}
