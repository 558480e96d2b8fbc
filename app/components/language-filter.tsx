import { useT } from "~/i18n/i18n-context";
import { languages } from "../../db/enums";
import { Options } from "./form-field";

/** A GET form narrowing the comments listed or counted to one language (works without scripts). */
export function LanguageFilter({ label, value }: { label: string; value: string | null }) {
  const t = useT();
  return (
    <form method="get" className="filters" aria-label={label}>
      <div className="field">
        <label htmlFor="language-filter">{label}</label>
        <select id="language-filter" name="language" defaultValue={value ?? ""}>
          <Options empty={t("consultation.anyLanguage")} options={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
        </select>
      </div>
      <div className="field">
        <button type="submit">{t("admin.filter")}</button>
      </div>
    </form>
  );
}
