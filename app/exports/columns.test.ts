import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/translate";
import "../i18n/catalogs.server";
import { cachedLabel, compiledColumns } from "./columns";

describe("labels of coded values in exported tables", () => {
  it("translates each value once and gives an empty cell for none", () => {
    const asked: string[] = [];
    const label = cachedLabel((value) => {
      asked.push(value);
      return value.toUpperCase();
    });
    expect([label("africa"), label(null), label("europe"), label("africa"), label(""), label("europe")]).toEqual(["AFRICA", "", "EUROPE", "AFRICA", "", "EUROPE"]);
    expect(asked).toEqual(["africa", "europe"]);
  });

  it("are in the language of the table's translator, never another table's", () => {
    const region = (locale: "en" | "fr") => compiledColumns(createTranslator(locale), false).find((c) => c.header === createTranslator(locale)("review.col.region"))!;
    const row = { region: "africa" } as Parameters<ReturnType<typeof region>["value"]>[0];
    const english = region("en").value(row);
    const french = region("fr").value(row);
    expect(english).toBe("Africa");
    expect(french).not.toBe(english);
    expect(region("en").value(row)).toBe("Africa");
  });
});
