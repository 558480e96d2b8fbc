import { useEffect, useState } from "react";
import { Field } from "./form-field";
import { useT } from "~/i18n/i18n-context";

/**
 * The 195 countries in a native select (works without JavaScript, and browsers already jump to a
 * country as you type its name); with JavaScript a filter box narrows the list.
 */
export function CountrySelect({
  countries,
  defaultValue,
  error,
}: {
  countries: { code: string; name: string }[];
  defaultValue?: string;
  error?: string;
}) {
  const t = useT();
  const [filter, setFilter] = useState("");
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const needle = filter.trim().toLocaleLowerCase();
  const shown = needle ? countries.filter((c) => c.name.toLocaleLowerCase().includes(needle) || c.code === defaultValue) : countries;
  return (
    <>
      {hydrated ? (
        <div className="field">
          <label htmlFor="country-filter">{t("field.country.filter")}</label>
          <input id="country-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
      ) : null}
      <Field name="countryCode" label={t("field.country")} hint={t("field.country.hint")} error={error}>
        <select required defaultValue={defaultValue ?? ""}>
          <option value="">{t("field.country.choose")}</option>
          {shown.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
