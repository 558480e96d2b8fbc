/**
 * The completeness check of the translations: run it to see, per language, which keys are still
 * missing (they fall back to English at runtime), and whether every translation keeps the English
 * placeholders and the plural forms its language needs.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { ar } from "./messages.ar";
import { en, type MessageKey } from "./messages.en";
import { es } from "./messages.es";
import { fr } from "./messages.fr";
import { ru } from "./messages.ru";
import { zh } from "./messages.zh";
import type { Catalog, Locale } from "./translate";

const translations: Record<Exclude<Locale, "en">, Catalog> = { fr, es, ar, zh, ru };
const keys = Object.keys(en) as MessageKey[];

// The ICU AST as intl-messageformat exposes it (types 5 = select, 6 = plural, 7 = #, 8 = tag).
interface AstNode {
  type: number;
  value?: string;
  options?: Record<string, { value: AstNode[] }>;
  children?: AstNode[];
}

/** Every argument a message uses, and for each plural the forms it offers. */
function shape(message: string, locale: string) {
  const args = new Set<string>();
  const plurals: { name: string; forms: string[] }[] = [];
  const walk = (nodes: AstNode[]) => {
    for (const node of nodes) {
      if (node.type >= 1 && node.type <= 6 && node.value) args.add(node.value);
      if (node.type === 6 && node.value) plurals.push({ name: node.value, forms: Object.keys(node.options ?? {}) });
      for (const option of Object.values(node.options ?? {})) walk(option.value);
      if (node.children) walk(node.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown as AstNode[]);
  return { args, plurals };
}

describe.each(Object.entries(translations))("the %s catalog", (locale, catalog) => {
  it("translates every English key (missing keys listed)", () => {
    const missing = keys.filter((k) => catalog[k] === undefined);
    expect(missing.length ? `messages.${locale}.ts lacks ${missing.length} keys:\n${missing.join("\n")}` : "").toBe("");
  });

  it("has no key English does not have", () => {
    expect(Object.keys(catalog).filter((k) => !(k in en))).toEqual([]);
  });

  it("keeps each message's placeholders and offers every plural form of the language", () => {
    // The forms whole counts need (Arabic: zero, one, two, few, many; Russian: one, few, many),
    // plus "other", which ICU always requires.
    const rules = new Intl.PluralRules(locale);
    const categories = [...new Set([...Array.from({ length: 201 }, (_, n) => rules.select(n)), "other"])];
    const problems: string[] = [];
    for (const key of keys) {
      const message = catalog[key];
      if (message === undefined) continue;
      let translated: ReturnType<typeof shape>;
      try {
        translated = shape(message, locale);
      } catch (error) {
        problems.push(`${key}: does not parse (${String(error)})`);
        continue;
      }
      const english = shape(en[key], "en");
      const lost = [...english.args].filter((a) => !translated.args.has(a));
      const extra = [...translated.args].filter((a) => !english.args.has(a));
      if (lost.length || extra.length) problems.push(`${key}: placeholders differ (missing ${lost.join(",") || "-"}, extra ${extra.join(",") || "-"})`);
      for (const plural of translated.plurals) {
        const absent = categories.filter((c) => !plural.forms.includes(c));
        if (absent.length) problems.push(`${key}: plural {${plural.name}} lacks ${absent.join(", ")}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
