/**
 * Text people type (comments, proposed wording, names) may hold tabs and line breaks, never other
 * control characters: a NUL byte ends strings early in SQLite's text functions, CSV and PDF
 * writers and terminals, so a comment could read one way on the page and another in an export.
 * Such text is refused with a message next to its field, what was typed kept in the form.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function hasNoControlCharacters(text: string | undefined | null): boolean {
  return text == null || !CONTROL.test(text);
}

/** The refinement's options: the field's message key. */
export const controlCharacterError = { error: "field.controlCharacter" } as const;
