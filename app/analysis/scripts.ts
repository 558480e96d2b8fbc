/**
 * Scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao, Khmer, Myanmar),
 * as the body of a regular-expression character class: text in them cannot be cut at spaces.
 */
export const UNSPACED_SCRIPTS = "\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}";
