import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { outlineToDocx } from "../../test/support/render-docx";
import { runImport } from "../../test/support/run-import";
import { repoRoot } from "../../test/support/start-server";
import { outlineProblemKinds } from "../import/outline-problems";
import { outlineToMarkdown } from "../import/render-markdown";


function tempFolder() {
  return mkdtempSync(join(tmpdir(), "redraft-import-"));
}

/** The documented dry-run shape (docs/import-format.md), strictly: no extra keys anywhere. */
const dryRunShape = z
  .object({
    title: z.string().min(1),
    nodes: z.array(
      z
        .object({
          kind: z.enum(["heading", "preambular", "operative", "paragraph", "subparagraph", "text"]),
          label: z.string().nullable(),
          parent: z.string().nullable(),
          level: z.number().int().min(0),
          text: z.string(),
          footnotes: z.array(z.string()),
        })
        .strict(),
    ),
    problems: z.array(
      z
        .object({
          nodeIndex: z.number().int().min(0),
          kind: z.enum(outlineProblemKinds),
          detail: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

const seed = join(repoRoot, "seeds", "ga-resolution-78-265-safe-secure-trustworthy-ai.txt");

describe("npm run import", () => {
  it("--dry-run --json prints the outline in the documented shape and writes nothing", async () => {
    const db = join(tempFolder(), "redraft.db");
    const result = await runImport([seed, "--dry-run", "--json"], db);
    expect(result.status, result.stderr).toBe(0);
    const outline = dryRunShape.parse(JSON.parse(result.stdout));
    const labels = outline.nodes.map((n) => n.label);
    expect(labels).toContain("OP4(a)");
    expect(outline.nodes.find((n) => n.label === "OP4(a)")?.parent).toBe("OP4");
    expect(existsSync(db)).toBe(false);
    // The clean seed has nothing to check.
    expect(outline.problems).toEqual([]);
  });

  it("--dry-run names the places to check: in the JSON as problems, in the summary as lines", async () => {
    const folder = tempFolder();
    const db = join(folder, "redraft.db");
    const file = join(folder, "gap.txt");
    writeFileSync(file, [
        "The General Assembly,",
        "Recalling its resolutions on human rights in the context of digital technologies,",
        "1. Decides to keep the question of digital technologies under review;",
        "3. Requests the Secretary-General to report on the implementation of the present resolution.",
      ].join("\n\n"));
    const json = await runImport([file, "--dry-run", "--json"], db);
    expect(json.status, json.stderr).toBe(0);
    const outline = dryRunShape.parse(JSON.parse(json.stdout));
    const third = outline.nodes.findIndex((n) => n.label === "OP3");
    expect(outline.problems).toEqual([{ nodeIndex: third, kind: "numbering-gap", detail: "OP2" }]);
    const text = await runImport([file, "--dry-run"], db);
    expect(text.stdout).toContain(`node ${third + 1} (OP3): numbering-gap (OP2)`);
    expect(existsSync(db)).toBe(false);
  });

  it("reads Markdown and Word files, by extension or --format, to the same outline as the text", async () => {
    const folder = tempFolder();
    const db = join(folder, "redraft.db");
    const expected = JSON.parse(
      readFileSync(join(repoRoot, "app/import/fixtures/ga-resolution-78-265-safe-secure-trustworthy-ai.expected.json"), "utf8"),
    );
    writeFileSync(join(folder, "resolution.md"), outlineToMarkdown(expected));
    writeFileSync(join(folder, "resolution.docx"), await outlineToDocx(expected, { numbering: "word" }));
    writeFileSync(join(folder, "resolution-docx.bin"), await outlineToDocx(expected, { numbering: "typed" }));
    for (const args of [["resolution.md"], ["resolution.docx"], ["resolution-docx.bin", "--format", "docx"]]) {
      const result = await runImport([join(folder, args[0]!), ...args.slice(1), "--dry-run", "--json"], db);
      expect(result.status, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({ ...expected, problems: [] });
    }
    expect(existsSync(db)).toBe(false);
  });

  it("stores a new version each time, keeping paragraph identity", async () => {
    const db = join(tempFolder(), "redraft.db");
    const first = await runImport([seed, "--consultation", "ai-resolution"], db);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/as version 1 of/);
    const second = await runImport([seed, "--consultation", "ai-resolution", "--json"], db);
    expect(second.status, second.stderr).toBe(0);
    const stored = JSON.parse(second.stdout);
    expect(stored).toMatchObject({ versionNumber: 2 });
    expect(stored.carriedOver).toBe(stored.nodeCount);

    const sqlite = new Database(db, { readonly: true });
    const versions = sqlite.prepare("select count(*) as n from document_versions where published_at is not null").get() as { n: number };
    const consultation = sqlite.prepare("select status from consultations where slug = 'ai-resolution'").get() as { status: string };
    sqlite.close();
    expect(versions.n).toBe(2);
    expect(consultation.status).toBe("draft");
  });

  it.each([
    [["missing-file.txt"], /cannot read missing-file\.txt: no such file/],
    [["notes.pdf"], /cannot tell the format of notes\.pdf/],
    [[], /expected exactly one file/],
    [[seed, "--format", "pdf"], /--format must be text, markdown or docx/],
    [[seed, "--consultation", "Not A Slug"], /--consultation must be a slug/],
    [[seed, "--colour"], /Unknown option '--colour'/],
  ])("refuses %j with exit code 2 and a clear message", async (args, message) => {
    const db = join(tempFolder(), "redraft.db");
    const result = await runImport(args, db);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(db)).toBe(false);
  });

  it("refuses a file that is not the format it claims, naming the file, and writes nothing", async () => {
    const folder = tempFolder();
    const fake = join(folder, "draft.docx");
    writeFileSync(fake, "this is plain text, not a Word document");
    const db = join(folder, "redraft.db");
    const result = await runImport([fake], db);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`cannot parse ${fake} as docx`);
    expect(existsSync(db)).toBe(false);
  });

  it("imports a translation only of an existing consultation's version, in a known language", async () => {
    const db = join(tempFolder(), "redraft.db");
    let result = await runImport([seed, "--translation", "de", "--consultation", "ga"], db);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--translation must be one of en, fr, es, ar, zh, ru");
    result = await runImport([seed, "--translation", "fr"], db);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--translation needs --consultation <slug>");
    result = await runImport([seed, "--translation", "fr", "--consultation", "nowhere"], db);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot import');
    expect(result.stderr).toContain('there is no consultation "nowhere"');
  });

  it("refuses a Word file that is a zip bomb, saying which limit it passes, and writes nothing", async () => {
    const JSZip = (await import("jszip")).default;
    const bomb = new JSZip();
    // 30 MB of one repeated character compresses about a thousand to one.
    bomb.file("word/document.xml", "a".repeat(30_000_000));
    const folder = tempFolder();
    const file = join(folder, "bomb.docx");
    writeFileSync(file, await bomb.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const db = join(folder, "redraft.db");
    const result = await runImport([file], db);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("compressed more than 100 to 1");
    expect(existsSync(db)).toBe(false);
  });
});
