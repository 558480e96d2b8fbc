/**
 * A paragraph's discussion in the full draft (DraftDiscussion in app/components/draft-node.tsx),
 * written without React, for the draft page's live-counts script: a comment event carries the
 * paragraph's public counts (decision 026), and the script renders them itself instead of asking
 * the server. It cannot carry the translation library (page weight, decision 011), so the page
 * gives it the few words it needs, already translated (`LiveWords`), one form per plural category
 * of the reader's language. draft-node.test.tsx checks that both renderings are the same.
 */
import { stances } from "../../db/enums";
import type { PublicCounts } from "../../realtime/protocol";

/** Where the number and the label go in a translated "N comments on L". */
export const COUNT_SLOT = "{#}";
export const LABEL_SLOT = "{label}";

export interface LiveWords {
  locale: string;
  /** "N comments on L" per plural category (Intl.PluralRules) of the locale. */
  onParagraph: Partial<Record<Intl.LDMLPluralRule, string>>;
  stances: Record<(typeof stances)[number], string>;
}

/**
 * The words for `locale`, made with the UI's translation function: for each plural category, the
 * message for a number of that category with the number and the label replaced by their slots.
 */
export function liveWords(translate: (key: "comment.onParagraph" | `stance.${(typeof stances)[number]}`, values?: Record<string, string | number>) => string, locale: string): LiveWords {
  const rules = new Intl.PluralRules(locale);
  const format = new Intl.NumberFormat(locale);
  const onParagraph: LiveWords["onParagraph"] = {};
  for (const category of rules.resolvedOptions().pluralCategories) {
    let sample = 0;
    while (rules.select(sample) !== category && sample < 1000) sample += 1;
    onParagraph[category] = translate("comment.onParagraph", { count: sample, label: LABEL_SLOT }).split(format.format(sample)).join(COUNT_SLOT);
  }
  return {
    locale,
    onParagraph,
    stances: Object.fromEntries(stances.map((s) => [s, translate(`stance.${s}`)])) as LiveWords["stances"],
  };
}

/** Text and attribute values escaped as React escapes them, so both renderings compare equal. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!);
}

/** "N comments on L" in the reader's language. */
export function onParagraphText(words: LiveWords, count: number, label: string): string {
  const form = words.onParagraph[new Intl.PluralRules(words.locale).select(count)] ?? words.onParagraph.other ?? "";
  return form.split(COUNT_SLOT).join(new Intl.NumberFormat(words.locale).format(count)).split(LABEL_SLOT).join(label);
}

/** The discussion's HTML for a paragraph, or null when it has no comment (none is shown). */
export function discussionMarkup(words: LiveWords, href: string, label: string, counts: PublicCounts): string | null {
  if (counts.total === 0) return null;
  const number = new Intl.NumberFormat(words.locale);
  const parts = stances.filter((s) => counts[s] > 0);
  const barLabel = new Intl.ListFormat(words.locale, { type: "unit" }).format(parts.map((s) => `${words.stances[s]}: ${number.format(counts[s])}`));
  const bar = parts.map((s) => `<span class="stance-bar__part stance-bar__part--${s}" style="flex-grow:${counts[s]}"></span>`).join("");
  return (
    `<div class="draft-node__discussion" data-total="${counts.total}">` +
    `<a href="${escapeHtml(href)}">${escapeHtml(onParagraphText(words, counts.total, label))}</a>` +
    `<div class="stance-summary stance-summary--compact"><div class="stance-bar" role="img" aria-label="${escapeHtml(barLabel)}">${bar}</div></div>` +
    `</div>`
  );
}
