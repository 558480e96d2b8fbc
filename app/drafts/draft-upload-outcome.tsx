import { useSearchParams } from "@remix-run/react";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { uploadOutcome } from "./upload-outcome";

/**
 * The confirmation of a confirmed or discarded upload, read from the address it redirected to: shown
 * on the consultation's admin page (where the next step, scheduling the opening, is) and on the upload page.
 */
export function DraftUploadOutcome({ slug }: { slug: string }) {
  const [searchParams] = useSearchParams();
  const t = useT();
  const outcome = uploadOutcome(searchParams);
  if (!outcome) return null;
  const values = typeof outcome.values.language === "string" ? { ...outcome.values, language: t(`language.${outcome.values.language}` as MessageKey) } : outcome.values;
  return (
    <p className="notice" role="status">
      {t(outcome.key, values)} {outcome.published ? <a href={`/c/${slug}`}>{t("draftUpload.stored.read")}</a> : null}
    </p>
  );
}
