/**
 * The report read back with tools that did not write it: poppler's pdfinfo and pdftotext for the
 * PDF; for Word, the DOCX's own XML, and the streamed file unzipped by yauzl and parsed by xmldom. Skipped, saying why, where poppler is not installed
 * (test/run-all.sh installs it).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import JSZip from "jszip";
import yauzl from "yauzl";
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
async function pdfFile(locale: Locale, extra: ReturnType<typeof row>[] = []): Promise<string> {
  const report = buildReport(fixtureInput([...rows, ...extra], { locale }), createTranslator(locale));
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
    expect(fonts).toMatch(/NotoSansArabic/);
  });

  it("written in Arabic, extracts in logical order, mixed-direction sentences included", async () => {
    // "We ask that paragraph OP2 be deleted because of 75 per cent of the replies (see decision 2025/14)":
    // Latin letters, numbers and brackets inside right-to-left text.
    const mixed = "نطلب حذف الفقرة OP2 بسبب 75 في المائة من الردود (انظر القرار 2025/14)";
    const file = await pdfFile("ar", [row({ id: 6, stance: "concern", nodeId: "b", paragraph: "OP2", region: "arab-states", endorsements: 4, language: "ar", comment: mixed })]);
    expect(execFileSync("pdfinfo", [file]).toString()).toMatch(/^Tagged:\s+yes$/m);
    // In content order (-raw), as a screen reader or a copy reads it: each piece of a line is drawn
    // where the bidi algorithm puts it, in the order it was written.
    const raw = pdftotext(file, "-raw").replace(/[\u202a-\u202e]/g, "").replace(/\s+/g, " ");
    expect(raw).toContain("الملخص التنفيذي");
    expect(raw).toContain("المنهجية");
    expect(raw).toContain("حماية البيانات الشخصية ضرورية");
    expect(raw).toContain("فقرة فقرة");
    expect(raw.indexOf("الملخص التنفيذي")).toBeLessThan(raw.indexOf("المنهجية", raw.indexOf("الملخص التنفيذي")));
    expect(raw).toContain("“نطلب حذف الفقرة OP2 بسبب 75 في المائة من الردود ( انظر القرار 2025/14 ) ”");
    // pdftotext's own reading order (by position, its bidi marks aside) gives the sentence back too,
    // brackets as written: the mirrored ones are drawn flipped, not replaced.
    const laidOut = pdftotext(file).replace(/[\u202a-\u202e]/g, " ").replace(/\s+/g, " ");
    expect(laidOut).toContain("نطلب حذف الفقرة OP2 بسبب 75 في المائة من الردود (انظر القرار");
  });

  it("written in Arabic, extracts lam-alef words as written, whichever font draws them", async () => {
    // "Because man is free, and no peace without justice…": لأ, لإ, لا, لآ (and لى), one glyph each on the page.
    const words = "لأن الإنسان حر ولا سلام بلا عدالة والآن السلام على الجميع";
    // The same words beside a Latin abbreviation: set in the font that has both scripts (DejaVu Sans).
    const withLatin = `${words} UNESCO`;
    const file = await pdfFile("ar", [
      row({ id: 7, stance: "support", nodeId: "b", paragraph: "OP2", region: "arab-states", endorsements: 6, language: "ar", comment: words }),
      row({ id: 8, stance: "concern", nodeId: "b", paragraph: "OP2", region: "arab-states", endorsements: 5, language: "ar", comment: withLatin }),
    ]);
    expect(execFileSync("pdfinfo", [file]).toString()).toMatch(/^Tagged:\s+yes$/m);
    expect(execFileSync("pdffonts", [file]).toString()).toMatch(/DejaVuSans/);
    const normalise = (text: string) => text.replace(/[\u202a-\u202e]/g, " ").replace(/\s+/g, " ");
    // In content order (-raw) and in pdftotext's reading order by position: both quotations whole.
    for (const text of [normalise(pdftotext(file, "-raw")), normalise(pdftotext(file))]) {
      expect(text.split(words).length - 1).toBe(2);
    }
    // A quotation wholly in Arabic keeps its quotation marks (the Arabic face has none: the Latin one draws them).
    const quoted = normalise(pdftotext(file)).match(new RegExp(`(.)\\s*${words}\\s*(.)`));
    expect(quoted?.slice(1).sort()).toEqual(["“", "”"]);
    // The report's own Arabic text too: "Latin America", "a general remark".
    expect(normalise(pdftotext(file, "-raw"))).toContain("أمريكا اللاتينية والبحر الكاريبي");
    expect(normalise(pdftotext(file, "-raw"))).toContain("ملاحظة عامة");
  });
});

describe("the Word report", () => {
  it("has real headings, a table of contents field, Word tables and quotations marked with their language", async () => {
    const report = buildReport(fixtureInput(rows), createTranslator("en"));
    const zip = await JSZip.loadAsync(await new Response(await reportDocx(report)).arrayBuffer());
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

/** Every entry of a zip file, read with yauzl (not the library that wrote it). */
function unzip(bytes: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, string>();
      zip.on("entry", (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString("utf8"));
            zip.readEntry();
          });
        }),
      );
      zip.on("end", () => resolve(files));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const all = (el: Element | Document, name: string): Element[] => {
  const list = el.getElementsByTagNameNS(W, name);
  return Array.from({ length: list.length }, (_, i) => list.item(i)!);
};
const textOf = (el: Element) => all(el, "t").map((t) => t.textContent).join("");
const styleOf = (p: Element) => all(p, "pStyle")[0]?.getAttributeNS(W, "val") ?? null;

