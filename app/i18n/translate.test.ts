import { describe, expect, it } from "vitest";
import "./catalogs.server";
import { createTranslator, formatDate, formatNumber, registerCatalog, textDirection } from "./translate";

describe("createTranslator", () => {
  it("uses each language's plural forms", () => {
    const ar = createTranslator("ar");
    expect(ar("comment.count", { count: 2 })).toBe("تعليقان");
    expect(ar("comment.count", { count: 5 })).toBe("5 تعليقات");
    expect(ar("comment.count", { count: 11 })).toBe("11 تعليقًا");
    const ru = createTranslator("ru");
    expect(ru("comment.count", { count: 1 })).toBe("1 комментарий");
    expect(ru("comment.count", { count: 3 })).toBe("3 комментария");
    expect(ru("comment.count", { count: 25 })).toBe("25 комментариев");
    expect(createTranslator("fr")("comment.count", { count: 0 })).toBe("Aucun commentaire pour l’instant.");
  });

  it("falls back to English for a key a catalog lacks", () => {
    registerCatalog("es", {});
    expect(createTranslator("es")("nav.home")).toBe("Consultations");
  });

  it("formats dates and numbers per locale and knows the writing direction", () => {
    const date = new Date("2026-03-05T12:00:00Z");
    expect(formatDate(date, "fr")).toBe("5 mars 2026");
    expect(formatDate(date, "ru")).toMatch(/^5 марта 2026/);
    expect(formatNumber(12345, "fr")).toBe("12\u202f345");
    expect(formatNumber(12345, "en")).toBe("12,345");
    expect(textDirection("ar")).toBe("rtl");
    expect(textDirection("zh")).toBe("ltr");
  });
});
