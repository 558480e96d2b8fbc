/**
 * npm run import -- <file> [--format text|markdown|docx] [--consultation <slug>] [--translation <language>] [--dry-run] [--json]
 *
 * Imports a draft as a new document version (of the consultation's own document with --consultation;
 * without it, of the standalone document of the same title, never of a consultation's); with --translation, as the text in that language of
 * the consultation's current version (aligned paragraph by paragraph, replacing an earlier import). With --dry-run nothing is written; --json prints the
 * outline in the format documented in docs/import-format.md. Bad input exits with code 2.
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { loadConfig } from "../config/env.server";
import { migrateDatabase, openDatabase } from "../../db/client.server";
import { languages } from "../../db/enums";
import { storeImportedOutline } from "../drafts/store-import.server";
import { storeTranslation, TranslationError } from "../drafts/translations.server";
import { formatFromFileName, importDocument, type ImportedOutline } from "../import";
import { findOutlineProblems, type OutlineProblem } from "../import/outline-problems";

const USAGE =
  "usage: npm run import -- <file> [--format text|markdown|docx] [--consultation <slug>] [--translation en|fr|es|ar|zh|ru] [--dry-run] [--json]";
const MAX_FILE_BYTES = 20 * 1024 * 1024;

class CliError extends Error {}

const argsSchema = z.object({
  file: z.string().min(1),
  format: z.enum(["text", "markdown", "docx"], { error: "--format must be text, markdown or docx" }).optional(),
  consultation: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/, { error: "--consultation must be a slug of lower-case letters, digits and hyphens" })
    .optional(),
  translation: z.enum(languages, { error: "--translation must be one of en, fr, es, ar, zh, ru" }).optional(),
  dryRun: z.boolean(),
  json: z.boolean(),
}).refine((a) => !a.translation || a.consultation, { error: "--translation needs --consultation <slug>: the consultation whose text it translates" });

function parseCli(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string" },
        consultation: { type: "string" },
        translation: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`);
  }
  if (parsed.positionals.length !== 1) {
    throw new CliError(`expected exactly one file, got ${parsed.positionals.length}\n${USAGE}`);
  }
  const result = argsSchema.safeParse({
    file: parsed.positionals[0],
    format: parsed.values.format,
    consultation: parsed.values.consultation,
    translation: parsed.values.translation,
    dryRun: parsed.values["dry-run"],
    json: parsed.values.json,
  });
  if (!result.success) throw new CliError(`${result.error.issues.map((i) => i.message).join("; ")}\n${USAGE}`);
  return result.data;
}

function readInput(file: string): Buffer {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error("not a regular file");
    if (stat.size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    return readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new CliError(`cannot read ${file}: ${reason}`);
  }
}

function summary(outline: ImportedOutline): string {
  const counts = new Map<string, number>();
  for (const n of outline.nodes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(", ");
}

function describeProblem(outline: ImportedOutline, problem: OutlineProblem): string {
  const node = outline.nodes[problem.nodeIndex]!;
  const where = node.label ?? `"${node.text.slice(0, 40)}${node.text.length > 40 ? "…" : ""}"`;
  return `  node ${problem.nodeIndex + 1} (${where}): ${problem.kind}${problem.detail ? ` (${problem.detail})` : ""}`;
}

async function main(argv: string[]): Promise<void> {
  const args = parseCli(argv);
  const format = args.format ?? formatFromFileName(args.file);
  if (!format) {
    throw new CliError(`cannot tell the format of ${args.file} from its name; pass --format text|markdown|docx`);
  }
  const data = readInput(args.file);
  let outline: ImportedOutline;
  try {
    outline = await importDocument(data, format);
  } catch (error) {
    throw new CliError(`cannot parse ${args.file} as ${format}: ${(error as Error).message}`);
  }
  if (outline.nodes.length === 0) throw new CliError(`cannot parse ${args.file} as ${format}: no text found`);

  if (args.dryRun) {
    // The same checks the upload preview shows, so a secretariat scripting imports sees them too.
    const problems = findOutlineProblems(outline);
    if (args.json) process.stdout.write(`${JSON.stringify({ title: outline.title, nodes: outline.nodes, problems }, null, 2)}\n`);
    else {
      console.log(`${args.file}: "${outline.title}": ${summary(outline)} (dry run, nothing written)`);
      if (problems.length > 0) console.log(`${problems.length} place(s) to check:\n${problems.map((p) => describeProblem(outline, p)).join("\n")}`);
    }
    return;
  }

  const config = loadConfig();
  const db = openDatabase(config.databasePath);
  try {
    migrateDatabase(db);
    if (args.translation) {
      let stored;
      try {
        stored = storeTranslation(db, args.consultation!, args.translation, outline);
      } catch (error) {
        if (error instanceof TranslationError) throw new CliError(`cannot import ${args.file} as a translation: ${error.message}`);
        throw error;
      }
      if (args.json) process.stdout.write(`${JSON.stringify({ file: args.file, language: args.translation, ...stored })}\n`);
      else {
        console.log(
          `Imported ${args.file} as the ${args.translation} text of version ${stored.versionNumber}: ${stored.aligned} nodes aligned` +
            (stored.missing.length ? `; untranslated: ${stored.missing.join(", ")}` : "") +
            (stored.unmatched.length ? `; matching nothing: ${stored.unmatched.join(", ")}` : "") +
            ".",
        );
      }
      return;
    }
    const stored = storeImportedOutline(db, outline, {
      consultationSlug: args.consultation,
      sourceFormat: format,
      sourceName: basename(args.file),
    });
    const result = { file: args.file, title: outline.title, ...stored };
    if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      console.log(
        `Imported ${args.file} as version ${stored.versionNumber} of "${outline.title}": ${summary(outline)}; ` +
          `${stored.carriedOver} paragraphs kept their identity from the previous version.`,
      );
    }
  } finally {
    db.$client.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CliError) {
    console.error(`redraft import: ${error.message}`);
    process.exit(2);
  }
  console.error(`redraft import: ${(error as Error).message ?? error}`);
  process.exit(2);
});
