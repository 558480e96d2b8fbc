import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/translate";
import { validateSheet, type ImportLookups, type Sheet } from "./import-rows";

const lookups: ImportLookups = {
  paragraphs: new Map([
    ["12", { nodeId: "n12", kind: "operative" }],
    ["PP3", { nodeId: "npp3", kind: "preambular" }],
    ["III", { nodeId: "nh", kind: "heading" }],
  ]),
  groups: [
    { id: 3, slug: "civil-society", name: "Civil society / NGO" },
    { id: 4, slug: "academia", name: "Academia and research" },
  ],
  today: "2026-06-01",
};

const HEADER = ["paragraph", "stance", "comment", "proposed_text", "author", "country", "region", "stakeholder_group", "people_represented", "language", "date"];

function sheet(...rows: string[][]): Sheet {
  return { header: HEADER, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

const good = ["12", "support", "We agree.", "", "Kenya Youth Network", "KE", "", "civil-society", "40", "en", "2026-03-04"];
const t = createTranslator();
const messages = (s: Sheet) => validateSheet(s, lookups).problems.map((p) => t(p.key, p.values));

describe("bulk import rows", () => {
  it("turn a valid row into a comment: paragraph, stance, author, origin derived from the country", () => {
    const { rows, problems } = validateSheet(sheet(good), lookups);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2, label: "12", nodeId: "n12", stance: "support", body: "We agree.", proposedText: null, authorName: "Kenya Youth Network",
        countryCode: "KE", region: "africa", electoralGroup: "V(a)", stakeholderGroupId: 3, peopleRepresented: 40, language: "en", receivedOn: "2026-03-04",
      },
    ]);
  });

  it("accept names as well as codes, any case, and default what may be empty", () => {
    const { rows, problems } = validateSheet(
      sheet(["pp3", "Amendment", "Reword.", "New words.", "A. Person", "", "Europe and North America", "Academia and research", "", "", ""]),
      lookups,
    );
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      nodeId: "npp3", stance: "amendment", proposedText: "New words.", countryCode: null, region: "europe-north-america",
      // Europe and North America spans groups I and II: no guess.
      electoralGroup: null, stakeholderGroupId: 4, peopleRepresented: 1, language: "en", receivedOn: null,
    });
  });

  it("refuse a row whose text holds a NUL byte, naming its row and column, rather than store it cut short", () => {
    const withNul = [...good];
    withNul[2] = "We agree\u0000 and more.";
    const author = [...good];
    author[4] = "Kenya\u0000Youth";
    const { rows } = validateSheet(sheet(withNul, author), lookups);
    expect(rows).toEqual([]);
    expect(messages(sheet(withNul, author))).toEqual([
      "Row 2: the column “comment” holds an invisible control character (such as a NUL byte). Remove it and import again.",
      "Row 3: the column “author” holds an invisible control character (such as a NUL byte). Remove it and import again.",
    ]);
  });

  it("take an empty paragraph as the draft as a whole, and skip blank rows", () => {
    const { rows } = validateSheet(sheet(["", ...good.slice(1)], ["", "", "", ""], good), lookups);
    expect(rows.map((r) => [r.row, r.nodeId])).toEqual([[2, null], [4, "n12"]]);
  });

  it("name every problem of every bad row, with its row number", () => {
    expect(
      messages(
        sheet(
          good,
          ["12", "maybe", "", "", "", "Narnia", "", "bankers", "0", "klingon", "2026-02-30"],
          ["99", "amendment", "x".repeat(10_001), "", "Someone", "", "", "civil-society", "two", "en", "2027-01-01"],
          ["III", "concern", "On a heading.", "", "Someone", "FR", "africa", "academia", "", "", ""],
          ["12", "concern", "Text", "", "Someone", "", "", "academia", "", "", "", "surplus"],
        ),
      ),
    ).toEqual([
      "Row 3: stance “maybe” is not one of support, concern, amendment, question, remark.",
      "Row 3: the comment is missing.",
      "Row 3: the author (person or organisation) is missing.",
      "Row 3: country “Narnia” is unknown (use an ISO code such as KE, or the UN name).",
      "Row 3: stakeholder group “bankers” is unknown.",
      "Row 3: people represented “0” is not a whole number of at least 1.",
      "Row 3: language “klingon” is not one of en, fr, es, ar, zh, ru.",
      "Row 3: date “2026-02-30” is not a date written YYYY-MM-DD.",
      "Row 4: paragraph “99” is not in the current version of the draft.",
      "Row 4: the comment is over 10,000 characters.",
      "Row 4: people represented “two” is not a whole number of at least 1.",
      "Row 4: date “2027-01-01” is in the future.",
      "Row 5: “III” is a heading; comments go on paragraphs (or leave it empty for the whole draft).",
      "Row 6: 12 cells, but the first row has 11 columns (a text containing the separator needs quotation marks).",
    ]);
  });

  it("check what depends on several cells once the cells themselves are valid", () => {
    expect(
      messages(
        sheet(
          ["12", "amendment", "Reword.", "", "Someone", "KE", "", "academia", "", "", ""],
          ["12", "concern", "Text", "", "Someone", "", "", "academia", "", "", ""],
          ["12", "concern", "Text", "", "Someone", "FR", "africa", "academia", "", "", ""],
        ),
      ),
    ).toEqual([
      "Row 2: an amendment needs the proposed text.",
      "Row 3: give a country or a region.",
      "Row 4: France is not in region “africa”.",
    ]);
  });

  it("refuse a header without the required columns, or with unknown or repeated ones", () => {
    const header = (h: string[]) => validateSheet({ header: h, rows: [{ row: 2, cells: h.map(() => "x") }] }, lookups).problems.map((p) => t(p.key, p.values));
    // A header that is fine: only the cells ("x") are wrong.
    expect(header(["Paragraph", "Stance", "Comment", "Author", "Stakeholder group", "Country"]).every((m) => m.startsWith("Row 2:"))).toBe(true);
    expect(header(["stance", "coment", "author", "stakeholder_group", "region", "region"])).toEqual([
      "The column “comment” is missing from the first row.",
      "The column “coment” is not one of the documented columns.",
      "The column “region” appears twice.",
    ]);
    expect(header(["stance", "comment", "author", "stakeholder_group"])).toEqual(["The file needs a “country” or a “region” column."]);
  });

  it("refuse a file with no comment in it", () => {
    expect(messages(sheet(["", "", ""]))).toEqual(["The file has no comment to import."]);
  });
});
