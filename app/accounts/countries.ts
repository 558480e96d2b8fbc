/**
 * Every UN Member State (193) and the two observer States, with the two UNESCO groupings the
 * expert groups read feedback by:
 * - the five UNESCO regions used for programme and statistics (Africa; Arab States; Asia and the
 *   Pacific; Europe and North America; Latin America and the Caribbean);
 * - the six electoral groups of UNESCO's Executive Board (I Western European and North American
 *   States; II Eastern European States; III Latin American and Caribbean States; IV Asian and
 *   Pacific States; V(a) African States; V(b) Arab States).
 *
 * Sources: United Nations, "Member States" (un.org/en/about-us/member-states) and "Non-member
 * States" for the list; UNESCO, "Member States and Associate Members by electoral group" and
 * "UNESCO regions" (en.unesco.org/countries) for the groupings. The groupings do not map one to
 * one: groups I and II are both the Europe and North America region; Israel is in group I;
 * Central Asian States are in group IV and Asia and the Pacific; Djibouti, Mauritania, Somalia and
 * Sudan are Arab States, Comoros is in group V(a). States outside UNESCO (Liechtenstein) take the
 * grouping of their neighbours, so that every profile is counted somewhere.
 * Codes are ISO 3166-1 alpha-2.
 */
import type { ElectoralGroup, UnescoRegion } from "../../db/schema";

export interface Country {
  code: string;
  name: string;
  region: UnescoRegion;
  group: ElectoralGroup;
  observer?: true;
}

type Row = [code: string, name: string];

const GROUPS: Record<ElectoralGroup, { region: UnescoRegion; rows: Row[] }> = {
  I: {
    region: "europe-north-america",
    rows: [
      ["AD", "Andorra"], ["AT", "Austria"], ["BE", "Belgium"], ["CA", "Canada"], ["CY", "Cyprus"],
      ["DK", "Denmark"], ["FI", "Finland"], ["FR", "France"], ["DE", "Germany"], ["GR", "Greece"],
      ["IS", "Iceland"], ["IE", "Ireland"], ["IL", "Israel"], ["IT", "Italy"], ["LI", "Liechtenstein"],
      ["LU", "Luxembourg"], ["MT", "Malta"], ["MC", "Monaco"], ["NL", "Netherlands (Kingdom of the)"],
      ["NO", "Norway"], ["PT", "Portugal"], ["SM", "San Marino"], ["ES", "Spain"], ["SE", "Sweden"],
      ["CH", "Switzerland"], ["TR", "Türkiye"], ["GB", "United Kingdom of Great Britain and Northern Ireland"],
      ["US", "United States of America"],
    ],
  },
  II: {
    region: "europe-north-america",
    rows: [
      ["AL", "Albania"], ["AM", "Armenia"], ["AZ", "Azerbaijan"], ["BY", "Belarus"],
      ["BA", "Bosnia and Herzegovina"], ["BG", "Bulgaria"], ["HR", "Croatia"], ["CZ", "Czechia"],
      ["EE", "Estonia"], ["GE", "Georgia"], ["HU", "Hungary"], ["LV", "Latvia"], ["LT", "Lithuania"],
      ["ME", "Montenegro"], ["MK", "North Macedonia"], ["PL", "Poland"], ["MD", "Republic of Moldova"],
      ["RO", "Romania"], ["RU", "Russian Federation"], ["RS", "Serbia"], ["SK", "Slovakia"],
      ["SI", "Slovenia"], ["UA", "Ukraine"],
    ],
  },
  III: {
    region: "latin-america-caribbean",
    rows: [
      ["AG", "Antigua and Barbuda"], ["AR", "Argentina"], ["BS", "Bahamas"], ["BB", "Barbados"],
      ["BZ", "Belize"], ["BO", "Bolivia (Plurinational State of)"], ["BR", "Brazil"], ["CL", "Chile"],
      ["CO", "Colombia"], ["CR", "Costa Rica"], ["CU", "Cuba"], ["DM", "Dominica"],
      ["DO", "Dominican Republic"], ["EC", "Ecuador"], ["SV", "El Salvador"], ["GD", "Grenada"],
      ["GT", "Guatemala"], ["GY", "Guyana"], ["HT", "Haiti"], ["HN", "Honduras"], ["JM", "Jamaica"],
      ["MX", "Mexico"], ["NI", "Nicaragua"], ["PA", "Panama"], ["PY", "Paraguay"], ["PE", "Peru"],
      ["KN", "Saint Kitts and Nevis"], ["LC", "Saint Lucia"], ["VC", "Saint Vincent and the Grenadines"],
      ["SR", "Suriname"], ["TT", "Trinidad and Tobago"], ["UY", "Uruguay"],
      ["VE", "Venezuela (Bolivarian Republic of)"],
    ],
  },
  IV: {
    region: "asia-pacific",
    rows: [
      ["AF", "Afghanistan"], ["AU", "Australia"], ["BD", "Bangladesh"], ["BT", "Bhutan"],
      ["BN", "Brunei Darussalam"], ["KH", "Cambodia"], ["CN", "China"],
      ["KP", "Democratic People's Republic of Korea"], ["FJ", "Fiji"], ["IN", "India"],
      ["ID", "Indonesia"], ["IR", "Iran (Islamic Republic of)"], ["JP", "Japan"], ["KZ", "Kazakhstan"],
      ["KI", "Kiribati"], ["KG", "Kyrgyzstan"], ["LA", "Lao People's Democratic Republic"],
      ["MY", "Malaysia"], ["MV", "Maldives"], ["MH", "Marshall Islands"],
      ["FM", "Micronesia (Federated States of)"], ["MN", "Mongolia"], ["MM", "Myanmar"], ["NR", "Nauru"],
      ["NP", "Nepal"], ["NZ", "New Zealand"], ["PK", "Pakistan"], ["PW", "Palau"],
      ["PG", "Papua New Guinea"], ["PH", "Philippines"], ["KR", "Republic of Korea"], ["WS", "Samoa"],
      ["SG", "Singapore"], ["SB", "Solomon Islands"], ["LK", "Sri Lanka"], ["TJ", "Tajikistan"],
      ["TH", "Thailand"], ["TL", "Timor-Leste"], ["TO", "Tonga"], ["TM", "Turkmenistan"],
      ["TV", "Tuvalu"], ["UZ", "Uzbekistan"], ["VU", "Vanuatu"], ["VN", "Viet Nam"],
    ],
  },
  "V(a)": {
    region: "africa",
    rows: [
      ["AO", "Angola"], ["BJ", "Benin"], ["BW", "Botswana"], ["BF", "Burkina Faso"], ["BI", "Burundi"],
      ["CV", "Cabo Verde"], ["CM", "Cameroon"], ["CF", "Central African Republic"], ["TD", "Chad"],
      ["KM", "Comoros"], ["CG", "Congo"], ["CI", "Côte d'Ivoire"],
      ["CD", "Democratic Republic of the Congo"], ["GQ", "Equatorial Guinea"], ["ER", "Eritrea"],
      ["SZ", "Eswatini"], ["ET", "Ethiopia"], ["GA", "Gabon"], ["GM", "Gambia"], ["GH", "Ghana"],
      ["GN", "Guinea"], ["GW", "Guinea-Bissau"], ["KE", "Kenya"], ["LS", "Lesotho"], ["LR", "Liberia"],
      ["MG", "Madagascar"], ["MW", "Malawi"], ["ML", "Mali"], ["MU", "Mauritius"], ["MZ", "Mozambique"],
      ["NA", "Namibia"], ["NE", "Niger"], ["NG", "Nigeria"], ["RW", "Rwanda"],
      ["ST", "Sao Tome and Principe"], ["SN", "Senegal"], ["SC", "Seychelles"], ["SL", "Sierra Leone"],
      ["ZA", "South Africa"], ["SS", "South Sudan"], ["TG", "Togo"], ["UG", "Uganda"],
      ["TZ", "United Republic of Tanzania"], ["ZM", "Zambia"], ["ZW", "Zimbabwe"],
    ],
  },
  "V(b)": {
    region: "arab-states",
    rows: [
      ["DZ", "Algeria"], ["BH", "Bahrain"], ["DJ", "Djibouti"], ["EG", "Egypt"], ["IQ", "Iraq"],
      ["JO", "Jordan"], ["KW", "Kuwait"], ["LB", "Lebanon"], ["LY", "Libya"], ["MR", "Mauritania"],
      ["MA", "Morocco"], ["OM", "Oman"], ["QA", "Qatar"], ["SA", "Saudi Arabia"], ["SO", "Somalia"],
      ["SD", "Sudan"], ["SY", "Syrian Arab Republic"], ["TN", "Tunisia"], ["AE", "United Arab Emirates"],
      ["YE", "Yemen"],
    ],
  },
};

