import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { COUNTRIES } from "~/accounts/countries";
import { submitRegistration } from "~/accounts/account-forms.server";
import { listStakeholderGroups } from "~/accounts/users.server";
import { getSignedInUser } from "~/auth/session.server";
import { CountrySelect } from "~/components/country-select";
import { ErrorSummary, Field, Options, useFormResult } from "~/components/form-field";
import { ageBands, genders, languages } from "../../db/enums";
import { useLocale, useT } from "~/i18n/i18n-context";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("register.title")} · Redraft` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getSignedInUser(request, context.db, context.config)) throw redirect("/account");
  return {
    countries: COUNTRIES.map((c) => ({ code: c.code, name: c.name })),
    groups: listStakeholderGroups(context.db).map((g) => ({ id: g.id, name: g.name })),
  };
}

export function action({ request, context }: ActionFunctionArgs) {
  return submitRegistration(request, context);
}

export default function RegisterPage() {
  const { countries, groups } = useLoaderData<typeof loader>();
  const { errors, values } = useFormResult();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="page">
      <h1>{t("register.title")}</h1>
      <p>{t("register.intro")}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field name="displayName" label={t("field.displayName")} error={errors.displayName}>
          <input type="text" autoComplete="name" required maxLength={80} defaultValue={values.displayName} />
        </Field>
        <Field name="email" label={t("field.email")} error={errors.email}>
          <input type="email" autoComplete="email" required defaultValue={values.email} />
        </Field>
        <Field name="password" label={t("field.password")} hint={t("field.password.hint")} error={errors.password}>
          <input type="password" autoComplete="new-password" required minLength={10} />
        </Field>
        <CountrySelect countries={countries} defaultValue={values.countryCode} error={errors.countryCode} />
        <Field name="stakeholderGroupId" label={t("field.stakeholderGroup")} error={errors.stakeholderGroupId}>
          <select required defaultValue={values.stakeholderGroupId ?? ""}>
            <Options empty={t("field.stakeholderGroup.choose")} options={groups.map((g) => ({ value: g.id, label: g.name }))} />
          </select>
        </Field>
        <Field name="organisation" label={t("field.organisation")} optional error={errors.organisation}>
          <input type="text" autoComplete="organization" maxLength={200} defaultValue={values.organisation} />
        </Field>
        <fieldset className="field">
          <legend>{t("field.respondsFor")}</legend>
          {(["individual", "organisation"] as const).map((v) => (
            <label key={v} className="choice">
              <input type="radio" name="respondsFor" value={v} defaultChecked={(values.respondsFor ?? "individual") === v} />
              {t(`field.respondsFor.${v}`)}
            </label>
          ))}
        </fieldset>
        <p className="field__hint">{t("field.optionalProfile")}</p>
        <Field name="gender" label={t("field.gender")}>
          <select defaultValue={values.gender ?? "prefer-not-to-say"}>
            <Options options={genders.map((g) => ({ value: g, label: t(`field.gender.${g}`) }))} />
          </select>
        </Field>
        <Field name="ageBand" label={t("field.ageBand")}>
          <select defaultValue={values.ageBand ?? "prefer-not-to-say"}>
            <Options options={ageBands.map((a) => ({ value: a, label: t(`field.ageBand.${a}`) }))} />
          </select>
        </Field>
        <Field name="language" label={t("field.language")}>
          <select defaultValue={values.language ?? locale}>
            <Options options={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
          </select>
        </Field>
        <label className="choice">
          <input type="checkbox" name="pseudonymous" defaultChecked={values.pseudonymous === "on"} />
          {t("field.pseudonymous")}
        </label>
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="field-website">{t("field.website")}</label>
          <input id="field-website" type="text" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <div className={`field${errors.consent ? " field--invalid" : ""}`}>
          <label className="choice">
            <input
              id="field-consent"
              type="checkbox"
              name="consent"
              required
              aria-describedby={errors.consent ? "field-consent-error" : undefined}
              aria-invalid={errors.consent ? true : undefined}
            />
            {t("field.consent")}
          </label>
          <p>
            <Link to="/privacy" target="_blank">
              {t("register.privacyLink")}
            </Link>
          </p>
          {errors.consent ? (
            <p id="field-consent-error" className="field__error">
              {t("field.consent.required")}
            </p>
          ) : null}
        </div>
        <button type="submit">{t("register.submit")}</button>
      </Form>
      <p>
        <Link to="/sign-in">{t("register.haveAccount")}</Link>
      </p>
    </div>
  );
}
