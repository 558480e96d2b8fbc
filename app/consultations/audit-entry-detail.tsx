import { Fragment } from "react";
import { z } from "zod";
import { ZonedTime } from "~/components/local-date";
import { useLocale, useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";

/** The settings a "Settings changed" entry names, by the consultations row's column. */
const FIELD_LABELS: Record<string, MessageKey> = {
  slug: "consultations.field.slug",
  title: "consultations.field.title",
  description: "consultations.field.description",
  callToParticipate: "consultations.field.call",
  language: "consultations.field.language",
  translations: "consultations.log.field.translations",
  timeZone: "consultations.field.timeZone",
  opensAt: "consultations.field.opensAt",
  closesAt: "consultations.field.closesAt",
  commenterGroupIds: "consultations.audience",
};

// What logEvent stored (consultations.server.ts); entries from before a key existed lack it.
const detailSchema = z
  .object({
    fields: z.array(z.string()).optional(),
    opensAt: z.iso.datetime().nullable().optional(),
    closesAt: z.iso.datetime().nullable().optional(),
  })
  .catch({});

function parseDetail(detail: string | null) {
  try {
    return detailSchema.parse(JSON.parse(detail ?? "{}"));
  } catch {
    return {};
  }
}

const SLOT = "\uE000";

/** "New closing: {date}" with the date in the consultation's own zone, named. */
function WithZonedDate({ message, iso, timeZone }: { message: (date: string) => string; iso: string; timeZone: string }) {
  const parts = message(SLOT).split(SLOT);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <ZonedTime iso={iso} timeZone={timeZone} /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}

/**
 * What an audit-log entry changed: the settings an edit touched, the opening or closing it set (in
 * the consultation's zone, as the secretariat entered it).
 */
export function AuditEntryDetail({ kind, detail, timeZone }: { kind: string; detail: string | null; timeZone: string }) {
  const t = useT();
  const locale = useLocale();
  const parsed = parseDetail(detail);
  const parts: React.ReactNode[] = [];
  if (kind === "edited" && parsed.fields && parsed.fields.length > 0) {
    const labels = parsed.fields.map((f) => (FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f));
    parts.push(t("consultations.log.changed", { fields: new Intl.ListFormat(locale, { type: "conjunction" }).format(labels) }));
  }
  const showDates = kind === "edited" || kind === "extended" || kind === "reopened" || kind === "round-opened";
  if (showDates && kind === "edited" && parsed.opensAt !== undefined) {
    parts.push(
      parsed.opensAt ? (
        <WithZonedDate message={(date) => t("consultations.log.opening", { date })} iso={parsed.opensAt} timeZone={timeZone} />
      ) : (
        t("consultations.log.noOpening")
      ),
    );
  }
  if (showDates && parsed.closesAt !== undefined) {
    parts.push(
      parsed.closesAt ? (
        <WithZonedDate message={(date) => t("consultations.log.closing", { date })} iso={parsed.closesAt} timeZone={timeZone} />
      ) : (
        t("consultations.log.noClosing")
      ),
    );
  }
  if (parts.length === 0) return null;
  return (
    <span className="audit-detail">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {" — "}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