/** The two observer States of the General Assembly. */
const OBSERVERS: Country[] = [
  { code: "VA", name: "Holy See", region: "europe-north-america", group: "I", observer: true },
  { code: "PS", name: "State of Palestine", region: "arab-states", group: "V(b)", observer: true },
];

export const COUNTRIES: readonly Country[] = [
  ...Object.entries(GROUPS).flatMap(([group, { region, rows }]) =>
    rows.map(([code, name]) => ({ code, name, region, group: group as ElectoralGroup })),
  ),
  ...OBSERVERS,
].sort((a, b) => a.name.localeCompare(b.name, "en"));

const byCode = new Map(COUNTRIES.map((c) => [c.code, c]));

export function countryByCode(code: string): Country | undefined {
  return byCode.get(code.toUpperCase());
}

const byName = new Map<string, Country>();
for (const c of COUNTRIES) {
  byName.set(c.name.toLocaleLowerCase("en"), c);
  // "Bolivia (Plurinational State of)" is written "Bolivia" in most submissions.
  const short = c.name.replace(/\s*\(.*\)$/, "");
  if (short !== c.name) byName.set(short.toLocaleLowerCase("en"), c);
}

/** A country by its ISO code or its UN name (case-insensitive; the name without its parenthesis too). */
export function findCountry(codeOrName: string): Country | undefined {
  const value = codeOrName.trim();
  return (value.length === 2 ? countryByCode(value) : undefined) ?? byName.get(value.toLocaleLowerCase("en"));
}

/**
 * The electoral group of a region when all its countries share one (Africa: V(a); Arab States:
 * V(b); Asia and the Pacific: IV; Latin America and the Caribbean: III); null for Europe and North
 * America, which spans groups I and II.
 */
export function electoralGroupOfRegion(region: UnescoRegion): ElectoralGroup | null {
  const groups = new Set(COUNTRIES.filter((c) => c.region === region).map((c) => c.group));
  return groups.size === 1 ? [...groups][0]! : null;
}
