import type { Language } from "../../db/enums";

/**
 * A first guess at the language of a comment as it is typed, so the language select is usually
 * right without anyone touching it. Scripts decide Arabic, Chinese and Russian; among Latin-script
 * texts, the most frequent function words decide English, French or Spanish. The writer can
 * always correct the guess. Returns null when the text says too little.
 */
const scripts: [Language, RegExp][] = [
  ["ar", /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu],
  ["zh", /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/gu],
  ["ru", /[\u0400-\u04FF]/gu],
];

// Words frequent in one of the three languages and rare in the other two ("de", "la", "que", "en"
// are shared by French and Spanish and so decide nothing).
const functionWords: Record<"en" | "fr" | "es", Set<string>> = {
  en: new Set("the and of to is are be that this with for not it we should which have has from by on as would".split(" ")),
  fr: new Set("le les des et est une du pas pour dans sur nous ce qui au aux il elle sont cette ces être doit avec".split(" ")),
  es: new Set("el los las y es una del para por con se lo al como debe este esta estos son ser sus".split(" ")),
};
const accents: Record<"fr" | "es", RegExp> = { fr: /[çèêëàâîïôûœ]/gu, es: /[ñ¿¡]/gu };

export function detectLanguage(text: string): Language | null {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 3) return null;
  for (const [language, pattern] of scripts) {
    if ((text.match(pattern)?.length ?? 0) * 2 > letters) return language;
  }
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const score = { en: 0, fr: 0, es: 0 };
  for (const word of words) for (const language of ["en", "fr", "es"] as const) if (functionWords[language].has(word)) score[language] += 1;
  const lower = text.toLowerCase();
  score.fr += (lower.match(accents.fr)?.length ?? 0) * 0.5;
  score.es += (lower.match(accents.es)?.length ?? 0) * 2;
  const ranked = (Object.entries(score) as ["en" | "fr" | "es", number][]).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  return best![1] > 0 && best![1] > second![1] ? best![0] : null;
}
