/**
 * Reads an uploaded CSV (UTF-8, with or without a byte order mark, comma- or semicolon-separated)
 * or XLSX file (its first sheet) into rows of text cells, or says why it cannot.
 */
import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import { inspectZip, ZIP_LIMITS, ZipLimitError } from "../import/zip-limits.server";

/**
 * exceljs holds the whole workbook as objects, several times the XML's size: under the server's
 * heap cap (decision 009) a spreadsheet expands to half the general ZIP limit at most. 20,000
 * rows of long comments stay well below it.
 */
export const XLSX_LIMITS = { ...ZIP_LIMITS, maxUncompressedBytes: 50_000_000 };
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportProblem, type Sheet } from "./import-rows";

const problem = (key: ImportProblem["key"], values: ImportProblem["values"] = {}): ImportProblem => ({ key, values });

/**
 * Excel in much of Europe writes CSV with semicolons: the delimiter is whichever of the two the
 * header line uses more (outside quotes), so a comma inside a semicolon file's text stays text.
 */
function csvDelimiter(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

function readCsv(bytes: Uint8Array): Sheet | ImportProblem {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return problem("import.file.notUtf8");
  }
  let records: string[][];
  try {
    records = parse(text, { delimiter: csvDelimiter(text), relax_column_count: true, skip_empty_lines: false, to: MAX_IMPORT_ROWS + 2 });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return problem("import.file.badCsv", { line: line ?? "?" });
  }
  return toSheet(records);
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === "object" && "result" in value && value.result instanceof Date) return value.result.toISOString().slice(0, 10);
  return cell.text ?? "";
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet | ImportProblem> {
  // Inspected before exceljs expands anything (decompressed size, entries, ratio).
  try {
    await inspectZip(bytes, XLSX_LIMITS);
  } catch (error) {
    if (error instanceof ZipLimitError) return error.problem.key === "zip.unreadable" ? problem("import.file.badXlsx") : error.problem;
    throw error;
  }
  // Loaded on first use (decision 017): exceljs is large and only imports and exports need it.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return problem("import.file.badXlsx");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return problem("import.file.empty");
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) return problem("import.file.tooManyRows", { max: MAX_IMPORT_ROWS });
  const records: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
    records.push(cells);
  }
  return toSheet(records);
}

function toSheet(records: string[][]): Sheet | ImportProblem {
  const [header, ...rest] = records;
  if (!header || header.every((h) => h.trim() === "")) return problem("import.file.empty");
  if (rest.length > MAX_IMPORT_ROWS) return problem("import.file.tooManyRows", { max: MAX_IMPORT_ROWS });
  return { header, rows: rest.map((cells, i) => ({ row: i + 2, cells })) };
}

/** The file as a sheet, by its name's extension (checked against its first bytes for XLSX). */
export async function readSpreadsheet(fileName: string, bytes: Uint8Array): Promise<Sheet | ImportProblem> {
  if (bytes.byteLength === 0) return problem("import.file.empty");
  if (bytes.byteLength > MAX_IMPORT_BYTES) return problem("import.file.tooLarge", { max: MAX_IMPORT_BYTES / 1_000_000 });
  const extension = fileName.toLowerCase().split(".").pop();
  if (extension === "csv" || extension === "txt") return readCsv(bytes);
  // An XLSX file is a ZIP archive: it starts with "PK".
  if (extension === "xlsx" && bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes);
  if (extension === "xlsx") return problem("import.file.badXlsx");
  return problem("import.file.wrongType");
}

export function isProblem(value: Sheet | ImportProblem): value is ImportProblem {
  return "key" in value;
}
