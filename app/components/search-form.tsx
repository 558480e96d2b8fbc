import { Form } from "@remix-run/react";
import { useT } from "../i18n/i18n-context";
import { MAX_QUERY_LENGTH } from "../drafts/search";

/** A plain GET form: works without JavaScript and gives a shareable URL. */
export function SearchForm({ slug, query = "" }: { slug: string; query?: string }) {
  const t = useT();
  return (
    <Form method="get" action={`/c/${slug}/search`} role="search" className="search-form">
      <label htmlFor="draft-search">{t("search.label")}</label>
      <div className="search-form__row">
        <input id="draft-search" type="search" name="q" defaultValue={query} maxLength={MAX_QUERY_LENGTH} required />
        <button type="submit">{t("search.submit")}</button>
      </div>
    </Form>
  );
}
