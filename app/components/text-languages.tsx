import { Link } from "@remix-run/react";
import { useT } from "~/i18n/i18n-context";
import type { Language } from "../../db/enums";

/** The languages the draft's text can be read in; the comments stay where they are. */
export function TextLanguages({ text, path }: { text: { language: Language; original: Language; available: Language[] }; path: string }) {
  const t = useT();
  if (text.available.length < 2) return null;
  return (
    <nav className="text-languages" aria-labelledby="text-languages-title">
      <span id="text-languages-title">{t("consultation.textIn")}</span>
      <ul>
        {text.available.map((l) => (
          <li key={l}>
            <Link to={`${path}?text=${l}`} lang={l} hrefLang={l} aria-current={l === text.language ? "true" : undefined}>
              {l === text.original ? t("consultation.originalText", { language: t(`language.${l}`) }) : t(`language.${l}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
