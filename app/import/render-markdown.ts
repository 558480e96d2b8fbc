/**
 * An outline written out as Markdown: the inverse of the Markdown reader, used to export a draft
 * and to prove that a Markdown version of a seed imports to the same outline.
 */
import type { ImportedOutline, OutlineNode } from "./outline-types";
import { letterIndex, romanToNumber } from "./typed-numbering";

/** Characters Markdown would read as markup, escaped so the text parses back unchanged. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~&]/g, "\\$&")
    .replace(/^(\d+)([.)])/, "$1\\$2")
    .replace(/^([#>+=-])/, "\\$1");
}

const TABLE_ROW = /^(\p{L}+) (\d+)$/u;

export function outlineToMarkdown(outline: ImportedOutline): string {
  const out: string[] = [`# ${escapeMarkdown(outline.title)}`, ""];
  const definitions: string[] = [];
  const withNotes = (node: OutlineNode, text: string) => {
    const refs = node.footnotes.map((footnote) => {
      definitions.push(`[^${definitions.length + 1}]: ${escapeMarkdown(footnote)}`);
      return `[^${definitions.length}]`;
    });
    return text + refs.join("");
  };
  // Open list items: the indentation their children need ("12. " is four characters).
  const listIndent: { level: number; indent: string }[] = [];
  let inTable = false;

  const nodes = outline.nodes;
  nodes.forEach((node, i) => {
    const isRow = node.kind === "paragraph" && node.label !== null && TABLE_ROW.test(node.label);
    const isMeasure = node.kind === "paragraph" && node.parent !== null && TABLE_ROW.test(node.parent);
    if (isMeasure) return; // written with its row
    if (isRow) {
      if (!inTable) {
        out.push("", `| ${TABLE_ROW.exec(node.label!)![1]} | Measure |`, "| --- | --- |");
        inTable = true;
      }
      const number = TABLE_ROW.exec(node.label!)![2];
      const measures = nodes.filter((m) => m.parent === node.label && m.kind === "paragraph");
      const cell = (text: string) => escapeMarkdown(text).replace(/\n\n/g, "<br><br>");
      const first = withNotes(node, `${number}. ${cell(node.text)}`);
      const second = measures.map((m) => withNotes(m, `${m.label}. ${cell(m.text)}`)).join("<br><br>");
      out.push(`| ${first} | ${second} |`);
      return;
    }
    if (inTable) {
      out.push("");
      inTable = false;
    }

    const label = node.label;
    if (node.kind === "heading") {
      listIndent.length = 0;
      const title = label === null ? node.text : /^\p{L}[\p{L} ]* \d+$/u.test(label) ? `${label}: ${node.text}` : `${label}. ${node.text}`;
      out.push("", `${"#".repeat(Math.min(6, node.level + 2))} ${withNotes(node, escapeMarkdown(title))}`, "");
      return;
    }
    const number = label === null ? null : listNumber(node);
    if (number === null) {
      listIndent.length = 0;
      out.push("", withNotes(node, escapeMarkdown(node.text)), "");
      return;
    }
    while (listIndent.length > 0 && listIndent.at(-1)!.level >= node.level) listIndent.pop();
    const indent = listIndent.at(-1)?.indent ?? "";
    const marker = `${number}. `;
    const previous = nodes[i - 1];
    // A list interrupted by a heading or a paragraph starts again at its own number.
    if (listIndent.length === 0 && (!previous || listNumber(previous) === null)) out.push("");
    out.push(`${indent}${marker}${withNotes(node, escapeMarkdown(node.text))}`);
    listIndent.push({ level: node.level, indent: indent + " ".repeat(marker.length) });
  });
  if (definitions.length > 0) out.push("", ...definitions);
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trim()}\n`;
}

/** The number a list item shows: OP12 → 12, 37 → 37, OP4(c) → 3, 2(a)(iv) → 4. */
function listNumber(node: OutlineNode): number | null {
  const label = node.label;
  if (label === null || node.kind === "preambular" || node.kind === "text") return null;
  const sub = /\(([a-z]+)\)$/.exec(label);
  if (node.kind === "subparagraph" && sub) {
    const token = sub[1]!;
    const depth = (label.match(/\(/g) ?? []).length;
    return depth >= 2 && /^[ivxl]+$/.test(token) ? romanToNumber(token) : letterIndex(token);
  }
  const plain = /^(?:OP)?(\d+)$/.exec(label);
  return plain ? Number(plain[1]) : null;
}
