import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detect-language";

describe("detectLanguage", () => {
  it("recognises Arabic, Chinese and Russian by their script", () => {
    expect(detectLanguage("نقترح إضافة إشارة إلى حقوق الشعوب الأصلية في هذه الفقرة.")).toBe("ar");
    expect(detectLanguage("我们建议在本段中提及土著人民的权利。")).toBe("zh");
    expect(detectLanguage("Предлагаем упомянуть права коренных народов в этом пункте.")).toBe("ru");
  });

  it("tells English, French and Spanish apart by their function words", () => {
    expect(detectLanguage("The paragraph should mention the rights of indigenous peoples.")).toBe("en");
    expect(detectLanguage("Le paragraphe doit mentionner les droits des peuples autochtones et leur rôle.")).toBe("fr");
    expect(detectLanguage("El párrafo debe mencionar los derechos de los pueblos indígenas y su papel.")).toBe("es");
  });

  it("keeps the majority script when a text quotes another", () => {
    expect(detectLanguage("أقترح حذف عبارة «Member States» من الفقرة الثالثة لأنها غامضة.")).toBe("ar");
  });

  it("does not guess from too little", () => {
    expect(detectLanguage("")).toBeNull();
    expect(detectLanguage("OK")).toBeNull();
    expect(detectLanguage("UNESCO 2026")).toBeNull();
  });
});
