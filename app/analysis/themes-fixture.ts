/**
 * Synthetic comments with known themes, for testing the themes method (themes.test.ts): five hundred
 * comments in six languages on five paragraphs. Three paragraphs have planted themes,
 * phrases said in varied sentences; every comment also carries noise that must never come out as
 * a theme: the paragraph's label and other labels ("PP5", "OP4(a)", "III.2", "para 37"), numbers,
 * ordinals, web addresses, function words, and words spread evenly over all paragraphs.
 * Seeded, so the same comments come out every time.
 */
import { mulberry32 } from "./seeded-random";

export interface FixtureComment {
  node: string;
  language: "en" | "fr" | "es" | "ar" | "zh" | "ru";
  body: string;
}

/** The outline's labels, by paragraph: comments cite them. */
export const FIXTURE_LABELS: Record<string, string> = { p1: "PP5", p2: "OP4(a)", p3: "III.2", p4: "37", p5: "OP12" };

/** The themes planted in each paragraph's comments, as `distinctiveTerms` shows them. */
export const PLANTED_THEMES: Record<string, string[]> = {
  p1: ["data protection", "right to privacy", "protection des données", "数据保护"],
  p2: ["human rights", "derechos humanos", "права человека"],
  p3: ["climate change", "renewable energy", "cambio climático"],
};

/** Sentences carrying each planted theme, `{x}` replaced by a varied word so no phrase is a fragment of a longer one. */
const PLANTED: Record<string, { language: FixtureComment["language"]; sentences: string[] }[]> = {
  p1: [
    { language: "en", sentences: ["Strong data protection is {x}.", "The right to privacy must be {x}.", "Without data protection, the right to privacy is {x}.", "{X} data protection rules matter."] },
    { language: "fr", sentences: ["La protection des données doit être {x}.", "Une protection des données {x} est nécessaire."] },
    { language: "zh", sentences: ["我们必须加强数据保护。", "个人数据保护很重要。", "数据保护应当{z}。"] },
  ],
  p2: [
    { language: "en", sentences: ["Human rights must be {x}.", "The text should put human rights first, {x}.", "{X} human rights safeguards are missing."] },
    { language: "es", sentences: ["Los derechos humanos deben ser {y}.", "El texto olvida los derechos humanos {y}."] },
    { language: "ru", sentences: ["Права человека должны быть защищены.", "Текст должен учитывать права человека во всех случаях.", "Мы поддерживаем права человека."] },
  ],
  p3: [
    { language: "en", sentences: ["Climate change is {x}.", "Renewable energy must be {x}.", "Tackling climate change needs renewable energy {x}."] },
    { language: "es", sentences: ["El cambio climático es {y}.", "Frente al cambio climático, {y}."] },
  ],
};

const VARIED_EN = ["essential", "urgent", "weak", "central", "missing", "unclear", "vital", "overdue", "fragile", "binding"];
const VARIED_ES = ["urgente", "esencial", "prioritario", "central", "necesario", "vital"];
const VARIED_ZH = ["优先", "加强", "明确", "落实"];

/** Said about every paragraph alike, in every language: words that are not distinctive of any. */
const NOISE: Record<FixtureComment["language"], string[]> = {
  en: ["We thank the secretariat for the draft.", "The wording could be clearer.", "Our organisation supports the text overall.", "This should be read with the preamble."],
  fr: ["Nous remercions le secrétariat pour le projet.", "La formulation pourrait être plus claire."],
  es: ["Agradecemos a la secretaría el borrador.", "La redacción podría ser más clara."],
  ar: ["نشكر الأمانة على المشروع.", "يمكن أن تكون الصياغة أوضح."],
  zh: ["我们感谢秘书处的草案。", "措辞可以更清楚。"],
  ru: ["Мы благодарим секретариат за проект.", "Формулировка могла бы быть яснее."],
};

/** Labels, numbers, ordinals and addresses, cited often and unevenly: none is a theme. */
function citations(label: string, pick: <T>(items: readonly T[]) => T): string {
  return pick([
    `See ${label} and ${label}.`,
    `Paragraph ${label}, as in ${label} of the 2nd draft.`,
    `Compare ${label} with OP4(a), III.2 and para 37 (2024).`,
    `Details: https://example.org/consultation/${label.toLowerCase()}?page=3 and www.example.org/${label}.`,
    `${label}: 1st, 5th, 3e, 2ème, 12º — iii, xiv.`,
  ]);
}

export function themesFixture(seed = 20): FixtureComment[] {
  const random = mulberry32(seed);
  const pick = <T,>(items: readonly T[]): T => random.pick(items);
  const fill = (sentence: string) =>
    sentence
      .replace("{x}", pick(VARIED_EN))
      .replace("{X}", () => pick(VARIED_EN).replace(/^./, (c) => c.toUpperCase()))
      .replace("{y}", pick(VARIED_ES))
      .replace("{z}", pick(VARIED_ZH));
  const out: FixtureComment[] = [];
  for (const node of Object.keys(FIXTURE_LABELS)) {
    const label = FIXTURE_LABELS[node]!;
    for (let i = 0; i < 100; i++) {
      // The language is drawn alike for every paragraph, so that only the planted phrases, not
      // the languages' everyday words, set a paragraph apart.
      const language = pick(Object.keys(NOISE) as FixtureComment["language"][]);
      const group = PLANTED[node]?.find((g) => g.language === language);
      const parts = [citations(label, pick), pick(NOISE[language])];
      if (group && random.chance(0.9)) parts.push(fill(pick(group.sentences)));
      if (random.chance(0.5)) parts.push(pick(NOISE[language]));
      out.push({ node, language, body: parts.join(" ") });
    }
  }
  return out;
}
