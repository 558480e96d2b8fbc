import { readdirSync, readFileSync } from "node:fs";
import { crc32, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { outlineToDocx } from "../../test/support/render-docx";
import { readSpreadsheet } from "../channels/spreadsheet.server";
import { ImportError, importDocx } from "./index";
import { inspectZip, ZIP_LIMITS, ZipLimitError } from "./zip-limits.server";

interface Part {
  name: string;
  /** The content (deflated here unless `stored`). */
  data: Buffer;
  /** Deflate data written as is, in place of `data` deflated. */
  deflated?: Buffer;
  /** Sizes written into the headers, when they should lie. */
  declaredSize?: number;
  declaredCompressedSize?: number;
  stored?: boolean;
}

/** A ZIP archive written by hand, so its headers can say whatever an attacker wants. */
function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const body = part.deflated ?? (part.stored ? part.data : deflateRawSync(part.data));
    const size = part.declaredSize ?? part.data.length;
    const crc = crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(part.declaredCompressedSize ?? body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(part.declaredCompressedSize ?? body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function refusal(data: Buffer): Promise<string> {
  try {
    await inspectZip(data);
  } catch (error) {
    if (error instanceof ZipLimitError) return error.problem.key;
    throw error;
  }
  return "accepted";
}

const zeros = (bytes: number) => Buffer.alloc(bytes);

describe("ZIP containers are inspected before they are expanded", () => {
  it("accepts a real DOCX and a real XLSX", async () => {
    const folder = new URL("./fixtures/", import.meta.url);
    const expected = readdirSync(folder).find((f) => f.endsWith(".expected.json"))!;
    const docx = await outlineToDocx(JSON.parse(readFileSync(new URL(expected, folder), "utf8")), { numbering: "word" });
    expect(await refusal(docx)).toBe("accepted");
    const { default: Excel } = await import("exceljs");
    const workbook = new Excel.Workbook();
    workbook.addWorksheet("Comments").addRows([["paragraph", "comment"], ["PP1", "Fine"]]);
    expect(await refusal(Buffer.from(await workbook.xlsx.writeBuffer()))).toBe("accepted");
  });

  it("refuses a zip bomb: a small file whose parts expand past the total limit", async () => {
    // 40 parts declaring 3 MB each (and a modest 2:1 ratio): 120 MB in all, from a few kilobytes.
    const part = deflateRawSync(zeros(3_000_000));
    const bomb = zip(
      Array.from({ length: 40 }, (_, i) => ({ name: `xl/p${i}.xml`, data: zeros(0), deflated: part, declaredSize: 3_000_000, declaredCompressedSize: 1_500_000 })),
    );
    expect(bomb.length).toBeLessThan(200_000);
    expect(await refusal(bomb)).toBe("zip.tooLarge");
  });

  it("refuses a part compressed more than the ratio limit", async () => {
    expect(await refusal(zip([{ name: "word/document.xml", data: zeros(20_000_000) }]))).toBe("zip.tooCompressed");
  });

  it("refuses more entries than the limit", async () => {
    const many = zip(Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `e${i}`, data: Buffer.from("x"), stored: true })));
    expect(await refusal(many)).toBe("zip.tooManyEntries");
  });

  it("refuses a header that lies about its size, without inflating past the limit", async () => {
    // Declares 100 KB; really holds 150 MB of zeros (deflated to about 150 KB).
    const liar = zip([{ name: "word/document.xml", data: zeros(0), deflated: deflateRawSync(zeros(150_000_000)), declaredSize: 100_000 }]);
    const before = process.memoryUsage().rss;
    expect(await refusal(liar)).toBe("zip.sizeMismatch");
    // Inflated as a stream and discarded: nowhere near the 150 MB it holds.
    expect(process.memoryUsage().rss - before).toBeLessThan(60_000_000);
  });

  it("refuses what is not a ZIP file", async () => {
    expect(await refusal(Buffer.from("PK not really a zip"))).toBe("zip.unreadable");
  });

  it("guards the entry points: the DOCX importer and the spreadsheet reader refuse with the message", async () => {
    const bomb = zip([{ name: "word/document.xml", data: zeros(20_000_000) }]);
    await expect(importDocx(bomb)).rejects.toThrow(ImportError);
    await expect(importDocx(bomb)).rejects.toThrow(/compressed more than 100 to 1/);
    expect(await readSpreadsheet("comments.xlsx", bomb)).toEqual({ key: "zip.tooCompressed", values: { max: 100 } });
  });

  it("holds spreadsheets to a lower total, as exceljs keeps the whole workbook in memory", async () => {
    const part = deflateRawSync(zeros(1_000));
    const sixtyMegabytes = zip(
      Array.from({ length: 20 }, (_, i) => ({ name: `xl/p${i}.xml`, data: zeros(0), deflated: part, declaredSize: 3_000_000, declaredCompressedSize: 1_500_000 })),
    );
    // Under the general limit, a size it would not refuse for (it fails later, its headers lying).
    expect(await refusal(sixtyMegabytes)).not.toBe("zip.tooLarge");
    expect(await readSpreadsheet("comments.xlsx", sixtyMegabytes)).toEqual({ key: "zip.tooLarge", values: { max: 50 } });
  });
});
