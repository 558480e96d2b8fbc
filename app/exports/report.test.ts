import { describe, expect, it } from "vitest";
import "../i18n/catalogs.server";
import { createTranslator } from "../i18n/translate";
import { buildReport, type ReportBlock } from "./report";
import { fixtureInput, row } from "./report-fixture";

const headings = (blocks: ReportBlock[], level: number) => blocks.flatMap((b) => (b.kind === "heading" && b.level === level ? [b.text] : []));
const section = (blocks: ReportBlock[], from: string, to?: string) =>
  blocks.slice(blocks.findIndex((b) => b.kind === "heading" && b.text === from), to ? blocks.findIndex((b) => b.kind === "heading" && b.text === to) : undefined);

describe("the consultation report", () => {
  const rows = [
    row({ id: 1, stance: "support", region: "africa", decision: "accepted", rationale: "Agreed" }),
    row({ id: 2, stance: "concern", region: "europe-north-america", stakeholderGroup: "Private sector", comment: "Trop vague.", language: "fr", endorsements: 3 }),
    row({ id: 3, stance: "support", region: "africa", endorsements: 2, comment: "Strongly agree." }),
    row({ id: 4, stance: "support", nodeId: "b", paragraph: "OP2", region: "asia-pacific", channel: "regional-consultation", peopleRepresented: 40 }),
  ];
  const report = buildReport(fixtureInput(rows), createTranslator("en"));

  it("opens with a cover naming the consultation, version, dates and filters, then the four parts", () => {
    expect(report.cover.title).toBe("Consultation summary: Ethics of AI");
    expect(report.cover.lines).toEqual(expect.arrayContaining(["Draft version 1", "Filters applied: none (every visible comment)"]));
    expect(report.cover.lines.join(" ")).toMatch(/October 1, 2026 to November 30, 2026/);
    expect(headings(report.blocks, 1)).toEqual(["Executive summary", "Methodology", "Paragraph by paragraph", "Annex: tables"]);
  });

  it("sums up who took part, by channel, against the Member States baseline, and the most-discussed paragraphs", () => {
    const summary = section(report.blocks, "Executive summary", "Methodology");
    expect(summary).toContainEqual({ kind: "text", text: "Comments received: 4. Participants: 4. People represented: 43. Paragraphs commented on: 2." });
    const channel = summary.find((b) => b.kind === "table" && b.caption === "Participation by channel");
    expect(channel).toMatchObject({ rows: [["Online", "3", "3", "3"], ["Regional consultation", "1", "1", "40"]] });
    const regions = summary.find((b) => b.kind === "chart");
    expect(regions).toMatchObject({ chart: { kind: "bars", comparisonLabel: "Share of Member States" } });
    expect(summary.find((b) => b.kind === "text" && b.text.startsWith("A region is called"))).toMatchObject({ text: expect.stringContaining("No participants from: Arab States, Latin America and the Caribbean.") });
    expect(summary.find((b) => b.kind === "table" && b.caption.startsWith("The 10 most-discussed"))).toMatchObject({ rows: [["OP1", "3", "2", "1", "0", "0", "0"], ["OP2", "1", "1", "0", "0", "0", "0"]] });
    expect(summary).toContainEqual({ kind: "text", text: "The expert group has decided on 1 of 4 comments (25%)." });
  });

  it("gives each paragraph its text, charts with their numbers, themes, quotations, dispositions and revised wording", () => {
    const op1 = section(report.blocks, "Paragraph OP1", "Paragraph OP2");
    expect(op1).toContainEqual({ kind: "text", text: "States should act." });
    expect(op1.filter((b) => b.kind === "chart").map((b) => b.kind === "chart" && [b.chart.kind, b.numbers.caption])).toEqual([
      ["stance", "Stance mix"],
      ["bars", "Comments by region"],
      ["bars", "Comments by stakeholder group"],
    ]);
    expect(op1).toContainEqual({ kind: "text", text: "human rights · data protection" });
    expect(op1.filter((b) => b.kind === "quote")).toEqual([
      { kind: "quote", text: "Strongly agree.", lang: "en", attribution: "Support — Participant, Academia, Africa; endorsements: 2; comment 3" },
      { kind: "quote", text: "Trop vague.", lang: "fr", attribution: "Concern — Participant, Private sector, Europe and North America; endorsements: 3; comment 2" },
    ]);
    expect(op1).toContainEqual({ kind: "table", caption: "Campaigns", columns: ["Campaign", "Comments"], rows: [["Campaign A (Noted)", "12"]] });
    const diff = op1.find((b) => b.kind === "diff");
    expect(diff && diff.kind === "diff" && diff.parts.filter((p) => p.kind === "insert").map((p) => p.text).join("")).toContain("shall");
  });

  it("counts participants by gender and age only where they gave them", () => {
    const summary = section(report.blocks, "Executive summary", "Methodology");
    expect(summary.some((b) => b.kind === "table" && b.caption.startsWith("Participants by gender"))).toBe(false);
    const given = [row({ id: 50, gender: "woman", ageBand: "18-24" }), row({ id: 51, gender: "man", ageBand: "prefer-not-to-say" }), row({ id: 52, channel: "other-meeting" })];
    const withProfile = section(buildReport(fixtureInput(given), createTranslator("en")).blocks, "Executive summary", "Methodology");
    expect(withProfile.find((b) => b.kind === "table" && b.caption === "Participants by gender (where given)")).toMatchObject({
      columns: ["Gender", "Participants", "Share"],
      rows: [["Woman", "1", "33.3%"], ["Man", "1", "33.3%"], ["Not stated", "1", "33.3%"]],
    });
    expect(withProfile.find((b) => b.kind === "table" && b.caption === "Participants by age (where given)")).toMatchObject({
      rows: [["Prefer not to say", "1", "33.3%"], ["18 to 24", "1", "33.3%"], ["Not stated", "1", "33.3%"]],
    });
  });

  it("names the filters applied on the cover", () => {
    const filtered = buildReport(fixtureInput(rows, { filters: { region: "africa", campaigns: "collapsed" } }), createTranslator("en"));
    expect(filtered.cover.lines).toContain("Filters applied: Region: Africa; Campaigns counted once");
  });

  it("is written in the language chosen, with comments quoted in their own", () => {
    const fr = buildReport(fixtureInput(rows), createTranslator("fr"));
    expect(headings(fr.blocks, 1)).toEqual(["Résumé analytique", "Méthodologie", "Paragraphe par paragraphe", "Annexe : tableaux"]);
    expect(fr.blocks.filter((b) => b.kind === "quote").map((b) => b.kind === "quote" && [b.text, b.lang])).toEqual([["Strongly agree.", "en"], ["Trop vague.", "fr"], ["Comment 4", "en"]]);
  });
});

describe("joint submissions in the report", () => {
  it("counts each once and says how many signed them, from how many regions", () => {
    const coSigners = (regionCodes: string[], signers: number) => ({ signers, organisations: 1, regions: regionCodes.length, regionCodes, list: [] });
    const rows = [
      row({ id: 1, region: "africa", coSigners: coSigners(["africa", "arab-states"], 12) }),
      row({ id: 2, region: "asia-pacific", coSigners: coSigners(["asia-pacific", "africa"], 3) }),
      row({ id: 3, region: "africa" }),
    ];
    const report = buildReport(fixtureInput(rows), createTranslator("en"));
    const summary = section(report.blocks, "Executive summary", "Methodology");
    expect(summary).toContainEqual({ kind: "text", text: "Comments received: 3. Participants: 3. People represented: 3. Paragraphs commented on: 1." });
    expect(summary).toContainEqual({ kind: "text", text: "2 comments were joint submissions, with 15 signatures from 3 regions in all; each counts once in the figures above." });
    expect(buildReport(fixtureInput([row({ id: 3 })]), createTranslator("en")).blocks.some((b) => b.kind === "text" && b.text.includes("joint submission"))).toBe(false);
  });
});
