import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/translate";
import "../i18n/catalogs.server";
import { coSignedPhrase, coSignerBreakdown, publicSigner, summariseSigners, type Signer } from "./co-signers";

const signer = (over: Partial<Signer>): Signer => ({
  jointDraftId: 1,
  userId: 1,
  name: "Amina",
  pseudonymous: false,
  organisation: null,
  countryCode: "KE",
  region: "africa",
  electoralGroup: "V(a)",
  stakeholderGroupId: 3,
  stakeholderGroup: "Civil society / NGO",
  ...over,
});

describe("co-signers", () => {
  it("counts people, organisations (spelling aside) and regions", () => {
    const list = [
      signer({ userId: 1, organisation: "Open Data Kenya" }),
      signer({ userId: 2, organisation: " open data  KENYA " }),
      signer({ userId: 3, organisation: null, region: "arab-states" }),
      signer({ userId: null, name: "Gone", organisation: "Uni Bonn", region: "europe-north-america" }),
    ];
    expect(summariseSigners(list)).toEqual({ signers: 4, organisations: 2, regions: 3 });
  });

  it("says it in words, with each language's plurals", () => {
    const summary = { signers: 12, organisations: 9, regions: 4 };
    expect(coSignedPhrase(createTranslator("en"), summary)).toBe("Co-signed by 12 signatories (9 organisations) from 4 regions");
    expect(coSignedPhrase(createTranslator("en"), { signers: 2, organisations: 0, regions: 1 })).toBe("Co-signed by 2 signatories (no organisation) from 1 region");
    expect(coSignedPhrase(createTranslator("fr"), summary)).toBe("Cosignée par 12 signataires (9 organisations) de 4 régions");
    expect(coSignedPhrase(createTranslator("ru"), { signers: 2, organisations: 5, regions: 1 })).toBe("Подписано совместно: 2 подписанта (5 организаций) из 1 региона");
    expect(coSignedPhrase(createTranslator("ar"), { signers: 2, organisations: 1, regions: 2 })).toBe("وقّع عليه بالاشتراك موقّعان (منظمة واحدة) من منطقتين");
  });

  it("shows a pseudonymous signer as a participant, without name or organisation", () => {
    expect(publicSigner(signer({ organisation: "Open Data Kenya" }), "Participant", "Kenya")).toBe("Amina · Open Data Kenya · Civil society / NGO · Kenya");
    expect(publicSigner(signer({ pseudonymous: true, organisation: "Open Data Kenya" }), "Participant", "Kenya")).toBe("Participant · Civil society / NGO · Kenya");
  });

  it("puts a submission under every region its signers come from, and counts it once in the totals", () => {
    const breakdown = coSignerBreakdown([
      signer({ jointDraftId: 1, userId: 1 }),
      signer({ jointDraftId: 1, userId: 2, region: "asia-pacific", electoralGroup: null }),
      signer({ jointDraftId: 2, userId: 1 }),
      signer({ jointDraftId: 2, userId: 3 }),
    ]);
    expect(breakdown.totals).toEqual({ submissions: 2, signers: 3, organisations: 0, regions: 2 });
    expect(breakdown.byDimension.region).toEqual([
      { value: "africa", submissions: 2, coSigners: 2, organisations: 0 },
      { value: "asia-pacific", submissions: 1, coSigners: 1, organisations: 0 },
    ]);
    expect(breakdown.byDimension.electoral.map((r) => r.value)).toEqual(["V(a)", "none"]);
  });
});
