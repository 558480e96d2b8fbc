/**
 * Each language's name in itself. Language lists (the switcher, the comment language, filters)
 * show them so in every catalog: a reader finds their language whatever the page's language is.
 */
export const languageAutonyms = {
  "language.en": "English",
  "language.fr": "Français",
  "language.es": "Español",
  "language.ar": "العربية",
  "language.zh": "中文",
  "language.ru": "Русский",
} as const;
