import { Form } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/form-field";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import type { Language } from "../../db/enums";

interface Props {
  values: Record<string, string>;
  errors: Record<string, string>;
  groups: { id: number; name: string }[];
  timeZones: string[];
  languages: Language[];
  /** Open or closed: the slug and the dates are no longer edited here. */
  running?: boolean;
  /** A new consultation: its address may be left empty (made from the title). */
  creating?: boolean;
  submitLabel: string;
}

/**
 * The settings of a consultation, new or existing: a plain form (works without JavaScript); field
 * errors come back from the server with what was typed.
 */
export function ConsultationForm({ values, errors, groups, timeZones, languages, running = false, creating = false, submitLabel }: Props) {
  const t = useT();
  const chosenGroups = new Set((values.groups ?? "").split(",").filter(Boolean));
  const original = (values.language ?? "en") as Language;
  return (
    <Form method="post" className="form" noValidate aria-labelledby="consultation-settings-title">
      <h2 id="consultation-settings-title">{t("consultations.settings")}</h2>
      <ErrorSummary errors={errors} />
      <input type="hidden" name="intent" value="save" />
      <Field name="title" label={t("consultations.field.title")} error={errors.title}>
        <input type="text" required maxLength={200} defaultValue={values.title} dir="auto" />
      </Field>
      <Field
        name="slug"
        label={t("consultations.field.slug")}
        hint={t(running ? "consultations.field.slug.permanent" : creating ? "consultations.field.slug.hintNew" : "consultations.field.slug.hint")}
        error={errors.slug}
        optional={creating}
      >
        <input type="text" required={!creating} maxLength={80} pattern="[a-z0-9\-]+" defaultValue={values.slug} readOnly={running} autoCapitalize="none" spellCheck={false} />
      </Field>
      <Field name="description" label={t("consultations.field.description")} error={errors.description} optional>
        <textarea rows={4} maxLength={4000} defaultValue={values.description} dir="auto" />
      </Field>
      <Field name="callToParticipate" label={t("consultations.field.call")} hint={t("consultations.field.call.hint")} error={errors.callToParticipate} optional>
        <textarea rows={3} maxLength={4000} defaultValue={values.callToParticipate} dir="auto" />
      </Field>
      <Field name="language" label={t("consultations.field.language")} hint={t("consultations.field.language.hint")} error={errors.language}>
        <select defaultValue={original}>
          {languages.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      </Field>
      <details className="translations" open={languages.some((l) => errors[`title.${l}`] !== undefined)}>
        <summary>{t("consultations.translations")}</summary>
        <p className="field__hint">{t("consultations.translations.hint")}</p>
        {languages.filter((l) => l !== original).map((l) => (
          <fieldset key={l} lang={l}>
            <legend>{t(`language.${l}`)}</legend>
            <Field name={`title.${l}`} label={t("consultations.field.title")} error={errors[`title.${l}`]} optional>
              <input type="text" maxLength={200} defaultValue={values[`title.${l}`]} dir="auto" />
            </Field>
            <Field name={`description.${l}`} label={t("consultations.field.description")} optional>
              <textarea rows={3} maxLength={4000} defaultValue={values[`description.${l}`]} dir="auto" />
            </Field>
            <Field name={`callToParticipate.${l}`} label={t("consultations.field.call")} optional>
              <textarea rows={2} maxLength={4000} defaultValue={values[`callToParticipate.${l}`]} dir="auto" />
            </Field>
          </fieldset>
        ))}
      </details>
      <fieldset>
        <legend>{t("consultations.schedule")}</legend>
        {running ? <p className="field__hint">{t("consultations.schedule.running")}</p> : null}
        <Field name="timeZone" label={t("consultations.field.timeZone")} hint={t("consultations.field.timeZone.hint")} error={errors.timeZone}>
          <select defaultValue={values.timeZone ?? "UTC"}>
            {timeZones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
              </option>
            ))}
          </select>
        </Field>
        <Field name="opensAt" label={t("consultations.field.opensAt")} hint={t("consultations.field.dateHint")} error={errors.opensAt} optional>
          <input type="datetime-local" step={1} defaultValue={values.opensAt} readOnly={running} />
        </Field>
        <Field name="closesAt" label={t("consultations.field.closesAt")} hint={t("consultations.field.dateHint")} error={errors.closesAt} optional>
          <input type="datetime-local" step={1} defaultValue={values.closesAt} readOnly={running} />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t("consultations.audience")}</legend>
        <div className="choice">
          <input type="radio" id="audience-everyone" name="audience" value="everyone" defaultChecked={values.audience !== "groups"} />
          <label htmlFor="audience-everyone">{t("consultations.audience.everyone")}</label>
        </div>
        <div className="choice">
          <input type="radio" id="audience-groups" name="audience" value="groups" defaultChecked={values.audience === "groups"} />
          <label htmlFor="audience-groups">{t("consultations.audience.groups")}</label>
        </div>
        {/* The groups belong to the choice above them: grouped and indented under it. */}
        <fieldset className="choice__nested" id="field-groups" aria-describedby={errors.groups ? "field-groups-error" : undefined}>
          <legend>{t("consultations.audience.groupsLegend")}</legend>
          <ul className="plain-list">
            {groups.map((g) => (
              <li key={g.id} className="choice">
                <input type="checkbox" id={`group-${g.id}`} name="groups" value={g.id} defaultChecked={chosenGroups.has(String(g.id))} />
                <label htmlFor={`group-${g.id}`}>{g.name}</label>
              </li>
            ))}
          </ul>
          {errors.groups ? (
            <p id="field-groups-error" className="field__error">
              {t(errors.groups as MessageKey)}
            </p>
          ) : null}
        </fieldset>
      </fieldset>
      <button type="submit">{submitLabel}</button>
    </Form>
  );
}
