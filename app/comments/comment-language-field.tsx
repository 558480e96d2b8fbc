import { useRef, useState, type ChangeEvent } from "react";
import { Field } from "~/components/form-field";
import { useLocale, useT } from "~/i18n/i18n-context";
import { isLocale } from "~/i18n/translate";
import { languages, type Language } from "../../db/enums";
import { detectLanguage } from "./detect-language";

/**
 * The language of a comment being written: the page's language at first (all a page without
 * scripts can offer), then the language detected in the text as it is typed — until the writer
 * picks one, which is then kept.
 */
export function useLanguageGuess(initial?: string) {
  const locale = useLocale();
  const [language, setLanguage] = useState<Language>(isLocale(initial) ? initial : locale);
  const chosen = useRef(isLocale(initial));
  return {
    language,
    onText(event: ChangeEvent<HTMLTextAreaElement>) {
      if (chosen.current) return;
      const guess = detectLanguage(event.target.value);
      if (guess) setLanguage(guess);
    },
    onChoose(event: ChangeEvent<HTMLSelectElement>) {
      chosen.current = true;
      if (isLocale(event.target.value)) setLanguage(event.target.value);
    },
  };
}

export function CommentLanguageField({ id, guess }: { id?: string; guess: ReturnType<typeof useLanguageGuess> }) {
  const t = useT();
  return (
    <Field name="language" id={id} label={t("comment.language")} hint={t("comment.language.hint")}>
      <select value={guess.language} onChange={guess.onChoose}>
        {languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}
