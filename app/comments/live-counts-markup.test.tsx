import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import "../i18n/catalogs.server";
import { DraftDiscussion } from "../components/draft-node";
import { paragraphPath } from "../drafts/outline";
import { I18nProvider } from "../i18n/i18n-context";
import { createTranslator, locales } from "../i18n/translate";
import { discussionMarkup, liveWords } from "./live-counts-markup";

const none = { support: 0, concern: 0, amendment: 0, question: 0, remark: 0 };
const samples = [
  { ...none, support: 1, total: 1 },
  { ...none, concern: 2, total: 2 },
  { ...none, support: 2, question: 1, total: 3 },
  { ...none, support: 11, amendment: 10, remark: 1, total: 22 },
  { support: 1000, concern: 250, amendment: 1, question: 3, remark: 7, total: 1261 },
];

describe("a paragraph's live counts written by the draft page's script", () => {
  it.each(locales)("are what the server renders, in %s", (locale) => {
    const words = liveWords(createTranslator(locale), locale);
    for (const label of ["71", "OP4(a)", `III.2 <"&'>`]) {
      for (const counts of samples) {
        const server = renderToStaticMarkup(
          <I18nProvider locale={locale}>
            <DraftDiscussion slug="unesco-ethics-of-ai" label={label} counts={counts} />
          </I18nProvider>,
        );
        expect(discussionMarkup(words, paragraphPath("unesco-ethics-of-ai", label) + "#comments-title", label, counts)).toBe(server);
      }
    }
  });

  it("shows nothing for a paragraph left without comments", () => {
    expect(discussionMarkup(liveWords(createTranslator("en"), "en"), "/c/x/p/1#comments-title", "1", { ...none, total: 0 })).toBeNull();
  });
});
