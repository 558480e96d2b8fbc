import { Link } from "@remix-run/react";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import type { Language } from "../../db/enums";

export interface DraftUploadOverviewProps {
  current: { number: number; language: Language } | null;
  translations: Language[];
  pending: { href: string; fileName: string; translationLanguage: Language | null }[];
  /** 2 on a page of its own sections, 3 inside the admin page's "Text" section. */
  headingLevel?: 2 | 3;
}

/**
 * The stored translations of the current version and the user's previews still in progress, with
 * links to resume them: shown on the upload page and on the consultation's admin page.
 */
export function DraftUploadOverview({ current, translations, pending, headingLevel = 2 }: DraftUploadOverviewProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const t = useT();
  const language = (l: Language) => t(`language.${l}` as MessageKey);
  return (
    <>
      {current && translations.length > 0 ? (
        <p>{t("draftUpload.translations", { number: current.number, languages: translations.map(language).join(", ") })}</p>
      ) : null}
      {pending.length > 0 ? (
        <section aria-labelledby="pending-previews-title">
          <Heading id="pending-previews-title">{t("draftUpload.pending.title")}</Heading>
          <ul>
            {pending.map((p) => (
              <li key={p.href}>
                <Link to={p.href} dir="auto">
                  {t("draftUpload.pending.resume", { fileName: p.fileName })}
                </Link>{" "}
                (
                {p.translationLanguage
                  ? t("draftUpload.target.translation", { language: language(p.translationLanguage), number: current?.number ?? 0 })
                  : t("draftUpload.target.next", { number: (current?.number ?? 0) + 1 })}
                )
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
