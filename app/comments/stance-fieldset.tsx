import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import { stances } from "../../db/enums";

/** The stance of a comment as radio buttons, with its error (the error summary links to it). */
export function StanceFieldset({ legend, value, error }: { legend: string; value?: string; error?: string }) {
  const t = useT();
  return (
    <fieldset className={`field${error ? " field--invalid" : ""}`} id="field-stance">
      <legend>{legend}</legend>
      {stances.map((s) => (
        <label key={s} className="choice">
          <input type="radio" name="stance" value={s} defaultChecked={value === s} /> {t(`stance.${s}`)}
        </label>
      ))}
      {error ? <p className="field__error">{t(error as MessageKey)}</p> : null}
    </fieldset>
  );
}
