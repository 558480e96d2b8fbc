import { describe, expect, it } from "vitest";
import { electoralGroups, unescoRegions } from "../../db/schema";
import { COUNTRIES, countryByCode, electoralGroupOfRegion, findCountry } from "./countries";

describe("the country table", () => {
  it("holds the 193 Member States and the 2 observer States, each code once", () => {
    expect(COUNTRIES).toHaveLength(195);
    expect(COUNTRIES.filter((c) => c.observer).map((c) => c.name)).toEqual(["Holy See", "State of Palestine"]);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(195);
    expect(new Set(COUNTRIES.map((c) => c.name)).size).toBe(195);
    for (const c of COUNTRIES) expect(c.code).toMatch(/^[A-Z]{2}$/);
  });

  it("maps every country to exactly one UNESCO region and one electoral group", () => {
    for (const c of COUNTRIES) {
      expect(unescoRegions.filter((r) => r === c.region), c.name).toHaveLength(1);
      expect(electoralGroups.filter((g) => g === c.group), c.name).toHaveLength(1);
    }
    const count = (group: string) => COUNTRIES.filter((c) => c.group === group).length;
    expect([count("I"), count("II"), count("III"), count("IV"), count("V(a)"), count("V(b)")]).toEqual([29, 23, 33, 44, 45, 21]);
  });

  it("keeps the cases where the groupings differ", () => {
    expect(countryByCode("IL")).toMatchObject({ group: "I", region: "europe-north-america" });
    expect(countryByCode("KZ")).toMatchObject({ group: "IV", region: "asia-pacific" });
    expect(countryByCode("SD")).toMatchObject({ group: "V(b)", region: "arab-states" });
    expect(countryByCode("KM")).toMatchObject({ group: "V(a)", region: "africa" });
    expect(countryByCode("ua")).toMatchObject({ group: "II", region: "europe-north-america" });
    expect(countryByCode("XX")).toBeUndefined();
  });

  it("finds a country by code or by name, with or without the parenthesis", () => {
    expect(findCountry("ke")?.name).toBe("Kenya");
    expect(findCountry(" Bolivia ")?.code).toBe("BO");
    expect(findCountry("TÜRKIYE")?.code).toBe("TR");
    expect(findCountry("Narnia")).toBeUndefined();
  });

  it("derives an electoral group from a region only where the region has one", () => {
    expect(electoralGroupOfRegion("africa")).toBe("V(a)");
    expect(electoralGroupOfRegion("latin-america-caribbean")).toBe("III");
    expect(electoralGroupOfRegion("europe-north-america")).toBeNull();
  });
});
