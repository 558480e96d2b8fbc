import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./negotiate-locale";

describe("negotiateLocale", () => {
  it("prefers the profile language, then the chosen one, then the browser's", () => {
    expect(negotiateLocale({ profile: "ar", chosen: "fr", acceptLanguage: "es" })).toBe("ar");
    expect(negotiateLocale({ profile: null, chosen: "fr", acceptLanguage: "es" })).toBe("fr");
    expect(negotiateLocale({ acceptLanguage: "es" })).toBe("es");
  });

  it("reads q-values and regional variants of Accept-Language", () => {
    expect(negotiateLocale({ acceptLanguage: "de-DE,de;q=0.9,ru;q=0.8,en;q=0.5" })).toBe("ru");
    expect(negotiateLocale({ acceptLanguage: "fr-CA" })).toBe("fr");
    expect(negotiateLocale({ acceptLanguage: "zh-Hans-CN, en;q=0.1" })).toBe("zh");
    expect(negotiateLocale({ acceptLanguage: "en;q=0.2, ar-EG;q=0.7" })).toBe("ar");
  });

  it("ignores unknown or forged values and falls back to English", () => {
    expect(negotiateLocale({ profile: "xx", chosen: "<script>", acceptLanguage: "de, ja;q=0.5" })).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "fr;q=0" })).toBe("en");
    expect(negotiateLocale({})).toBe("en");
  });
});