describe("the streamed Word report, read by an independent zip reader and XML parser", () => {
  it("has its headings as Word headings and its tables as Word tables, even around hostile comment text", async () => {
    const hostile = 'Fine print </w:t></w:r><w:r><w:t>injected & "quoted" <b>\u0001\u000b text';
    const report = buildReport(fixtureInput([...rows, row({ id: 5, nodeId: "b", paragraph: "OP2", endorsements: 9, comment: hostile })]), createTranslator("en"));
    const files = await unzip(Buffer.from(await new Response(await reportDocx(report)).arrayBuffer()));
    expect([...files.keys()]).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/settings.xml"]));
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(files.get("word/document.xml")!, "text/xml");
    expect(errors).toEqual([]);
    const paragraphs = all(doc, "p");
    const headings = (level: number) => paragraphs.filter((p) => styleOf(p) === `Heading${level}`).map(textOf);
    expect(headings(1)).toEqual(["Contents", "Executive summary", "Methodology", "Paragraph by paragraph", "Annex: tables"]);
    expect(headings(2)).toEqual(expect.arrayContaining(["Who took part", "Paragraph OP1", "Paragraph OP2"]));
    // The styles those headings name exist, so Word shows them as headings and lists them in the contents.
    expect(files.get("word/styles.xml")).toMatch(/w:styleId="Heading2"/);
    // The first table: participation by channel, a header row repeated on each page, then the figures.
    const table = all(doc, "tbl")[0]!;
    const tableRows = all(table, "tr");
    expect(all(tableRows[0]!, "tblHeader")).toHaveLength(1);
    expect(all(tableRows[0]!, "tc").map(textOf)).toEqual(["Channel", "Comments", "Participants", "People represented"]);
    expect(all(tableRows[1]!, "tc").map(textOf)).toEqual(["Online", "4", "4", "4"]);
    // The comment is quoted as written, markup and all, minus the control characters XML cannot carry.
    expect(paragraphs.map(textOf)).toContain(`“${hostile.replace(/[\u0001\u000b]/g, "")}”`);
  });
});

const hasPandoc = (() => {
  try {
    execFileSync("pandoc", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPandoc) console.warn("Word read-back with pandoc skipped: pandoc is not installed; apt-get install pandoc");

describe.skipIf(!hasPandoc)("the Word report, read by pandoc (a reader that is not Word)", () => {
  it("finds its headings as headings at their levels and its figures as a table", async () => {
    const report = buildReport(fixtureInput(rows), createTranslator("en"));
    const file = join(dir, "report-pandoc.docx");
    writeFileSync(file, Buffer.from(await new Response(await reportDocx(report)).arrayBuffer()));
    const markdown = execFileSync("pandoc", ["-f", "docx", "-t", "markdown", file], { encoding: "utf8" });
    const headings = markdown.split("\n").filter((line) => line.startsWith("#"));
    expect(headings).toEqual(expect.arrayContaining(["# Executive summary", "# Methodology", "## Who took part", "# Annex: tables"]));
    // Tables come out as tables (pandoc draws their rules with dashes), the channel figures among them.
    expect(markdown).toMatch(/-{5,}[\s\S]*\*\*Online\*\*/);
  });
});
