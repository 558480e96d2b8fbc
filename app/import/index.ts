/** The importer: source documents in, a UN-style outline out. Pure functions, no database. */
import { classifyBlocks } from "./classify";
import { ImportError, type ImportedOutline, type ImportFormat } from "./outline-types";
import { docxToSource } from "./docx-source";
import { markdownToSource } from "./markdown-source";
import { plainTextToSource } from "./plain-text-source";
import { inspectZip } from "./zip-limits.server";

export * from "./outline-types";

export function importPlainText(text: string): ImportedOutline {
  return classifyBlocks(plainTextToSource(text));
}

export function importMarkdown(markdown: string): ImportedOutline {
  return classifyBlocks(markdownToSource(markdown));
}

/** Every DOCX entry point (draft upload, CLI) comes through here: the container is inspected first. */
export async function importDocx(data: Buffer): Promise<ImportedOutline> {
  // What is not a ZIP at all ("PK" first) gets the reader's own "not a Word file" message.
  if (data[0] === 0x50 && data[1] === 0x4b) await inspectZip(data);
  return classifyBlocks(await docxToSource(data));
}

export async function importDocument(data: Buffer, format: ImportFormat): Promise<ImportedOutline> {
  switch (format) {
    case "text":
      return importPlainText(decodeText(data));
    case "markdown":
      return importMarkdown(decodeText(data));
    case "docx":
      return importDocx(data);
  }
}

export function formatFromFileName(name: string): ImportFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === "txt" || extension === "text") return "text";
  if (extension === "md" || extension === "markdown") return "markdown";
  if (extension === "docx") return "docx";
  return null;
}

function decodeText(data: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    throw new ImportError("the file is not UTF-8 text");
  }
}
