/**
 * The rows of a bulk import (docs/bulk-import-format.md), checked one by one against the draft and
 * the stakeholder groups: every problem of every row is named, so a refused file can be corrected
 * in one go. Row numbers are the spreadsheet's: the header is row 1.
 */
import { z } from "zod";
import { languages, stances, unescoRegions, type Language, type NodeKind, type Stance, type UnescoRegion } from "../../db/enums";
import { findCountry } from "../accounts/countries";
import { MAX_COMMENT_LENGTH } from "../comments/comment-text";
import { en, type MessageKey } from "../i18n/messages.en";
import { isCalendarDate, MAX_AUTHOR_LENGTH, MAX_PEOPLE_REPRESENTED, resolveOrigin, type Origin } from "./recorded-input";
import { hasNoControlCharacters } from "../comments/control-characters";

export const MAX_IMPORT_BYTES = 5_000_000;
export const MAX_IMPORT_ROWS = 20_000;

export const IMPORT_COLUMNS = [
  "paragraph",
  "stance",
  "comment",
  "proposed_text",
  "author",
  "country",
  "region",
  "stakeholder_group",
  "people_represented",
  "language",
  "date",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ["stance", "comment", "author", "stakeholder_group"];

/** A file as rows of text cells, whatever its format; `row` is the spreadsheet row number. */
export interface Sheet {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/** One reason a file is refused: a translation key and its values (`row` when it is about one row). */
export interface ImportProblem {
  key: MessageKey;
  values: Record<string, string | number>;
}

export interface ImportLookups {
  /** The current version's outline, by label. */
  paragraphs: ReadonlyMap<string, { nodeId: string; kind: NodeKind }>;
  groups: readonly { id: number; slug: string; name: string }[];
  /** Dates after this one are refused ("YYYY-MM-DD"). */
  today: string;
}

export interface ImportRow extends Origin {
  row: number;
  label: string | null;
  nodeId: string | null;
  stance: Stance;
  body: string;
  proposedText: string | null;
  authorName: string;
  stakeholderGroupId: number;
  peopleRepresented: number;
  language: Language;
  /** The day the submission was received, when the file says. */
  receivedOn: string | null;
}

/** "Stakeholder group" and "stakeholder-group" name the column stakeholder_group. */
export function columnName(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

const regionNames = new Map<string, UnescoRegion>(
  unescoRegions.flatMap((r) => [
    [r, r],
    [en[`region.${r}`].toLowerCase(), r],
  ]),
);

// Shared by the cell transforms (strings) and the row transform (the parsed record).
type Ctx = z.core.$RefinementCtx<any>;
const refuse = (ctx: Ctx, key: MessageKey, values: Record<string, string | number> = {}) => {
  ctx.addIssue({ code: "custom", message: key, params: values });
  return z.NEVER;
};

/** The check of one row, given what the consultation knows (its outline, the stakeholder groups). */
function rowSchema(lookups: ImportLookups) {
  const labels = new Map([...lookups.paragraphs].map(([label, node]) => [label.toLowerCase(), { label, ...node }]));
  const groups = new Map(lookups.groups.flatMap((g) => [[g.slug.toLowerCase(), g], [g.name.toLowerCase(), g]]));
  const cell = z.string().trim();
  return z
    .object({
      paragraph: cell.transform((value, ctx) => {
        if (value === "") return null;
        const node = labels.get(value.toLowerCase());
        if (!node) return refuse(ctx, "import.row.paragraph.unknown", { value });
        if (node.kind === "heading") return refuse(ctx, "import.row.paragraph.heading", { value });
        return node;
      }),
      stance: cell.transform((value, ctx) => {
        const stance = stances.find((s) => s === value.toLowerCase());
        if (value === "") return refuse(ctx, "import.row.stance.missing", { allowed: stances.join(", ") });
        return stance ?? refuse(ctx, "import.row.stance.invalid", { value, allowed: stances.join(", ") });
      }),
      comment: cell.min(1, { error: "import.row.comment.missing" }).max(MAX_COMMENT_LENGTH, { error: "import.row.comment.tooLong" }),
      proposed_text: cell.max(MAX_COMMENT_LENGTH, { error: "import.row.proposedText.tooLong" }),
      author: cell.min(1, { error: "import.row.author.missing" }).max(MAX_AUTHOR_LENGTH, { error: "import.row.author.tooLong" }),
      country: cell.transform((value, ctx) => {
        if (value === "") return null;
        return findCountry(value) ?? refuse(ctx, "import.row.country.unknown", { value });
      }),
      region: cell.transform((value, ctx) => {
        if (value === "") return null;
        return regionNames.get(value.toLowerCase()) ?? refuse(ctx, "import.row.region.unknown", { value, allowed: unescoRegions.join(", ") });
      }),
      stakeholder_group: cell.transform((value, ctx) => {
        if (value === "") return refuse(ctx, "import.row.group.missing");
        return groups.get(value.toLowerCase()) ?? refuse(ctx, "import.row.group.unknown", { value });
      }),
      people_represented: cell.transform((value, ctx) => {
        if (value === "") return 1;
        const n = /^\d+$/.test(value) ? Number(value) : NaN;
        return n >= 1 && n <= MAX_PEOPLE_REPRESENTED ? n : refuse(ctx, "import.row.people.invalid", { value });
      }),
      language: cell.transform((value, ctx) => {
        if (value === "") return "en" as Language;
        return languages.find((l) => l === value.toLowerCase()) ?? refuse(ctx, "import.row.language.invalid", { value, allowed: languages.join(", ") });
      }),
      date: cell.transform((value, ctx) => {
        if (value === "") return null;
        if (!isCalendarDate(value)) return refuse(ctx, "import.row.date.invalid", { value });
        return value > lookups.today ? refuse(ctx, "import.row.date.future", { value }) : value;
      }),
    })
    .transform((r, ctx): Omit<ImportRow, "row"> => {
      if (r.stance === "amendment" && r.proposed_text === "") refuse(ctx, "import.row.proposedText.missing");
      const origin = resolveOrigin(r.country, r.region);
      if (origin === "origin.required") return refuse(ctx, "import.row.origin.missing");
      if (origin === "origin.mismatch") return refuse(ctx, "import.row.origin.mismatch", { country: r.country!.name, region: r.region! });
      return {
        ...origin,
        label: r.paragraph?.label ?? null,
        nodeId: r.paragraph?.nodeId ?? null,
        stance: r.stance,
        body: r.comment,
        proposedText: r.proposed_text === "" ? null : r.proposed_text,
        authorName: r.author,
        stakeholderGroupId: r.stakeholder_group.id,
        peopleRepresented: r.people_represented,
        language: r.language,
        receivedOn: r.date,
      };
    });
}

/** Problems with the header itself: a required column missing, a column we do not know, one twice. */
function headerProblems(header: string[]): ImportProblem[] {
  const names = header.map(columnName);
  const problems: ImportProblem[] = [];
  for (const column of REQUIRED_COLUMNS) {
    if (!names.includes(column)) problems.push({ key: "import.file.missingColumn", values: { column } });
  }
  if (!names.includes("country") && !names.includes("region")) problems.push({ key: "import.file.missingOrigin", values: {} });
  names.forEach((name, i) => {
    if (name === "") return;
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) problems.push({ key: "import.file.unknownColumn", values: { column: header[i]!.trim() } });
    else if (names.indexOf(name) !== i) problems.push({ key: "import.file.duplicateColumn", values: { column: name } });
  });
  return problems;
}

/**
 * Every row checked: the rows to import, or every problem found (the file is then refused whole).
 * Blank rows are skipped; a file with no row to import is a problem too.
 */
export function validateSheet(sheet: Sheet, lookups: ImportLookups): { rows: ImportRow[]; problems: ImportProblem[] } {
  const problems = headerProblems(sheet.header);
  if (problems.length > 0) return { rows: [], problems };
  const names = sheet.header.map(columnName);
  const schema = rowSchema(lookups);
  const rows: ImportRow[] = [];
  for (const { row, cells } of sheet.rows) {
    if (cells.every((c) => c.trim() === "")) continue;
    if (cells.length > names.length && cells.slice(names.length).some((c) => c.trim() !== "")) {
      problems.push({ key: "import.row.tooManyCells", values: { row, cells: cells.length, columns: names.length } });
      continue;
    }
    const record = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, cells[names.indexOf(column)] ?? ""]));
    // A NUL byte or another control character would cut the text short in exports: named, not stored.
    const controlled = IMPORT_COLUMNS.find((column) => !hasNoControlCharacters(record[column]));
    if (controlled) {
      problems.push({ key: "import.row.controlCharacter", values: { row, column: controlled } });
      continue;
    }
    const parsed = schema.safeParse(record);
    if (parsed.success) rows.push({ row, ...parsed.data });
    else {
      for (const issue of parsed.error.issues) {
        const params = issue.code === "custom" ? (issue.params as Record<string, string | number> | undefined) : undefined;
        const key = issue.message in en ? (issue.message as MessageKey) : "import.row.invalid";
        problems.push({ key, values: { row, column: String(issue.path[0] ?? ""), ...params } });
      }
    }
  }
  if (problems.length === 0 && rows.length === 0) problems.push({ key: "import.file.empty", values: {} });
  return { rows, problems };
}
