import { useActionData } from "@remix-run/react";
import { cloneElement, type ReactElement } from "react";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";

/**
 * A labelled form control with its hint and its error, wired for assistive technology: the control
 * gets the id, aria-describedby and aria-invalid; the error is a translation key from the action.
 */
export function Field({
  name,
  label,
  hint,
  error,
  optional,
  id: idOverride,
  children,
}: {
  name: string;
  /** When several forms on a page have a field of the same name. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  children: ReactElement<Record<string, unknown>>;
}) {
  const t = useT();
  const id = idOverride ?? `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> ({t("form.optional")})</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {cloneElement(children, { id, name, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {t(error as MessageKey)}
        </p>
      ) : null}
    </div>
  );
}

/** "Please correct 2 problems below", announced and focusable after a failed submit. */
export function ErrorSummary({ errors }: { errors: Record<string, string> | undefined }) {
  const t = useT();
  const count = errors ? Object.keys(errors).length : 0;
  if (count === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <p>{t("form.errorSummary", { count })}</p>
      <ul>
        {Object.entries(errors!).map(([field, key]) => (
          <li key={field}>
            <a href={`#field-${field}`}>{t(key as MessageKey)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface FormResult {
  errors: Record<string, string>;
  values: Record<string, string>;
  done?: string;
}

/** The last submission's field errors, kept values and outcome (see account-forms.server.ts). */
export function useFormResult(): FormResult {
  const result = useActionData() as Partial<FormResult> | undefined;
  return { errors: result?.errors ?? {}, values: result?.values ?? {}, done: result?.done };
}

/** A select from a list of options, with an optional first "any"/"choose" entry (empty value). */
export function Options({
  options,
  empty,
}: {
  options: readonly { value: string | number; label: string }[];
  empty?: string;
}) {
  return (
    <>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
