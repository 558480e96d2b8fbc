/**
 * The report read back with tools that did not write it: poppler's pdfinfo and pdftotext for the
 * PDF, the DOCX's own XML for Word. Skipped, saying why, where poppler is not installed
 * (test/run-all.sh installs it).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import "../i18n/catalogs.server";
import { createTranslator, type Locale } from "../i18n/translate";
import { reportPdf } from "./pdf.server";
import { buildReport } from "./report";
import { fixtureInput, row } from "./report-fixture";
import { reportDocx } from "./word.server";

const hasPoppler = (() => {
  try {
    execFileSync("pdfinfo", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPoppler) console.warn("report read-back tests skipped: poppler-utils (pdfinfo, pdftotext) is not installed; apt-get install poppler-utils");

const rows = [
  row({ id: 1, stance: "support", region: "africa", decision: "accepted", rationale: "Agreed", endorsements: 1, comment: "Human rights must come first in every use of these systems." }),
  row({ id: 2, stance: "concern", region: "europe-north-america", stakeholderGroup: "Private sector", comment: "La protection des données reste trop vague.", language: "fr", endorsements: 3 }),
  row({ id: 3, stance: "question", region: "arab-states", stakeholderGroup: "Civil society", comment: "حماية البيانات الشخصية ضرورية", language: "ar", endorsements: 2 }),
  row({ id: 4, stance: "support", nodeId: "b", paragraph: "OP2", region: "asia-pacific", channel: "regional-consultation", peopleRepresented: 40, comment: "我们支持这一段。", language: "zh" }),
];

const dir = mkdtempSync(join(tmpdir(), "redraft-report-"));
async function pdfFile(locale: Locale): Promise<string> {
  const report = buildReport(fixtureInput(rows, { locale }), createTranslator(locale));
  const file = join(dir, `report-${locale}.pdf`);
  writeFileSync(file, Buffer.from(await new Response(await reportPdf(report)).arrayBuffer()));
  return file;
}
const pdftotext = (file: string, ...args: string[]) => execFileSync("pdftotext", [...args, "-enc", "UTF-8", file, "-"]).toString();

describe.skipIf(!hasPoppler)("the PDF report, read back with poppler", () => {
  it("is tagged, titled, paginated, with contents, summary and methodology headings and page numbers", async () => {
    const file = await pdfFile("en");
    const info = execFileSync("pdfinfo", [file]).toString();
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Consultation summary: Ethics of AI$/m);
    const pages = Number(info.match(/^Pages:\s+(\d+)$/m)![1]);
    expect(pages).toBeGreaterThanOrEqual(5);
    const text = pdftotext(file, "-layout");
    const contents = pdftotext(file, "-f", "2", "-l", "2", "-layout");
    // The contents page lists each part with the page it starts on.
    const summaryPage = Number(contents.match(/Executive summary\s+(\d+)/)![1]);
    const methodologyPage = Number(contents.match(/Methodology\s+(\d+)/)![1]);
    expect(methodologyPage).toBeGreaterThan(summaryPage);
    expect(pdftotext(file, "-f", String(summaryPage), "-l", String(summaryPage))).toContain("Executive summary");
    expect(pdftotext(file, "-f", String(methodologyPage), "-l", String(methodologyPage))).toContain("Methodology");
    expect(text).toContain("Paragraph by paragraph");
    expect(text).toContain(`Page ${pages}`);
    expect(pdftotext(file, "-f", "1", "-l", "1")).not.toMatch(/Page 1/);
    // Quotations in their own scripts, embedded fonts printing them.
    expect(text).toContain("La protection des données reste trop vague.");
    expect(text).toContain("我们支持这一段。");
    const fonts = execFileSync("pdffonts", [file]).toString();
    expect(fonts).toMatch(/NotoSans-Regular/);
    expect(fonts).toMatch(/NotoSansCJKsc/);
    expect(fonts).toMatch(/NotoNaskhArabic/);
  });

  it("written in Arabic, extracts in logical order", async () => {
    const file = await pdfFile("ar");
    expect(execFileSync("pdfinfo", [file]).toString()).toMatch(/^Tagged:\s+yes$/m);
    // In content order (-raw), as a screen reader or a copy reads it; pdftotext's embedding controls aside.
    const text = pdftotext(file, "-raw").replace(/[\u202a-\u202e]/g, "");
    expect(text).toContain("الملخص التنفيذي");
    expect(text).toContain("المنهجية");
    expect(text).toContain("حماية البيانات الشخصية ضرورية");
    expect(text).toContain("فقرة فقرة");
    expect(text.indexOf("الملخص التنفيذي")).toBeLessThan(text.indexOf("المنهجية", text.indexOf("الملخص التنفيذي")));
  });
});

describe("the Word report", () => {
  it("has real headings, a table of contents field, Word tables and quotations marked with their language", async () => {
    const report = buildReport(fixtureInput(rows), createTranslator("en"));
    const zip = await JSZip.loadAsync(await reportDocx(report));
    const xml = await zip.file("word/document.xml")!.async("string");
    const headings = [...xml.matchAll(/<w:pStyle w:val="Heading1"\/>.*?<w:t[^>]*>([^<]*)<\/w:t>/gs)].map((m) => m[1]);
    expect(headings).toEqual(["Contents", "Executive summary", "Methodology", "Paragraph by paragraph", "Annex: tables"]);
    expect(xml).toMatch(/<w:instrText[^>]*>\s*TOC [^<]*\\o &quot;1-2&quot;/);
    expect(xml).toMatch(/<w:tblHeader\/>/);
    expect(xml).toContain("Participation by channel");
    expect(xml).toMatch(/<w:lang w:val="fr-FR"[^>]*\/>(?:(?!<\/w:r>).)*La protection des données/s);
    expect(xml).toMatch(/<w:rtl\/>(?:(?!<\/w:r>).)*حماية البيانات/s);
    const settings = await zip.file("word/settings.xml")!.async("string");
    expect(settings).toContain("w:updateFields");
  });
});
